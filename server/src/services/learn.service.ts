import fs from 'node:fs';
import path from 'node:path';
import { compareArticles, parseArticle, type Article } from '../../../core/content/article';
import { searchArticles } from '../../../core/content/search';
import type { TopicId } from '../../../core/content/topics';
import { t } from '../../../core/i18n/translate';

export interface ArticleSummary {
  slug: string;
  title: string;
  summary: string;
  topics: TopicId[];
  minutes: number;
}

/**
 * The learning library, read from `content/learn/*.md` once at start-up and held in memory
 * (a few dozen small files). A broken article stops the server at start-up with a clear
 * message rather than vanishing silently from the library.
 */
export class LearnLibrary {
  private readonly articles: (Article & { topicLabels: string[] })[];
  private readonly bySlug: Map<string, Article>;

  constructor(articles: Article[]) {
    this.articles = [...articles].sort(compareArticles).map((article) => ({
      ...article,
      topicLabels: article.topics.map((topic) => t(`topic.${topic}`)),
    }));
    this.bySlug = new Map(this.articles.map((article) => [article.slug, article]));
  }

  static fromDirectory(contentDir: string): LearnLibrary {
    const folder = path.join(contentDir, 'learn');
    const files = fs.existsSync(folder)
      ? fs.readdirSync(folder).filter((file) => file.endsWith('.md'))
      : [];
    return new LearnLibrary(
      files.map((file) =>
        parseArticle(file.slice(0, -3), fs.readFileSync(path.join(folder, file), 'utf8')),
      ),
    );
  }

  list(query = '', topic?: TopicId): ArticleSummary[] {
    return searchArticles(this.articles, query, topic).map(summarise);
  }

  get(slug: string): Article | null {
    return this.bySlug.get(slug) ?? null;
  }

  get size(): number {
    return this.articles.length;
  }
}

function summarise(article: Article): ArticleSummary {
  return {
    slug: article.slug,
    title: article.title,
    summary: article.summary,
    topics: article.topics,
    minutes: article.minutes,
  };
}
