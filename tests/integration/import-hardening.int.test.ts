import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answersAt } from '../factories/closeness-check.factory';
import { TestClient } from '../support/http-client';
import { rowsOfPerson, signUpWithConsent, writeCheckin } from '../support/personal-data';
import { createTestApp, dbAvailable, type TestApp } from '../support/test-app';

/**
 * POST /api/me/import under pressure (docs/decisions/0013): imports of one file sent at once
 * through two instances on one database land exactly once; a plan week that is not a plan
 * (nested absurdly deep, padded, with junk inside) refuses the file naming where, and nothing
 * is written; words a file puts inside a plan are risk-checked; two drafts of one exercise
 * (which the API itself allows) come through.
 */

const CHECK = '/api/assessments/closeness-check';
const EXERCISE = '/api/exercises/thought-record';
/** Tables an import never writes: the account's own. */
const ACCOUNT_TABLES = ['users', 'sessions', 'consents', 'audit_events'];

async function exportOf(client: TestClient): Promise<Record<string, any>> {
  const response = await client.get('/api/me/export');
  expect(response.status, response.text.slice(0, 300)).toBe(200);
  return JSON.parse(response.text);
}

/** The person's rows in every table an import writes. */
async function importedRows(app: TestApp, userId: string): Promise<Record<string, number>> {
  const counts = await rowsOfPerson(app.database, userId);
  for (const table of ACCOUNT_TABLES) delete counts[table];
  return counts;
}

function expectEmpty(counts: Record<string, number>): void {
  for (const [table, count] of Object.entries(counts)) expect(count, table).toBe(0);
}

