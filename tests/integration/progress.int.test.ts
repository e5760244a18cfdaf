import { Value } from 'typebox/value';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answersAt } from '../factories/closeness-check.factory';
import { ProgressBody } from '../../server/src/routes/progress/schema';
import { TestClient } from '../support/http-client';
import { peopleOverTime } from '../support/people-over-time';
import { signUpWithConsent } from '../support/personal-data';
import { createTestApp, dbAvailable, type TestApp } from '../support/test-app';

/**
 * GET /api/progress on both databases: the documented shape, a seeded person's numbers, no one
 * else's data, a bad time zone or range refused with 400, and the cache: a write through a
 * second instance on the same database is seen by the next read through the first.
 */

const CHECK = '/api/assessments/closeness-check/responses';
const LADDER = '/api/exercises/closeness-ladder/entries';
const LONDON = 'timeZone=Europe/London';

describe.skipIf(!dbAvailable)('progress', () => {
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await createTestApp();
  });
  afterAll(() => testApp.close());

  const { people, someone, at } = peopleOverTime(() => testApp);

  const progressOf = async (client: TestClient, query = LONDON) => {
    const response = await client.get(`/api/progress?${query}`);
    expect(response.status, response.text.slice(0, 300)).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    expect(Value.Errors(ProgressBody, response.body)).toEqual([]);
    return response.body;
  };

  const checkIn = async (client: TestClient, ratings: Record<string, number>) => {
    const response = await client.post('/api/checkins', {
      mood: 5,
      closeness: 5,
      stress: 5,
      timeZone: 'Europe/London',
      ...ratings,
    });
    expect(response.status, response.text).toBe(201);
  };

  const climb = async (client: TestClient, rung: string, predicted: number, actual: number) => {
    const created = await client.post(LADDER, {
      values: {
        ladder: { rungs: [{ step: rung, expected: predicted }] },
        before: { rung, predicted },
        after: { actual },
      },
    });
    expect(created.status, created.text.slice(0, 300)).toBe(201);
    const done = await client.post(`${LADDER}/${created.body.entry.id}/complete`, {
      distress: 3,
      helpful: 7,
    });
    expect(done.status, done.text.slice(0, 300)).toBe(200);
  };

  it('answers a seeded person’s trends, Checks, ladder, steps and week in plain words', async () => {
    // Monday 1 February 2027 to Thursday 4 February: four check-ins on three days.
    const client = await someone('2027-02-01T09:00:00Z');
    await checkIn(client, { closeness: 4, mood: 6, stress: 7 });
    await at('2027-02-02T09:00:00Z', client);
    await checkIn(client, { closeness: 5, mood: 6, stress: 6 });
    await checkIn(client, { closeness: 6, mood: 6, stress: 6 });
    await at('2027-02-04T20:00:00Z', client);
    await checkIn(client, { closeness: 6, mood: 6, stress: 4 });
    const first = await client.post(CHECK, {
      answers: answersAt({ sharing: 5, avoidance: 2, trust: 2, anxiety: 2 }),
    });
    expect(first.status).toBe(201);
    await at('2027-02-05T10:00:00Z', client);
    await climb(client, 'Say good morning to Sam', 40, 20);

    const progress = await progressOf(client);
    expect(progress.range).toEqual({ from: '2026-11-16', to: '2027-02-05', weeks: 12 });
    expect(progress.checkins.closeness).toEqual([
      { date: '2027-02-01', value: 4, average: 4 },
      { date: '2027-02-02', value: 5.5, average: 4.8 },
      { date: '2027-02-04', value: 6, average: 5.2 },
    ]);
    expect(progress.checks).toHaveLength(1);
    expect(progress.checks[0].changes).toBeNull();
    expect(progress.checks[0].scores.sharing).toBeGreaterThan(progress.checks[0].scores.trust);
    // The 0–100 index of the Check history, so one Check reads the same on every page.
    const listed = await client.get(CHECK);
    expect(listed.status, listed.text.slice(0, 300)).toBe(200);
    expect(progress.checks[0].index).toEqual(listed.body.responses[0].index);
    expect(progress.checks[0].index.sharing).toBe(100);
    expect(progress.checks[0].index.trust).toBe(25);
    expect(progress.ladder).toEqual([
      expect.objectContaining({
        date: '2027-02-05',
        step: 'Say good morning to Sam',
        predicted: 40,
        actual: 20,
      }),
    ]);
    expect(progress.steps).toHaveLength(12);
    expect(progress.summary).toMatchObject({
      week: '2027-W05',
      checkins: 4,
      daysCheckedIn: 3,
      checksTaken: 1,
    });
    expect(progress.summary.sentences).toEqual(
      expect.arrayContaining([
        'You checked in 4 times this week.',
        'Closeness rose from 4 to 6.',
        'Stress went down from 7 to 4.',
        'You took the Closeness Check.',
      ]),
    );

    // A second Check: its change labels are the Check history's, exactly.
    await at('2027-02-06T10:00:00Z', client);
    await client.post(CHECK, {
      answers: answersAt({ sharing: 2, avoidance: 2, trust: 2, anxiety: 2 }),
    });
    const history = await client.get(CHECK);
    const again = await progressOf(client);
    expect(again.checks.map((check: { id: string }) => check.id)).toEqual(
      history.body.responses.map((response: { id: string }) => response.id).reverse(),
    );
    const newest = history.body.responses[0];
    expect(again.checks[1].changes).toEqual(
      Object.fromEntries(
        Object.entries(newest.change as Record<string, { label: string }>).map(([id, change]) => [
          id,
          change.label,
        ]),
      ),
    );

    // The plan: a step finished this week is counted, in its week.
    const plan = await client.get(`/api/plan?${LONDON}`);
    expect(plan.status).toBe(200);
    const step = plan.body.steps[0] as { exerciseId: string };
    const entry = await client.post(`/api/exercises/${step.exerciseId}/entries`, { values: {} });
    await client.post(`/api/exercises/${step.exerciseId}/entries/${entry.body.entry.id}/complete`, {
      distress: 2,
      helpful: 8,
    });
    const withStep = await progressOf(client);
    expect(withStep.steps.at(-1)).toEqual({
      week: '2027-W05',
      completed: 1,
      planned: plan.body.steps.length,
    });
    expect(withStep.summary.stepsCompleted).toBe(1);
  });

  it('never shows anyone else’s data, and welcomes a quiet week without a word of blame', async () => {
    const owner = await someone('2027-03-01T09:00:00Z');
    await checkIn(owner, { closeness: 9 });
    await climb(owner, 'Tell Sam about my day', 50, 30);
    const other = new TestClient(testApp.app);
    await signUpWithConsent(other);
    const progress = await progressOf(other);
    expect(progress.checkins).toEqual({ mood: [], closeness: [], stress: [] });
    expect(progress.checks).toEqual([]);
    expect(progress.ladder).toEqual([]);
    expect(progress.summary.checkins).toBe(0);
    expect(progress.summary.sentences).toEqual([
      'A new week, and a fresh page. Whenever you feel like it, a check-in takes about a minute.',
    ]);
  });

  it('keeps nothing of a deleted account in memory', async () => {
    const person = await someone('2027-03-01T09:00:00Z');
    await checkIn(person, { closeness: 6 });
    await progressOf(person);
    const userId = (await person.get('/api/me')).body.user.id as string;
    expect(testApp.app.services.progress.holdsAnswerFor(userId)).toBe(true);
    const gone = await person.delete('/api/me', {
      body: { password: people.get(person)!.password },
    });
    expect(gone.status, gone.text).toBeLessThan(300);
    expect(testApp.app.services.progress.holdsAnswerFor(userId)).toBe(false);
  });

  it('refuses an unknown time zone or range with a plain 400, and needs consent', async () => {
    const client = new TestClient(testApp.app);
    await signUpWithConsent(client);
    const zone = await client.get('/api/progress?timeZone=Mars/Olympus_Mons');
    expect(zone.status).toBe(400);
    expect(zone.body.error.code).toBe('time_zone_invalid');
    for (const weeks of ['0', '161', 'abc', '-1', '1.5']) {
      const range = await client.get(`/api/progress?weeks=${weeks}`);
      expect(range.status, weeks).toBe(400);
      expect(range.body.error.code).toBeTypeOf('string');
    }
    const withoutConsent = new TestClient(testApp.app);
    const { signUp } = await import('../factories/user.factory');
    await signUp(withoutConsent);
    expect((await withoutConsent.get('/api/progress')).status).toBe(403);
    expect((await new TestClient(testApp.app).get('/api/progress')).status).toBe(401);
  });

  it('counts the days in the time zone sent', async () => {
    // 23:30 on Sunday 7 March in New York is Monday morning in London.
    const client = await someone('2027-03-08T04:30:00Z');
    const response = await client.post('/api/checkins', {
      mood: 5,
      closeness: 7,
      stress: 5,
      timeZone: 'America/New_York',
    });
    expect(response.status).toBe(201);
    const newYork = await progressOf(client, 'timeZone=America/New_York&weeks=1');
    expect(newYork.range).toEqual({ from: '2027-03-01', to: '2027-03-07', weeks: 1 });
    expect(newYork.summary.week).toBe('2027-W09');
    expect(newYork.checkins.closeness).toEqual([{ date: '2027-03-07', value: 7, average: 7 }]);
    const london = await progressOf(client, 'timeZone=Europe/London&weeks=1');
    expect(london.summary.week).toBe('2027-W10');
  });

  it('sees a write made through another instance on the very next read', async () => {
    const second = await createTestApp({ sameDatabaseAs: testApp });
    try {
      const throughA = await someone('2027-04-05T09:00:00Z');
      await checkIn(throughA, { closeness: 3 });
      // Read through A twice: the second answer comes from A's cache.
      expect((await progressOf(throughA)).checkins.closeness).toHaveLength(1);
      expect((await progressOf(throughA)).checkins.closeness).toHaveLength(1);

      // The same person, signed in, writes through instance B.
      const throughB = new TestClient(second.app);
      await at('2027-04-06T08:30:00Z', throughA);
      for (const [name, cookie] of throughA.cookies) throughB.cookies.set(name, cookie);
      throughB.csrfToken = throughA.csrfToken;
      testApp.clock.set(new Date('2027-04-06T09:00:00Z'));
      await checkIn(throughB, { closeness: 8 });
      const afterCheckin = await progressOf(throughA);
      expect(
        afterCheckin.checkins.closeness.map((point: { value: number }) => point.value),
      ).toEqual([3, 8]);

      // A ladder go completed through B, then deleted through B: both seen through A at once.
      await climb(throughB, 'Ask Sam how her day was', 30, 10);
      const withLadder = await progressOf(throughA);
      expect(withLadder.ladder).toHaveLength(1);
      const removed = await throughB.delete(`${LADDER}/${withLadder.ladder[0].id}`);
      expect(removed.status).toBe(204);
      expect((await progressOf(throughA)).ladder).toEqual([]);

      // A Check through B.
      await throughB.post(CHECK, { answers: answersAt({ sharing: 3 }) });
      expect((await progressOf(throughA)).checks).toHaveLength(1);
    } finally {
      await second.close();
    }
  });
});
