import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors/domain-error';
import {
  compareArticles,
  parseArticle,
  readingMinutes,
  SLUG_PATTERN,
  type Article,
} from './article';
import { TOPIC_IDS } from './topics';

interface ArticleSource {
  title?: string;
  summary?: string;
  topics?: string;
  order?: string;
  body?: string;
}

/** Builds an article file; a field set to undefined is left out. */
function articleSource(overrides: ArticleSource = {}): string {
  const fields: ArticleSource = {
    title: 'Finding it hard to trust',
    summary: 'Why trust can feel risky.',
    topics: '[sign:trust, pillar:trust-empathy]',
    order: '30',
    body: 'Trust grows slowly.\n\n## Small steps\n\nTry one small step.\n',
    ...overrides,
  };
  const lines = (['title', 'summary', 'topics', 'order'] as const)
    .filter((key) => !(key in overrides) || overrides[key] !== undefined)
    .map((key) => `${key}: ${fields[key]}`);
  return `---\n${lines.join('\n')}\n---\n${fields.body ?? ''}`;
}

function articleError(slug: string, source: string): DomainError {
  try {
    parseArticle(slug, source);
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    return error as DomainError;
  }
  throw new Error('expected parseArticle to throw');
}

describe('parseArticle', () => {
  it('returns a validated article', () => {
    expect(parseArticle('finding-it-hard-to-trust', articleSource())).toEqual({
      slug: 'finding-it-hard-to-trust',
      title: 'Finding it hard to trust',
      summary: 'Why trust can feel risky.',
      topics: ['sign:trust', 'pillar:trust-empathy'],
      order: 30,
      minutes: 1,
      body: 'Trust grows slowly.\n\n## Small steps\n\nTry one small step.\n',
    });
  });

  it('trims the title and summary, and accepts them quoted', () => {
    const article = parseArticle(
      'a',
      articleSource({ title: '"  Spaced title  "', summary: "'Quoted: yes'" }),
    );
    expect(article.title).toBe('Spaced title');
    expect(article.summary).toBe('Quoted: yes');
  });

  it('puts an article with no order after the ordered ones (order 1000)', () => {
    expect(parseArticle('a', articleSource({ order: undefined })).order).toBe(1000);
  });

  it('accepts negative whole numbers for order', () => {
    expect(parseArticle('a', articleSource({ order: '-5' })).order).toBe(-5);
  });

  it.each(['Bad', 'has space', '-leading', 'trailing-', 'double--dash', 'a_b', '', '../etc'])(
    'rejects the slug %j',
    (slug) => {
      const error = articleError(slug, articleSource());
      expect(error.code).toBe('article_invalid');
      expect(error.message).toContain('is not a valid article slug');
    },
  );

  it.each([
    ['title', { title: undefined }, '"title" is missing'],
    ['an empty title', { title: '' }, '"title" is missing'],
    ['a blank quoted title', { title: '"   "' }, '"title" is missing'],
    ['a list as title', { title: '[a, b]' }, '"title" is missing'],
    ['summary', { summary: undefined }, '"summary" is missing'],
    ['topics', { topics: undefined }, '"topics" must be a non-empty list'],
    ['an empty topic list', { topics: '[]' }, '"topics" must be a non-empty list'],
    ['a topic that is not a list', { topics: 'sign:trust' }, '"topics" must be a non-empty list'],
  ] satisfies [string, ArticleSource, string][])(
    'rejects a missing or wrong %s',
    (_name, fields, message) => {
      const error = articleError('my-article', articleSource(fields));
      expect(error.code).toBe('article_invalid');
      expect(error.message).toBe(`my-article: ${message}.`);
    },
  );

  it('rejects unknown topics and names every one of them', () => {
    const error = articleError(
      'a',
      articleSource({ topics: '[sign:trust, sign:made-up, Sign:Trust]' }),
    );
    expect(error.code).toBe('article_invalid');
    expect(error.message).toBe('a: unknown topics sign:made-up, Sign:Trust.');
  });

  it('accepts every known topic id', () => {
    const article = parseArticle('a', articleSource({ topics: `[${TOPIC_IDS.join(', ')}]` }));
    expect(article.topics).toEqual([...TOPIC_IDS]);
  });

  it.each(['1.5', 'first', '', '[3]', '1e3', '0x10', 'Infinity'])(
    'rejects the order %j, which is not a whole number as written',
    (order) => {
      const error = articleError('a', articleSource({ order }));
      expect(error.code).toBe('article_invalid');
      expect(error.message).toBe('a: "order" must be a whole number.');
    },
  );

  it.each(['', '\n\n  \n'])('rejects an empty body %j', (body) => {
    const error = articleError('a', articleSource({ body }));
    expect(error.code).toBe('article_invalid');
    expect(error.message).toBe('a: the article has no body.');
  });

  it('passes front-matter errors through with their own code', () => {
    const error = articleError('a', 'title: no front matter');
    expect(error.code).toBe('front_matter_invalid');
  });

  it('estimates reading minutes from the body', () => {
    const body = `${Array.from({ length: 900 }, () => 'word').join(' ')}\n`;
    expect(parseArticle('a', articleSource({ body })).minutes).toBe(5);
  });
});

