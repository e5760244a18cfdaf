/**
 * Everything the progress page shows, assembled from plain inputs: the check-in trends over
 * the chosen weeks, each Closeness Check with its change labels (worked out exactly as the
 * Check history does, by the caller with core/assessment's `changesBetween`), the closeness
 * ladder's predicted-versus-actual points, plan steps per week and this week's summary.
 * Pure: the server loads, this assembles, the server caches the result.
 */
import type { ScoredSubscaleId } from '../assessment/closeness-check.definition';
import type { ChangeLabel, SubscaleChange } from '../assessment/psychometrics';
import { localDate } from '../checkins/local-date';
import type { LadderPoint } from '../exercises/ladder-progress';
import type { PlanMessage } from '../plan/plan-messages';
import { addDays, addWeeks, isoWeekAt, isoWeekOf, weekStart } from '../plan/week';
import { checkinTrends, type CheckinRatings, type CheckinTrends } from './checkin-trends';
import { stepsPerWeek, type PlannedWeek, type StepsInWeek } from './plan-steps';
import { weeklySummaryMessages } from './progress-messages';
import { summariseWeek, type WeeklySummary } from './weekly-summary';

/** How many weeks of check-ins and plan steps the page shows unless asked otherwise. */
export const DEFAULT_PROGRESS_WEEKS = 12;
/** The longest range that can be asked for (about three years). */
export const MAX_PROGRESS_WEEKS = 160;

/** A Closeness Check as the history lists it: scores, and the change since the one before. */
export interface CheckWithChange {
  id: string;
  version: number;
  createdAt: string;
  scores: Readonly<Record<ScoredSubscaleId, number | null>>;
  /** The 0–100 index the Check history and the report show. */
  index: Readonly<Record<ScoredSubscaleId, number | null>>;
  change: Readonly<Record<ScoredSubscaleId, SubscaleChange>> | null;
  unreadable?: boolean;
}

export interface ProgressCheck {
  id: string;
  createdAt: string;
  version: number;
  scores: Record<ScoredSubscaleId, number | null>;
  /** The same scores on the 0–100 index, as the Check history and the report show them. */
  index: Record<ScoredSubscaleId, number | null>;
  /** The change label per subscale since the Check before; null for the first. */
  changes: Record<ScoredSubscaleId, ChangeLabel> | null;
}

export interface ProgressLadderPoint {
  id: string;
  /** The person's own calendar day the go was completed on. */
  date: string;
  step: string;
  predicted: number | null;
  actual: number | null;
}

export interface ProgressSummary extends WeeklySummary {
  messages: PlanMessage[];
}

export interface ProgressView {
  range: { from: string; to: string; weeks: number };
  checkins: CheckinTrends;
  checks: ProgressCheck[];
  ladder: ProgressLadderPoint[];
  steps: StepsInWeek[];
  summary: ProgressSummary;
}

export interface ProgressInput {
  now: Date;
  timeZone: string;
  weeks: number;
  /** The person's check-ins from at least six days before the range (for true averages). */
  checkins: readonly CheckinRatings[];
  /** Newest first, as the Check history answers. Unreadable ones are left out. */
  checks: readonly CheckWithChange[];
  ladder: readonly LadderPoint[];
  plans: readonly PlannedWeek[];
  completedExercises: readonly { exerciseId: string; completedAt: string }[];
}

/** The first day whose check-ins the view needs: six days before the range starts. */
export function progressReadFrom(now: Date, timeZone: string, weeks: number): string {
  const thisWeek = isoWeekAt(now, timeZone);
  return addDays(weekStart(addWeeks(thisWeek, 1 - weeks)), -6);
}

export function progressView(input: ProgressInput): ProgressView {
  const today = localDate(input.now, input.timeZone);
  const thisWeek = isoWeekOf(today);
  const firstWeek = addWeeks(thisWeek, 1 - input.weeks);
  const from = weekStart(firstWeek);
  const completed = input.completedExercises.map((entry) => ({
    exerciseId: entry.exerciseId,
    week: isoWeekAt(new Date(entry.completedAt), input.timeZone),
  }));
  const steps = stepsPerWeek(input.plans, completed, firstWeek, thisWeek);
  const checks = input.checks
    .filter((check) => !check.unreadable)
    .map((check): ProgressCheck => ({
      id: check.id,
      createdAt: check.createdAt,
      version: check.version,
      scores: { ...check.scores },
      index: { ...check.index },
      changes: check.change
        ? (Object.fromEntries(
            Object.entries(check.change).map(([id, change]) => [id, change.label]),
          ) as Record<ScoredSubscaleId, ChangeLabel>)
        : null,
    }))
    .reverse();
  const summary = summariseWeek({
    week: thisWeek,
    checkins: input.checkins,
    stepsCompleted: steps[steps.length - 1]?.completed ?? 0,
    checksTaken: checks.filter(
      (check) => isoWeekAt(new Date(check.createdAt), input.timeZone) === thisWeek,
    ).length,
  });
  return {
    range: { from, to: today, weeks: input.weeks },
    checkins: checkinTrends(input.checkins, { from, to: today }),
    checks,
    // Like the check-ins, the ladder shows the goes of the chosen weeks: three years of goes
    // on one chart is unreadable, and they are all on the ladder's own page. (Checks are few
    // and each one's change needs the one before, so the Check history is shown whole.)
    ladder: input.ladder
      .map((point) => ({
        id: point.id,
        date: localDate(new Date(point.date), input.timeZone),
        step: point.rung,
        predicted: point.predicted,
        actual: point.actual,
      }))
      .filter((point) => point.date >= from),
    steps,
    summary: { ...summary, messages: weeklySummaryMessages(summary) },
  };
}
