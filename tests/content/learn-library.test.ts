import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseArticle, type Article } from '../../core/content/article';
import { inlineText, parseMarkdown, type Block, type Inline } from '../../core/content/markdown';
import { TOPIC_IDS } from '../../core/content/topics';

/**
 * Checks over every article of the learning library: it parses, it links only where it may,
 * it is written in plain British English, and it reads at about age 11.
 */

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const LEARN_DIR = path.join(REPO_ROOT, 'content', 'learn');

const files = fs
  .readdirSync(LEARN_DIR)
  .filter((file) => file.endsWith('.md'))
  .sort();

interface LoadedArticle {
  file: string;
  slug: string;
  source: string;
}

const loaded: LoadedArticle[] = files.map((file) => ({
  file,
  slug: file.slice(0, -'.md'.length),
  source: fs.readFileSync(path.join(LEARN_DIR, file), 'utf8'),
}));

/** Parses every file; a broken one is reported by its own test below, not here. */
function tryParse(entry: LoadedArticle): Article | null {
  try {
    return parseArticle(entry.slug, entry.source);
  } catch {
    return null;
  }
}

const articles = loaded.map((entry) => ({ ...entry, article: tryParse(entry) }));
const slugs = new Set(loaded.map((entry) => entry.slug));

// ---------------------------------------------------------------------------------------------
// A simple reading-age measure (Flesch reading ease with a heuristic syllable count).

/** The readable units of an article: its title, then each heading, paragraph and list item. */
function textUnits(title: string, blocks: Block[]): string[] {
  const units = [title];
  for (const block of blocks) {
    if (block.type === 'list') units.push(...block.items.map((item: Inline[]) => inlineText(item)));
    else units.push(inlineText(block.children));
  }
  return units;
}

