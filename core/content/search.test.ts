import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { searchArticles, tokenise, type SearchableArticle } from './search';
import { TOPIC_IDS, type TopicId } from './topics';

let nextSlug = 0;

function article(fields: Partial<SearchableArticle> = {}): SearchableArticle {
  nextSlug += 1;
  return {
    slug: `article-${nextSlug}`,
    title: 'Untitled',
    summary: 'Nothing much.',
    topics: ['sign:avoidance'],
    order: 1,
    minutes: 1,
    body: 'Some plain words.',
    ...fields,
  };
}

const slugs = (articles: SearchableArticle[]) => articles.map((entry) => entry.slug);

describe('tokenise', () => {
  it('lower-cases and splits on anything that is not a letter or digit', () => {
    expect(tokenise("Trust, CLOSENESS & self-esteem: it's 2026!")).toEqual([
      'trust',
      'closenes',
      'self',
      'esteem',
      'it',
      '2026',
    ]);
  });

  it('removes accents so that "café" and "cafe" match', () => {
    expect(tokenise('Café naïve Zoë Ångström')).toEqual(['cafe', 'naive', 'zoe', 'angstrom']);
    expect(tokenise('cafe\u0301')).toEqual(['cafe']);
  });

  it('folds compatibility characters such as full-width letters and ligatures', () => {
    expect(tokenise('ＴＲＵＳＴ ﬁnd')).toEqual(['trust', 'find']);
  });

  it('drops one-character words', () => {
    expect(tokenise('I a x ok')).toEqual(['ok']);
  });

  it('strips common suffixes only when at least four letters remain', () => {
    expect(tokenise('feelings feeling feels trusting trusted wishes things sing')).toEqual([
      'feel',
      'feel',
      'feel',
      'trust',
      'trust',
      'wish',
      'thing',
      'sing',
    ]);
  });

  it('returns nothing for empty or punctuation-only text', () => {
    expect(tokenise('')).toEqual([]);
    expect(tokenise(' …—!? ')).toEqual([]);
  });

  it('keeps letters of other scripts', () => {
    expect(tokenise('доверие 信頼')).toEqual(['доверие', '信頼']);
  });

  it('property: tokens are lower-case, at least two characters, and contain no separators', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), (value) => {
        for (const token of tokenise(value)) {
          expect(token.length).toBeGreaterThanOrEqual(2);
          expect(token).toBe(token.toLowerCase());
          expect(token).toMatch(/^[\p{L}\p{N}]+$/u);
        }
      }),
    );
  });

  it('property: tokenising is stable, so a token tokenises to itself', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (value) => {
        for (const token of tokenise(value)) {
          const again = tokenise(token);
          expect(again).toHaveLength(1);
          expect(token.startsWith(again[0] ?? '')).toBe(true);
        }
      }),
    );
  });
});

