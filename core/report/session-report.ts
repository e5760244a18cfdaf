/**
 * The printable session report ("since last time", docs/decisions/0015): which days it
 * covers, and the plain numbers it shows. Pure: the server loads the person's data through
 * the same services the other pages use, and this works out the period's figures with the
 * progress page's own functions (check-in trends, plan steps per week, the Check's change).
 *
 * Choices, written down so they stay honest:
 * - The period runs from the chosen day to today, both in the person's own calendar.
 * - The Check change compares the Check the person last had before the period (how things
 *   were "last time") with the newest one in it; with none before, the first in the period.
 *   It is labelled exactly as the Check history labels change (Reliable Change Index, 0009).
 * - Check-in figures are over the days that have a check-in; a missed day is never a zero.
 */
import type { ScoredSubscaleId } from '../assessment/closeness-check.definition';
import {
  describeChange,
  type PsychometricsReport,
  type SubscaleChange,
} from '../assessment/psychometrics';
import { dayNumberOf } from '../checkins/calendar-day';
import { localDate } from '../checkins/local-date';
import { DomainError } from '../errors/domain-error';
import { addDays, addWeeks, isoWeekAt, isoWeekOf } from '../plan/week';
import {
  CHECKIN_MEASURES,
  checkinTrends,
  roundToTenth,
  type CheckinMeasure,
  type CheckinRatings,
} from '../progress/checkin-trends';
import { stepsPerWeek, type PlannedWeek, type StepsInWeek } from '../progress/plan-steps';

/** Without a report marked as printed or shared, the report looks back four weeks. */
export const DEFAULT_REPORT_DAYS = 28;
/** The earliest start: five years before today. */
export const REPORT_MAX_YEARS = 5;

export const REPORT_FROM_INVALID = 'report_from_invalid';
export const REPORT_FROM_IN_FUTURE = 'report_from_in_future';
export const REPORT_FROM_TOO_EARLY = 'report_from_too_early';

/** The same day five years earlier (29 February becomes 28 February). */
export function earliestReportDate(today: string): string {
  const year = Number(today.slice(0, 4)) - REPORT_MAX_YEARS;
  const candidate = `${String(year).padStart(4, '0')}${today.slice(4)}`;
  return dayNumberOf(candidate) === null ? `${candidate.slice(0, 8)}28` : candidate;
}

/**
 * The first day of the report. `requested` is what the person chose (YYYY-MM-DD, a real
 * day, not after today, not more than five years back); without one, the day they last
 * marked a report as printed or shared, else four weeks ago. Throws a DomainError with a
 * stable code for anything else, never a plain error.
 */
export function reportStart(input: {
  requested: string | undefined;
  today: string;
  lastReportDate: string | null;
}): string {
  const earliest = earliestReportDate(input.today);
  if (input.requested === undefined) {
    const fallback = input.lastReportDate ?? addDays(input.today, -DEFAULT_REPORT_DAYS);
    // A report marked long ago (or on a clock that was wrong) still gives a valid start.
    if (fallback > input.today) return input.today;
    return fallback < earliest ? earliest : fallback;
  }
  if (dayNumberOf(input.requested) === null)
    throw new DomainError(
      REPORT_FROM_INVALID,
      'The start date must be a real day, like 2027-03-01.',
    );
  if (input.requested > input.today)
    throw new DomainError(REPORT_FROM_IN_FUTURE, 'The start date cannot be after today.');
  if (input.requested < earliest)
    throw new DomainError(
      REPORT_FROM_TOO_EARLY,
      `The start date can be at most ${REPORT_MAX_YEARS} years ago (${earliest} or later).`,
    );
  return input.requested;
}

/** A Check as the report needs it: when, which version, the scores (1–5) and 0–100 index. */
export interface ReportCheckInput {
  id: string;
  createdAt: string;
  version: number;
  scores: Readonly<Record<ScoredSubscaleId, number | null>>;
  index: Readonly<Record<ScoredSubscaleId, number | null>>;
}

export interface ReportCheck {
  id: string;
  createdAt: string;
  version: number;
  index: Record<ScoredSubscaleId, number | null>;
}

export interface ReportChecks {
  /** Checks taken in the period. */
  count: number;
  /** What the change is measured from: the last Check before the period, else the first in it. */
  first: ReportCheck | null;
  /** The newest Check in the period. */
  latest: ReportCheck | null;
  /** Whether `first` was taken before the period began. */
  firstBeforePeriod: boolean;
  /** Per part, labelled as the Check history labels change; null without two Checks. */
  changes: Record<ScoredSubscaleId, SubscaleChange> | null;
}

/**
 * The Checks of the period and the change across it. `newestFirst` as the Check history gives
 * them (unreadable ones already left out); `psychometrics` are the research pool's figures
 * for the newest Check's version, or null (then change is never called reliable).
 */
