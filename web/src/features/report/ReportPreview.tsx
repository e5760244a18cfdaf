import { useQueries } from '@tanstack/react-query';
import type { ScoredSubscaleId } from '../../../../core/assessment/closeness-check.definition';
import type { SubscaleChange } from '../../../../core/assessment/psychometrics';
import { closenessCheckVersion } from '../../../../core/assessment/scoring';
import { exerciseById, isExerciseId } from '../../../../core/exercises/catalogue';
import { weekStart } from '../../../../core/plan/week';
import { CHECKIN_MEASURES } from '../../../../core/progress/checkin-trends';
import { helpRegion, type RegionCode } from '../../../../core/safety/help-lines';
import { api } from '../../api/client';
import type { JournalEntry } from '../../api/types';
import { LOCALE, t, type MessageKey } from '../../i18n';
import { whyNotReliable } from '../closeness-check/check-words';
import { ExerciseValuesView } from '../exercises/ExerciseValuesView';
import { getExerciseEntry } from '../exercises/exercises-api';
import { formatDate } from '../layout/format';
import type { ReportEntry, SessionReport } from './report-api';

/**
 * The report exactly as it prints: plain headings, sentences and small tables (which print
 * better than charts), the Check change in the Check's own words, and only the entries the
 * person ticked, in full. The print stylesheet hides everything around it.
 */
export function ReportPreview({
  report,
  journalIds,
  exerciseIds,
  region,
}: {
  report: SessionReport;
  journalIds: readonly string[];
  exerciseIds: readonly string[];
  region: RegionCode;
}) {
  return (
    <article className="report-sheet" aria-labelledby="report-sheet-title">
      <h2 id="report-sheet-title">{t('report.heading')}</h2>
      <p className="report-sheet__period">
        {t('report.period', { from: reportDay(report.from), to: reportDay(report.to) })}
      </p>
      <p>{t('report.note')}</p>
      <ChecksSection report={report} />
      <CheckinsSection report={report} />
      <StepsSection report={report} />
      <ChosenJournal ids={journalIds} />
      <ChosenExercises
        entries={report.exercises.filter((entry) => exerciseIds.includes(entry.id))}
      />
      <CrisisLine region={region} />
    </article>
  );
}

