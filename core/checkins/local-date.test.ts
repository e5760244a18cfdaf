import { describe, expect, it } from 'vitest';
import { isSameLocalDay, isTimeZone, localDate } from './local-date';

describe('localDate', () => {
  it('gives the calendar day in the person’s zone, not the server’s', () => {
    const instant = new Date('2026-11-25T23:30:00.000Z');
    expect(localDate(instant, 'Europe/London')).toBe('2026-11-25');
    expect(localDate(instant, 'Europe/Berlin')).toBe('2026-11-26');
    expect(localDate(instant, 'America/New_York')).toBe('2026-11-25');
    expect(localDate(new Date('2026-11-26T03:00:00.000Z'), 'America/New_York')).toBe('2026-11-25');
  });

  it('is right on both daylight-saving change days in London and New York', () => {
    // London: clocks go forward at 01:00 UTC on 29 March 2026, back at 01:00 UTC on 25 October.
    expect(localDate(new Date('2026-03-29T00:59:00.000Z'), 'Europe/London')).toBe('2026-03-29');
    expect(localDate(new Date('2026-03-29T23:30:00.000Z'), 'Europe/London')).toBe('2026-03-30');
    expect(localDate(new Date('2026-10-25T23:30:00.000Z'), 'Europe/London')).toBe('2026-10-25');
    // New York: forward on 8 March 2026 (07:00 UTC), back on 1 November (06:00 UTC).
    expect(localDate(new Date('2026-03-09T03:30:00.000Z'), 'America/New_York')).toBe('2026-03-08');
    expect(localDate(new Date('2026-11-02T04:30:00.000Z'), 'America/New_York')).toBe('2026-11-01');
  });
});

describe('isSameLocalDay', () => {
  it('allows changes until local midnight only', () => {
    const made = new Date('2026-11-25T08:00:00.000Z');
    expect(isSameLocalDay(made, new Date('2026-11-25T23:59:00.000Z'), 'Europe/London')).toBe(true);
    expect(isSameLocalDay(made, new Date('2026-11-26T00:00:00.000Z'), 'Europe/London')).toBe(false);
    expect(isSameLocalDay(made, new Date('2026-11-26T04:59:00.000Z'), 'America/New_York')).toBe(
      true,
    );
  });
});

describe('isTimeZone', () => {
  it('knows IANA zones and refuses anything else', () => {
    expect(isTimeZone('Europe/London')).toBe(true);
    expect(isTimeZone('America/New_York')).toBe(true);
    expect(isTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(isTimeZone('')).toBe(false);
  });
});
