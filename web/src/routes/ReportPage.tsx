import { useId, useMemo, useState } from 'react';
import { earliestReportDate } from '../../../core/report/session-report';
import { RequireSignIn } from '../features/auth/RequireSignIn';
import { browserTimeZone, today } from '../features/checkins/days';
import { BusyButton } from '../features/layout/BusyButton';
import { ErrorMessage } from '../features/layout/ErrorMessage';
import { formatDate } from '../features/layout/format';
import { usePageTitle } from '../features/layout/use-page-title';
import { ReportPreview } from '../features/report/ReportPreview';
import {
  useReportPrinted,
  useSessionReport,
  type SessionReport,
} from '../features/report/report-api';
import { personRegion } from '../features/safety/person-region';
import { t } from '../i18n';

/**
 * The printable session report (docs/decisions/0015): the person picks the start day and
 * ticks the entries they want to share (none at first), sees the report exactly as it will
 * print, prints it, and may say they have printed or shared it, which sets the next start.
 */
export default function ReportPage() {
  usePageTitle(t('report.title'));
  return (
    <RequireSignIn>
      <Report />
    </RequireSignIn>
  );
}

function Report() {
  const timeZone = useMemo(() => browserTimeZone(), []);
  const [from, setFrom] = useState<string | null>(null);
  const report = useSessionReport(from, timeZone);
  return (
    <div className="page report-page">
      <h1 className="no-print">{t('report.title')}</h1>
      <p className="lead no-print">{t('report.intro')}</p>
      {report.isPending ? (
        <p role="status" className="no-print">
          {t('layout.loading')}
        </p>
      ) : null}
      {report.isError ? (
        <div className="no-print">
          <ErrorMessage error={report.error} onRetry={() => report.refetch()} />
        </div>
      ) : null}
      {report.data ? (
        <ReportChoices report={report.data} timeZone={timeZone} onFrom={(day) => setFrom(day)} />
      ) : null}
    </div>
  );
}

function ReportChoices({
  report,
  timeZone,
  onFrom,
}: {
  report: SessionReport;
  timeZone: string;
  onFrom: (day: string) => void;
}) {
  const sinceId = useId();
  const hintId = useId();
  const [journalIds, setJournalIds] = useState<string[]>([]);
  const [exerciseIds, setExerciseIds] = useState<string[]>([]);
  const [since, setSince] = useState(report.from);
  const printed = useReportPrinted();
  const region = useMemo(() => personRegion(), []);
  const todayIs = today(timeZone);

  // Keep the order the lists show (newest first), whatever order the boxes were ticked in.
  const journalChosen = report.journal
    .filter((entry) => journalIds.includes(entry.id))
    .map((entry) => entry.id);
  const toggle =
    (setter: (update: (ids: string[]) => string[]) => void, id: string) => (checked: boolean) =>
      setter((ids) => (checked ? [...ids, id] : ids.filter((other) => other !== id)));

  return (
    <>
      <section className="no-print report-choices" aria-labelledby="report-choose">
        <h2 id="report-choose">{t('report.choose.title')}</h2>
        <div className="field">
          <label htmlFor={sinceId}>{t('report.since.label')}</label>
          <p className="hint" id={hintId}>
            {t('report.since.hint')}
          </p>
          <input
            id={sinceId}
            type="date"
            value={since}
            min={earliestReportDate(todayIs)}
            max={todayIs}
            aria-describedby={hintId}
            onChange={(event) => {
              setSince(event.target.value);
              // The date field gives a whole day or nothing; only a whole day asks again.
              if (/^\d{4}-\d{2}-\d{2}$/.test(event.target.value)) onFrom(event.target.value);
            }}
          />
        </div>
        {report.lastReportAt ? (
          <p>{t('report.printed.last', { date: formatDate(report.lastReportAt) })}</p>
        ) : null}
        <p className="hint">{t('report.choose.hint')}</p>
        <fieldset className="report-choices__list">
          <legend>{t('report.journal.legend')}</legend>
          {report.journal.length === 0 ? <p>{t('report.journal.none')}</p> : null}
          {report.journal.map((entry) => (
            <Choice
              key={entry.id}
              name="journal"
              checked={journalIds.includes(entry.id)}
              onChange={toggle(setJournalIds, entry.id)}
              title={formatDate(entry.createdAt)}
              detail={entry.excerpt}
            />
          ))}
        </fieldset>
        <fieldset className="report-choices__list">
          <legend>{t('report.exercises.legend')}</legend>
          {report.exercises.length === 0 ? <p>{t('report.exercises.none')}</p> : null}
          {report.exercises.map((entry) => (
            <Choice
              key={entry.id}
              name="exercise"
              checked={exerciseIds.includes(entry.id)}
              onChange={toggle(setExerciseIds, entry.id)}
              title={entry.title}
              detail={formatDate(entry.completedAt)}
            />
          ))}
        </fieldset>
      </section>

      <section className="report-preview" aria-labelledby="report-preview-title">
        <h2 id="report-preview-title" className="no-print">
          {t('report.preview.title')}
        </h2>
        <p className="hint no-print">{t('report.preview.hint')}</p>
        <ReportPreview
          report={report}
          journalIds={journalChosen}
          exerciseIds={exerciseIds}
          region={region}
        />
      </section>

      <div className="no-print report-actions">
        <button type="button" className="button button--primary" onClick={() => window.print()}>
          {t('report.print')}
        </button>
        <BusyButton
          type="button"
          className="button"
          busy={printed.isPending}
          onClick={() => printed.mutate()}
        >
          {t('report.printed')}
        </BusyButton>
        <div role="status">{printed.isSuccess ? <p>{t('report.printed.done')}</p> : null}</div>
        {printed.isError ? <ErrorMessage error={printed.error} /> : null}
      </div>
    </>
  );
}

function Choice({
  name,
  checked,
  onChange,
  title,
  detail,
}: {
  name: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  title: string;
  detail: string;
}) {
  const id = useId();
  return (
    <div className="report-choice">
      <input
        type="checkbox"
        id={id}
        name={name}
        checked={checked}
        onChange={(event) => onChange(event.target.checked)}
      />
      <label htmlFor={id}>
        <span className="report-choice__title">{title}</span>{' '}
        <span className="report-choice__detail">{detail}</span>
      </label>
    </div>
  );
}
