import { useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { api } from '../api/client';
import type { ArticleSummary } from '../api/types';
import { ArticleList, topicLabel } from '../features/learn/ArticleList';
import { ErrorMessage } from '../features/layout/ErrorMessage';
import { SearchForm } from '../features/layout/SearchForm';
import { usePageTitle } from '../features/layout/use-page-title';
import { t } from '../i18n';

export default function LearnPage() {
  usePageTitle(t('learn.title'));
  const [params, setParams] = useSearchParams();
  const query = params.get('q') ?? '';
  const topic = params.get('topic') ?? '';

  const articles = useQuery({
    queryKey: ['learn', query, topic],
    queryFn: () => {
      const search = new URLSearchParams();
      if (query) search.set('q', query);
      if (topic) search.set('topic', topic);
      const suffix = search.toString();
      return api<ArticleSummary[]>(`/api/learn${suffix ? `?${suffix}` : ''}`);
    },
  });

  const onSearch = (search: string) => {
    const next = new URLSearchParams(params);
    if (search) next.set('q', search);
    else next.delete('q');
    setParams(next);
  };

  const count = articles.data?.length ?? 0;
  const countText =
    count === 0 && query
      ? t('learn.results.none', { query })
      : count === 1
        ? t('learn.results.one')
        : t('learn.results', { count });

  return (
    <div className="page">
      <h1>{t('learn.title')}</h1>
      <p className="lead">{t('learn.intro')}</p>
      <SearchForm
        id="learn-search"
        label={t('learn.search.label')}
        submitLabel={t('learn.search.submit')}
        value={query}
        onSearch={onSearch}
      />
      {topic ? (
        <p>
          {t('learn.topic.filter', { topic: topicLabel(topic) })}{' '}
          <Link to="/learn">{t('learn.topic.clear')}</Link>
        </p>
      ) : null}
      {query ? (
        <h2 className="results-heading">
          {t('learn.results.for', { query })}{' '}
          <Link to={topic ? `/learn?topic=${encodeURIComponent(topic)}` : '/learn'}>
            {t('learn.search.clear')}
          </Link>
        </h2>
      ) : null}
      <p role="status" className="meta">
        {articles.data ? countText : ''}
      </p>
      {articles.isPending ? <p>{t('layout.loading')}</p> : null}
      {articles.isError ? (
        <ErrorMessage error={articles.error} onRetry={() => articles.refetch()} />
      ) : null}
      {articles.data ? <ArticleList articles={articles.data} headingLevel={query ? 3 : 2} /> : null}
    </div>
  );
}