describe.skipIf(!dbAvailable)('import, hardened', () => {
  let source: TestApp;
  let target: TestApp;
  let exported: Record<string, any>;

  beforeAll(async () => {
    source = await createTestApp();
    target = await createTestApp();
    const alice = new TestClient(source.app);
    await signUpWithConsent(alice);
    for (const mood of [2, 5, 8]) await writeCheckin(alice, `Mood ${mood}`, { mood });
    expect((await alice.post(`${CHECK}/responses`, { answers: answersAt(4) })).status).toBe(201);
    // Two drafts of one exercise: the API makes a new draft on every start (two devices,
    // say), and the export carries both.
    for (const thought of ['First try', 'Second try']) {
      const created = await alice.post(`${EXERCISE}/entries`, { values: { thought: { thought } } });
      expect(created.status, created.text).toBe(201);
      source.clock.advance(1);
    }
    expect((await alice.get('/api/plan')).status).toBe(200);
    exported = await exportOf(alice);
    expect(exported.tables.plan_weeks).toHaveLength(1);
    expect(exported.tables.exercise_entries).toHaveLength(2);
  });
  afterAll(async () => {
    await source?.close();
    await target?.close();
  });

  it('imports sent at once through two instances on one database: exactly one lands, the rest are 409 and write nothing', async () => {
    const other = await createTestApp({ sameDatabaseAs: target });
    try {
      for (let round = 0; round < 3; round += 1) {
        const throughA = new TestClient(target.app);
        const person = await signUpWithConsent(throughA);
        const throughB = new TestClient(other.app);
        for (const [name, cookie] of throughA.cookies) throughB.cookies.set(name, cookie);
        throughB.csrfToken = throughA.csrfToken;
        const answers = await Promise.all(
          [throughA, throughB, throughA, throughB].map((client) =>
            client.post('/api/me/import', exported),
          ),
        );
        const statuses = answers.map((answer) => answer.status).sort();
        expect(statuses, answers.map((answer) => answer.text).join('\n')).toEqual([
          201, 409, 409, 409,
        ]);
        for (const answer of answers.filter((one) => one.status === 409))
          expect(answer.body.error.code).toBe('import_target_not_empty');
        const counts = await importedRows(target, person.user.id);
        expect(counts.checkins).toBe(3);
        expect(counts.closeness_check_responses).toBe(1);
        expect(counts.exercise_entries).toBe(2);
        expect(counts.plan_weeks).toBe(1);
      }
    } finally {
      await other.close();
    }
  });

  it('a plan week nested 20,000 levels deep is refused naming where, and nothing is written', async () => {
    const bob = new TestClient(target.app);
    const person = await signUpWithConsent(bob);
    // Written as text: nesting this deep is too deep for JSON.stringify itself.
    const deep = `${'{"x":'.repeat(20_000)}"bottom"${'}'.repeat(20_000)}`;
    const send = (file: Record<string, any>, replacement: string) =>
      bob.post('/api/me/import', undefined, {
        payload: JSON.stringify(file).replace('"@NESTED@"', replacement),
        headers: { 'content-type': 'application/json' },
      });
    const file = structuredClone(exported);
    file.tables.plan_weeks[0].plan.recommendation = '@NESTED@';
    const refused = await send(file, deep);
    expect(refused.status, refused.text.slice(0, 300)).toBe(400);
    expect(refused.body.error.code).toBe('import_invalid');
    expect(refused.body.error.message).toContain('tables.plan_weeks[0].plan.recommendation.x');
    // As deep inside a reason, where descriptors may nest, and inside a section left out.
    const inReason = structuredClone(exported);
    inReason.tables.plan_weeks[0].plan.pace.reason = '@NESTED@';
    const reason =
      '{"key":"plan.join.sentences","values":{"second":"x","first":'.repeat(20_000) +
      '{"key":"plan.care.self-help"}' +
      '}}'.repeat(20_000);
    const refusedReason = await send(inReason, reason);
    expect(refusedReason.status).toBe(400);
    expect(refusedReason.body.error.code).toBe('import_invalid');
    expect(refusedReason.body.error.message).toContain('tables.plan_weeks[0].plan.pace.reason');
    const inAudit = structuredClone(exported);
    inAudit.tables.audit_events = ['@NESTED@'];
    const refusedAudit = await send(inAudit, deep);
    expect(refusedAudit.status).toBe(400);
    expect(refusedAudit.body.error.message).toContain('tables.audit_events[0].x.x');
    expectEmpty(await importedRows(target, person.user.id));
  });

  it('a plan week carrying what a plan does not hold is refused naming the path, and nothing is written', async () => {
    const carol = new TestClient(target.app);
    const person = await signUpWithConsent(carol);
    const cases: [(plan: any) => void, string][] = [
      [(plan) => (plan.padding = 'x'.repeat(1_000_000)), 'tables.plan_weeks[0].plan.padding'],
      [(plan) => (plan.steps[0].colour = 'red'), 'tables.plan_weeks[0].plan.steps[0].colour'],
      [(plan) => (plan.swappedOut = [1, 'a']), 'tables.plan_weeks[0].plan.swappedOut[0]'],
      [(plan) => (plan.steps[1].intensity = 9), 'tables.plan_weeks[0].plan.steps[1].intensity'],
      [
        (plan) => (plan.recommendation.reasons = [{ key: 'auth.login_failed' }]),
        'tables.plan_weeks[0].plan.recommendation.reasons[0].key',
      ],
      [(plan) => (plan.minutes = { planned: 'lots', budget: 60 }), 'plan.minutes.planned'],
    ];
    for (const [change, path] of cases) {
      const file = structuredClone(exported);
      change(file.tables.plan_weeks[0].plan);
      const refused = await carol.post('/api/me/import', file);
      expect(refused.status, path).toBe(400);
      expect(refused.body.error.code).toBe('import_invalid');
      expect(refused.body.error.message).toContain(`${path} `);
    }
    expectEmpty(await importedRows(target, person.user.id));
  });

  it('words a file puts inside a plan are risk-checked, and the week it brings reads back, not as damaged', async () => {
    const dave = new TestClient(target.app);
    await signUpWithConsent(dave);
    const file = structuredClone(exported);
    // A plan stored before reasons became descriptors holds English reasons: still a plan.
    file.tables.plan_weeks[0].plan.recommendation.reasons = ['I want to kill myself tonight.'];
    const imported = await dave.post('/api/me/import', file);
    expect(imported.status, imported.text).toBe(201);
    expect(imported.body.safety.level).toBe('crisis');
    expect(imported.body.safety.resources.length).toBeGreaterThan(0);
    const again = await exportOf(dave);
    expect(again.tables.plan_weeks).toHaveLength(1);
    expect(again.tables.plan_weeks[0].unreadable).toBeUndefined();
    expect(again.tables.plan_weeks[0].plan.recommendation.reasons).toEqual([
      { key: 'plan.legacy', values: { text: 'I want to kill myself tonight.' } },
    ]);
  });

  it('two drafts of one exercise come through as two drafts, and the exercise and plan still read', async () => {
    const erin = new TestClient(target.app);
    await signUpWithConsent(erin);
    const imported = await erin.post('/api/me/import', exported);
    expect(imported.status, imported.text).toBe(201);
    expect(imported.body.imported.exerciseEntries).toBe(2);
    expect(imported.body.safety.level).toBe('none');
    const entries = await erin.get(`${EXERCISE}/entries`);
    expect(entries.status).toBe(200);
    const drafts = entries.body.entries.filter((entry: any) => entry.status === 'draft');
    expect(drafts.map((entry: any) => entry.values.thought.thought).sort()).toEqual([
      'First try',
      'Second try',
    ]);
    expect((await erin.get('/api/plan')).status).toBe(200);
  });
});
