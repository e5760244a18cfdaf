import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  FINGERPRINTS_FILE,
  hashRun,
  wordRuns,
  type FingerprintsFile,
} from '../../scripts/fingerprint-seed';
import { isTopicId } from '../content/topics';
import {
  CLOSENESS_CHECK_ID,
  CLOSENESS_CHECK_VERSIONS,
  CURRENT_CLOSENESS_CHECK,
  ROOT_IDS,
  SCORED_SUBSCALE_IDS,
  SIGN_IDS,
  type ClosenessCheckDefinition,
} from './closeness-check.definition';

const versions = Object.values(CLOSENESS_CHECK_VERSIONS);

/** Every sentence a person can read in a definition, with where it comes from. */
function visibleTexts(definition: ClosenessCheckDefinition): { source: string; text: string }[] {
  return [
    { source: 'title', text: definition.title },
    { source: 'introduction', text: definition.introduction },
    ...Object.entries(definition.scale.labels).map(([value, text]) => ({
      source: `scale ${value}`,
      text,
    })),
    ...definition.subscales.map((subscale) => ({
      source: `subscale ${subscale.id}`,
      text: subscale.title,
    })),
    ...definition.items.map((item) => ({ source: item.id, text: item.text })),
    { source: 'safety introduction', text: definition.safetyIntroduction },
    ...definition.safetyQuestions.flatMap((question) => [
      { source: question.id, text: question.text },
      ...question.options.map((option) => ({
        source: `${question.id} option ${option.value}`,
        text: option.label,
      })),
    ]),
    ...Object.entries(definition.guides).flatMap(([id, guide]) => [
      { source: `guide ${id}`, text: guide.higherMeans },
      { source: `guide ${id}`, text: guide.whatHelps },
    ]),
    ...definition.bands.flatMap((band) => [
      { source: `band ${band.id}`, text: band.label },
      { source: `band ${band.id}`, text: band.description },
    ]),
    { source: 'band note', text: definition.bandNote },
    ...definition.whatItIsNot.map((text, index) => ({ source: `not ${index}`, text })),
  ];
}

const words = (text: string) => text.split(/\s+/).filter((word) => /[a-z0-9]/i.test(word));
const sentences = (text: string) =>
  text
    .split(/(?<=[.?!])\s+/)
    .map((sentence) => sentence.trim())
    .filter(Boolean);

describe('the registry of versions', () => {
  it('holds every version under its own number, and the current one is among them', () => {
    expect(versions.length).toBeGreaterThanOrEqual(1);
    for (const [key, definition] of Object.entries(CLOSENESS_CHECK_VERSIONS)) {
      expect(Number(key)).toBe(definition.version);
      expect(definition.id).toBe(CLOSENESS_CHECK_ID);
    }
    expect(CLOSENESS_CHECK_VERSIONS[CURRENT_CLOSENESS_CHECK.version]).toBe(CURRENT_CLOSENESS_CHECK);
  });

  it('cannot be changed by a caller: published wording stays as it was', () => {
    expect(Object.isFrozen(CLOSENESS_CHECK_VERSIONS)).toBe(true);
    expect(Object.isFrozen(CURRENT_CLOSENESS_CHECK)).toBe(true);
    expect(Object.isFrozen(CURRENT_CLOSENESS_CHECK.items)).toBe(true);
    expect(Object.isFrozen(CURRENT_CLOSENESS_CHECK.items[0])).toBe(true);
    expect(Object.isFrozen(CURRENT_CLOSENESS_CHECK.scale.labels)).toBe(true);
    expect(() => {
      (CURRENT_CLOSENESS_CHECK.items[0] as { text: string }).text = 'changed';
    }).toThrow(TypeError);
  });

  it('keeps every published version exactly as published (a fingerprint of all of it)', () => {
    // To change wording, a scale label, a band or an item's subscale or direction, publish a
    // new version and add its fingerprint here; never edit a published one (old responses
    // are scored and shown with the words the person actually read).
    const PUBLISHED: Record<number, string> = { 1: 'd8fdd83d' };
    const fingerprint = (text: string): string => {
      let hash = 0x811c9dc5; // FNV-1a, 32 bits: enough to notice any edit
      for (let index = 0; index < text.length; index += 1) {
        hash ^= text.charCodeAt(index);
        hash = Math.imul(hash, 0x01000193) >>> 0;
      }
      return hash.toString(16).padStart(8, '0');
    };
    for (const definition of versions) {
      expect(
        fingerprint(JSON.stringify(definition)),
        `version ${definition.version} was changed after publication`,
      ).toBe(PUBLISHED[definition.version]);
    }
  });

  it('is plain data that survives a JSON round trip (the API sends it as it is)', () => {
    const copy = JSON.parse(JSON.stringify(CURRENT_CLOSENESS_CHECK));
    expect(copy).toEqual(CURRENT_CLOSENESS_CHECK);
  });
});

