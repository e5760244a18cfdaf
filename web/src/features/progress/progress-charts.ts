/**
 * The progress page's numbers shaped for the shared chart and its tables: where each point
 * sits, which points are marked, where the axis labels go. Pure (the words are added by the
 * page), so it is unit-tested on its own.
 */
import type { ScoredSubscaleId } from '../../../../core/assessment/closeness-check.definition';
import type { ChangeLabel } from '../../../../core/assessment/psychometrics';
import { dateOfDayNumber, dayNumberOf } from '../../../../core/checkins/calendar-day';
import type { TrendPoint } from '../../../../core/progress/checkin-trends';
import { AVERAGE_WINDOW_DAYS } from '../../../../core/progress/checkin-trends';
import type { StepsInWeek } from '../../../../core/progress/plan-steps';
import type { ProgressCheck } from '../../../../core/progress/progress-view';
import { weekStart } from '../../../../core/plan/week';
import { niceMax, niceTicks, spreadTicks } from '../charts/chart-geometry';
import type { ChartPoint } from '../charts/LineChart';
import { timeAxis } from '../charts/time-axis';
import { LOCALE } from '../../i18n';

/** The most axis labels a chart shows, so they never crowd at 200 % zoom. */
export const MOST_LABELS = 6;

function day(date: string): number {
  return dayNumberOf(date) ?? 0;
}

/** A calendar day, short, for an axis: "16 Nov". */
export function shortDay(date: string): string {
  return new Date(`${date}T12:00:00Z`).toLocaleDateString(LOCALE, {
    day: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  });
}

/** A calendar day in full, for a table: "16 November 2026". */
export function longDay(date: string): string {
  return new Date(`${date}T12:00:00Z`).toLocaleDateString(LOCALE, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

/** Numbers as people read them: whole numbers plain, others with one decimal place. */
export function shown(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}

export interface CheckinChartData {
  /** The first day on the axis. */
  from: string;
  daily: ChartPoint[];
  average: ChartPoint[];
  domain: [number, number];
  ticks: { value: number; date: string }[];
}

/**
 * One measure's check-ins on a day axis up to `to`: the day's value as points, and
 * the 7-day average as a line. The line breaks where a week or more passes without a
 * check-in, so a quiet spell is left blank, not bridged as if it were known.
 */
export function checkinChartData(
  points: readonly TrendPoint[],
  range: { from: string; to: string },
): CheckinChartData {
  // The axis starts at the first check-in when that is later than the range's start, so a
  // newcomer's few days are spread out rather than squeezed into the last corner.
  const first = Math.max(day(range.from), day(points[0]?.date ?? range.from));
  const last = Math.max(first, day(range.to));
  const daily = points.map((point) => ({ x: day(point.date), y: point.value }));
  const average: ChartPoint[] = [];
  points.forEach((point, index) => {
    const previous = points[index - 1];
    if (previous && day(point.date) - day(previous.date) >= AVERAGE_WINDOW_DAYS)
      average.push({ x: day(point.date) - 1, y: null });
    average.push({ x: day(point.date), y: point.average });
  });
  return {
    from: dateOfDayNumber(first),
    daily,
    average,
    domain: [first, last],
    ticks: spreadTicks(first, last, MOST_LABELS).map((value) => ({
      value,
      date: dateOfDayNumber(value),
    })),
  };
}

export interface CheckSubscaleData {
  points: (ChartPoint & { date: string; change: ChangeLabel | null })[];
  /** The first and last scores there are (null when this part has none yet). */
  first: number | null;
  last: number | null;
  /** The time axis: from the first Check to the last, labelled with dates. */
  domain: [number, number];
  ticks: { value: number; label: string }[];
}

/** Whether a change label says the change was reliable (either way). */
export function isReliable(label: ChangeLabel | null | undefined): boolean {
  return label === 'reliable-improvement' || label === 'reliable-deterioration';
}

/**
 * One part of the Closeness Check over time, one point per Check (oldest first) at the moment
 * it was taken, on the 0–100 index the Check history and the report show, marked where the
 * change since the Check before was reliable (0009's rules, worked out by the server exactly
 * as the Check history does).
 */
export function checkSubscaleData(
  checks: readonly ProgressCheck[],
  subscale: ScoredSubscaleId,
  markLabel: string,
): CheckSubscaleData {
  const axis = timeAxis(
    checks.map((check) => check.createdAt),
    MOST_LABELS,
  );
  const points = checks.map((check, index) => {
    const change = check.changes?.[subscale] ?? null;
    const score = check.index[subscale];
    return {
      x: axis.positions[index] ?? 0,
      y: score,
      date: check.createdAt,
      change,
      ...(isReliable(change) && score !== null ? { mark: markLabel } : {}),
    };
  });
  const scored = points.map((point) => point.y).filter((y): y is number => y !== null);
  return {
    points,
    first: scored[0] ?? null,
    last: scored[scored.length - 1] ?? null,
    domain: axis.domain,
    ticks: axis.ticks,
  };
}

/** Whether any Check's change was called reliable, for the honest note under the charts. */
export function anyReliableChange(checks: readonly ProgressCheck[]): boolean {
  return checks.some(
    (check) => check.changes !== null && Object.values(check.changes).some(isReliable),
  );
}

export interface StepsChartData {
  completed: ChartPoint[];
  planned: ChartPoint[];
  ticks: { value: number; week: string; date: string }[];
  total: number;
  /** The top of the count axis: a round number at least the biggest week. */
  max: number;
  /** Whole-number ticks from 0 to `max`. */
  yTicks: number[];
  /** False when no week had a plan or a finished step: the page says so kindly instead. */
  anything: boolean;
}

/** Plan steps per week: finished as bars, planned as a line, one place per week. */
export function stepsChartData(steps: readonly StepsInWeek[]): StepsChartData {
  const max = niceMax(Math.max(0, ...steps.flatMap((week) => [week.completed, week.planned])));
  const positions = spreadTicks(0, Math.max(0, steps.length - 1), MOST_LABELS);
  return {
    completed: steps.map((week, index) => ({ x: index, y: week.completed })),
    planned: steps.map((week, index) => ({ x: index, y: week.planned })),
    ticks: positions.flatMap((index) => {
      const week = steps[index];
      return week ? [{ value: index, week: week.week, date: weekStart(week.week) }] : [];
    }),
    total: steps.reduce((sum, week) => sum + week.completed, 0),
    max,
    yTicks: niceTicks(0, max, Math.min(5, max)),
    anything: steps.some((week) => week.completed > 0 || week.planned > 0),
  };
}