describe('readingMinutes', () => {
  const words = (count: number) =>
    Array.from({ length: count }, (_, index) => `w${index}`).join(' ');

  it('is at least one minute', () => {
    expect(readingMinutes('')).toBe(1);
    expect(readingMinutes('One word.')).toBe(1);
  });

  it('reads 180 words a minute, rounded to the nearest minute', () => {
    expect(readingMinutes(words(180))).toBe(1);
    expect(readingMinutes(words(269))).toBe(1);
    expect(readingMinutes(words(270))).toBe(2);
    expect(readingMinutes(words(360))).toBe(2);
    expect(readingMinutes(words(1800))).toBe(10);
  });

  it('does not count Markdown markers or punctuation as words', () => {
    const marked = `## Heading\n\n- one\n- two\n\n* three\n\n— … ** * -\n`;
    const plainCount = 4;
    // 180 * 1.5 = 270 words rounds to 2 minutes; markers must not push 269 words over.
    expect(readingMinutes(`${words(269 - plainCount)} ${marked}`)).toBe(1);
  });

  it('counts words in any script', () => {
    expect(
      readingMinutes(Array.from({ length: 270 }, () => 'ça Ω 信').join(' ')),
    ).toBeGreaterThanOrEqual(4);
  });

  it('property: always a whole number of at least 1, and never smaller for a longer text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), fc.string({ maxLength: 300 }), (a, b) => {
        const minutes = readingMinutes(a);
        expect(Number.isInteger(minutes)).toBe(true);
        expect(minutes).toBeGreaterThanOrEqual(1);
        expect(readingMinutes(`${a} ${b}`)).toBeGreaterThanOrEqual(minutes);
      }),
    );
  });
});

describe('SLUG_PATTERN', () => {
  it('property: every slug made of lower-case words joined by single dashes is accepted', () => {
    fc.assert(
      fc.property(
        fc.array(fc.stringMatching(/^[a-z0-9]{1,8}$/), { minLength: 1, maxLength: 6 }),
        (parts) => {
          expect(SLUG_PATTERN.test(parts.join('-'))).toBe(true);
        },
      ),
    );
  });
});

describe('compareArticles', () => {
  const article = (title: string, order: number): Article => ({
    slug: 'x',
    title,
    summary: '',
    topics: ['sign:trust'],
    order,
    minutes: 1,
    body: '',
  });

  it('sorts by order, then by title', () => {
    const sorted = [
      article('Zebra', 2),
      article('beta', 1),
      article('Alpha', 1),
      article('Émile', 1),
    ].sort(compareArticles);
    expect(sorted.map((entry) => entry.title)).toEqual(['Alpha', 'beta', 'Émile', 'Zebra']);
  });
});
