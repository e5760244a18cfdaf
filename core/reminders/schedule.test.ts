import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { DomainError } from '../errors/domain-error';
import {
  MOST_REMINDERS,
  nextOccurrence,
  occurrencesBetween,
  parseReminderSettings,
  WEEKDAY_NAMES,
  type ReminderSettings,
} from './schedule';
import { instantOfWallTime, offsetMinutesAt } from './zoned-time';

const iso = (instant: number) => new Date(instant).toISOString();
const at = (text: string) => Date.parse(text);

function settings(timeZone: string, time: string, days = [...WEEKDAY_NAMES]): ReminderSettings {
  return { timeZone, items: [{ kind: 'checkin', days, time }] };
}

/** The reminders of one local day, as UTC instants. */
function dueOn(s: ReminderSettings, localDay: string): string[] {
  return occurrencesBetween(
    s,
    at(`${localDay}T00:00:00Z`) - 2 * 86_400_000,
    at(`${localDay}T00:00:00Z`) + 3 * 86_400_000,
  )
    .filter((occurrence) => occurrence.localDate === localDay)
    .map((occurrence) => iso(occurrence.at));
}

describe('daylight-saving changes', () => {
  const cases: [string, string, string, string][] = [
    // zone, local day, local time, expected UTC instant
    ['Europe/London', '2026-03-29', '09:00', '2026-03-29T08:00:00.000Z'],
    ['Europe/London', '2026-03-28', '09:00', '2026-03-28T09:00:00.000Z'],
    ['Europe/London', '2026-10-25', '09:00', '2026-10-25T09:00:00.000Z'],
    ['Europe/London', '2026-10-24', '09:00', '2026-10-24T08:00:00.000Z'],
    ['Europe/London', '2027-03-28', '09:00', '2027-03-28T08:00:00.000Z'],
    ['Europe/London', '2027-10-31', '09:00', '2027-10-31T09:00:00.000Z'],
    ['America/New_York', '2026-03-08', '09:00', '2026-03-08T13:00:00.000Z'],
    ['America/New_York', '2026-03-07', '09:00', '2026-03-07T14:00:00.000Z'],
    ['America/New_York', '2026-11-01', '09:00', '2026-11-01T14:00:00.000Z'],
    ['America/New_York', '2026-10-31', '09:00', '2026-10-31T13:00:00.000Z'],
    ['America/New_York', '2027-03-14', '09:00', '2027-03-14T13:00:00.000Z'],
    ['America/New_York', '2027-11-07', '09:00', '2027-11-07T14:00:00.000Z'],
  ];
  it.each(cases)('%s on %s at %s falls at %s', (zone, day, time, expected) => {
    expect(dueOn(settings(zone, time), day)).toEqual([expected]);
  });

  it('a time the clocks jump over happens once, just after the jump (London, spring)', () => {
    // 01:30 does not exist on 29 March 2026 in London: 01:00 GMT became 02:00 BST.
    expect(dueOn(settings('Europe/London', '01:30'), '2026-03-29')).toEqual([
      '2026-03-29T01:30:00.000Z', // 02:30 BST
    ]);
  });

  it('a time the clocks jump over happens once, just after the jump (New York, spring)', () => {
    // 02:30 does not exist on 8 March 2026 in New York: 02:00 EST became 03:00 EDT.
    expect(dueOn(settings('America/New_York', '02:30'), '2026-03-08')).toEqual([
      '2026-03-08T07:30:00.000Z', // 03:30 EDT
    ]);
  });

  it('a time that happens twice is reminded once, the first time (London, autumn)', () => {
    expect(dueOn(settings('Europe/London', '01:30'), '2026-10-25')).toEqual([
      '2026-10-25T00:30:00.000Z', // 01:30 BST
    ]);
  });

  it('a time that happens twice is reminded once, the first time (New York, autumn)', () => {
    expect(dueOn(settings('America/New_York', '01:30'), '2027-11-07')).toEqual([
      '2027-11-07T05:30:00.000Z', // 01:30 EDT
    ]);
  });

  it('a daily reminder falls exactly once on every day around each change', () => {
    for (const zone of ['Europe/London', 'America/New_York']) {
      for (const time of ['00:00', '00:30', '01:00', '01:30', '02:00', '02:30', '03:00', '23:59']) {
        const s = settings(zone, time);
        const all = occurrencesBetween(s, at('2026-03-01T00:00:00Z'), at('2026-11-30T00:00:00Z'));
        const days = all.map((occurrence) => occurrence.localDate);
        expect(new Set(days).size).toBe(days.length);
        // 1 March (partly, by zone) to 29 November: every local day in between is there.
        expect(days).toContain('2026-03-08');
        expect(days).toContain('2026-03-29');
        expect(days).toContain('2026-10-25');
        expect(days).toContain('2026-11-01');
      }
    }
  });

  describe('with the machine in another time zone', () => {
    const original = process.env.TZ;
    afterEach(() => {
      process.env.TZ = original;
    });
    it.each(['Asia/Kolkata', 'Pacific/Auckland', 'America/Los_Angeles'])(
      'gives the same instants when the server runs in %s',
      (machineZone) => {
        const expected = cases.map(([zone, day, time]) => dueOn(settings(zone, time), day));
        process.env.TZ = machineZone;
        expect(new Date(at('2026-07-01T12:00:00Z')).getHours()).not.toBe(12); // the zone took effect
        expect(cases.map(([zone, day, time]) => dueOn(settings(zone, time), day))).toEqual(
          expected,
        );
      },
    );
  });
});

