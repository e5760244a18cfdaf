import { Link } from 'react-router';
import type { ScoredSubscaleId } from '../../../../core/assessment/closeness-check.definition';
import { CHECKIN_MEASURES, type CheckinMeasure } from '../../../../core/progress/checkin-trends';
import { renderPlanMessage } from '../../../../core/plan/plan-messages';
import { weekStart } from '../../../../core/plan/week';
import type { CheckDefinition } from '../../api/types';
import { LOCALE, t } from '../../i18n';
import { ChartWithTable } from '../charts/ChartWithTable';
import { scoredSubscales } from '../closeness-check/check-words';
import { LadderChart } from '../exercises/LadderChart';
import { formatDate, formatDateTime } from '../layout/format';
import type { Progress } from './progress-api';
import {
  anyReliableChange,
  checkinChartData,
  checkSubscaleData,
  longDay,
  shortDay,
  shown,
  stepsChartData,
} from './progress-charts';

/**
 * The sections of the progress page, in reading order: this week in plain words, then one
 * chart per kind of record, each with a table of the same numbers and a kind word when there
 * is nothing to show yet. Nothing here counts what was missed.
 */

function capitalise(text: string): string {
  return text.charAt(0).toLocaleUpperCase(LOCALE) + text.slice(1);
}

/** This week in plain words: the sentences core chose, in the interface's own words. */
export function WeekSummary({ summary }: { summary: Progress['summary'] }) {
  return (
    <section className="progress-week card" aria-labelledby="progress-week">
      <h2 id="progress-week">{t('progress.weekTitle')}</h2>
      {summary.messages.map((message, index) => (
        <p key={index}>{renderPlanMessage(message, t)}</p>
      ))}
    </section>
  );
}

function CheckinChart({ progress, measure }: { progress: Progress; measure: CheckinMeasure }) {
  const points = progress.checkins[measure];
  const data = checkinChartData(points, progress.range);
  const name = t(`progress.measure.${measure}`);
  const first = points[0];
  const last = points[points.length - 1];
  if (!first || !last) return null;
  // The dates are named, so an old check-in never sounds like today.
  const summary =
    points.length === 1
      ? t('progress.checkins.summaryOne', {
          measure: name,
          value: shown(first.value),
          date: longDay(first.date),
          weeks: progress.range.weeks,
        })
      : t('progress.checkins.summary', {
          measure: name,
          average: shown(last.average),
          date: longDay(last.date),
          first: shown(first.average),
          firstDate: longDay(first.date),
          weeks: progress.range.weeks,
        });
  return (
    <ChartWithTable
      className={`progress-checkins progress-checkins--${measure}`}
      title={t('progress.checkins.title', { measure: name })}
      summary={summary}
      chart={{
        name: t('progress.checkins.chartName', {
          measure: capitalise(name),
          from: longDay(data.from),
          to: longDay(progress.range.to),
          average: shown(last.average),
          date: longDay(last.date),
        }),
        series: [
          {
            id: 'daily',
            label: t('progress.checkins.daily'),
            kind: 'points',
            tone: 2,
            marker: 'circle',
            points: data.daily,
          },
          {
            id: 'average',
            label: t('progress.checkins.average'),
            tone: 1,
            points: data.average,
          },
        ],
        x: {
          domain: data.domain,
          ticks: data.ticks.map((tick) => ({ value: tick.value, label: shortDay(tick.date) })),
        },
        y: { domain: [0, 10], ticks: [0, 2, 4, 6, 8, 10] },
      }}
      table={{
        caption: t('progress.checkins.caption', { measure: capitalise(name) }),
        columns: [
          t('progress.table.date'),
          t('progress.checkins.daily'),
          t('progress.checkins.average'),
        ],
        rows: points.map((point) => ({
          id: point.date,
          header: longDay(point.date),
          cells: [shown(point.value), shown(point.average)],
        })),
      }}
    />
  );
}

/** Mood, closeness and stress: the day's rating as points, the 7-day average as a line. */
export function CheckinCharts({ progress }: { progress: Progress }) {
  const any = CHECKIN_MEASURES.some((measure) => progress.checkins[measure].length > 0);
  if (!any)
    return (
      <section aria-labelledby="progress-checkins">
        <h2 id="progress-checkins">{t('progress.checkins.sectionTitle')}</h2>
        <p>{t('progress.checkins.empty')}</p>
        <p>
          <Link to="/checkin">{t('layout.nav.checkin')}</Link>
        </p>
      </section>
    );
  return (
    <>
      {CHECKIN_MEASURES.map((measure) => (
        <CheckinChart key={measure} progress={progress} measure={measure} />
      ))}
    </>
  );
}

/** When each Check was taken, in full for the table. */
function checkWhen(checks: Progress['checks']) {
  const days = checks.map((check) => formatDate(check.createdAt));
  return {
    // Two Checks on one day are told apart by their time, as in the Check history.
    table: (index: number) =>
      days.indexOf(days[index] ?? '') !== days.lastIndexOf(days[index] ?? '')
        ? formatDateTime(checks[index]?.createdAt ?? '')
        : (days[index] ?? ''),
  };
}

