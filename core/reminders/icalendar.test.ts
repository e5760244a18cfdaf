import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { calendarFeed, escapeText, foldLine, utcStamp, type CalendarText } from './icalendar';
import { occurrencesBetween } from './schedule';

const text: CalendarText = {
  calendarName: 'Closer reminders',
  titles: {
    checkin: 'Closer: a moment for you',
    plan: 'Closer: a small step',
    retake: 'Closer: a look back',
  },
  description: 'Open Closer when you have a moment, and skip it if today is not the day.',
};
const encoder = new TextEncoder();
const unfold = (feed: string) => feed.replace(/\r\n /g, '');

describe('foldLine', () => {
  it('keeps every line within 75 octets and unfolds to the original, whatever the characters (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), (value) => {
        const line = `DESCRIPTION:${value.replace(/[\r\n]/g, '')}`;
        const folded = foldLine(line);
        for (const part of folded.split('\r\n'))
          expect(encoder.encode(part).length).toBeLessThanOrEqual(75);
        expect(folded.replace(/\r\n /g, '')).toBe(line);
      }),
    );
  });

  it('never splits a multi-byte character', () => {
    const folded = foldLine(`SUMMARY:${'é'.repeat(60)}`);
    for (const part of folded.split('\r\n ')) expect(part).not.toContain('\uFFFD');
    expect(folded.split('\r\n').length).toBeGreaterThan(1);
  });
});

describe('escapeText', () => {
  it('escapes backslash, semicolon, comma and line breaks', () => {
    expect(escapeText('a\\b;c,d\ne')).toBe('a\\\\b\\;c\\,d\\ne');
  });
});

describe('calendarFeed', () => {
  const settings = {
    timeZone: 'Europe/London',
    items: [{ kind: 'checkin' as const, days: ['sun' as const], time: '09:00' }],
  };
  // Two Sundays around the night the clocks go forward in 2027 (28 March).
  const occurrences = occurrencesBetween(
    settings,
    Date.parse('2027-03-20T00:00:00Z'),
    Date.parse('2027-03-29T00:00:00Z'),
  );
  const feed = calendarFeed({
    occurrences,
    now: Date.parse('2027-03-01T12:00:00Z'),
    uidPrefix: 'f3a9',
    uidDomain: 'closer.test',
    text,
    url: 'https://closer.test/checkin',
  });

  it('is a VCALENDAR with CRLF line endings and one event per occurrence', () => {
    expect(feed.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
    expect(feed.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(feed.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(feed.match(/BEGIN:VEVENT/g)).toHaveLength(2);
    expect(feed.match(/BEGIN:VALARM/g)).toHaveLength(2);
  });

  it('puts each event at its true instant across the daylight-saving change', () => {
    const starts = [...unfold(feed).matchAll(/^DTSTART:(\S+)$/gm)].map((match) => match[1]);
    expect(starts).toEqual(['20270321T090000Z', '20270328T080000Z']);
  });

  it('gives each event a distinct UID on the feed prefix and never a health word in the title', () => {
    const uids = [...unfold(feed).matchAll(/^UID:(\S+)$/gm)].map((match) => match[1]);
    expect(new Set(uids).size).toBe(2);
    for (const uid of uids) expect(uid).toMatch(/^f3a9-0-0900-\d{8}T\d{6}Z@closer\.test$/);
    expect(unfold(feed)).toContain('SUMMARY:Closer: a moment for you');
    expect(unfold(feed)).toContain('DESCRIPTION:Open Closer when you have a moment\\, and skip it');
  });

  it('writes UTC stamps', () => {
    expect(utcStamp(Date.parse('2027-02-01T09:05:07.123Z'))).toBe('20270201T090507Z');
  });
});

describe('event identity', () => {
  it('keeps every event the same event when the reminders are put in another order', () => {
    const items = [
      { kind: 'checkin' as const, days: ['mon' as const], time: '09:00' },
      { kind: 'plan' as const, days: ['mon' as const], time: '18:30' },
    ];
    const uidsOf = (list: typeof items) =>
      [
        ...unfold(
          calendarFeed({
            occurrences: occurrencesBetween(
              { timeZone: 'Europe/London', items: list },
              Date.parse('2027-02-01T00:00:00Z'),
              Date.parse('2027-02-02T00:00:00Z'),
            ),
            now: 0,
            uidPrefix: 'f3a9',
            uidDomain: 'closer.test',
            text,
          }),
        ).matchAll(/^UID:(\S+)$/gm),
      ]
        .map((match) => match[1])
        .sort();
    expect(uidsOf([...items].reverse())).toEqual(uidsOf(items));
    expect(uidsOf(items)).toHaveLength(2);
  });
});
