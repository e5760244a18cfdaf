import type { Article } from './article';
import type { TopicId } from './topics';

/** What a search may look at; topic labels come from the i18n layer of the caller. */
export interface SearchableArticle extends Article {
  topicLabels?: string[];
}

const FIELD_WEIGHTS = { title: 5, topics: 3, summary: 3, body: 1 } as const;

/**
 * Splits text into lower-case word stems without accents, so "Trusting" finds "trust" and
 * "feelings" finds "feeling". A light suffix-stripper is enough at our library's size.
 */
export function tokenise(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length >= 2)
    .map(stem);
}

function stem(word: string): string {
  for (const suffix of ['ings', 'ing', 'ed', 'es', 's']) {
    if (word.length - suffix.length >= 4 && word.endsWith(suffix)) {
      return word.slice(0, -suffix.length);
    }
  }
  return word;
}

/**
 * Ranks articles for a free-text query. Every word of the query must appear (as a word or
 * the start of one) somewhere in the article. Articles with more query words in the title
 * come first, whatever the rest says; then the weighted count of matches decides. An empty
 * query returns the articles unchanged. Optionally filters by topic first.
 */
export function searchArticles<T extends SearchableArticle>(
  articles: readonly T[],
  query: string,
  topic?: TopicId,
): T[] {
  const byTopic = topic ? articles.filter((article) => article.topics.includes(topic)) : articles;
  const terms = [...new Set(tokenise(query))];
  if (terms.length === 0) return [...byTopic];

  const scored: { article: T; titleTerms: number; score: number }[] = [];
  for (const article of byTopic) {
    const fields = {
      title: tokenise(article.title),
      topics: tokenise([...article.topics, ...(article.topicLabels ?? [])].join(' ')),
      summary: tokenise(article.summary),
      body: tokenise(article.body),
    };
    let score = 0;
    let titleTerms = 0;
    let allFound = true;
    for (const term of terms) {
      let termScore = 0;
      for (const field of Object.keys(FIELD_WEIGHTS) as (keyof typeof FIELD_WEIGHTS)[]) {
        const hits = fields[field].filter((token) => token.startsWith(term)).length;
        termScore += Math.min(hits, 5) * FIELD_WEIGHTS[field];
      }
      if (fields.title.some((token) => token.startsWith(term))) titleTerms += 1;
      if (termScore === 0) {
        allFound = false;
        break;
      }
      score += termScore;
    }
    if (allFound) scored.push({ article, titleTerms, score });
  }
  return scored
    .sort((a, b) => b.titleTerms - a.titleTerms || b.score - a.score)
    .map((entry) => entry.article);
}
