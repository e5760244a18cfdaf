import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { api, ApiError } from '../api/client';
import type { Article, ArticleSummary } from '../api/types';
import { MarkdownView } from '../features/content/MarkdownView';
import { ArticleList, ArticleMeta } from '../features/learn/ArticleList';
import { ErrorMessage } from '../features/layout/ErrorMessage';
import { usePageTitle } from '../features/layout/use-page-title';
import { t } from '../i18n';

const RELATED_COUNT = 3;

export default function ArticlePage() {
  const { slug = '' } = useParams();
  const article = useQuery({
    queryKey: ['learn-article', slug],
    queryFn: () => api<Article>(`/api/learn/${encodeURIComponent(slug)}`),
    retry: (count, error) => !(error instanceof ApiError && error.status === 404) && count < 2,
  });
  const library = useQuery({
    queryKey: ['learn', '', ''],
    queryFn: () => api<ArticleSummary[]>('/api/learn'),
  });
  usePageTitle(article.data?.title ?? t('learn.title'));

  if (article.isPending) return <p role="status">{t('layout.loading')}</p>;
  if (article.isError) {
    const missing = article.error instanceof ApiError && article.error.status === 404;
    return (
      <div className="page page--narrow">
        <h1>{missing ? t('notFound.title') : t('learn.title')}</h1>
        {missing ? (
          <p>{t('learn.notFound')}</p>
        ) : (
          <ErrorMessage error={article.error} onRetry={() => article.refetch()} />
        )}
        <p>
          <Link to="/learn">{t('learn.back')}</Link>
        </p>
      </div>
    );
  }

  const data = article.data;
  const related = (library.data ?? [])
    .filter(
      (other) =>
        other.slug !== data.slug && other.topics.some((topic) => data.topics.includes(topic)),
    )
    .slice(0, RELATED_COUNT);

  return (
    <div className="page page--narrow">
      <p>
        <Link to="/learn">{t('learn.back')}</Link>
      </p>
      <article aria-labelledby="article-title">
        <h1 id="article-title">{data.title}</h1>
        <ArticleMeta minutes={data.minutes} topics={data.topics} />
        <p className="lead">{data.summary}</p>
        <MarkdownView source={data.body} />
      </article>
      {related.length > 0 ? (
        <aside aria-labelledby="related-title" className="related">
          <h2 id="related-title">{t('learn.related')}</h2>
          <ArticleList articles={related} headingLevel={3} />
        </aside>
      ) : null}
    </div>
  );
}
