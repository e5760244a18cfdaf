import { DomainError } from '../errors/domain-error';
import { parseFrontMatter, type FrontMatterValue } from './front-matter';
import { isTopicId, type TopicId } from './topics';

export interface Article {
  slug: string;
  title: string;
  summary: string;
  topics: TopicId[];
  order: number;
  minutes: number;
  body: string;
}

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Words a minute for the reading-time estimate. Adult averages are about 230; our readers
 * may be reading slowly and carefully about something painful, so we estimate generously.
 */
const WORDS_PER_MINUTE = 180;

/** Estimated minutes to read a Markdown body, at least one. */
export function readingMinutes(body: string): number {
  const words = body.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
  return Math.max(1, Math.round(words / WORDS_PER_MINUTE));
}

/** Parses and validates one article file. Throws a DomainError naming the problem. */
export function parseArticle(slug: string, source: string): Article {
  if (!SLUG_PATTERN.test(slug)) {
    throw new DomainError('article_invalid', `"${slug}" is not a valid article slug.`);
  }
  const { attributes, body } = parseFrontMatter(source);
  const title = requireText(slug, attributes, 'title');
  const summary = requireText(slug, attributes, 'summary');
  const topicsValue = attributes.topics;
  if (!Array.isArray(topicsValue) || topicsValue.length === 0) {
    throw new DomainError('article_invalid', `${slug}: "topics" must be a non-empty list.`);
  }
  const unknown = topicsValue.filter((topic) => !isTopicId(topic));
  if (unknown.length > 0) {
    throw new DomainError('article_invalid', `${slug}: unknown topics ${unknown.join(', ')}.`);
  }
  const orderValue = attributes.order ?? '1000';
  // Number() alone would read "" as 0, a one-item list as its item, and "0x10" as 16.
  const order =
    typeof orderValue === 'string' && /^-?\d+$/.test(orderValue) ? Number(orderValue) : Number.NaN;
  if (!Number.isInteger(order)) {
    throw new DomainError('article_invalid', `${slug}: "order" must be a whole number.`);
  }
  if (body.trim() === '') {
    throw new DomainError('article_invalid', `${slug}: the article has no body.`);
  }
  return {
    slug,
    title,
    summary,
    topics: topicsValue as TopicId[],
    order,
    minutes: readingMinutes(body),
    body,
  };
}

function requireText(
  slug: string,
  attributes: Record<string, FrontMatterValue>,
  key: string,
): string {
  const value = attributes[key];
  if (typeof value !== 'string' || value.trim() === '') {
    throw new DomainError('article_invalid', `${slug}: "${key}" is missing.`);
  }
  return value.trim();
}

/** Library order: the `order` field, then title. */
export function compareArticles(a: Article, b: Article): number {
  return a.order - b.order || a.title.localeCompare(b.title, 'en-GB');
}
