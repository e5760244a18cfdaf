/**
 * Calendar days in the person's own time zone: a check-in made at 00:30 in London belongs
 * to that London day, whatever the server's zone. Uses Intl, so it runs in the browser too.
 */

/**
 * The zone used when the app sends none: the product's default region is the UK, so a day
 * and a week run on London time unless the person's device says otherwise.
 */
export const DEFAULT_TIME_ZONE = 'Europe/London';

const formatters = new Map<string, Intl.DateTimeFormat>();

/** True when `timeZone` is an IANA zone this runtime knows. */
export function isTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The calendar day (YYYY-MM-DD) of an instant in a time zone. */
export function localDate(instant: Date, timeZone: string): string {
  const parts = formatterFor(timeZone).formatToParts(instant);
  const part = (type: string) => parts.find((candidate) => candidate.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** A check-in may be changed on the day it was made, in the zone it was made in. */
export function isSameLocalDay(made: Date, now: Date, timeZone: string): boolean {
  return localDate(made, timeZone) === localDate(now, timeZone);
}

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}
