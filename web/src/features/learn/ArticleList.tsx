import { Link } from 'react-router';
import type { ArticleSummary } from '../../api/types';
import { t, isMessageKey } from '../../i18n';

export function topicLabel(topic: string): string {
  const key = `topic.${topic}`;
  return isMessageKey(key) ? t(key) : topic;
}

/** A list of articles: title (a link), summary, reading time and topic tags. */
export function ArticleList({
  articles,
  headingLevel = 2,
}: {
  articles: ArticleSummary[];
  headingLevel?: 2 | 3;
}) {
  const Heading = `h${headingLevel}` as 'h2' | 'h3';
  return (
    <ul className="article-list">
      {articles.map((article) => (
        <li key={article.slug} className="article-card">
          <Heading className="article-card__title">
            <Link to={`/learn/${article.slug}`}>{article.title}</Link>
          </Heading>
          <p>{article.summary}</p>
          <ArticleMeta minutes={article.minutes} topics={article.topics} />
        </li>
      ))}
    </ul>
  );
}

/** Reading time and topic tags; each tag lists the library's articles on that topic. */
export function ArticleMeta({ minutes, topics }: { minutes: number; topics: string[] }) {
  return (
    <p className="meta">
      <span>{t('learn.minutes', { minutes })}</span>
      <span className="visually-hidden">{t('learn.topics')}: </span>
      {topics.map((topic) => (
        <Link key={topic} className="tag" to={`/learn?topic=${encodeURIComponent(topic)}`}>
          {topicLabel(topic)}
        </Link>
      ))}
    </p>
  );
}
