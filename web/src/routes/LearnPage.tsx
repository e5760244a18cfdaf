import { useQuery } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api } from '../api/client';
import type { ArticleSummary } from '../api/types';
import { ArticleList, topicLabel } from '../features/learn/ArticleList';
import { ErrorMessage } from '../features/layout/ErrorMessage';
import { usePageTitle } from '../features/layout/use-page-title';
import { t } from '../i18n';

export default function LearnPage() {
  usePageTitle(t('learn.title'));
  const [params, setParams] = useSearchParams();
  const query = params.get('q') ?? '';
  const topic = params.get('topic') ?? '';
  const [draft, setDraft] = useState(query);
  useEffect(() => setDraft(query), [query]);

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

  const onSearch = (event: FormEvent) => {
    event.preventDefault();
    const next = new URLSearchParams(params);
    if (draft.trim()) next.set('q', draft.trim());
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
      <form className="search-form" onSubmit={onSearch} role="search">
        <label htmlFor="learn-search">{t('learn.search.label')}</label>
        <div className="search-form__row">
          <input
            id="learn-search"
            type="search"
            name="q"
            maxLength={200}
            value={draft}
            onChange={(event) => setDraft(event.target.value)}
          />
          <button className="button" type="submit">
            {t('learn.search.submit')}
          </button>
        </div>
      </form>
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
