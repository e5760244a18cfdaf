import { useEffect, useRef, useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { ApiError } from '../api/client';
import type { JournalEntry, SafetyAnswer } from '../api/types';
import { RequireSignIn } from '../features/auth/RequireSignIn';
import { useSession } from '../features/auth/session';
import { draftKey, readDraft, removeDraft } from '../features/drafts/drafts';
import { HealthError } from '../features/health/HealthError';
import { EntryMeta } from '../features/journal/EntryMeta';
import { useDeleteEntry, useJournalEntry, useUpdateEntry } from '../features/journal/journal-api';
import { formValuesOf, JournalForm } from '../features/journal/JournalForm';
import { ErrorMessage } from '../features/layout/ErrorMessage';
import { formatDateTime } from '../features/layout/format';
import { usePageTitle } from '../features/layout/use-page-title';
import { needsSafetyAlert, SafetyAlert } from '../features/safety/SafetyAlert';
import { t } from '../i18n';
import { BusyButton } from '../features/layout/BusyButton';

export default function JournalEntryPage() {
  usePageTitle(t('journal.entry.title'));
  return (
    <RequireSignIn>
      <Entry />
    </RequireSignIn>
  );
}

type Mode = 'view' | 'edit' | 'confirm-delete';

interface Arrival {
  saved?: boolean;
  safety?: SafetyAnswer;
}

function Entry() {
  const { id = '' } = useParams();
  const location = useLocation();
  const navigate = useNavigate();
  const session = useSession();
  const key = draftKey(session.data?.user.id ?? '', `journal.${id}`);
  // What the save that led here answered; kept for this visit only, so a reload of the page
  // does not show the help again as if the entry had just been saved.
  const [arrival] = useState(() => location.state as Arrival | null);
  useEffect(() => {
    if (arrival) navigate(location.pathname, { replace: true, state: null });
  }, [arrival, navigate, location.pathname]);
  const [safety, setSafety] = useState<SafetyAnswer | null>(arrival?.safety ?? null);
  const [saved, setSaved] = useState(arrival?.saved === true);
  // A draft left from last time means the person was changing this entry: carry on.
  const [mode, setMode] = useState<Mode>(() => (readDraft(key) ? 'edit' : 'view'));
  const entry = useJournalEntry(id);
  const update = useUpdateEntry(id);
  const remove = useDeleteEntry(id);
  const savedRef = useRef<HTMLParagraphElement>(null);
  const confirmRef = useRef<HTMLHeadingElement>(null);
  const showAlert = needsSafetyAlert(safety);

  useEffect(() => {
    if (saved && !showAlert && mode === 'view') savedRef.current?.focus();
  }, [saved, showAlert, mode]);
  useEffect(() => {
    if (mode === 'confirm-delete') confirmRef.current?.focus();
  }, [mode]);

  const onDelete = () =>
    remove.mutate(undefined, {
      onSuccess: () => {
        removeDraft(key);
        navigate('/journal', { replace: true, state: { deleted: true } });
      },
    });

  const notFound = entry.error instanceof ApiError && entry.error.status === 404;

  return (
    <div className="page page--narrow">
      {showAlert ? (
        <SafetyAlert safety={safety} saved="journal" onDismiss={() => setSafety(null)} />
      ) : null}
      {saved && !showAlert ? (
        <p className="notice" role="status" tabIndex={-1} ref={savedRef}>
          {t('journal.saved')}
        </p>
      ) : null}
      <p>
        <Link to="/journal">{t('journal.back')}</Link>
      </p>
      <h1>{mode === 'edit' ? t('journal.edit.title') : t('journal.entry.title')}</h1>
      {entry.isPending ? <p role="status">{t('layout.loading')}</p> : null}
      {notFound ? <p>{t('journal.notFound')}</p> : null}
      {entry.isError && !notFound ? (
        <HealthError error={entry.error} onRetry={() => entry.refetch()} />
      ) : null}
      {entry.data && mode === 'edit' ? (
        <JournalForm
          draftKey={key}
          baseline={formValuesOf(entry.data)}
          showPrompts={false}
          save={(input) => update.mutateAsync(input)}
          onSaved={(answer) => {
            setMode('view');
            setSaved(true);
            setSafety(answer.safety);
          }}
          onCancel={() => setMode('view')}
        />
      ) : null}
      {entry.data && mode !== 'edit' ? <EntryView entry={entry.data} /> : null}
      {entry.data && mode === 'view' ? (
        <p className="actions">
          <button
            type="button"
            className="button"
            onClick={() => {
              setSaved(false);
              setMode('edit');
            }}
          >
            {t('journal.edit')}
          </button>
          <button type="button" className="button" onClick={() => setMode('confirm-delete')}>
            {t('journal.delete')}
          </button>
        </p>
      ) : null}
      {entry.data && mode === 'confirm-delete' ? (
        <section className="card card--attention" aria-labelledby="delete-title">
          <h2 id="delete-title" tabIndex={-1} ref={confirmRef}>
            {t('journal.delete.title')}
          </h2>
          <p>{t('journal.delete.text')}</p>
          {remove.isError ? <ErrorMessage error={remove.error} /> : null}
          <p className="actions">
            <BusyButton
              type="button"
              className="button button--danger"
              onClick={onDelete}
              busy={remove.isPending}
            >
              {t('journal.delete.yes')}
            </BusyButton>
            <button type="button" className="button" onClick={() => setMode('view')}>
              {t('journal.delete.no')}
            </button>
          </p>
        </section>
      ) : null}
    </div>
  );
}

function EntryView({ entry }: { entry: JournalEntry }) {
  return (
    <article className="entry" aria-labelledby="entry-written">
      <p className="meta" id="entry-written">
        <span>{t('journal.written', { date: formatDateTime(entry.createdAt) })}</span>
        {entry.updatedAt !== entry.createdAt ? (
          <span>{t('journal.changed', { date: formatDateTime(entry.updatedAt) })}</span>
        ) : null}
      </p>
      <div className="entry__text">{entry.text}</div>
      <EntryMeta entry={entry} />
    </article>
  );
}
