import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseFrontMatter } from '../../core/content/front-matter';
import { inlineText, parseMarkdown } from '../../core/content/markdown';
import { PRIVACY_NOTICES } from '../../core/consent/privacy-notice';
import { enGB } from '../../core/i18n/en-GB';
import {
  FINGERPRINTS_FILE,
  fingerprintTexts,
  hashRun,
  HASH_LENGTH,
  readSeedTexts,
  RUN_LENGTH,
  wordRuns,
  type FingerprintsFile,
} from '../../scripts/fingerprint-seed';

/**
 * Every sentence Closer shows is written fresh: no run of six words of the seed article may
 * appear in the library, the privacy notice or the interface messages. The seed's words are
 * known here only by their hashes (scripts/fingerprint-seed.ts writes them).
 */

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const LEARN_DIR = path.join(REPO_ROOT, 'content', 'learn');

const fingerprints = JSON.parse(fs.readFileSync(FINGERPRINTS_FILE, 'utf8')) as FingerprintsFile;
const seedHashes = new Set(fingerprints.hashes);

/** What a reader sees of some Markdown: each heading, paragraph and list item as plain text. */
function visibleText(markdown: string): string {
  return parseMarkdown(markdown)
    .flatMap((block) =>
      block.type === 'list' ? block.items.map(inlineText) : [inlineText(block.children)],
    )
    .join('\n');
}

interface Text {
  source: string;
  text: string;
}

const articleTexts: Text[] = fs
  .readdirSync(LEARN_DIR)
  .filter((file) => file.endsWith('.md'))
  .sort()
  .flatMap((file) => {
    const source = fs.readFileSync(path.join(LEARN_DIR, file), 'utf8');
    const { attributes, body } = parseFrontMatter(source);
    const field = (key: string) => {
      const value = attributes[key];
      return typeof value === 'string' ? value : '';
    };
    // The raw body as well as the rendered one: a link target or markup must not hide a run.
    return [field('title'), field('summary'), visibleText(body), body].map((text) => ({
      source: `content/learn/${file}`,
      text,
    }));
  });

const noticeTexts: Text[] = PRIVACY_NOTICES.flatMap((notice) => [
  { source: `privacy notice ${notice.version}`, text: visibleText(notice.text) },
  { source: `privacy notice ${notice.version}`, text: notice.text },
]);

const messageTexts: Text[] = Object.entries(enGB).map(([key, text]) => ({
  source: `en-GB ${key}`,
  text,
}));

/** How many distinct runs some texts have, and those whose hashes are the seed's, by source. */
function reusedRuns(texts: Text[]): { checked: number; reused: string[] } {
  const checked = new Set<string>();
  const reused = new Set<string>();
  for (const { source, text } of texts) {
    for (const run of wordRuns(text)) {
      checked.add(run);
      if (seedHashes.has(hashRun(run))) reused.add(`${source}: "${run}"`);
    }
  }
  return { checked: checked.size, reused: [...reused] };
}

describe('the seed fingerprints file', () => {
  it('is not empty and holds only hex hashes of the declared length, no text', () => {
    expect(fingerprints.runLength).toBe(RUN_LENGTH);
    expect(fingerprints.hashLength).toBe(HASH_LENGTH);
    expect(fingerprints.hashes.length).toBeGreaterThan(100);
    expect(fingerprints.count).toBe(fingerprints.hashes.length);
    for (const hash of fingerprints.hashes)
      expect(hash).toMatch(new RegExp(`^[0-9a-f]{${HASH_LENGTH}}$`));
    expect(seedHashes.size).toBe(fingerprints.hashes.length);
  });

  const seedTexts = readSeedTexts();

  it.skipIf(seedTexts === null)(
    'matches the seed on this machine (regenerate it if the seed changed)',
    () => {
      expect(fingerprintTexts(seedTexts ?? [])).toEqual(fingerprints.hashes);
    },
  );

  it.skipIf(seedTexts === null)(
    'catches a sentence copied from the seed, even with changed case and punctuation',
    () => {
      const runs = wordRuns((seedTexts ?? []).join('\n'));
      const copied = runs[Math.floor(runs.length / 2)] ?? '';
      const disguised = `Intro. ${copied.toUpperCase().split(' ').join(', ')}!`;
      expect(reusedRuns([{ source: 'probe', text: disguised }]).reused).toHaveLength(1);
    },
  );
});

describe('no six-word run of the seed article is reused', () => {
  const results = {
    articles: reusedRuns(articleTexts),
    'privacy notice': reusedRuns(noticeTexts),
    'i18n messages': reusedRuns(messageTexts),
  };

  it('checked some runs in each kind of text', () => {
    console.log(
      `Seed originality: ${Object.entries(results)
        .map(([name, result]) => `${result.checked} distinct ${RUN_LENGTH}-word runs in ${name}`)
        .join(', ')}; ${seedHashes.size} seed fingerprints.`,
    );
    for (const result of Object.values(results)) expect(result.checked).toBeGreaterThan(0);
  });

  it.each(Object.entries(results))('in the %s', (_name, result) => {
    expect(result.reused).toEqual([]);
  });
});
