/**
 * Reminders the person chose: what (a check-in, a plan step, a retake of the Check), on which
 * weekdays, at what time on their own clock, in their own IANA time zone.
 *
 * `parseReminderSettings` is the only way a settings body becomes `ReminderSettings`: it
 * names what is wrong in plain words (shown to the person) with stable codes (for the app).
 * `occurrencesBetween` lists when reminders fall due, correct across daylight-saving changes
 * (see zoned-time.ts for the rule on change nights).
 */
import { isTimeZone } from '../checkins/local-date';
import { DomainError } from '../errors/domain-error';
import { instantOfWallTime, wallClockAt } from './zoned-time';

export const REMINDER_KINDS = ['checkin', 'plan', 'retake'] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

export const WEEKDAY_NAMES = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type WeekdayName = (typeof WEEKDAY_NAMES)[number];

/** Enough for every kind at several times a day; more is almost surely a mistake. */
export const MOST_REMINDERS = 21;

export const INVALID_REMINDERS = 'invalid_reminders';
export const INVALID_TIME_ZONE = 'invalid_time_zone';

export interface ReminderItem {
  kind: ReminderKind;
  /** In week order, no repeats. */
  days: WeekdayName[];
  /** HH:MM on the person's own clock, 24-hour. */
  time: string;
}

export interface ReminderSettings {
  timeZone: string;
  items: ReminderItem[];
}

const TIME_PATTERN = /^([01]\d|2[0-3]):([0-5]\d)$/;

function invalid(message: string, field: string): DomainError {
  return new DomainError(INVALID_REMINDERS, message, { field });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Checks a settings body. Throws `invalid_time_zone` for a zone this runtime does not know
 * and `invalid_reminders` (with the field at fault) for anything else.
 */
export function parseReminderSettings(body: unknown): ReminderSettings {
  if (!isRecord(body)) throw invalid('Reminder settings must be an object.', '');
  const { timeZone, items } = body;
  if (typeof timeZone !== 'string' || timeZone.length > 64 || !isTimeZone(timeZone))
    throw new DomainError(
      INVALID_TIME_ZONE,
      'That time zone is not one we know. Use a name such as Europe/London.',
      { field: 'timeZone' },
    );
  if (!Array.isArray(items)) throw invalid('Reminders must be a list.', 'items');
  if (items.length > MOST_REMINDERS)
    throw invalid(`You can set up to ${MOST_REMINDERS} reminders.`, 'items');
  const parsed = items.map((item: unknown, index) => parseItem(item, `items/${index}`));
  const seen = new Set<string>();
  for (const [index, item] of parsed.entries()) {
    for (const day of item.days) {
      const key = `${item.kind} ${day} ${item.time}`;
      if (seen.has(key)) throw invalid('The same reminder is in the list twice.', `items/${index}`);
      seen.add(key);
    }
  }
  // The canonical zone name ("europe/london" → "Europe/London"), so feeds and emails agree.
  return {
    timeZone: new Intl.DateTimeFormat('en', { timeZone }).resolvedOptions().timeZone,
    items: parsed,
  };
}

function parseItem(item: unknown, field: string): ReminderItem {
  if (!isRecord(item)) throw invalid('Each reminder must be an object.', field);
  const { kind, days, time } = item;
  if (typeof kind !== 'string' || !(REMINDER_KINDS as readonly string[]).includes(kind))
    throw invalid(
      'A reminder is for a check-in, a plan step or a retake of the Check.',
      `${field}/kind`,
    );
  if (!Array.isArray(days) || days.length === 0)
    throw invalid('Choose at least one day for each reminder.', `${field}/days`);
  const chosen = new Set<WeekdayName>();
  for (const day of days) {
    if (typeof day !== 'string' || !(WEEKDAY_NAMES as readonly string[]).includes(day))
      throw invalid('Days are written mon, tue, wed, thu, fri, sat or sun.', `${field}/days`);
    chosen.add(day as WeekdayName);
  }
  if (typeof time !== 'string' || !TIME_PATTERN.test(time))
    throw invalid('A time is written HH:MM, from 00:00 to 23:59.', `${field}/time`);
  return {
    kind: kind as ReminderKind,
    days: WEEKDAY_NAMES.filter((day) => chosen.has(day)),
    time,
  };
}

/** One time a reminder falls due. */
export interface ReminderOccurrence {
  /** Index of the item in the settings. */
  item: number;
  kind: ReminderKind;
  /** The item's time (HH:MM): with `kind`, what names the item whatever its place in the list. */
  time: string;
  /** The instant, in milliseconds since the epoch. */
  at: number;
  /** The person's calendar day it belongs to (YYYY-MM-DD). */
  localDate: string;
}

const DAY_MS = 86_400_000;

/**
 * Every occurrence with `from < at <= to` (milliseconds), oldest first. Each (item, local
 * day) gives at most one occurrence, even on the night the clocks go back.
 */
export function occurrencesBetween(
  settings: ReminderSettings,
  from: number,
  to: number,
): ReminderOccurrence[] {
  if (!(to > from)) return [];
  const result: ReminderOccurrence[] = [];
  // Walk the person's calendar days from the one before `from` to the one after `to`: a
  // local day can start up to 14 hours either side of the UTC day.
  const first = wallClockAt(from - DAY_MS, settings.timeZone);
  const lastDay = Date.UTC(...ymd(wallClockAt(to + DAY_MS, settings.timeZone)));
  for (let day = Date.UTC(...ymd(first)); day <= lastDay; day += DAY_MS) {
    const date = new Date(day);
    const local = {
      year: date.getUTCFullYear(),
      month: date.getUTCMonth() + 1,
      day: date.getUTCDate(),
    };
    const weekday = WEEKDAY_NAMES[(date.getUTCDay() + 6) % 7]!;
    settings.items.forEach((item, index) => {
      if (!item.days.includes(weekday)) return;
      const [hour, minute] = item.time.split(':').map(Number) as [number, number];
      const at = instantOfWallTime(local, hour, minute, settings.timeZone);
      if (at > from && at <= to)
        result.push({
          item: index,
          kind: item.kind,
          time: item.time,
          at,
          localDate: date.toISOString().slice(0, 10),
        });
    });
  }
  return result.sort((a, b) => a.at - b.at || a.item - b.item);
}

function ymd(wall: { year: number; month: number; day: number }): [number, number, number] {
  return [wall.year, wall.month - 1, wall.day];
}

/** The next time any reminder falls due after `after`, or null when none is set. */
export function nextOccurrence(
  settings: ReminderSettings,
  after: number,
): ReminderOccurrence | null {
  if (settings.items.length === 0) return null;
  // Every item has a day each week, so eight days always hold the next one.
  return occurrencesBetween(settings, after, after + 8 * DAY_MS)[0] ?? null;
}
