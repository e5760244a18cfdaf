import { Link, useLocation, useSearchParams } from 'react-router';
import type { JournalEntry } from '../api/types';
import { RequireSignIn } from '../features/auth/RequireSignIn';
import { HealthError } from '../features/health/HealthError';
import { EntryMeta } from '../features/journal/EntryMeta';
import { JOURNAL_PAGE_SIZE, useJournalPage } from '../features/journal/journal-api';
import { formatDateTime } from '../features/layout/format';
import { usePageTitle } from '../features/layout/use-page-title';
import { SearchForm } from '../features/layout/SearchForm';
import { t } from '../i18n';

const EXCERPT_LENGTH = 200;

export default function JournalListPage() {
  usePageTitle(t('journal.title'));
  return (
    <RequireSignIn>
      <JournalList />
    </RequireSignIn>
  );
}

function JournalList() {
  const location = useLocation();
  const [params, setParams] = useSearchParams();
  const query = params.get('q') ?? '';
  const page = Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1);
  const journal = useJournalPage(query, (page - 1) * JOURNAL_PAGE_SIZE);
  const deleted = (location.state as { deleted?: boolean } | null)?.deleted === true;

  const onSearch = (search: string) => {
    const next = new URLSearchParams();
    if (search) next.set('q', search);
    setParams(next);
  };

  const pageLink = (target: number) => {
    const next = new URLSearchParams();
    if (query) next.set('q', query);
    if (target > 1) next.set('page', String(target));
    const search = next.toString();
    return `/journal${search ? `?${search}` : ''}`;
  };

  const total = journal.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / JOURNAL_PAGE_SIZE));
  const countText =
    total === 0
      ? query
        ? t('journal.count.noneFor', { query })
        : ''
      : total === 1
        ? t('journal.count.one')
        : t('journal.count', { count: total });

  return (
    <div className="page">
      <h1>{t('journal.title')}</h1>
      <p className="lead">{t('journal.intro')}</p>
      {deleted ? (
        <p className="notice" role="status">
          {t('journal.deleted')}
        </p>
      ) : null}
      <p>
        <Link className="button button--primary" to="/journal/new">
          {t('journal.new')}
        </Link>
      </p>
      {journal.isError ? (
        <HealthError error={journal.error} onRetry={() => journal.refetch()} />
      ) : (
        <>
          <SearchForm
            id="journal-search"
            label={t('journal.search.label')}
            submitLabel={t('journal.search.submit')}
            value={query}
            onSearch={onSearch}
          />
          {query ? (
            <p>
              <Link to="/journal">{t('journal.search.clear')}</Link>
            </p>
          ) : null}
          <p role="status" className="meta">
            {journal.data ? countText : ''}
          </p>
          {journal.isPending ? <p>{t('layout.loading')}</p> : null}
          {journal.data && total === 0 && !query ? <p>{t('journal.empty')}</p> : null}
          {journal.data && journal.data.entries.length > 0 ? (
            <ul className="entry-list">
              {journal.data.entries.map((entry) => (
                <EntryCard key={entry.id} entry={entry} />
              ))}
            </ul>
          ) : null}
          {pages > 1 ? (
            <nav className="pagination" aria-label={t('journal.pages')}>
              {page > 1 ? <Link to={pageLink(page - 1)}>{t('journal.newer')}</Link> : null}
              <span>{t('journal.page', { page, pages })}</span>
              {page < pages ? <Link to={pageLink(page + 1)}>{t('journal.older')}</Link> : null}
            </nav>
          ) : null}
        </>
      )}
    </div>
  );
}

function EntryCard({ entry }: { entry: JournalEntry }) {
  const excerpt =
    entry.text.length > EXCERPT_LENGTH ? `${entry.text.slice(0, EXCERPT_LENGTH)}…` : entry.text;
  return (
    <li className="entry-card">
      <h2 className="entry-card__title">
        <Link to={`/journal/${entry.id}`}>{formatDateTime(entry.createdAt)}</Link>
      </h2>
      <p className="entry-card__text">{entry.unreadable ? t('journal.unreadable') : excerpt}</p>
      <EntryMeta entry={entry} />
    </li>
  );
}