function SubscaleChart({
  checks,
  subscale,
}: {
  checks: Progress['checks'];
  subscale: { id: ScoredSubscaleId; title: string };
}) {
  const data = checkSubscaleData(checks, subscale.id, t('progress.checks.reliableMark'));
  const when = checkWhen(checks);
  const name =
    data.first === null || data.last === null
      ? `${subscale.title}: ${t('check.history.none')}`
      : checks.length === 1
        ? t('progress.checks.chartNameOne', { subscale: subscale.title, score: shown(data.first) })
        : t('progress.checks.chartName', {
            subscale: subscale.title,
            first: shown(data.first),
            last: shown(data.last),
            count: checks.length,
          });
  return (
    <ChartWithTable
      className={`progress-check progress-check--${subscale.id}`}
      headingLevel={3}
      title={subscale.title}
      summary={name}
      chart={{
        name,
        series: [
          {
            id: subscale.id,
            label: t('progress.checks.score'),
            tone: 1,
            marker: 'circle',
            points: data.points,
          },
        ],
        markLabel: t('progress.checks.reliableMark'),
        // Each Check at the day it was taken: a week apart and six months apart differ.
        x: { domain: data.domain, ticks: data.ticks },
        y: { domain: [0, 100], ticks: [0, 25, 50, 75, 100], label: t('progress.checks.axis') },
      }}
      table={{
        caption: t('progress.checks.caption', { subscale: subscale.title }),
        columns: [
          t('progress.table.date'),
          t('progress.checks.score'),
          t('progress.checks.change'),
        ],
        rows: data.points.map((point, index) => ({
          id: checks[index]?.id ?? String(index),
          header: when.table(index),
          cells: [
            point.y === null ? t('check.history.none') : shown(point.y),
            point.change === null
              ? t('progress.checks.firstCheck')
              : t(`progress.change.${point.change}`),
          ],
        })),
      }}
    />
  );
}

/**
 * Each part of the Closeness Check over time, with reliable changes marked; and the honest
 * note, in the Check history's words, when no change can be called reliable yet.
 */
export function CheckCharts({
  checks,
  definition,
  definitionFailed = false,
}: {
  checks: Progress['checks'];
  /** The Check's words (the parts' titles); undefined while loading or if it failed. */
  definition: CheckDefinition | undefined;
  definitionFailed?: boolean;
}) {
  return (
    <section className="progress-checks" aria-labelledby="progress-checks">
      <h2 id="progress-checks">{t('progress.checks.title')}</h2>
      {checks.length === 0 ? (
        <>
          <p>{t('progress.checks.empty')}</p>
          <p>
            <Link to="/check">{t('check.start')}</Link>
          </p>
        </>
      ) : (
        <>
          <p>
            {checks.length === 1
              ? t('progress.checks.summaryOne')
              : t('progress.checks.summary', { count: checks.length })}
          </p>
          {checks.length > 1 ? (
            <p className="hint">
              {anyReliableChange(checks)
                ? t('check.history.reliableNote')
                : t('check.history.noReliableYet')}
            </p>
          ) : null}
          {definition ? (
            <>
              {[...scoredSubscales(definition).signs, ...scoredSubscales(definition).roots].map(
                (subscale) => (
                  <SubscaleChart key={subscale.id} checks={checks} subscale={subscale} />
                ),
              )}
            </>
          ) : definitionFailed ? null : (
            <p role="status">{t('layout.loading')}</p>
          )}
          <p>
            <Link to="/check/history">{t('check.history.link')}</Link>
          </p>
        </>
      )}
    </section>
  );
}

/** The closeness ladder: how hard each step was expected to be, and how it really was. */
export function LadderSection({ ladder }: { ladder: Progress['ladder'] }) {
  if (ladder.length === 0)
    return (
      <section aria-labelledby="progress-ladder">
        <h2 id="progress-ladder">{t('progress.ladder.title')}</h2>
        <p>{t('progress.ladder.empty')}</p>
        <p>
          <Link to="/exercises/closeness-ladder">{t('progress.ladder.open')}</Link>
        </p>
      </section>
    );
  return (
    <LadderChart
      title={t('progress.ladder.title')}
      formatWhen={longDay}
      points={ladder.map((point) => ({
        id: point.id,
        date: point.date,
        rung: point.step,
        predicted: point.predicted,
        actual: point.actual,
      }))}
    />
  );
}

/** Plan steps finished each week (bars) beside the steps planned (a dashed line). */
export function StepsSection({ progress }: { progress: Progress }) {
  const data = stepsChartData(progress.steps);
  if (!data.anything)
    return (
      <section aria-labelledby="progress-steps">
        <h2 id="progress-steps">{t('progress.steps.title')}</h2>
        <p>{t('progress.steps.empty')}</p>
        <p>
          <Link to="/plan">{t('layout.nav.plan')}</Link>
        </p>
      </section>
    );
  const words = { completed: data.total, weeks: progress.steps.length };
  return (
    <ChartWithTable
      className="progress-steps"
      title={t('progress.steps.title')}
      summary={
        data.total === 1
          ? t('progress.steps.summaryOne', words)
          : t('progress.steps.summary', words)
      }
      chart={{
        name: t('progress.steps.chartName', words),
        series: [
          {
            id: 'completed',
            label: t('progress.steps.completed'),
            kind: 'bars',
            tone: 1,
            points: data.completed,
          },
          {
            id: 'planned',
            label: t('progress.steps.planned'),
            tone: 2,
            dash: 'dashed',
            marker: 'square',
            points: data.planned,
          },
        ],
        x: {
          domain: [-0.5, progress.steps.length - 0.5],
          ticks: data.ticks.map((tick) => ({ value: tick.value, label: shortDay(tick.date) })),
        },
        y: { domain: [0, data.max], ticks: data.yTicks },
      }}
      table={{
        caption: t('progress.steps.caption'),
        columns: [
          t('progress.table.week'),
          t('progress.steps.completed'),
          t('progress.steps.planned'),
        ],
        rows: progress.steps.map((week) => ({
          id: week.week,
          header: longDay(weekStart(week.week)),
          cells: [week.completed, week.planned],
        })),
      }}
    />
  );
}
