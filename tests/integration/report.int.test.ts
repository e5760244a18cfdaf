import { Value } from 'typebox/value';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answersAt } from '../factories/closeness-check.factory';
import { signUp } from '../factories/user.factory';
import { ReportBody } from '../../server/src/routes/report/schema';
import { TestClient } from '../support/http-client';
import { peopleOverTime } from '../support/people-over-time';
import { signUpWithConsent, writeEntry } from '../support/personal-data';
import { createTestApp, dbAvailable, type TestApp } from '../support/test-app';

/**
 * GET /api/report and POST /api/report/printed on both databases: a seeded person's numbers,
 * the start-date rules, nobody else's data, and the printed moment setting the next start.
 */

const CHECK = '/api/assessments/closeness-check/responses';
const LONDON = 'timeZone=Europe/London';

describe.skipIf(!dbAvailable)('session report', () => {
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await createTestApp();
  });
  afterAll(() => testApp.close());

  const { someone, at } = peopleOverTime(() => testApp);

  const reportOf = async (client: TestClient, query = LONDON) => {
    const response = await client.get(`/api/report?${query}`);
    expect(response.status, response.text.slice(0, 300)).toBe(200);
    expect(Value.Errors(ReportBody, response.body)).toEqual([]);
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

  const finish = async (client: TestClient, exerciseId: string) => {
    const created = await client.post(`/api/exercises/${exerciseId}/entries`, { values: {} });
    expect(created.status, created.text.slice(0, 300)).toBe(201);
    const done = await client.post(
      `/api/exercises/${exerciseId}/entries/${created.body.entry.id}/complete`,
      { distress: 3, helpful: 7 },
    );
    expect(done.status, done.text.slice(0, 300)).toBe(200);
    return created.body.entry.id as string;
  };

  it('answers a seeded person’s Check change, check-in figures, steps and writing', async () => {
    // Before the period: a Check and a journal entry on Monday 1 March 2027.
    const client = await someone('2027-03-01T09:00:00Z');
    expect(
      (await client.post(CHECK, { answers: answersAt({ sharing: 4, trust: 4 }) })).status,
    ).toBe(201);
    await writeEntry(client, 'An older entry, from before the report starts.');
    await checkIn(client, { mood: 1, closeness: 1, stress: 9 });

    // The period: from Monday 8 March to Saturday 20 March.
    await at('2027-03-08T09:00:00Z', client);
    await checkIn(client, { mood: 4, closeness: 3, stress: 8 });
    await checkIn(client, { mood: 6, closeness: 5, stress: 6 });
    const first = await writeEntry(client, 'I told Sam how I felt about the weekend.');
    await at('2027-03-10T18:00:00Z', client);
    await checkIn(client, { mood: 6, closeness: 6, stress: 5 });
    const plan = await client.get(`/api/plan?${LONDON}`);
    expect(plan.status).toBe(200);
    const step = plan.body.steps[0] as { exerciseId: string };
    const finished = await finish(client, step.exerciseId);
    await at('2027-03-16T09:00:00Z', client);
    await checkIn(client, { mood: 8, closeness: 7, stress: 3 });
    const second = await writeEntry(client, 'A quieter week. I slept well.');
    await at('2027-03-20T11:00:00Z', client);
    expect(
      (await client.post(CHECK, { answers: answersAt({ sharing: 2, trust: 3 }) })).status,
    ).toBe(201);

    const report = await reportOf(client, `from=2027-03-08&${LONDON}`);
    expect(report).toMatchObject({ from: '2027-03-08', to: '2027-03-20', lastReportAt: null });

    // The Check: measured from the one before the period, labelled as the history labels it.
    expect(report.checks.count).toBe(1);
    expect(report.checks.firstBeforePeriod).toBe(true);
    expect(report.checks.first.createdAt).toBe('2027-03-01T09:00:00.000Z');
    expect(report.checks.latest.createdAt).toBe('2027-03-20T11:00:00.000Z');
    const history = await client.get(CHECK);
    expect(report.checks.changes).toEqual(history.body.responses[0].change);
    expect(report.checks.changes.sharing).toMatchObject({
      before: 4,
      after: 2,
      direction: 'down',
      reliable: false,
      label: 'not-assessed',
    });
    expect(report.checks.latest.index.sharing).toBe(history.body.responses[0].index.sharing);

    // Check-ins: four on three days in the period (1 March's is left out).
    expect(report.checkins.count).toBe(4);
    expect(report.checkins.days).toBe(3);
    expect(report.checkins.measures.closeness).toEqual({ first: 4, last: 7, average: 5.7 });
    expect(report.checkins.measures.stress).toEqual({ first: 7, last: 3, average: 5 });
    expect(report.checkins.measures.mood).toEqual({ first: 5, last: 8, average: 6.3 });
    expect(report.checkins.weeks).toEqual([
      { week: '2027-W10', days: 2, mood: 5.5, closeness: 5, stress: 6 },
      { week: '2027-W11', days: 1, mood: 8, closeness: 7, stress: 3 },
    ]);

    // Steps: the finished exercise, with its title, counted as a step of that week's plan.
    expect(report.steps.completed).toEqual([
      {
        id: finished,
        exerciseId: step.exerciseId,
        title: expect.any(String),
        completedAt: '2027-03-10T18:00:00.000Z',
      },
    ]);
    expect(report.steps.perWeek[0]).toMatchObject({ week: '2027-W10', completed: 1 });
    expect(report.steps.perWeek.map((week: { week: string }) => week.week)).toEqual([
      '2027-W10',
      '2027-W11',
    ]);
    expect(report.exercises).toEqual(report.steps.completed);

    // Writing to choose from: the period's entries only, newest first, as excerpts.
    expect(report.journal).toEqual([
      {
        id: second,
        createdAt: '2027-03-16T09:00:00.000Z',
        excerpt: 'A quieter week. I slept well.',
      },
      {
        id: first,
        createdAt: '2027-03-08T09:00:00.000Z',
        excerpt: 'I told Sam how I felt about the weekend.',
      },
    ]);

    // Without a start, and no report marked printed: four weeks back from today.
    const byDefault = await reportOf(client);
    expect(byDefault.from).toBe('2027-02-20');
    expect(byDefault.checks.firstBeforePeriod).toBe(false);
    expect(byDefault.checks.count).toBe(2);
    expect(byDefault.journal).toHaveLength(3);
  });

  it('counts only the plan steps done within the period, even in a week that began before it', async () => {
    // Monday 8 March 2027: a Check, a plan, and a step done on Tuesday, the day before the
    // period starts on Wednesday 10 March, in the same week.
    const client = await someone('2027-03-08T09:00:00Z');
    expect(
      (await client.post(CHECK, { answers: answersAt({ sharing: 4, trust: 4 }) })).status,
    ).toBe(201);
    const plan = await client.get(`/api/plan?${LONDON}`);
    expect(plan.status).toBe(200);
    const step = plan.body.steps[0] as { exerciseId: string };
    await at('2027-03-09T20:00:00Z', client);
    await finish(client, step.exerciseId);
    await at('2027-03-12T10:00:00Z', client);

    const report = await reportOf(client, `from=2027-03-10&${LONDON}`);
    expect(report.steps.completed).toEqual([]);
    expect(report.steps.perWeek).toEqual([
      expect.objectContaining({ week: '2027-W10', completed: 0 }),
    ]);
    // From the Monday, it counts.
    const fromMonday = await reportOf(client, `from=2027-03-08&${LONDON}`);
    expect(fromMonday.steps.completed).toHaveLength(1);
    expect(fromMonday.steps.perWeek[0]).toMatchObject({ week: '2027-W10', completed: 1 });
  });

  it('lists at most the newest 100 journal entries of the period, and counts the rest', async () => {
    const client = await someone('2027-04-01T08:00:00Z');
    await writeEntry(client, 'Before the period: never counted.');
    const written: string[] = [];
    for (let entry = 0; entry < 103; entry += 1) {
      // One a minute from 09:00 on 2 April, so their order is plain.
      const when = new Date(Date.UTC(2027, 3, 2, 9, entry)).toISOString();
      if (entry === 0) await at(when, client);
      else testApp.clock.set(new Date(when));
      written.push(await writeEntry(client, `Entry number ${entry}.`));
    }
    await at('2027-04-03T09:00:00Z', client);

    const report = await reportOf(client, `from=2027-04-02&${LONDON}`);
    expect(report.journal).toHaveLength(100);
    expect(report.journal[0].id).toBe(written[102]);
    expect(report.journal[99].id).toBe(written[3]);
    expect(report.journalMore).toBe(3);

    // A period with fewer: all listed, none more.
    const few = await reportOf(client, `from=2027-04-03&${LONDON}`);
    expect(few.journal).toEqual([]);
    expect(few.journalMore).toBe(0);
  });

  it('refuses a start that is not a real day, in the future or over five years ago', async () => {
    const client = await someone('2027-05-10T12:00:00Z');
    const codeOf = async (query: string) => {
      const response = await client.get(`/api/report?${query}`);
      expect(response.status, query).toBe(400);
      return response.body.error.code as string;
    };
    for (const from of ['abc', '2027-02-30', '2027-5-1', '', '2027-05-10T00:00', '１２３'])
      expect(await codeOf(`from=${encodeURIComponent(from)}`), from).toBe('report_from_invalid');
    expect(await codeOf('from=2027-05-11')).toBe('report_from_in_future');
    expect(await codeOf('from=2022-05-09')).toBe('report_from_too_early');
    expect(await codeOf('from=2027-05-01&timeZone=Mars/Olympus_Mons')).toBe('time_zone_invalid');
    expect((await client.get('/api/report?weeks=3')).status).toBe(400);
    // Today and exactly five years back are allowed.
    expect((await reportOf(client, 'from=2027-05-10')).from).toBe('2027-05-10');
    expect((await reportOf(client, 'from=2022-05-10')).from).toBe('2022-05-10');
    // Today is the person's today: in Auckland it is already 11 May.
    expect((await reportOf(client, 'from=2027-05-11&timeZone=Pacific/Auckland')).to).toBe(
      '2027-05-11',
    );
  });

  it('never shows anyone else’s data', async () => {
    const owner = await someone('2027-06-01T09:00:00Z');
    await checkIn(owner, { closeness: 9 });
    await writeEntry(owner, 'Only mine to share.');
    await finish(owner, 'paced-breathing');
    expect((await owner.post(CHECK, { answers: answersAt(3) })).status).toBe(201);
    expect((await owner.post('/api/report/printed')).status).toBe(200);

    const other = new TestClient(testApp.app);
    await signUpWithConsent(other);
    const report = await reportOf(other);
    expect(report.lastReportAt).toBeNull();
    expect(report.checks).toEqual({
      count: 0,
      first: null,
      latest: null,
      firstBeforePeriod: false,
      changes: null,
    });
    expect(report.checkins.count).toBe(0);
    expect(report.checkins.measures).toEqual({ mood: null, closeness: null, stress: null });
    expect(report.steps.completed).toEqual([]);
    expect(report.journal).toEqual([]);
    expect(report.exercises).toEqual([]);
    expect(JSON.stringify(report)).not.toContain('Only mine');
  });

  it('records the printed moment only when asked, and starts the next report from it', async () => {
    const client = await someone('2027-07-01T09:00:00Z');
    await at('2027-07-20T23:30:00Z', client);
    expect((await reportOf(client)).lastReportAt).toBeNull();
    expect((await client.post('/api/report/printed', undefined, { csrf: false })).status).toBe(403);
    expect((await reportOf(client)).lastReportAt).toBeNull();

    const printed = await client.post('/api/report/printed');
    expect(printed.status, printed.text).toBe(200);
    expect(printed.body).toEqual({ lastReportAt: '2027-07-20T23:30:00.000Z' });

    await at('2027-08-02T09:00:00Z', client);
    const london = await reportOf(client);
    expect(london.lastReportAt).toBe('2027-07-20T23:30:00.000Z');
    // 23:30 UTC is already the next day in London (summer time), still the 20th in New York.
    expect(london.from).toBe('2027-07-21');
    expect((await reportOf(client, 'timeZone=America/New_York')).from).toBe('2027-07-20');
    // A chosen start still wins.
    expect((await reportOf(client, `from=2027-07-01&${LONDON}`)).from).toBe('2027-07-01');

    // It is the person's data: in the export, and gone with the account.
    const exported = await client.get('/api/me/export');
    expect(exported.status).toBe(200);
    expect(exported.body.tables.session_reports).toEqual([
      expect.objectContaining({ last_report_at: '2027-07-20T23:30:00.000Z' }),
    ]);
  });

  it('needs a session and consent to health data', async () => {
    expect((await new TestClient(testApp.app).get('/api/report')).status).toBe(401);
    const withoutConsent = new TestClient(testApp.app);
    await signUp(withoutConsent);
    const refused = await withoutConsent.get('/api/report');
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('consent_required');
    expect((await withoutConsent.post('/api/report/printed')).status).toBe(403);
  });
});