const wordsOf = (text: string) =>
  text
    .split(/[\s—–]+/)
    .map((word) => word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
    .filter((word) => /[\p{L}\p{N}]/u.test(word));

/**
 * Sentences: each unit ends one (a heading or list item is read as a sentence), and inside a
 * unit a ., ! or ? followed by a space or the end ends one.
 */
function sentencesOf(units: string[]): string[][] {
  return units
    .flatMap((unit) => unit.split(/[.!?]+["'’”)]*(?=\s|$)/))
    .map(wordsOf)
    .filter((words) => words.length > 0);
}

/** A common heuristic: vowel groups, less a silent final -e or -ed/-es, at least one. */
function estimateSyllables(word: string): number {
  const letters = word.toLowerCase().replace(/[^a-z]/g, '');
  if (letters === '') return Math.max(1, word.replace(/\D/g, '').length); // a figure, e.g. "3"
  if (letters.length <= 3) return 1;
  const trimmed = letters
    .replace(/(?:[^laeiouy]es|[^laeiouy]ed|[^laeiouy]e)$/, '')
    .replace(/^y/, '');
  return Math.max(1, trimmed.match(/[aeiouy]{1,2}/g)?.length ?? 0);
}

interface ReadingFigures {
  words: number;
  sentences: number;
  averageSentenceLength: number;
  syllablesPerWord: number;
  fleschReadingEase: number;
}

function readingFigures(title: string, body: string): ReadingFigures {
  const sentences = sentencesOf(textUnits(title, parseMarkdown(body)));
  const words = sentences.flat();
  const syllables = words.reduce((sum, word) => sum + estimateSyllables(word), 0);
  const averageSentenceLength = words.length / sentences.length;
  const syllablesPerWord = syllables / words.length;
  return {
    words: words.length,
    sentences: sentences.length,
    averageSentenceLength,
    syllablesPerWord,
    fleschReadingEase: 206.835 - 1.015 * averageSentenceLength - 84.6 * syllablesPerWord,
  };
}

/** Average sentence length at most 15 words and Flesch reading ease at least 60: about age 11. */
const MAX_AVERAGE_SENTENCE_LENGTH = 15;
const MIN_FLESCH_READING_EASE = 60;

// ---------------------------------------------------------------------------------------------

describe('the learning library', () => {
  it('has articles to check', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it.each(articles.map((entry) => [entry.file, entry] as const))(
    '%s parses with parseArticle',
    (_file, entry) => {
      expect(() => parseArticle(entry.slug, entry.source)).not.toThrow();
    },
  );

  it('covers all 17 topics', () => {
    const covered = new Set(articles.flatMap((entry) => entry.article?.topics ?? []));
    expect(TOPIC_IDS).toHaveLength(17);
    expect(TOPIC_IDS.filter((topic) => !covered.has(topic))).toEqual([]);
  });

  it('gives every article a distinct title and order', () => {
    const titles = articles.map((entry) => entry.article?.title);
    const orders = articles.map((entry) => entry.article?.order);
    expect(new Set(titles).size).toBe(titles.length);
    expect(new Set(orders).size).toBe(orders.length);
  });

  describe.each(articles.map((entry) => [entry.file, entry] as const))('%s', (_file, entry) => {
    const article = entry.article;
    const body = article?.body ?? '';
    const prose = [article?.title ?? '', article?.summary ?? '', body].join('\n');

    it('links only to existing articles (/learn/slug) or to /help', () => {
      const links = [...body.matchAll(/\[([^\]]*)\]\(([^)]*)\)/g)].map((match) =>
        (match[2] ?? '').trim(),
      );
      const wrong = links.filter((href) => {
        if (href === '/help') return false;
        const slug = /^\/learn\/([a-z0-9-]+)$/.exec(href)?.[1];
        return slug === undefined || !slugs.has(slug);
      });
      expect(wrong).toEqual([]);
    });

    it('keeps every link when rendered (none is dropped as unsafe)', () => {
      const rawLinks = [...body.matchAll(/\[[^\]]+\]\([^)\s]+\)/g)].length;
      const rendered = JSON.stringify(parseMarkdown(body)).match(/"type":"link"/g)?.length ?? 0;
      expect(rendered).toBe(rawLinks);
    });

    it('has no level-1 heading in the body (the page title is the only one)', () => {
      expect(body.split('\n').filter((line) => /^#(\s|$)/.test(line))).toEqual([]);
    });

    it('shows no phone numbers (no run of 3 or more digits): numbers live on the help page', () => {
      expect(prose.match(/\d{3,}/g) ?? []).toEqual([]);
    });

    it('uses British spelling (spot check)', () => {
      const american =
        /\b(colors?|colored|colorful|behaviors?|behavioral|centers?|centered|organiz\w*|recogniz\w*|apologiz\w*|favorites?|moms?|mommy)\b/gi;
      expect(prose.match(american) ?? []).toEqual([]);
    });
  });

  it('reads at about age 11: average sentence ≤ 15 words and Flesch reading ease ≥ 60', () => {
    const rows = articles.map((entry) => {
      const figures = readingFigures(entry.article?.title ?? '', entry.article?.body ?? '');
      return {
        article: entry.slug,
        words: figures.words,
        sentences: figures.sentences,
        'words/sentence': Number(figures.averageSentenceLength.toFixed(1)),
        'syllables/word': Number(figures.syllablesPerWord.toFixed(2)),
        flesch: Number(figures.fleschReadingEase.toFixed(1)),
      };
    });
    console.log(
      [
        'Reading figures (title + body):',
        ...rows.map(
          (row) =>
            `  ${row.article.padEnd(40)} ${String(row.words).padStart(4)} words ${String(row.sentences).padStart(3)} sentences  ${row['words/sentence'].toFixed(1).padStart(4)} words/sentence  ${row['syllables/word'].toFixed(2)} syll/word  Flesch ${row.flesch.toFixed(1)}`,
        ),
      ].join('\n'),
    );
    const tooHard = rows.filter(
      (row) =>
        row['words/sentence'] > MAX_AVERAGE_SENTENCE_LENGTH || row.flesch < MIN_FLESCH_READING_EASE,
    );
    expect(tooHard).toEqual([]);
  });
});

describe('the reading measure', () => {
  it('estimates syllables of common words roughly right', () => {
    const samples: [string, number][] = [
      ['cat', 1],
      ['trust', 1],
      ['gentle', 2],
      ['people', 2],
      ['family', 3],
      ['understand', 3],
      ['relationship', 4],
      ['make', 1],
      ['feelings', 2],
    ];
    for (const [word, count] of samples) expect(estimateSyllables(word), word).toBe(count);
  });

  it('scores short, plain sentences as easy and long, dense ones as hard', () => {
    const easy = readingFigures('A walk', 'We went for a walk. It was nice. The dog ran fast.');
    const hard = readingFigures(
      'Considerations',
      'Interpersonal vulnerability necessitates considerable psychological sophistication, particularly regarding attachment-related anticipatory apprehension within contemporary relationships.',
    );
    expect(easy.sentences).toBe(4);
    expect(easy.averageSentenceLength).toBeLessThan(5);
    expect(easy.fleschReadingEase).toBeGreaterThan(90);
    expect(hard.fleschReadingEase).toBeLessThan(0);
  });

  it('treats headings and list items as sentences of their own', () => {
    const figures = readingFigures('Title', '## A heading\n\n- one item\n- two item\n\nText here.');
    expect(figures.sentences).toBe(5);
  });
});
