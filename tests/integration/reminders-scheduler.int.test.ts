import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { signUp } from '../factories/user.factory';
import { TestClient } from '../support/http-client';
import { createTestApp, dbAvailable, type TestApp } from '../support/test-app';

/**
 * The scheduler with a controlled clock across the days the clocks change in London and
 * New York: every in-app reminder lands in the tick in which it falls due, at its true
 * instant (worked out by hand below, not by the code under test), none is lost and none is
 * doubled. Then the same with the server process itself in other time zones.
 */

const EVERY_DAY = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
/** How far the clock moves between ticks. */
const STEP_MINUTES = 10;

interface Case {
  name: string;
  timeZone: string;
  times: string[];
  from: string;
  to: string;
  /** The instants (UTC) every reminder should fall due at, by hand. */
  expected: string[];
}

const CASES: Case[] = [
  {
    name: 'London, clocks forward (Sunday 28 March 2027)',
    timeZone: 'Europe/London',
    times: ['01:30', '09:00'],
    from: '2027-03-27T00:00:00Z',
    to: '2027-03-29T12:00:00Z',
    expected: [
      '2027-03-27T01:30', // GMT
      '2027-03-27T09:00',
      '2027-03-28T01:30', // 01:30 does not exist: 02:30 BST
      '2027-03-28T08:00', // 09:00 BST
      '2027-03-29T00:30',
      '2027-03-29T08:00',
    ],
  },
  {
    name: 'London, clocks back (Sunday 31 October 2027)',
    timeZone: 'Europe/London',
    times: ['01:30', '09:00'],
    from: '2027-10-30T00:00:00Z',
    to: '2027-11-01T12:00:00Z',
    expected: [
      '2027-10-30T00:30', // BST
      '2027-10-30T08:00',
      '2027-10-31T00:30', // 01:30 happens twice: once, the first time (BST)
      '2027-10-31T09:00', // 09:00 GMT
      '2027-11-01T01:30',
      '2027-11-01T09:00',
    ],
  },
  {
    name: 'New York, clocks forward (Sunday 14 March 2027)',
    timeZone: 'America/New_York',
    times: ['01:30', '02:30', '09:00'],
    from: '2027-03-13T05:00:00Z',
    to: '2027-03-15T18:00:00Z',
    expected: [
      '2027-03-13T06:30', // EST
      '2027-03-13T07:30',
      '2027-03-13T14:00',
      '2027-03-14T06:30', // 01:30 EST
      '2027-03-14T07:30', // 02:30 does not exist: 03:30 EDT
      '2027-03-14T13:00', // 09:00 EDT
      '2027-03-15T05:30',
      '2027-03-15T06:30',
      '2027-03-15T13:00',
    ],
  },
  {
    name: 'New York, clocks back (Sunday 7 November 2027)',
    timeZone: 'America/New_York',
    times: ['01:30', '02:30', '09:00'],
    from: '2027-11-06T05:00:00Z',
    to: '2027-11-08T18:00:00Z',
    expected: [
      '2027-11-06T05:30', // EDT
      '2027-11-06T06:30',
      '2027-11-06T13:00',
      '2027-11-07T05:30', // 01:30 happens twice: once, the first time (EDT)
      '2027-11-07T07:30', // 02:30 EST
      '2027-11-07T14:00', // 09:00 EST
      '2027-11-08T06:30',
      '2027-11-08T07:30',
      '2027-11-08T14:00',
    ],
  },
];

describe.skipIf(!dbAvailable)('reminder scheduler across clock changes', () => {
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await createTestApp();
  });
  afterAll(() => testApp.close());

  const appDeliveries = async (userId: string) =>
    (
      await sql<{ occurrence_at: string; created_at: string }>`
        select occurrence_at, created_at from reminder_deliveries
        where user_id = ${userId} and channel = 'app' order by occurrence_at`.execute(
        testApp.database.db,
      )
    ).rows.map((row) => ({
      at: new Date(row.occurrence_at).toISOString(),
      createdAt: new Date(row.created_at).getTime(),
    }));

  /** Runs one case on the clock, two ticks per step (as two instances would), and checks it. */
  const runCase = async (testCase: Case) => {
    testApp.clock.set(new Date(testCase.from));
    const client = new TestClient(testApp.app);
    const { user } = await signUp(client);
    const saved = await client.put('/api/reminders', {
      timeZone: testCase.timeZone,
      items: testCase.times.map((time) => ({ kind: 'checkin', days: EVERY_DAY, time })),
    });
    expect(saved.status, saved.text).toBe(200);
    const { reminderScheduler } = testApp.app.services;
    const end = Date.parse(testCase.to);
    while (testApp.clock.now().getTime() < end) {
      testApp.clock.advance(STEP_MINUTES);
      await reminderScheduler.tick();
      await reminderScheduler.tick();
    }
    const delivered = await appDeliveries(user.id);
    expect(delivered.map((delivery) => delivery.at)).toEqual(
      testCase.expected.map((at) => new Date(`${at}:00Z`).toISOString()),
    );
    // Each landed in the tick right after it fell due: never early, never a step late.
    for (const delivery of delivered) {
      const lateBy = delivery.createdAt - Date.parse(delivery.at);
      expect(lateBy, delivery.at).toBeGreaterThanOrEqual(0);
      expect(lateBy, delivery.at).toBeLessThan(STEP_MINUTES * 60_000);
    }
  };

  it.each(CASES)('$name', async (testCase) => {
    await runCase(testCase);
  });

  describe('with the server process in another time zone', () => {
    const original = process.env.TZ;
    afterEach(() => {
      process.env.TZ = original;
    });

    it.each([
      { zone: 'Pacific/Kiritimati', testCase: CASES[2]! },
      { zone: 'America/Los_Angeles', testCase: CASES[1]! },
      { zone: 'Australia/Lord_Howe', testCase: CASES[0]! },
      { zone: 'Asia/Kathmandu', testCase: CASES[3]! },
    ])('in $zone: $testCase.name', async ({ zone, testCase }) => {
      process.env.TZ = zone;
      // Node reads TZ again when it changes: the process really is in that zone now.
      expect(new Date(Date.UTC(2027, 0, 1)).getTimezoneOffset()).not.toBe(0);
      await runCase(testCase);
    });
  });
});
