import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { DomainError } from '../errors/domain-error';
import {
  addDays,
  addWeeks,
  isCalendarDate,
  isIsoWeek,
  isoWeekAt,
  isoWeekOf,
  weekStart,
} from './week';

function codeOf(call: () => unknown): string | null {
  try {
    call();
    return null;
  } catch (error) {
    return error instanceof DomainError ? error.code : 'not a DomainError';
  }
}

describe('ISO weeks', () => {
  it.each([
    ['2027-01-04', '2027-W01'],
    ['2027-01-03', '2026-W53'],
    ['2026-12-31', '2026-W53'],
    ['2025-12-29', '2026-W01'],
    ['2024-12-30', '2025-W01'],
    ['2020-12-31', '2020-W53'],
    ['2021-01-03', '2020-W53'],
    ['2028-02-29', '2028-W09'],
  ])('%s is in %s', (date, week) => {
    expect(isoWeekOf(date)).toBe(week);
  });

  it('starts a week on its Monday', () => {
    expect(weekStart('2027-W01')).toBe('2027-01-04');
    expect(weekStart('2026-W53')).toBe('2026-12-28');
    expect(weekStart('2026-W01')).toBe('2025-12-29');
  });

  it('steps across years', () => {
    expect(addWeeks('2026-W53', 1)).toBe('2027-W01');
    expect(addWeeks('2027-W01', -1)).toBe('2026-W53');
    expect(addWeeks('2027-W10', 0)).toBe('2027-W10');
    expect(addDays('2027-12-31', 1)).toBe('2028-01-01');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
  });

  it('rejects weeks and dates that do not exist', () => {
    expect(isIsoWeek('2027-W53')).toBe(false);
    expect(isIsoWeek('2026-W53')).toBe(true);
    expect(isIsoWeek('2027-W00')).toBe(false);
    expect(isIsoWeek('2027-w05')).toBe(false);
    expect(isIsoWeek(202705)).toBe(false);
    expect(isCalendarDate('2027-02-29')).toBe(false);
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(isCalendarDate('2027-1-5')).toBe(false);
    expect(codeOf(() => weekStart('2027-W53'))).toBe('invalid_week');
    expect(codeOf(() => isoWeekOf('2027-13-01'))).toBe('invalid_date');
  });

  it('puts every day of a week in that week, Monday to Sunday', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 200_000 }), (offset) => {
        const date = addDays('1900-01-01', offset);
        const week = isoWeekOf(date);
        const monday = weekStart(week);
        const distance = (Date.parse(date) - Date.parse(monday)) / 86_400_000;
        expect(distance).toBeGreaterThanOrEqual(0);
        expect(distance).toBeLessThan(7);
        expect(new Date(Date.parse(monday)).getUTCDay()).toBe(1);
        expect(addWeeks(addWeeks(week, 1), -1)).toBe(week);
      }),
    );
  });

  describe('in another time zone', () => {
    const original = process.env.TZ;
    afterEach(() => {
      process.env.TZ = original;
    });

    it.each(['Pacific/Auckland', 'America/Los_Angeles'])('gives the same answers in %s', (zone) => {
      process.env.TZ = zone;
      expect(isoWeekOf('2027-01-03')).toBe('2026-W53');
      expect(weekStart('2027-W01')).toBe('2027-01-04');
      expect(addDays('2027-03-28', 1)).toBe('2027-03-29');
    });
  });

  describe('the week of an instant, on the person’s own calendar', () => {
    const weekAt = (instant: string, zone: string) => isoWeekAt(new Date(instant), zone);

    it('ends a London week at midnight London time', () => {
      // Sunday 6 December 2026, 23:30 and then 00:30 on the Monday (GMT, UTC+0).
      expect(weekAt('2026-12-06T23:30:00Z', 'Europe/London')).toBe('2026-W49');
      expect(weekAt('2026-12-07T00:30:00Z', 'Europe/London')).toBe('2026-W50');
      // In summer London is an hour ahead of UTC: 23:30 UTC on a Sunday is already Monday.
      expect(weekAt('2027-06-13T22:30:00Z', 'Europe/London')).toBe('2027-W23');
      expect(weekAt('2027-06-13T23:30:00Z', 'Europe/London')).toBe('2027-W24');
    });

    it('keeps a late Sunday evening in New York in that Sunday’s week', () => {
      // 23:30 on Sunday 6 December in New York (UTC−5) is 04:30 on Monday in UTC.
      expect(weekAt('2026-12-07T04:30:00Z', 'America/New_York')).toBe('2026-W49');
      expect(weekAt('2026-12-07T04:30:00Z', 'Europe/London')).toBe('2026-W50');
      expect(weekAt('2026-12-07T05:30:00Z', 'America/New_York')).toBe('2026-W50');
    });

    it('follows the clocks across a change to or from summer time', () => {
      // London springs forward on Sunday 28 March 2027: 23:30 that night is 22:30 UTC.
      expect(weekAt('2027-03-28T22:30:00Z', 'Europe/London')).toBe('2027-W12');
      expect(weekAt('2027-03-28T23:30:00Z', 'Europe/London')).toBe('2027-W13');
      // New York springs forward on Sunday 14 March 2027 (UTC−5 to UTC−4).
      expect(weekAt('2027-03-15T03:30:00Z', 'America/New_York')).toBe('2027-W10');
      expect(weekAt('2027-03-15T04:30:00Z', 'America/New_York')).toBe('2027-W11');
      // London falls back on Sunday 25 October 2026 (UTC+1 to UTC+0).
      expect(weekAt('2026-10-25T23:30:00Z', 'Europe/London')).toBe('2026-W43');
      expect(weekAt('2026-10-26T00:30:00Z', 'Europe/London')).toBe('2026-W44');
    });

    it.each(['Pacific/Auckland', 'America/Los_Angeles'])(
      'does not depend on the machine’s zone (%s)',
      (zone) => {
        const original = process.env.TZ;
        process.env.TZ = zone;
        try {
          expect(weekAt('2026-12-07T04:30:00Z', 'America/New_York')).toBe('2026-W49');
          expect(weekAt('2026-12-06T23:30:00Z', 'Europe/London')).toBe('2026-W49');
        } finally {
          process.env.TZ = original;
        }
      },
    );
  });
});
