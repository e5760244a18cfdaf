import { useId, useMemo, useState, type ReactNode } from 'react';
import { earliestReportDate } from '../../../core/report/session-report';
import { RequireSignIn } from '../features/auth/RequireSignIn';
import { browserTimeZone, today } from '../features/checkins/days';
import { ApiError } from '../api/client';
import { BusyButton } from '../features/layout/BusyButton';
import { ErrorMessage } from '../features/layout/ErrorMessage';
import { formatDate } from '../features/layout/format';
import { usePageTitle } from '../features/layout/use-page-title';
import { ReportPreview, reportDay } from '../features/report/ReportPreview';
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
  // The start day asked for (null: the server's default); only ever a day within the bounds.
  const [from, setFrom] = useState<string | null>(null);
  const report = useSessionReport(from, timeZone);
  // The last report that loaded stays on screen while another is asked for or if one fails.
  const [shown, setShown] = useState<SessionReport | null>(null);
  if (report.data && !report.isPlaceholderData && report.data !== shown) setShown(report.data);
  // Always on the page, with or without a report, so the day can be changed whatever happens.
  const since = (
    <SinceField
      timeZone={timeZone}
      start={shown?.from ?? null}
      error={report.isError ? report.error : null}
      onRetry={() => void report.refetch()}
      onFrom={setFrom}
    />
  );
  return (
    <div className="page report-page">
      <h1 className="no-print">{t('report.title')}</h1>
      <p className="lead no-print">{t('report.intro')}</p>
      {shown ? (
        <ReportChoices report={shown} since={since} />
      ) : (
        <section className="no-print report-choices" aria-labelledby="report-choose">
          <h2 id="report-choose">{t('report.choose.title')}</h2>
          {since}
          {report.isPending ? <p role="status">{t('layout.loading')}</p> : null}
        </section>
      )}
    </div>
  );
}

/**
 * The start day. The date box gives a value on every keystroke that completes a day (in
 * Chromium the first digit of a year gives year 2), so only a day between five years ago and
 * today is asked for; anything else gets a gentle hint beside the box and the report on screen
 * stays as it was. The box never leaves the page, whatever a request answers.
 */
function SinceField({
  timeZone,
  start,
  error,
  onRetry,
  onFrom,
}: {
  timeZone: string;
  /** The start of the report on screen, until the person types their own. */
  start: string | null;
  error: unknown;
  onRetry: () => void;
  onFrom: (day: string) => void;
}) {
  const sinceId = useId();
  const hintId = useId();
  const rangeId = useId();
  const errorId = useId();
  const [typed, setTyped] = useState<string | null>(null);
  const todayIs = today(timeZone);
  const earliest = earliestReportDate(todayIs);
  const value = typed ?? start ?? '';
  const outOfRange = value !== '' && !dayWithin(value, earliest, todayIs);
  return (
    <div className="field report-since">
      <label htmlFor={sinceId}>{t('report.since.label')}</label>
      <p className="hint" id={hintId}>
        {t('report.since.hint')}
      </p>
      <input
        id={sinceId}
        type="date"
        value={value}
        min={earliest}
        max={todayIs}
        aria-invalid={outOfRange ? true : undefined}
        aria-describedby={[hintId, outOfRange ? rangeId : null, error ? errorId : null]
          .filter(Boolean)
          .join(' ')}
        onChange={(event) => {
          const day = event.target.value;
          setTyped(day);
          // An unfinished date is empty; a day outside the bounds is never sent.
          if (day !== '' && dayWithin(day, earliest, todayIs)) onFrom(day);
        }}
      />
      {outOfRange ? (
        <p className="report-since__range" id={rangeId}>
          {t('report.since.outOfRange', {
            earliest: reportDay(earliest),
            today: reportDay(todayIs),
          })}
        </p>
      ) : null}
      <div role="status">
        {error ? (
          <div className="notice notice--error" id={errorId}>
            <p>{error instanceof ApiError ? error.message : t('report.loadFailed')}</p>
            <button type="button" onClick={onRetry}>
              {t('error.tryAgain')}
            </button>
          </div>
        ) : null}
      </div>
    </div>
  );
}

/** A whole day (YYYY-MM-DD) from `earliest` to `latest`, both included. */
function dayWithin(day: string, earliest: string, latest: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(day) && day >= earliest && day <= latest;
}

function ReportChoices({ report, since }: { report: SessionReport; since: ReactNode }) {
  const [journalIds, setJournalIds] = useState<string[]>([]);
  const [exerciseIds, setExerciseIds] = useState<string[]>([]);
  const printed = useReportPrinted();
  const region = useMemo(() => personRegion(), []);

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
        {since}
        {report.lastReportAt ? (
          <p>{t('report.printed.last', { date: formatDate(report.lastReportAt) })}</p>
        ) : null}
        <p className="hint">{t('report.choose.hint')}</p>
        <fieldset className="report-choices__list">
          <legend>{t('report.journal.legend')}</legend>
          {report.journal.length === 0 ? <p>{t('report.journal.none')}</p> : null}
          {report.journalMore > 0 ? (
            <p className="hint">
              {report.journalMore === 1
                ? t('report.journal.moreOne', { listed: report.journal.length })
                : t('report.journal.more', {
                    listed: report.journal.length,
                    count: report.journalMore,
                  })}
            </p>
          ) : null}
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
