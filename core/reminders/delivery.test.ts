import { describe, expect, it } from 'vitest';
import {
  APP_SHOW_MS,
  healthWordsIn,
  itemKey,
  MOST_EMAIL_ATTEMPTS,
  plannedDeliveries,
  reminderEmail,
  retryAt,
  scanStart,
} from './delivery';
import { parseReminderSettings } from './schedule';

const HOUR = 3_600_000;
const at = (iso: string) => Date.parse(iso);

const daily = parseReminderSettings({
  timeZone: 'Europe/London',
  items: [
    { kind: 'checkin', days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], time: '09:00' },
    { kind: 'plan', days: ['mon'], time: '18:00' },
  ],
});

describe('plannedDeliveries', () => {
  it('plans one in-app delivery per occurrence, and email only when wanted', () => {
    const from = at('2026-12-07T08:00:00Z');
    const now = at('2026-12-07T09:00:00Z');
    expect(plannedDeliveries(daily, from, now, false)).toEqual([
      { itemKey: 'checkin@09:00', kind: 'checkin', at: now, channel: 'app' },
    ]);
    expect(plannedDeliveries(daily, from, now, true).map((delivery) => delivery.channel)).toEqual([
      'app',
      'email',
    ]);
  });

  it('never plans an occurrence twice across consecutive scans', () => {
    const start = at('2026-12-06T00:00:00Z');
    const seen: string[] = [];
    for (let from = start; from < start + 3 * 24 * HOUR; from += 7 * 60_000) {
      for (const delivery of plannedDeliveries(daily, from, from + 7 * 60_000, true))
        seen.push(`${delivery.itemKey} ${delivery.at} ${delivery.channel}`);
    }
    expect(new Set(seen).size).toBe(seen.length);
    // 3 days × 09:00 and one Monday 18:00, in the app and by email.
    expect(seen).toHaveLength(8);
  });

  it('after downtime looks back one day at most, and emails only what is under two hours late', () => {
    const now = at('2026-12-08T11:01:00Z');
    const planned = plannedDeliveries(daily, at('2026-12-01T00:00:00Z'), now, true);
    expect(scanStart(at('2026-12-01T00:00:00Z'), now)).toBe(now - APP_SHOW_MS);
    expect(planned.filter((delivery) => delivery.channel === 'app').map((d) => d.at)).toEqual([
      at('2026-12-07T18:00:00Z'),
      at('2026-12-08T09:00:00Z'),
    ]);
    expect(planned.filter((delivery) => delivery.channel === 'email')).toEqual([]);
    const soon = plannedDeliveries(
      daily,
      at('2026-12-08T08:00:00Z'),
      at('2026-12-08T10:59:00Z'),
      true,
    );
    expect(soon.filter((delivery) => delivery.channel === 'email')).toHaveLength(1);
  });

  it('names items by kind and time, not by their place in the list', () => {
    expect(itemKey('retake', '07:05')).toBe('retake@07:05');
  });
});

describe('retryAt', () => {
  it('waits longer after each failure, then gives up', () => {
    const now = 0;
    const waits = [1, 2, 3, 4].map((attempts) => retryAt(attempts, now));
    expect(waits).toEqual([60_000, 5 * 60_000, 15 * 60_000, 60 * 60_000]);
    expect(retryAt(MOST_EMAIL_ATTEMPTS, now)).toBeNull();
  });
});

describe('reminderEmail', () => {
  it('says nothing about what the reminder is for', () => {
    for (const email of [reminderEmail('https://closer.example/home'), reminderEmail(null)]) {
      expect(healthWordsIn(`${email.subject}\n${email.text}`)).toEqual([]);
      expect(email.text).toContain('Reminders page');
    }
    expect(reminderEmail('https://closer.example/home').text).toContain(
      'https://closer.example/home',
    );
  });

  it('finds health words in any case', () => {
    expect(healthWordsIn('Time for your CHECK-IN and your Plan')).toEqual(['check-in', 'plan']);
  });
});
