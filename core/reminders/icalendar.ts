/**
 * The personal calendar feed (RFC 5545): one event per reminder occurrence over the coming
 * weeks, each with an alarm at its start.
 *
 * Why single events in UTC rather than one repeating event with a time zone: the occurrences
 * come from `occurrencesBetween`, which already handles daylight-saving nights by Closer's
 * own rule (schedule.ts, zoned-time.ts). A repeating rule would hand that to each calendar app,
 * and apps disagree about times that do not exist; it would also need a VTIMEZONE block per
 * zone, which Intl cannot produce. Calendar apps re-read a feed every few hours, and the feed
 * always looks `FEED_WEEKS` ahead, so it never runs out.
 *
 * What the feed says is deliberately plain: a calendar is often shared or glanced at by
 * others, so titles never name a health topic.
 */
import { REMINDER_KINDS, type ReminderKind, type ReminderOccurrence } from './schedule';

/** How far ahead the feed lists occurrences. */
export const FEED_WEEKS = 8;
/** How long each event lasts in the calendar. */
export const EVENT_MINUTES = 10;

export interface CalendarText {
  /** The calendar's own name, e.g. "Closer reminders". */
  calendarName: string;
  /** A plain, non-health title per kind. */
  titles: Readonly<Record<ReminderKind, string>>;
  /** The event description, e.g. "Open Closer when you have a moment: <url>". */
  description: string;
}

export interface CalendarFeedInput {
  occurrences: readonly ReminderOccurrence[];
  /** When the feed was made (DTSTAMP), milliseconds. */
  now: number;
  /** Makes UIDs unique to this feed without naming the person (e.g. part of the feed id). */
  uidPrefix: string;
  /** The host name UIDs end with, e.g. "closer.example". */
  uidDomain: string;
  text: CalendarText;
  /** The link to open, when known. */
  url?: string;
}

/** Escapes a TEXT value: backslash, semicolon, comma and line breaks. */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

const encoder = new TextEncoder();

/**
 * Folds a content line so no line is longer than 75 octets (UTF-8), never splitting a
 * character: continuation lines start with one space.
 */
export function foldLine(line: string): string {
  if (encoder.encode(line).length <= 75) return line;
  const pieces: string[] = [];
  let current = '';
  let currentBytes = 0;
  for (const character of line) {
    const bytes = encoder.encode(character).length;
    // The first line holds 75 octets; continuations 74 after their leading space.
    const limit = pieces.length === 0 ? 75 : 74;
    if (currentBytes + bytes > limit) {
      pieces.push(current);
      current = '';
      currentBytes = 0;
    }
    current += character;
    currentBytes += bytes;
  }
  pieces.push(current);
  return pieces.join('\r\n ');
}

/**
 * What names an event's reminder in its UID: the kind's number and the time ("0-0900"), not
 * the item's place in the list, so reordering reminders keeps every event the same event in
 * the person's calendar; and not the kind's name, which would say what the reminder is for.
 */
function eventKey(occurrence: ReminderOccurrence): string {
  return `${REMINDER_KINDS.indexOf(occurrence.kind)}-${occurrence.time.replace(':', '')}`;
}

/** 20270201T090000Z */
export function utcStamp(instant: number): string {
  return new Date(instant)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

/** The whole feed, CRLF line endings, ready to serve as text/calendar. */
export function calendarFeed(input: CalendarFeedInput): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Closer//Reminders//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(input.text.calendarName)}`,
    // A hint to re-read the feed every six hours (honoured by some apps).
    'REFRESH-INTERVAL;VALUE=DURATION:PT6H',
    'X-PUBLISHED-TTL:PT6H',
  ];
  const stamp = utcStamp(input.now);
  for (const occurrence of input.occurrences) {
    const title = escapeText(input.text.titles[occurrence.kind]);
    lines.push(
      'BEGIN:VEVENT',
      `UID:${input.uidPrefix}-${eventKey(occurrence)}-${utcStamp(occurrence.at)}@${input.uidDomain}`,
      `DTSTAMP:${stamp}`,
      `DTSTART:${utcStamp(occurrence.at)}`,
      `DTEND:${utcStamp(occurrence.at + EVENT_MINUTES * 60_000)}`,
      `SUMMARY:${title}`,
      `DESCRIPTION:${escapeText(input.text.description)}`,
      ...(input.url ? [`URL:${input.url}`] : []),
      'TRANSP:TRANSPARENT',
      'BEGIN:VALARM',
      'ACTION:DISPLAY',
      `DESCRIPTION:${title}`,
      'TRIGGER:PT0M',
      'END:VALARM',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}