describe('searchArticles', () => {
  const trustTitle = article({ title: 'Finding it hard to trust', body: 'A body about people.' });
  const trustBody = article({
    title: 'Healthy boundaries',
    body: 'Boundaries help trust to grow.',
  });
  const unrelated = article({ title: 'Paced breathing', body: 'Breathe in slowly.' });
  const library = [unrelated, trustBody, trustTitle];

  it('returns every article, in the order given, for an empty or wordless query', () => {
    expect(slugs(searchArticles(library, ''))).toEqual(slugs(library));
    expect(slugs(searchArticles(library, '  ?! '))).toEqual(slugs(library));
    expect(searchArticles(library, '')).not.toBe(library);
  });

  it('finds words by stem and prefix, whatever the case or accents', () => {
    expect(slugs(searchArticles(library, 'TRUSTING'))).toEqual(slugs([trustTitle, trustBody]));
    expect(slugs(searchArticles(library, 'breath'))).toEqual(slugs([unrelated]));
    expect(slugs(searchArticles(library, 'bréathing'))).toEqual(slugs([unrelated]));
  });

  it('matches a query term against the start of a word, not its middle', () => {
    expect(searchArticles(library, 'rust')).toEqual([]);
  });

  it('requires every query term to match', () => {
    expect(slugs(searchArticles(library, 'trust boundaries'))).toEqual(slugs([trustBody]));
    expect(searchArticles(library, 'trust dragons')).toEqual([]);
  });

  it('searches the summary, the topic ids and the topic labels', () => {
    const bySummary = article({ summary: 'About jealousy.' });
    const byLabel = article({ topicLabels: ['Integrative therapy'] });
    const byTopic = article({ topics: ['pillar:boundaries'] });
    expect(searchArticles([bySummary, byLabel, byTopic], 'jealous')).toEqual([bySummary]);
    expect(searchArticles([bySummary, byLabel, byTopic], 'integrative')).toEqual([byLabel]);
    expect(searchArticles([bySummary, byLabel, byTopic], 'pillar')).toEqual([byTopic]);
  });

  it('ranks an article with the word in its title above ones that only mention it elsewhere', () => {
    // The body mentions "trust" many times and the summary twice: still below a title match.
    const wordy = article({
      title: 'Healthy boundaries',
      summary: 'Trust and more trust.',
      body: 'Trust trust trust trust trust trust trust.',
    });
    const titled = article({ title: 'Trust', summary: 'A short one.', body: 'Short.' });
    expect(searchArticles([wordy, titled], 'trust')).toEqual([titled, wordy]);
    expect(searchArticles([titled, wordy], 'trust')).toEqual([titled, wordy]);
  });

  it('ranks more title matches above fewer when every term matches', () => {
    const both = article({ title: 'Trust and boundaries', body: 'x' });
    const one = article({
      title: 'Trust',
      body: 'Boundaries boundaries boundaries boundaries boundaries.',
    });
    expect(searchArticles([one, both], 'trust boundaries')).toEqual([both, one]);
  });

  it('ranks more mentions above fewer when the title does not decide', () => {
    const once = article({ body: 'Shame once.' });
    const thrice = article({ body: 'Shame, shame and shame again.' });
    expect(searchArticles([once, thrice], 'shame')).toEqual([thrice, once]);
  });

  it('keeps the given order for equal scores', () => {
    const first = article({ body: 'Calm.' });
    const second = article({ body: 'Calm.' });
    expect(searchArticles([first, second], 'calm')).toEqual([first, second]);
    expect(searchArticles([second, first], 'calm')).toEqual([second, first]);
  });

  it('filters by topic before searching', () => {
    const avoidance = article({ topics: ['sign:avoidance'], body: 'trust' });
    const trust = article({ topics: ['sign:trust', 'pillar:trust-empathy'], body: 'trust' });
    expect(searchArticles([avoidance, trust], 'trust', 'sign:trust')).toEqual([trust]);
    expect(searchArticles([avoidance, trust], '', 'pillar:trust-empathy')).toEqual([trust]);
    expect(searchArticles([avoidance, trust], '', 'therapy:integrative')).toEqual([]);
  });

  describe('properties', () => {
    const word = fc.constantFrom(
      'trust',
      'closeness',
      'fear',
      'boundaries',
      'feelings',
      'calm',
      'café',
      'shame',
    );
    const words = fc.array(word, { maxLength: 6 }).map((list) => list.join(' '));
    const arbitraryArticle = fc
      .record({
        title: words,
        summary: words,
        body: words,
        topics: fc.uniqueArray(fc.constantFrom(...TOPIC_IDS), { minLength: 1, maxLength: 3 }),
      })
      .map((fields) => article(fields as Partial<SearchableArticle>));
    const query = fc.oneof(words, fc.string({ maxLength: 20 }));
    const topic = fc.option(fc.constantFrom(...TOPIC_IDS), { nil: undefined });

    it('results are always a subset of the input, without repeats, and match the topic', () => {
      fc.assert(
        fc.property(
          fc.array(arbitraryArticle, { maxLength: 8 }),
          query,
          topic,
          (articles, text, topicId?: TopicId) => {
            const results = searchArticles(articles, text, topicId);
            expect(new Set(results).size).toBe(results.length);
            for (const result of results) {
              expect(articles).toContain(result);
              if (topicId) expect(result.topics).toContain(topicId);
            }
          },
        ),
      );
    });

    it('adding a term never adds results', () => {
      fc.assert(
        fc.property(
          fc.array(arbitraryArticle, { maxLength: 8 }),
          words,
          word,
          (articles, text, extra) => {
            fc.pre(tokenise(text).length > 0);
            const narrower = searchArticles(articles, `${text} ${extra}`);
            const wider = new Set(searchArticles(articles, text));
            for (const result of narrower) expect(wider.has(result)).toBe(true);
          },
        ),
      );
    });
  });
});