export function reportChecks(
  newestFirst: readonly ReportCheckInput[],
  period: { from: string; to: string; timeZone: string },
  psychometrics: PsychometricsReport | null,
): ReportChecks {
  const dayOf = (check: ReportCheckInput) => localDate(new Date(check.createdAt), period.timeZone);
  const inPeriod = newestFirst.filter(
    (check) => dayOf(check) >= period.from && dayOf(check) <= period.to,
  );
  const before = newestFirst.find((check) => dayOf(check) < period.from);
  const latest = inPeriod[0];
  if (!latest)
    return { count: 0, first: null, latest: null, firstBeforePeriod: false, changes: null };
  const first = before ?? inPeriod[inPeriod.length - 1]!;
  const shown = (check: ReportCheckInput): ReportCheck => ({
    id: check.id,
    createdAt: check.createdAt,
    version: check.version,
    index: { ...check.index },
  });
  return {
    count: inPeriod.length,
    first: shown(first),
    latest: shown(latest),
    firstBeforePeriod: before !== undefined,
    changes: first.id === latest.id ? null : describeChange(first, latest, psychometrics),
  };
}

export interface MeasureOverPeriod {
  /** The first day's value (the mean of that day's check-ins), one decimal place. */
  first: number;
  /** The last day's value. */
  last: number;
  /** The mean of the daily values over the days with a check-in. */
  average: number;
}

export interface WeekOfCheckins {
  week: string;
  days: number;
  /** Mean of the week's daily values, or null for a week without check-ins. */
  mood: number | null;
  closeness: number | null;
  stress: number | null;
}

export interface ReportCheckins {
  count: number;
  days: number;
  measures: Record<CheckinMeasure, MeasureOverPeriod | null>;
  weeks: WeekOfCheckins[];
}

/** Check-in figures over the period, from the same daily values the progress page draws. */
export function reportCheckins(
  checkins: readonly CheckinRatings[],
  period: { from: string; to: string },
): ReportCheckins {
  const counted = checkins.filter(
    (checkin) =>
      dayNumberOf(checkin.date) !== null &&
      checkin.date >= period.from &&
      checkin.date <= period.to,
  );
  const trends = checkinTrends(counted, period);
  const measures = {} as Record<CheckinMeasure, MeasureOverPeriod | null>;
  for (const measure of CHECKIN_MEASURES) {
    const points = trends[measure];
    const first = points[0];
    const last = points[points.length - 1];
    measures[measure] =
      first && last
        ? {
            first: first.value,
            last: last.value,
            average: roundToTenth(
              points.reduce((sum, point) => sum + point.value, 0) / points.length,
            ),
          }
        : null;
  }
  const weeks: WeekOfCheckins[] = [];
  for (const week of weeksOf(period)) {
    const days = trends.mood.filter((point) => isoWeekOf(point.date) === week).length;
    const meanOf = (measure: CheckinMeasure) => {
      const values = trends[measure].filter((point) => isoWeekOf(point.date) === week);
      return values.length === 0
        ? null
        : roundToTenth(values.reduce((sum, point) => sum + point.value, 0) / values.length);
    };
    weeks.push({
      week,
      days,
      mood: meanOf('mood'),
      closeness: meanOf('closeness'),
      stress: meanOf('stress'),
    });
  }
  return { count: counted.length, days: trends.mood.length, measures, weeks };
}

/** The ISO weeks the period touches, oldest first. */
export function weeksOf(period: { from: string; to: string }): string[] {
  const last = isoWeekOf(period.to);
  const weeks: string[] = [];
  // Five years is about 262 weeks; the bound only guards against a reversed period.
  for (let week = isoWeekOf(period.from); week <= last && weeks.length < 300;) {
    weeks.push(week);
    week = addWeeks(week, 1);
  }
  return weeks;
}

/**
 * Plan steps done per week of the period, by the progress page's own rule. Only steps done
 * on a day of the period count: the first week may begin before the period does, and a step
 * done on those earlier days belongs to the report before.
 */
export function reportStepsPerWeek(
  plans: readonly PlannedWeek[],
  completed: readonly { exerciseId: string; completedAt: string }[],
  period: { from: string; to: string; timeZone: string },
): StepsInWeek[] {
  const weeks = weeksOf(period);
  const first = weeks[0];
  const last = weeks[weeks.length - 1];
  if (!first || !last) return [];
  return stepsPerWeek(
    plans,
    completed
      .filter((entry) => inPeriod(entry.completedAt, period))
      .map((entry) => ({
        exerciseId: entry.exerciseId,
        week: isoWeekAt(new Date(entry.completedAt), period.timeZone),
      })),
    first,
    last,
  );
}

/** True when an instant falls on a day of the period, in the person's calendar. */
export function inPeriod(
  instant: string,
  period: { from: string; to: string; timeZone: string },
): boolean {
  const day = localDate(new Date(instant), period.timeZone);
  return day >= period.from && day <= period.to;
}

/** The first words of a text, cut at a word where it can be, for the list to choose from. */
export function excerptOf(text: string, maxLength = 160): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= maxLength) return flat;
  const cut = flat.slice(0, maxLength);
  const space = cut.lastIndexOf(' ');
  return `${(space > maxLength / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
