/**
 * How due reminders become deliveries (docs/decisions/0012): which occurrences a scan turns
 * into in-app and email deliveries, how late is too late for an email, how failed emails are
 * retried, and what an email says. Pure: the scheduler on the server does the I/O.
 */
import { t } from '../i18n/translate';
import { occurrencesBetween, type ReminderKind, type ReminderSettings } from './schedule';

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;

/** In-app reminders are shown for a day after they fall due, unless dismissed. */
export const APP_SHOW_MS = 24 * HOUR_MS;
/**
 * An email more than two hours late is not sent: "a reminder at this time" arriving at
 * another time (after downtime, or after retries) is confusing rather than helpful. It is
 * still shown in the app.
 */
export const EMAIL_LATE_LIMIT_MS = 2 * HOUR_MS;
/** Tries of one email before it is marked failed. */
export const MOST_EMAIL_ATTEMPTS = 5;
/** Waits before the 2nd, 3rd, 4th and 5th try. */
const RETRY_DELAYS_MS = [1, 5, 15, 60].map((minutes) => minutes * MINUTE_MS);

/**
 * Names an item by what it is rather than by its place in the list, so reordering the list
 * does not deliver a reminder again. Settings never hold two items with the same kind, day
 * and time, so kind, time and instant name one occurrence.
 */
export function itemKey(kind: ReminderKind, time: string): string {
  return `${kind}@${time}`;
}

export interface PlannedDelivery {
  itemKey: string;
  kind: ReminderKind;
  /** Milliseconds since the epoch. */
  at: number;
  channel: 'app' | 'email';
}

/** Where a scan starts: where the last one ended, but never more than a day back. */
export function scanStart(scannedUntil: number, now: number): number {
  return Math.max(scannedUntil, now - APP_SHOW_MS);
}

/**
 * The deliveries of every occurrence with `scanStart(scannedUntil, now) < at <= now`: one in
 * the app each, and one by email when the person wants email and it is not too late.
 */
export function plannedDeliveries(
  settings: ReminderSettings,
  scannedUntil: number,
  now: number,
  email: boolean,
): PlannedDelivery[] {
  const result: PlannedDelivery[] = [];
  for (const occurrence of occurrencesBetween(settings, scanStart(scannedUntil, now), now)) {
    const item = settings.items[occurrence.item]!;
    const key = itemKey(item.kind, item.time);
    result.push({ itemKey: key, kind: item.kind, at: occurrence.at, channel: 'app' });
    if (email && !emailTooLate(occurrence.at, now))
      result.push({ itemKey: key, kind: item.kind, at: occurrence.at, channel: 'email' });
  }
  return result;
}

export function emailTooLate(occurrenceAt: number, now: number): boolean {
  return now - occurrenceAt > EMAIL_LATE_LIMIT_MS;
}

/**
 * After a failed try (`attempts` counts it): when to try again, or null to give up.
 */
export function retryAt(attempts: number, now: number): number | null {
  if (attempts >= MOST_EMAIL_ATTEMPTS) return null;
  const delay = RETRY_DELAYS_MS[Math.max(0, attempts - 1)] ?? RETRY_DELAYS_MS.at(-1)!;
  return now + delay;
}

/**
 * Words an email or calendar event must never contain: an inbox or a calendar is often seen
 * by others, so nothing in them may say what the reminder is about. Checked by tests against
 * every message and title.
 */
export const HEALTH_WORDS = [
  'check-in',
  'checkin',
  'check in',
  'closeness check',
  'the check',
  'plan',
  'mood',
  'stress',
  'anxiety',
  'anxious',
  'therapy',
  'mental',
  'health',
  'journal',
  'exercise',
  'feeling',
  'rating',
  'score',
  'safety',
  'crisis',
  'retake',
] as const;

/** The health words found in a text, if any (case-insensitive). */
export function healthWordsIn(text: string): string[] {
  const lower = text.toLowerCase();
  return HEALTH_WORDS.filter((word) => lower.includes(word));
}

/**
 * The reminder email: the same plain words whatever the reminder is for, with a link to
 * Closer's home page when its address is known (never to a page that would name a topic).
 */
export function reminderEmail(homeUrl: string | null): { subject: string; text: string } {
  return {
    subject: t('reminders.email.subject'),
    text: homeUrl ? t('reminders.email.body', { url: homeUrl }) : t('reminders.email.bodyNoLink'),
  };
}
