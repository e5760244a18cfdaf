import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAFETY_PLAN_SECTIONS } from '../../core/safety/safety-plan';
import { answersAt, partialAnswers } from '../factories/closeness-check.factory';
import { ACCOUNT_SECTIONS, IMPORTED_SECTIONS } from '../../core/privacy/import-parse';
import { ImportRepository } from '../../server/src/repositories/import.repository';
import { PERSONAL_TABLES } from '../../server/src/repositories/personal-data.repository';
import { TestClient } from '../support/http-client';
import {
  rowsOfPerson,
  selectRows,
  signUpWithConsent,
  writeCheckin,
  writeEntry,
} from '../support/personal-data';
import { signUp } from '../factories/user.factory';
import { createTestApp, dbAvailable, type TestApp } from '../support/test-app';

/**
 * POST /api/me/import: a person brings their own JSON export into a new account on another
 * Closer server. The round trip (export on app 1 → import on app 2 → export there) gives the
 * same data apart from ids, owner ids and the import's own moments; a foreign or damaged file
 * is refused whole; a failure half-way leaves the account exactly as it was.
 */

const CHECK = '/api/assessments/closeness-check';
const EXERCISE = '/api/exercises/thought-record';
const NOTE = 'Rang Ana — ça va mieux 🌱, 東京 tomorrow';

/**
 * What must match after a round trip. It removes only what cannot be the same on another
 * server, and nothing else:
 * - `exportedAt`: the moment of each export;
 * - the account-level sections (users, sessions, consents, grants, the access log and its
 *   head, audit events, grants received) and the research queue: never imported, the new
 *   account has its own (docs/decisions/0013);
 * - ids of records (`id`) and the ids that point at them (a plan week's `checkId`), which the
 *   import makes afresh: each is replaced by its position among the ids of its section, so a
 *   link that points at the wrong record still shows as a difference.
 * Every other value, including each record's own times, stays and is compared.
 */
function normalise(exported: Record<string, any>): Record<string, unknown> {
  const raw = exported.tables as Record<string, any[]>;
  // Records made at the same moment have no order of their own (the export breaks the tie by
  // id, and the import makes new ids), so each section is put in an order of its content
  // first; positions, and so links, are then compared on that order.
  const contentKey = (row: Record<string, unknown>) => JSON.stringify({ ...row, id: undefined });
  const tables = Object.fromEntries(
    Object.entries(raw).map(([section, rows]) => [
      section,
      Array.isArray(rows)
        ? [...rows].sort((a, b) => contentKey(a).localeCompare(contentKey(b)))
        : rows,
    ]),
  ) as Record<string, any[]>;
  const responseIds = new Map<string, string>(
    tables.closeness_check_responses!.map((row, index) => [row.id, `response#${index}`]),
  );
  const withoutId = (section: string) =>
    tables[section]!.map((row, index) => ({ ...row, id: `${section}#${index}` }));
  return {
    format: exported.format,
    version: exported.version,
    checkins: withoutId('checkins'),
    journal_entries: withoutId('journal_entries'),
    safety_plans: tables.safety_plans,
    closeness_check_responses: tables.closeness_check_responses!.map((row) => ({
      ...row,
      id: responseIds.get(row.id),
    })),
    closeness_check_drafts: tables.closeness_check_drafts,
    exercise_entries: withoutId('exercise_entries'),
    plan_weeks: tables.plan_weeks!.map((row) => ({
      ...row,
      checkId: responseIds.get(row.checkId) ?? `unknown:${row.checkId}`,
    })),
    plan_preferences: tables.plan_preferences,
  };
}

async function exportOf(client: TestClient): Promise<Record<string, any>> {
  const response = await client.get('/api/me/export');
  expect(response.status, response.text.slice(0, 300)).toBe(200);
  return JSON.parse(response.text);
}