describe.each(versions.map((definition) => [definition.version, definition] as const))(
  'version %i of the definition',
  (_version, definition) => {
    const { items, scale, subscales, safetyQuestions } = definition;
    const itemsOf = (id: string) => items.filter((item) => item.subscale === id);

    it('has the eight scored subscales and the safety subscale, each with a title', () => {
      expect(subscales.map((subscale) => subscale.id)).toEqual([...SCORED_SUBSCALE_IDS, 'safety']);
      for (const subscale of subscales) {
        const expected = (SIGN_IDS as readonly string[]).includes(subscale.id)
          ? 'sign'
          : (ROOT_IDS as readonly string[]).includes(subscale.id)
            ? 'root'
            : 'safety';
        expect(subscale.kind).toBe(expected);
        expect(subscale.title.trim()).not.toBe('');
      }
    });

    it('has 24 to 40 scored items: at least 4 for each sign and at least 3 for each root', () => {
      expect(items.length).toBeGreaterThanOrEqual(24);
      expect(items.length).toBeLessThanOrEqual(40);
      for (const id of SIGN_IDS) expect(itemsOf(id).length).toBeGreaterThanOrEqual(4);
      for (const id of ROOT_IDS) expect(itemsOf(id).length).toBeGreaterThanOrEqual(3);
      for (const item of items) expect(SCORED_SUBSCALE_IDS).toContain(item.subscale);
    });

    it('reverse-keys about a third of the items, spread over every subscale', () => {
      const share = items.filter((item) => item.reverse).length / items.length;
      expect(share).toBeGreaterThanOrEqual(0.25);
      expect(share).toBeLessThanOrEqual(0.4);
      // Each subscale has both kinds, so agreeing with everything cannot give a top score.
      for (const id of SCORED_SUBSCALE_IDS) {
        expect(itemsOf(id).some((item) => item.reverse)).toBe(true);
        expect(itemsOf(id).some((item) => !item.reverse)).toBe(true);
      }
    });

    it('gives every question a unique, readable id', () => {
      const ids = [...items, ...safetyQuestions].map((question) => question.id);
      expect(new Set(ids).size).toBe(ids.length);
      for (const item of items) expect(item.id).toMatch(new RegExp(`^${item.subscale}-[1-9]\\d*$`));
      for (const question of safetyQuestions) expect(question.id).toMatch(/^safety-[a-z-]+$/);
    });

    it('labels every point of a whole-number scale', () => {
      expect(Number.isInteger(scale.min)).toBe(true);
      expect(Number.isInteger(scale.max)).toBe(true);
      expect(scale.max).toBeGreaterThan(scale.min);
      const points = Object.keys(scale.labels).map(Number);
      const expected = Array.from({ length: scale.max - scale.min + 1 }, (_, i) => scale.min + i);
      expect(points.sort((a, b) => a - b)).toEqual(expected);
      for (const label of Object.values(scale.labels)) expect(label.trim()).not.toBe('');
    });

    it('asks about self-harm (crisis) and about a partner (safeguarding), outside every score', () => {
      const concerns = safetyQuestions.map((question) => question.concern);
      expect(concerns).toContain('crisis');
      expect(concerns).toContain('safeguarding');
      const itemIds = new Set(items.map((item) => item.id));
      for (const question of safetyQuestions) {
        expect(question.subscale).toBe('safety');
        expect(itemIds.has(question.id)).toBe(false);
        const values = question.options.map((option) => option.value);
        expect(new Set(values).size).toBe(values.length);
        for (const value of values) expect(Number.isInteger(value)).toBe(true);
        // At least one worrying answer, one clear "no", and one way not to answer.
        expect(question.options.some((option) => option.worrying)).toBe(true);
        expect(question.options.some((option) => !option.worrying && !option.declined)).toBe(true);
        expect(question.options.some((option) => option.declined)).toBe(true);
        expect(question.options.some((option) => option.declined && option.worrying)).toBe(false);
      }
      expect(subscales.filter((subscale) => subscale.kind === 'safety')).toHaveLength(1);
    });

    it('explains every scored subscale and links it to Learn topics that exist, its own first', () => {
      expect(Object.keys(definition.guides).sort()).toEqual([...SCORED_SUBSCALE_IDS].sort());
      for (const subscale of subscales.filter((entry) => entry.kind !== 'safety')) {
        const guide = definition.guides[subscale.id as keyof typeof definition.guides];
        expect(guide.higherMeans).toMatch(/^A higher score means/);
        expect(guide.whatHelps.trim()).not.toBe('');
        expect(guide.learnTopics.length).toBeGreaterThan(0);
        for (const topic of guide.learnTopics) expect(isTopicId(topic)).toBe(true);
        expect(guide.learnTopics[0]).toBe(`${subscale.kind}:${subscale.id}`);
      }
    });

    it('describes the three bands in order, with provisional cut-offs inside the index', () => {
      expect(definition.bands.map((band) => band.id)).toEqual(['lower', 'some', 'marked']);
      const { someFrom, markedFrom } = definition.bandThresholds;
      expect(0).toBeLessThan(someFrom);
      expect(someFrom).toBeLessThan(markedFrom);
      expect(markedFrom).toBeLessThan(100);
      expect(definition.bandNote).toMatch(/not a diagnosis/);
      expect(definition.whatItIsNot.join(' ')).toMatch(/not a diagnosis/);
      expect(definition.whatItIsNot.join(' ')).toMatch(/not a crisis service/);
    });

    it('keeps every question short and every sentence plain', () => {
      for (const item of items) expect(words(item.text).length, item.id).toBeLessThanOrEqual(18);
      for (const question of safetyQuestions) {
        for (const sentence of sentences(question.text))
          expect(words(sentence).length, question.id).toBeLessThanOrEqual(18);
      }
      for (const { source, text } of visibleTexts(definition)) {
        for (const sentence of sentences(text)) {
          expect(words(sentence).length, `${source}: ${sentence}`).toBeLessThanOrEqual(25);
        }
        // British spelling of the words most often slipped in American.
        expect(text, source).not.toMatch(/\b(?:behavior|color|recognize|practiced|center)\b/i);
      }
    });

    it('words reverse-keyed items positively, so nobody meets a double negative', () => {
      for (const item of items.filter((entry) => entry.reverse)) {
        expect(item.text, item.id).not.toMatch(
          /\b(?:not|no|never|nobody|nothing|none|neither|nor)\b|n't\b|n’t\b/i,
        );
      }
    });

    it('reuses no six-word run of the seed article', () => {
      const fingerprints = JSON.parse(
        fs.readFileSync(FINGERPRINTS_FILE, 'utf8'),
      ) as FingerprintsFile;
      const seed = new Set(fingerprints.hashes);
      const reused = visibleTexts(definition).flatMap(({ source, text }) =>
        wordRuns(text)
          .filter((run) => seed.has(hashRun(run)))
          .map((run) => `${source}: "${run}"`),
      );
      expect(reused).toEqual([]);
    });
  },
);