function ChecksSection({ report }: { report: SessionReport }) {
  const { checks } = report;
  const latest = checks.latest;
  const first = checks.first;
  const definition = latest ? closenessCheckVersion(latest.version) : null;
  const parts = definition
    ? (definition.subscales.filter((part) => part.kind !== 'safety') as {
        id: ScoredSubscaleId;
        title: string;
      }[])
    : [];
  return (
    <section className="report-section" aria-labelledby="report-checks">
      <h3 id="report-checks">{t('report.checks.title')}</h3>
      {!latest || !first ? (
        <p>{t('report.checks.none')}</p>
      ) : (
        <>
          {checks.changes ? (
            <>
              <p>
                {checks.count === 1
                  ? t('report.checks.count.one')
                  : t('report.checks.count.other', { count: checks.count })}
              </p>
              <p>
                {t('report.checks.compare', {
                  first: formatDate(first.createdAt),
                  latest: formatDate(latest.createdAt),
                })}
              </p>
              <ul className="report-changes">
                {parts.map((part) => (
                  <li key={part.id} data-subscale={part.id}>
                    <strong>{part.title}:</strong>{' '}
                    <ChangeWords
                      change={checks.changes?.[part.id]}
                      before={first.index[part.id]}
                      after={latest.index[part.id]}
                    />
                  </li>
                ))}
              </ul>
              {whyNotReliable(checks.changes).map((key) => (
                <p key={key} className="report-note">
                  {t(REPORT_WHY_NOT[key] ?? key)}
                </p>
              ))}
            </>
          ) : (
            // The only Check, with none before: one sentence says both.
            <p>{t('report.checks.one', { date: formatDate(latest.createdAt) })}</p>
          )}
          <p className="report-note">{t('report.checks.scale')}</p>
          {checks.changes ? null : (
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('report.checks.part')}</th>
                  <th scope="col">
                    {t('report.checks.score', { date: formatDate(latest.createdAt) })}
                  </th>
                </tr>
              </thead>
              <tbody>
                {parts.map((part) => (
                  <tr key={part.id}>
                    <th scope="row">{part.title}</th>
                    <td>{latest.index[part.id] ?? t('check.history.none')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </section>
  );
}

/** The Check's notes on unjudged change, in the report's own first-person voice. */
const REPORT_WHY_NOT: Partial<Record<MessageKey, MessageKey>> = {
  'check.change.whyNot': 'report.change.whyNot',
  'check.change.whyNotSteadiness': 'report.change.whyNotSteadiness',
  'check.change.whyNotMissing': 'report.change.whyNotMissing',
};

/**
 * One part's change in the report's own words (written as the person, for a reader): a plain
 * difference, called reliable only when the server's Reliable Change Index says so.
 */
function ChangeWords({
  change,
  before,
  after,
}: {
  change: SubscaleChange | undefined;
  before: number | null;
  after: number | null;
}) {
  if (!change || before === null || after === null) return <>{t('report.change.noComparison')}</>;
  const points = Math.abs(after - before);
  let words: string;
  if (after === before) words = t('report.change.same', { after });
  else if (after > before)
    words = t(points === 1 ? 'report.change.upOne' : 'report.change.up', { points, before, after });
  else
    words = t(points === 1 ? 'report.change.downOne' : 'report.change.down', {
      points,
      before,
      after,
    });
  let verdict: string | null = null;
  if (change.reliable && change.label === 'reliable-improvement')
    verdict = t('report.change.reliableDown');
  else if (change.reliable && change.label === 'reliable-deterioration')
    verdict = t('report.change.reliableUp');
  else if (change.label === 'no-reliable-change') verdict = t('report.change.withinNoise');
  return (
    <>
      {words}
      {verdict ? <> {verdict}</> : null}
    </>
  );
}

const MEASURE_KEYS: Record<(typeof CHECKIN_MEASURES)[number], MessageKey> = {
  mood: 'report.measure.mood',
  closeness: 'report.measure.closeness',
  stress: 'report.measure.stress',
};

function CheckinsSection({ report }: { report: SessionReport }) {
  const { checkins } = report;
  const countSentence =
    checkins.count === 1
      ? t('report.checkins.count.one')
      : checkins.days === 1
        ? t('report.checkins.countOneDay', { count: checkins.count })
        : t('report.checkins.count.other', { count: checkins.count, days: checkins.days });
  const value = (figure: number | null | undefined) =>
    figure === null || figure === undefined ? t('report.checkins.noValue') : String(figure);
  return (
    <section className="report-section" aria-labelledby="report-checkins">
      <h3 id="report-checkins">{t('report.checkins.title')}</h3>
      {checkins.count === 0 ? (
        <p>{t('report.checkins.none')}</p>
      ) : (
        <>
          <p>{countSentence}</p>
          <table>
            <caption>{t('report.checkins.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('report.checkins.measure')}</th>
                <th scope="col">{t('report.checkins.first')}</th>
                <th scope="col">{t('report.checkins.last')}</th>
                <th scope="col">{t('report.checkins.average')}</th>
              </tr>
            </thead>
            <tbody>
              {CHECKIN_MEASURES.map((measure) => (
                <tr key={measure} data-measure={measure}>
                  <th scope="row">{t(MEASURE_KEYS[measure])}</th>
                  <td>{value(checkins.measures[measure]?.first)}</td>
                  <td>{value(checkins.measures[measure]?.last)}</td>
                  <td>{value(checkins.measures[measure]?.average)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {checkins.weeks.length > 1 ? (
            <table>
              <caption>{t('report.checkins.weeksCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('report.checkins.week')}</th>
                  <th scope="col">{t('report.checkins.days')}</th>
                  {CHECKIN_MEASURES.map((measure) => (
                    <th key={measure} scope="col">
                      {t(MEASURE_KEYS[measure])}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {checkins.weeks.map((week) => (
                  <tr key={week.week}>
                    <th scope="row">{reportDay(weekStart(week.week))}</th>
                    <td>{week.days}</td>
                    {CHECKIN_MEASURES.map((measure) => (
                      <td key={measure}>{value(week[measure])}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
        </>
      )}
    </section>
  );
}

function StepsSection({ report }: { report: SessionReport }) {
  const { completed, perWeek } = report.steps;
  const planned = perWeek.filter((week) => week.planned > 0);
  return (
    <section className="report-section" aria-labelledby="report-steps">
      <h3 id="report-steps">{t('report.steps.title')}</h3>
      {completed.length === 0 ? (
        <p>{t('report.steps.none')}</p>
      ) : (
        <>
          <p>
            {completed.length === 1
              ? t('report.steps.count.one')
              : t('report.steps.count.other', { count: completed.length })}
          </p>
          <ul>
            {[...completed].reverse().map((entry) => (
              <li key={entry.id}>
                {t('report.steps.item', {
                  title: entry.title,
                  date: formatDate(entry.completedAt),
                })}
              </li>
            ))}
          </ul>
        </>
      )}
      {planned.length > 0 ? (
        <table>
          <caption>{t('report.steps.weeksCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('report.steps.week')}</th>
              <th scope="col">{t('report.steps.done')}</th>
            </tr>
          </thead>
          <tbody>
            {planned.map((week) => (
              <tr key={week.week}>
                <th scope="row">{reportDay(weekStart(week.week))}</th>
                <td>
                  {t('report.steps.ofPlanned', { done: week.completed, planned: week.planned })}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}

function ChosenJournal({ ids }: { ids: readonly string[] }) {
  const entries = useQueries({
    queries: ids.map((id) => ({
      queryKey: ['journal', 'entry', id],
      queryFn: async () =>
        (await api<{ entry: JournalEntry }>(`/api/journal/${encodeURIComponent(id)}`)).entry,
    })),
  });
  if (ids.length === 0) return null;
  return (
    <section className="report-section report-section--writing" aria-labelledby="report-journal">
      <h3 id="report-journal">{t('report.journal.title')}</h3>
      {entries.map((query, position) => (
        <div key={ids[position]} className="report-entry">
          {query.data ? (
            <>
              <h4>{formatDate(query.data.createdAt)}</h4>
              <p className="report-entry__text">{query.data.text}</p>
            </>
          ) : (
            <p role="status">
              {query.isError ? t('report.entry.failed') : t('report.entry.loading')}
            </p>
          )}
        </div>
      ))}
    </section>
  );
}

function ChosenExercises({ entries }: { entries: readonly ReportEntry[] }) {
  const loaded = useQueries({
    queries: entries.map((entry) => ({
      queryKey: ['exercises', entry.exerciseId, 'entries', entry.id],
      queryFn: async () => (await getExerciseEntry(entry.exerciseId, entry.id)).entry,
    })),
  });
  if (entries.length === 0) return null;
  return (
    <section className="report-section report-section--writing" aria-labelledby="report-exercises">
      <h3 id="report-exercises">{t('report.exercises.title')}</h3>
      {entries.map((entry, position) => {
        const query = loaded[position];
        return (
          <div key={entry.id} className="report-entry">
            <h4>
              {t('report.steps.item', { title: entry.title, date: formatDate(entry.completedAt) })}
            </h4>
            {query?.data && isExerciseId(entry.exerciseId) ? (
              <ExerciseValuesView
                exercise={exerciseById(entry.exerciseId)}
                values={query.data.values}
                headingLevel={4}
              />
            ) : (
              <p role="status">
                {query?.isError ? t('report.entry.failed') : t('report.entry.loading')}
              </p>
            )}
          </div>
        );
      })}
    </section>
  );
}

/** A calendar day (YYYY-MM-DD) with its year, e.g. "8 March 2027", whatever the zone. */
export function reportDay(day: string): string {
  const [year, month, date] = day.split('-').map(Number);
  return new Date(Date.UTC(year ?? 1970, (month ?? 1) - 1, date ?? 1)).toLocaleDateString(LOCALE, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

/** One line of help, taken from the help-lines data for the person's region; none if missing. */
function CrisisLine({ region }: { region: RegionCode }) {
  const lines = helpRegion(region).lines;
  const crisis = lines.find((line) => line.need === 'crisis');
  const crisisCall = crisis?.contacts.find((contact) => contact.kind === 'call');
  const emergencyCall = lines
    .find((line) => line.need === 'emergency')
    ?.contacts.find((contact) => contact.kind === 'call');
  if (!crisis || !crisisCall || !emergencyCall) return null;
  return (
    <p className="report-sheet__crisis">
      {t('report.crisis', {
        crisis: crisis.service,
        crisisNumber: crisisCall.number,
        emergencyNumber: emergencyCall.number,
      })}
    </p>
  );
}
