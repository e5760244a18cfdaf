/**
 * Check-in trends for the progress page: one point per calendar day that has a check-in, and
 * a 7-day average beside it.
 *
 * Choices, written down so they stay honest:
 * - A day with several check-ins shows their mean, so a busy day does not weigh more.
 * - The 7-day average on a day is the mean of the daily values of that day and the six before
 *   it, over the days that have one. Days without a check-in are left out, never counted as
 *   zero: a missed day is not a bad day.
 * - Averages are rounded to one decimal place, daily means too; ratings are whole numbers 0–10.
 * - Days are the person's own calendar days (each check-in carries its local date), so the
 *   server's time zone never moves a point.
 */
import { dateOfDayNumber, dayNumberOf } from '../checkins/calendar-day';

export const CHECKIN_MEASURES = ['mood', 'closeness', 'stress'] as const;
export type CheckinMeasure = (typeof CHECKIN_MEASURES)[number];

/** The days a rolling average looks back over, the day itself included. */
export const AVERAGE_WINDOW_DAYS = 7;

/** What a trend needs of a check-in: its local day and its three ratings. */
export interface CheckinRatings {
  date: string;
  mood: number;
  closeness: number;
  stress: number;
}

export interface TrendPoint {
  date: string;
  /** The day's value (the mean when there were several check-ins). */
  value: number;
  /** Mean of the daily values over this day and the six before it that have one. */
  average: number;
}

export type CheckinTrends = Record<CheckinMeasure, TrendPoint[]>;

/** Rounds to one decimal place, half away from zero; the nudge keeps 4.05 from reading 4.0 after float sums. */
export function roundToTenth(value: number): number {
  return (Math.sign(value) * Math.round(Math.abs(value) * 10 + 1e-9)) / 10;
}

interface DayTotals {
  day: number;
  count: number;
  sums: Record<CheckinMeasure, number>;
}

/**
 * Daily points and 7-day averages per measure, oldest first. Check-ins whose date is not a
 * real calendar day are ignored (they cannot be placed on a time axis), never a failure.
 * `from`/`to` (YYYY-MM-DD, inclusive) limit the points returned; days before `from` still
 * count towards the first averages, so a chart that starts mid-way shows true averages.
 */
export function checkinTrends(
  checkins: readonly CheckinRatings[],
  range: { from?: string; to?: string } = {},
): CheckinTrends {
  const byDay = new Map<number, DayTotals>();
  for (const checkin of checkins) {
    const day = dayNumberOf(checkin.date);
    if (day === null) continue;
    let totals = byDay.get(day);
    if (!totals) {
      totals = { day, count: 0, sums: { mood: 0, closeness: 0, stress: 0 } };
      byDay.set(day, totals);
    }
    totals.count += 1;
    for (const measure of CHECKIN_MEASURES) totals.sums[measure] += checkin[measure];
  }
  const days = [...byDay.values()].sort((a, b) => a.day - b.day);
  const from = range.from === undefined ? null : dayNumberOf(range.from);
  const to = range.to === undefined ? null : dayNumberOf(range.to);

  const dailyMeans = days.map((totals) => {
    const means = {} as Record<CheckinMeasure, number>;
    for (const measure of CHECKIN_MEASURES) means[measure] = totals.sums[measure] / totals.count;
    return means;
  });
  const trends: CheckinTrends = { mood: [], closeness: [], stress: [] };
  // `start` is the first of the sorted days inside the last seven; the window holds at most
  // seven days, so each average is summed afresh (no running total to drift).
  let start = 0;
  for (let index = 0; index < days.length; index += 1) {
    const today = days[index]!.day;
    while (days[start]!.day <= today - AVERAGE_WINDOW_DAYS) start += 1;
    if ((from !== null && today < from) || (to !== null && today > to)) continue;
    const date = dateOfDayNumber(today);
    for (const measure of CHECKIN_MEASURES) {
      let sum = 0;
      for (let inside = start; inside <= index; inside += 1) sum += dailyMeans[inside]![measure];
      trends[measure].push({
        date,
        value: roundToTenth(dailyMeans[index]![measure]),
        average: roundToTenth(sum / (index - start + 1)),
      });
    }
  }
  return trends;
}