describe('occurrences', () => {
  it('keeps to the chosen weekdays', () => {
    const s = settings('Europe/London', '18:00', ['mon', 'thu']);
    const week = occurrencesBetween(s, at('2027-02-01T00:00:00Z'), at('2027-02-08T00:00:00Z'));
    expect(week.map((occurrence) => occurrence.localDate)).toEqual(['2027-02-01', '2027-02-04']);
  });

  it('counts the local day, not the UTC one (late evening in New York)', () => {
    const s = settings('America/New_York', '22:00', ['sun']);
    // Midnight UTC on Monday 1 February is still Sunday 31 January, 19:00, in New York.
    const next = nextOccurrence(s, at('2027-02-01T00:00:00Z'));
    expect(next).toMatchObject({ localDate: '2027-01-31', at: at('2027-02-01T03:00:00Z') });
  });

  it('the next occurrence is strictly after the moment asked about', () => {
    const s = settings('Europe/London', '09:00');
    expect(nextOccurrence(s, at('2027-02-01T09:00:00Z'))?.at).toBe(at('2027-02-02T09:00:00Z'));
    expect(nextOccurrence({ timeZone: 'Europe/London', items: [] }, 0)).toBeNull();
  });

  it('every occurrence shows the chosen time on the wall clock, or lies just after a jump (property)', () => {
    const zones = ['Europe/London', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kolkata'];
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.integer({ min: 0, max: 23 }),
        fc.integer({ min: 0, max: 59 }),
        fc.integer({ min: at('2026-01-01T00:00:00Z'), max: at('2028-01-01T00:00:00Z') }),
        (zone, hour, minute, from) => {
          const time = `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
          const found = occurrencesBetween(settings(zone, time), from, from + 3 * 86_400_000);
          expect(found.length).toBeGreaterThanOrEqual(2);
          expect(found.length).toBeLessThanOrEqual(4);
          for (const occurrence of found) {
            const offset = offsetMinutesAt(occurrence.at, zone);
            const wall = new Date(occurrence.at + offset * 60_000).toISOString().slice(11, 16);
            if (wall !== time) {
              // Only on a night the clocks went forward: an hour (or half) later than asked.
              const before = offsetMinutesAt(occurrence.at - 86_400_000, zone);
              expect(offset).toBeGreaterThan(before);
            }
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('instantOfWallTime', () => {
  it('reads the UTC offset in a half-hour zone', () => {
    expect(iso(instantOfWallTime({ year: 2027, month: 1, day: 15 }, 9, 0, 'Asia/Kolkata'))).toBe(
      '2027-01-15T03:30:00.000Z',
    );
  });
});

describe('parseReminderSettings', () => {
  const valid = {
    timeZone: 'Europe/London',
    items: [{ kind: 'checkin', days: ['thu', 'mon'], time: '09:05' }],
  };

  it('accepts a valid body and puts the days in week order', () => {
    expect(parseReminderSettings(valid)).toEqual({
      timeZone: 'Europe/London',
      items: [{ kind: 'checkin', days: ['mon', 'thu'], time: '09:05' }],
    });
  });

  it('refuses an unknown time zone with its own code', () => {
    expect(() => parseReminderSettings({ ...valid, timeZone: 'Mars/Olympus_Mons' })).toThrow(
      expect.objectContaining({ code: 'invalid_time_zone' }),
    );
  });

  it.each([
    ['not an object', 'nonsense'],
    ['items missing', { timeZone: 'Europe/London' }],
    ['a bad kind', { ...valid, items: [{ kind: 'journal', days: ['mon'], time: '09:00' }] }],
    ['no days', { ...valid, items: [{ kind: 'plan', days: [], time: '09:00' }] }],
    ['a bad day', { ...valid, items: [{ kind: 'plan', days: ['monday'], time: '09:00' }] }],
    ['a bad time', { ...valid, items: [{ kind: 'plan', days: ['mon'], time: '24:00' }] }],
    [
      'a time without a leading zero',
      { ...valid, items: [{ kind: 'plan', days: ['mon'], time: '9:00' }] },
    ],
    [
      'the same reminder twice',
      { ...valid, items: [valid.items[0], { kind: 'checkin', days: ['mon'], time: '09:05' }] },
    ],
    [
      'too many',
      {
        ...valid,
        items: Array.from({ length: MOST_REMINDERS + 1 }, (_, i) => ({
          kind: 'plan',
          days: ['mon'],
          time: `${String(i).padStart(2, '0')}:00`,
        })),
      },
    ],
  ])('refuses %s with invalid_reminders', (_label, body) => {
    expect(() => parseReminderSettings(body)).toThrow(
      expect.objectContaining({ code: 'invalid_reminders' }),
    );
  });

  it('never throws anything but a DomainError, whatever it is given (property)', () => {
    fc.assert(
      fc.property(fc.anything(), (body) => {
        try {
          parseReminderSettings(body);
        } catch (error) {
          expect(error).toBeInstanceOf(DomainError);
        }
      }),
    );
    fc.assert(
      fc.property(
        fc.record({
          timeZone: fc.constantFrom('Europe/London', 'America/New_York', 'UTC', 'bad/zone', ''),
          items: fc.array(
            fc.record({
              kind: fc.constantFrom('checkin', 'plan', 'retake', 'other'),
              days: fc.array(fc.constantFrom(...WEEKDAY_NAMES, 'xyz'), { maxLength: 8 }),
              time: fc.oneof(fc.string(), fc.constantFrom('00:00', '23:59', '12:30')),
            }),
            { maxLength: 5 },
          ),
        }),
        (body) => {
          try {
            const parsed = parseReminderSettings(body);
            expect(parsed.items.length).toBe(body.items.length);
          } catch (error) {
            expect(error).toBeInstanceOf(DomainError);
          }
        },
      ),
    );
  });
});
