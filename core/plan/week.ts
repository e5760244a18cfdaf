/**
 * ISO weeks ("2027-W05", Monday to Sunday) for weekly plans, counted on the person's own
 * calendar days: `isoWeekAt` turns an instant into its local day (core/checkins/local-date)
 * first. Nothing in this file reads the clock or the machine's time zone (all other
 * arithmetic is in UTC on calendar days).
 */
import { dateOfDayNumber, dayNumberOf } from '../checkins/calendar-day';
import { localDate } from '../checkins/local-date';
import { DomainError } from '../errors/domain-error';

export const INVALID_WEEK = 'invalid_week';
export const INVALID_DATE = 'invalid_date';

const DAY_MS = 86_400_000;
const WEEK_PATTERN = /^(\d{4})-W(\d{2})$/;

/** Monday = 0 … Sunday = 6. */
function weekday(days: number): number {
  // 1970-01-01 was a Thursday (3).
  return (((days + 3) % 7) + 7) % 7;
}

/** True for a real calendar day written YYYY-MM-DD. */
export function isCalendarDate(value: unknown): value is string {
  return typeof value === 'string' && dayNumberOf(value) !== null;
}

function requireDate(date: string): number {
  const days = dayNumberOf(date);
  if (days === null)
    throw new DomainError(INVALID_DATE, 'A date must be a real day written YYYY-MM-DD.');
  return days;
}

/** The ISO week a calendar day belongs to: the week is named after the year of its Thursday. */
export function isoWeekOf(date: string): string {
  const days = requireDate(date);
  const thursday = days - weekday(days) + 3;
  const year = new Date(thursday * DAY_MS).getUTCFullYear();
  const firstOfYear = Date.UTC(year, 0, 1) / DAY_MS;
  const week = Math.floor((thursday - firstOfYear) / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/**
 * The ISO week an instant falls in for someone in `timeZone` (an IANA zone the caller has
 * checked with `isTimeZone`): 23:30 on a Sunday in New York is still that Sunday's week,
 * although it is already Monday in UTC.
 */
export function isoWeekAt(instant: Date, timeZone: string): string {
  return isoWeekOf(localDate(instant, timeZone));
}

/** The Monday of an ISO week, or null if the week does not exist (such as week 53 of most years). */
function mondayNumber(week: string): number | null {
  const match = WEEK_PATTERN.exec(week);
  if (!match) return null;
  const [year, number] = [Number(match[1]), Number(match[2])];
  if (number < 1 || number > 53) return null;
  const january4 = Date.UTC(year, 0, 4) / DAY_MS;
  const monday = january4 - weekday(january4) + (number - 1) * 7;
  return isoWeekOf(dateOfDayNumber(monday)) === week ? monday : null;
}

export function isIsoWeek(value: unknown): value is string {
  return typeof value === 'string' && mondayNumber(value) !== null;
}

function requireWeek(week: string): number {
  const monday = mondayNumber(week);
  if (monday === null)
    throw new DomainError(INVALID_WEEK, 'A week must be an ISO week such as 2027-W05.');
  return monday;
}

/** The Monday (YYYY-MM-DD) an ISO week starts on. */
export function weekStart(week: string): string {
  return dateOfDayNumber(requireWeek(week));
}

/** The ISO week `count` weeks after (or before, if negative) the given one. */
export function addWeeks(week: string, count: number): string {
  return isoWeekOf(dateOfDayNumber(requireWeek(week) + count * 7));
}

/** The calendar day `count` days after (or before) the given one. */
export function addDays(date: string, count: number): string {
  return dateOfDayNumber(requireDate(date) + count);
}
