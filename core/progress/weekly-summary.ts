/**
 * The plain-words summary of one week ("You checked in 5 times; closeness rose from 4 to 6").
 *
 * Kindness rules, written down because they are the point of this file:
 * - Nothing is counted as missed. There are no streaks, no "you broke your run", no targets.
 *   A week without check-ins gets one neutral, welcoming line.
 * - A rise or fall is described only from the first to the last day of the week that has a
 *   check-in, and only with two or more such days; one day is not a trend.
 * - For stress, "fell" is the hopeful direction; the words stay neutral either way.
 */
import { addDays, isoWeekOf, weekStart } from '../plan/week';
import {
  CHECKIN_MEASURES,
  checkinTrends,
  type CheckinMeasure,
  type CheckinRatings,
} from './checkin-trends';

export interface MeasureChange {
  /** The first day's value in the week (daily mean, one decimal). */
  from: number;
  /** The last day's value in the week. */
  to: number;
  direction: 'rose' | 'fell' | 'same';
}

export interface WeeklySummary {
  /** ISO week, e.g. 2027-W05, on the person's own calendar days. */
  week: string;
  /** Monday and Sunday of the week, YYYY-MM-DD. */
  from: string;
  to: string;
  checkins: number;
  /** Days of the week with at least one check-in. */
  daysCheckedIn: number;
  /** Per measure; null with fewer than two days of check-ins. */
  changes: Record<CheckinMeasure, MeasureChange | null>;
  stepsCompleted: number;
  checksTaken: number;
}

export interface WeeklySummaryInput {
  week: string;
  checkins: readonly CheckinRatings[];
  /** Plan steps finished in this week. */
  stepsCompleted: number;
  /** Closeness Checks finished in this week. */
  checksTaken: number;
}

/** The summary of one ISO week; check-ins outside the week are ignored. */
export function summariseWeek(input: WeeklySummaryInput): WeeklySummary {
  const from = weekStart(input.week);
  const inWeek = input.checkins.filter((checkin) => {
    try {
      return isoWeekOf(checkin.date) === input.week;
    } catch {
      return false;
    }
  });
  const trends = checkinTrends(inWeek);
  const changes = {} as Record<CheckinMeasure, MeasureChange | null>;
  for (const measure of CHECKIN_MEASURES) {
    const points = trends[measure];
    const first = points[0];
    const last = points[points.length - 1];
    changes[measure] =
      points.length < 2 || !first || !last
        ? null
        : {
            from: first.value,
            to: last.value,
            direction:
              last.value > first.value ? 'rose' : last.value < first.value ? 'fell' : 'same',
          };
  }
  return {
    week: input.week,
    from,
    to: addDays(from, 6),
    checkins: inWeek.length,
    daysCheckedIn: trends.mood.length,
    changes,
    stepsCompleted: input.stepsCompleted,
    checksTaken: input.checksTaken,
  };
}
