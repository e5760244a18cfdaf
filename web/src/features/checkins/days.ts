import { isTimeZone, localDate } from '../../../../core/checkins/local-date';
import { LOCALE } from '../../i18n';

/** The person's own time zone, as the browser knows it; UK time if it knows none. */
export function browserTimeZone(): string {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return zone && isTimeZone(zone) ? zone : 'Europe/London';
}

/** Today's calendar day (YYYY-MM-DD) in a time zone. */
export function today(timeZone: string, now: Date = new Date()): string {
  return localDate(now, timeZone);
}

/** A calendar day moved by whole days; plain date arithmetic, free of time zones. */
export function addDays(day: string, days: number): string {
  const [year, month, date] = day.split('-').map(Number);
  const moved = new Date(Date.UTC(year ?? 1970, (month ?? 1) - 1, (date ?? 1) + days));
  return moved.toISOString().slice(0, 10);
}

/** The seven days that end with `last`, oldest first. */
export function weekEnding(last: string): string[] {
  return Array.from({ length: 7 }, (_, index) => addDays(last, index - 6));
}

/** A calendar day as people say it, e.g. "Tuesday 24 November". */
export function formatDay(day: string): string {
  const [year, month, date] = day.split('-').map(Number);
  return new Date(Date.UTC(year ?? 1970, (month ?? 1) - 1, date ?? 1)).toLocaleDateString(LOCALE, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    timeZone: 'UTC',
  });
}
