/**
 * Wall-clock times in an IANA time zone, turned into instants with nothing but Intl, so the
 * same code runs in the browser and on the server whatever the machine's own zone.
 *
 * Daylight-saving changes follow the rule most calendars use (Temporal's "compatible"):
 * - a time that does not exist (01:30 on the night clocks go forward in London) happens that
 *   many minutes later, at the first moment that does exist on the new clock (02:30 BST);
 * - a time that happens twice (01:30 on the night clocks go back) happens once, the first
 *   time (01:30 BST, not 01:30 GMT).
 * So a reminder set for a time is never lost on a change night and never sent twice.
 */

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      weekday: 'short',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** A local wall-clock reading. `weekday` is 0 for Monday … 6 for Sunday. */
export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  weekday: number;
}

const WEEKDAYS: Record<string, number> = { Mon: 0, Tue: 1, Wed: 2, Thu: 3, Fri: 4, Sat: 5, Sun: 6 };

/** What a clock on the wall in `timeZone` shows at `instant` (to the minute). */
export function wallClockAt(instant: number, timeZone: string): WallClock {
  const parts = formatterFor(timeZone).formatToParts(new Date(instant));
  const number = (type: Intl.DateTimeFormatPartTypes) =>
    Number(parts.find((part) => part.type === type)?.value ?? NaN);
  const weekdayName = parts.find((part) => part.type === 'weekday')?.value ?? '';
  return {
    year: number('year'),
    month: number('month'),
    day: number('day'),
    hour: number('hour'),
    minute: number('minute'),
    weekday: WEEKDAYS[weekdayName] ?? NaN,
  };
}

/** The zone's offset from UTC at `instant`, in minutes (60 for BST, −300 for EST). */
export function offsetMinutesAt(instant: number, timeZone: string): number {
  const wall = wallClockAt(instant, timeZone);
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute);
  return Math.round((asUtc - Math.floor(instant / MINUTE_MS) * MINUTE_MS) / MINUTE_MS);
}

/**
 * The instant a wall clock in `timeZone` shows `date` (YYYY-MM-DD) at `hour`:`minute`, with
 * the daylight-saving rule above. The caller checks the zone with `isTimeZone` first.
 */
export function instantOfWallTime(
  date: { year: number; month: number; day: number },
  hour: number,
  minute: number,
  timeZone: string,
): number {
  const asUtc = Date.UTC(date.year, date.month - 1, date.day, hour, minute);
  // The offsets a day earlier and a day later bracket any change on this date (zones change
  // at most once a day), so the wall time is one of the two readings below.
  const before = offsetMinutesAt(asUtc - DAY_MS, timeZone);
  const after = offsetMinutesAt(asUtc + DAY_MS, timeZone);
  const candidates = [asUtc - before * MINUTE_MS, asUtc - after * MINUTE_MS]
    .filter((instant) => shows(instant, date, hour, minute, timeZone))
    .sort((a, b) => a - b);
  // Happens twice: the first. Happens once: that one.
  if (candidates.length > 0) return candidates[0]!;
  // Does not exist (the clocks jumped over it): as far after the jump as it was meant to be
  // after the last minute before it, which is the old offset's reading of the time.
  return asUtc - before * MINUTE_MS;
}

function shows(
  instant: number,
  date: { year: number; month: number; day: number },
  hour: number,
  minute: number,
  timeZone: string,
): boolean {
  const wall = wallClockAt(instant, timeZone);
  return (
    wall.year === date.year &&
    wall.month === date.month &&
    wall.day === date.day &&
    wall.hour === hour &&
    wall.minute === minute
  );
}