describe.skipIf(!dbAvailable)('import', () => {
  let first: TestApp;
  let second: TestApp;
  let alice: TestClient;
  let exported: Record<string, any>;

  beforeAll(async () => {
    first = await createTestApp();
    second = await createTestApp();
    alice = new TestClient(first.app);
    await signUpWithConsent(alice);

    await writeCheckin(alice, NOTE, { mood: 2, closeness: 9, stress: 7 });
    await writeCheckin(alice, null, { mood: 8 });
    await writeEntry(alice, 'A long walk by the sea.\nThen chips.', {
      mood: 6,
      tags: ['sea', 'Ünïcode'],
    });
    first.clock.advance(5);
    await writeEntry(alice, 'Quiet day.', { mood: null });
    const plan = Object.fromEntries(
      SAFETY_PLAN_SECTIONS.map((section, index) => [section, [`Step ${index} “quoted”`]]),
    );
    expect((await alice.put('/api/safety-plan', { sections: plan })).status).toBe(200);
    for (const answers of [answersAt(4), answersAt(2)]) {
      expect((await alice.post(`${CHECK}/responses`, { answers })).status).toBe(201);
      first.clock.advance(5);
    }
    expect((await alice.put(`${CHECK}/draft`, { answers: partialAnswers(4) })).status).toBe(200);
    // An exercise saved three times (revision 3), completed with how it felt; another a draft.
    const created = await alice.post(`${EXERCISE}/entries`, {
      values: { thought: { thought: 'They will think I am too much.', belief: 70 } },
    });
    expect(created.status, created.text).toBe(201);
    const entryId = created.body.entry.id as string;
    first.clock.advance(2);
    const updated = await alice.put(`${EXERCISE}/entries/${entryId}`, {
      values: { thought: { thought: 'They might think I am too much.', belief: 50 } },
    });
    expect(updated.status, updated.text).toBe(200);
    const completed = await alice.post(`${EXERCISE}/entries/${entryId}/complete`, {
      distress: 3,
      helpful: 8,
    });
    expect(completed.status, completed.text).toBe(200);
    expect(
      (
        await alice.post(`${EXERCISE}/entries`, {
          values: { thought: { thought: 'Half done' } },
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await alice.put('/api/plan/preferences', {
          minutesPerWeek: 90,
          avoidExercises: ['paced-breathing'],
          avoidTopics: [],
        })
      ).status,
    ).toBe(200);
    expect((await alice.get('/api/plan')).status).toBe(200);
    exported = await exportOf(alice);
  });
  afterAll(async () => {
    await first?.close();
    await second?.close();
  });

  it('every section of the export is either imported or left out for a written reason', () => {
    const decided: string[] = [...IMPORTED_SECTIONS, ...Object.keys(ACCOUNT_SECTIONS)];
    for (const table of PERSONAL_TABLES) expect(decided, table).toContain(table);
    expect(Object.keys(exported.tables).sort()).toEqual([...PERSONAL_TABLES].sort());
  });

  it('the source export is rich enough to mean something', () => {
    const tables = exported.tables;
    expect(tables.checkins).toHaveLength(2);
    expect(tables.journal_entries).toHaveLength(2);
    expect(tables.safety_plans).toHaveLength(1);
    expect(tables.closeness_check_responses).toHaveLength(2);
    expect(tables.closeness_check_drafts).toHaveLength(1);
    expect(tables.exercise_entries).toHaveLength(2);
    expect(tables.exercise_entries.map((entry: any) => entry.revision).sort()).toEqual([1, 3]);
    expect(tables.plan_weeks).toHaveLength(1);
    expect(tables.plan_weeks[0].checkId).toEqual(expect.any(String));
    expect(tables.plan_preferences).toHaveLength(1);
  });

  it('round trip: export → import into a new account on another server → export gives the same data', async () => {
    const bob = new TestClient(second.app);
    const person = await signUpWithConsent(bob);
    second.clock.advance(30);
    const imported = await bob.post('/api/me/import', exported);
    expect(imported.status, imported.text).toBe(201);
    expect(imported.body).toEqual({
      imported: {
        checkins: 2,
        journal: 2,
        safetyPlan: 1,
        closenessChecks: 2,
        closenessCheckDraft: 1,
        exerciseEntries: 2,
        planWeeks: 1,
        planPreferences: 1,
      },
      leftOut: {},
      safety: { level: 'none', reasons: [], resources: [] },
    });
    const again = await exportOf(bob);
    expect(normalise(again)).toEqual(normalise(exported));
    // Fresh ids, owned by the importer; the plan week names the imported Check.
    const ids = (tables: any) => tables.checkins.map((row: any) => row.id);
    expect(ids(again.tables)).not.toEqual(ids(exported.tables));
    expect(again.tables.closeness_check_responses.map((row: any) => row.id)).toContain(
      again.tables.plan_weeks[0].checkId,
    );
    expect(again.tables.users[0].id).toBe(person.user.id);
    // Free text is stored encrypted with Bob's key, never in clear.
    const rows = await selectRows(second.database, 'checkins', 'user_id', person.user.id);
    expect(JSON.stringify(rows)).not.toContain('Ana');
    // The plan reads the imported Check as this account's own.
    const plan = await bob.get('/api/plan');
    expect(plan.status).toBe(200);
    // And importing again is refused: the account is no longer empty.
    const twice = await bob.post('/api/me/import', exported);
    expect(twice.status).toBe(409);
    expect(twice.body.error.code).toBe('import_target_not_empty');
  });

  it('the comparison catches a changed note, a moved link and a changed time (it hides nothing real)', () => {
    const changed = structuredClone(exported);
    changed.tables.checkins[0].note = `${NOTE}!`;
    expect(normalise(changed)).not.toEqual(normalise(exported));
    const relinked = structuredClone(exported);
    relinked.tables.plan_weeks[0].checkId = exported.tables.closeness_check_responses[1].id;
    if (exported.tables.plan_weeks[0].checkId !== relinked.tables.plan_weeks[0].checkId)
      expect(normalise(relinked)).not.toEqual(normalise(exported));
    const moved = structuredClone(exported);
    moved.tables.journal_entries[1].createdAt = '2020-01-01T00:00:00.000Z';
    expect(normalise(moved)).not.toEqual(normalise(exported));
  });

  it('refuses a foreign file with import_foreign and a damaged one naming the path, importing nothing', async () => {
    const carol = new TestClient(second.app);
    const person = await signUpWithConsent(carol);
    const fhir = await alice.get('/api/me/export?format=fhir');
    const foreign = await carol.post('/api/me/import', JSON.parse(fhir.text));
    expect(foreign.status).toBe(400);
    expect(foreign.body.error.code).toBe('import_foreign');
    expect((await carol.post('/api/me/import', [1, 2, 3])).body.error.code).toBe('import_foreign');

    const damaged = structuredClone(exported);
    damaged.tables.checkins[1].mood = 'very';
    const invalid = await carol.post('/api/me/import', damaged);
    expect(invalid.status).toBe(400);
    expect(invalid.body.error.code).toBe('import_invalid');
    expect(invalid.body.error.message).toContain('tables.checkins[1].mood');

    const counts = await rowsOfPerson(second.database, person.user.id);
    for (const [table, count] of Object.entries(counts))
      if (!['users', 'sessions', 'consents', 'audit_events'].includes(table))
        expect(count, table).toBe(0);
  });

  it('a failure half-way through the writing leaves the account exactly as it was', async () => {
    const dave = new TestClient(second.app);
    const person = await signUpWithConsent(dave);
    const before = await rowsOfPerson(second.database, person.user.id);
    const store = new ImportRepository(second.database.db, second.database.dialect);
    const week = {
      ownerId: person.user.id,
      week: '2026-W10',
      planCiphertext: 'x',
      updatedAt: second.clock.now().toISOString(),
    };
    // Two plans for one week break the table's key, after every other table was written.
    await expect(
      store.insertAll(person.user.id, {
        checkins: [
          {
            id: crypto.randomUUID(),
            ownerId: person.user.id,
            mood: 1,
            closeness: 1,
            stress: 1,
            noteCiphertext: null,
            riskLevel: 'none',
            timeZone: 'Europe/London',
            localDate: '2026-03-02',
            createdAt: week.updatedAt,
            updatedAt: week.updatedAt,
          },
        ],
        journal: [],
        safetyPlan: { ownerId: person.user.id, sectionsCiphertext: 'x', updatedAt: week.updatedAt },
        closenessCheckResponses: [],
        closenessCheckDraft: null,
        exerciseEntries: [],
        planWeeks: [week, week],
        planPreferences: null,
      }),
    ).rejects.toThrow();
    expect(await rowsOfPerson(second.database, person.user.id)).toEqual(before);
  });

  it('finds crisis language in imported writing and says so, without blocking the import', async () => {
    const erin = new TestClient(second.app);
    await signUpWithConsent(erin);
    const risky = structuredClone(exported);
    risky.tables.journal_entries[0].text = 'I want to kill myself tonight.';
    const imported = await erin.post('/api/me/import', risky);
    expect(imported.status, imported.text).toBe(201);
    expect(imported.body.safety.level).toBe('crisis');
    expect(imported.body.safety.resources.length).toBeGreaterThan(0);
    expect(imported.body.imported.journal).toBe(2);
  });

  it('needs a session, consent and the CSRF token, and refuses more than 25 MB', async () => {
    const anonymous = new TestClient(second.app);
    expect((await anonymous.post('/api/me/import', exported)).status).toBe(401);
    const noConsent = new TestClient(second.app);
    await signUp(noConsent);
    const refused = await noConsent.post('/api/me/import', exported);
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('consent_required');
    const frank = new TestClient(second.app);
    await signUpWithConsent(frank);
    expect((await frank.post('/api/me/import', exported, { csrf: false })).status).toBe(403);
    const huge = await frank.post('/api/me/import', undefined, {
      payload: JSON.stringify({ ...exported, padding: 'x'.repeat(26 * 1024 * 1024) }),
      headers: { 'content-type': 'application/json' },
    });
    expect(huge.status).toBe(413);
    expect(huge.body.error.code).toBe('payload_too_large');
  });
});
