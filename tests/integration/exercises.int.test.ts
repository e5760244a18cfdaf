import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CATALOGUE, exerciseSummaries } from '../../core/exercises/catalogue';
import { t } from '../../core/i18n/translate';
import { TestClient } from '../support/http-client';
import { selectRows, signUpWithConsent } from '../support/personal-data';
import { flipOneByte } from '../support/tamper';
import { createTestApp, dbAvailable, type TestApp } from '../support/test-app';

/**
 * The exercise library and exercise entries over HTTP, on both databases: every exercise of
 * the library saved from its worked example, resumed and completed; values checked against the
 * library with the field named; encrypted at rest; the risk check on every save; someone else's
 * entry "not found"; a damaged entry shown as unreadable, never a 5xx; random bodies never a
 * 5xx.
 */

const BASE = '/api/exercises';
const SEED = Number(process.env.FUZZ_SEED) || 20_261_126;
const CRISIS = 'I want to kill myself tonight';

/** The catalogue as JSON carries it. */
const asJson = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

describe.skipIf(!dbAvailable)('exercises', () => {
  let testApp: TestApp;
  let anonymous: TestClient;
  let browser: TestClient;

  beforeAll(async () => {
    testApp = await createTestApp();
    anonymous = new TestClient(testApp.app);
    browser = new TestClient(testApp.app);
    await signUpWithConsent(browser);
  });
  afterAll(() => testApp.close());

  const somebody = async () => {
    const client = new TestClient(testApp.app);
    await signUpWithConsent(client);
    return client;
  };

  const start = async (client: TestClient, exerciseId: string, values: unknown) => {
    const response = await client.post(`${BASE}/${exerciseId}/entries`, { values });
    expect(response.status, response.text.slice(0, 300)).toBe(201);
    return response.body;
  };

  describe('library', () => {
    it('lists every exercise publicly, as core summarises it', async () => {
      const response = await anonymous.get(BASE);
      expect(response.status).toBe(200);
      expect(response.body).toEqual(asJson(exerciseSummaries()));
    });

    it.each(CATALOGUE.map((exercise) => [exercise.id, exercise] as const))(
      'gives %s whole, as the catalogue has it',
      async (id, exercise) => {
        const response = await anonymous.get(`${BASE}/${id}`);
        expect(response.status).toBe(200);
        expect(response.body).toEqual(asJson(exercise));
      },
    );

    it('answers an unknown exercise with 404', async () => {
      const response = await anonymous.get(`${BASE}/no-such-exercise`);
      expect(response.status).toBe(404);
      expect(response.body.error.code).toBe('exercise_not_found');
      const entries = await browser.post(`${BASE}/no-such-exercise/entries`, { values: {} });
      expect(entries.status).toBe(404);
    });
  });

  describe.each(CATALOGUE.map((exercise) => [exercise.id, exercise] as const))(
    '%s',
    (id, exercise) => {
      it('saves a draft from the worked example, resumes it exactly, and completes it', async () => {
        const example = asJson(exercise.workedExample.answers);
        const [firstStep] = Object.keys(example);
        const partial = { [firstStep as string]: example[firstStep as string] };
        const created = await start(browser, id, partial);
        expect(created.entry).toMatchObject({
          exerciseId: id,
          status: 'draft',
          values: partial,
          feeling: null,
          completedAt: null,
        });
        expect(created.safety.level).toBeDefined();
        const entryPath = `${BASE}/${id}/entries/${created.entry.id}`;

        testApp.clock.advance(1);
        const saved = await browser.put(entryPath, { values: example });
        expect(saved.status, saved.text.slice(0, 300)).toBe(200);
        expect(saved.body.entry.values).toEqual(example);
        expect(saved.body.entry.updatedAt > created.entry.updatedAt).toBe(true);

        const resumed = await browser.get(entryPath);
        expect(resumed.status).toBe(200);
        expect(resumed.body.entry.values).toEqual(example);
        expect(resumed.body.entry.status).toBe('draft');

        const completed = await browser.post(`${entryPath}/complete`, { distress: 3, helpful: 8 });
        expect(completed.status, completed.text.slice(0, 300)).toBe(200);
        expect(completed.body.entry).toMatchObject({
          status: 'completed',
          values: example,
          feeling: { distress: 3, helpful: 8 },
        });
        expect(completed.body.entry.completedAt).toEqual(expect.any(String));

        const list = await browser.get(`${BASE}/${id}/entries`);
        expect(list.status).toBe(200);
        expect(list.body.entries[0]).toEqual(completed.body.entry);
      });
    },
  );

  describe('entries', () => {
    it('lists drafts and completed entries newest first, only of that exercise', async () => {
      const client = await somebody();
      const first = await start(client, 'values-compass', {});
      testApp.clock.advance(1);
      const second = await start(client, 'values-compass', {});
      await start(client, 'thought-record', {});
      await client.post(`${BASE}/values-compass/entries/${first.entry.id}/complete`);
      const list = await client.get(`${BASE}/values-compass/entries`);
      expect(list.body.entries.map((entry: { id: string }) => entry.id)).toEqual([
        second.entry.id,
        first.entry.id,
      ]);
      expect(list.body.entries.map((entry: { status: string }) => entry.status)).toEqual([
        'draft',
        'completed',
      ]);
    });

    it('completes with new values, and deletes an entry', async () => {
      const client = await somebody();
      const { entry } = await start(client, 'thought-record', {});
      const path = `${BASE}/thought-record/entries/${entry.id}`;
      const done = await client.post(`${path}/complete`, {
        values: { thought: { thought: 'Nobody will come.', belief: 70 } },
      });
      expect(done.status).toBe(200);
      expect(done.body.entry.values).toEqual({
        thought: { thought: 'Nobody will come.', belief: 70 },
      });
      expect(done.body.entry.feeling).toBeNull();
      expect((await client.delete(path)).status).toBe(204);
      expect((await client.get(path)).status).toBe(404);
      expect((await client.get(`${BASE}/thought-record/entries`)).body.entries).toEqual([]);
    });

    it('names the step and field of a value it refuses, and keeps the saved draft as it was', async () => {
      const client = await somebody();
      const values = { thought: { thought: 'They will leave.', belief: 60 } };
      const { entry } = await start(client, 'thought-record', values);
      const path = `${BASE}/thought-record/entries/${entry.id}`;
      const refusals: [unknown, Record<string, unknown>][] = [
        [{ nowhere: {} }, { step: 'nowhere', reason: 'unknown-step' }],
        [{ thought: { mood: 3 } }, { step: 'thought', field: 'mood', reason: 'unknown-field' }],
        [
          { thought: { belief: 101 } },
          { step: 'thought', field: 'belief', reason: 'out-of-range' },
        ],
        [{ thought: { belief: 4.5 } }, { step: 'thought', field: 'belief', reason: 'not-whole' }],
        [
          { thought: { traps: ['not-a-trap'] } },
          { step: 'thought', field: 'traps', reason: 'unknown-option' },
        ],
        [
          { thought: { thought: 'x'.repeat(10_001) } },
          { step: 'thought', field: 'thought', reason: 'too-long' },
        ],
        [
          { evidence: { for: Array.from({ length: 9 }, () => 'a fact') } },
          { step: 'evidence', field: 'for', reason: 'too-many' },
        ],
      ];
      for (const [bad, details] of refusals) {
        for (const response of [
          await client.put(path, { values: bad }),
          await client.post(`${path}/complete`, { values: bad }),
        ]) {
          expect(response.status, JSON.stringify(bad).slice(0, 100)).toBe(400);
          expect(response.body.error.code).toBe('invalid_exercise_values');
          expect(response.body.error.details).toEqual(details);
        }
      }
      const after = await client.get(path);
      expect(after.body.entry.values).toEqual(values);
      expect(after.body.entry.status).toBe('draft');
      const count = await client.get(`${BASE}/thought-record/entries`);
      expect(count.body.entries).toHaveLength(1);
      // A refused first save saves nothing at all.
      const refused = await client.post(`${BASE}/thought-record/entries`, {
        values: { thought: { belief: -1 } },
      });
      expect(refused.status).toBe(400);
      expect((await client.get(`${BASE}/thought-record/entries`)).body.entries).toHaveLength(1);
    });

    it('keeps the values encrypted at rest: a canary is nowhere in the row', async () => {
      const client = await somebody();
      const canary = `canary-${Math.random().toString(36).slice(2)}`;
      const { entry } = await start(client, 'thought-record', {
        situation: { situation: `At the ${canary} station.` },
      });
      await client.post(`${BASE}/thought-record/entries/${entry.id}/complete`, {
        distress: 4,
        helpful: 6,
      });
      const [row] = await selectRows(testApp.database, 'exercise_entries', 'id', entry.id);
      expect(row).toBeDefined();
      expect(JSON.stringify(row)).not.toContain(canary);
      expect(JSON.stringify(row)).not.toContain('At the');
      expect(String(row?.values_ciphertext)).not.toContain('situation');
      expect(String(row?.feeling_ciphertext)).not.toContain('distress');
    });

    it('answers a damaged entry (one flipped byte) as unreadable, refuses to complete it as saved, and logs the incident', async () => {
      const client = await somebody();
      const example = asJson(CATALOGUE[0]?.workedExample.answers);
      const exerciseId = CATALOGUE[0]?.id as string;
      const older = await start(client, exerciseId, example);
      testApp.clock.advance(1);
      const { entry } = await start(client, exerciseId, example);
      const path = `${BASE}/${exerciseId}/entries/${entry.id}`;
      const [row] = (await selectRows(testApp.database, 'exercise_entries', 'id', entry.id)) as {
        values_ciphertext: string;
      }[];
      const original = (row as { values_ciphertext: string }).values_ciphertext;
      await testApp.database.db
        .updateTable('exercise_entries')
        .set({ values_ciphertext: flipOneByte(original) })
        .where('id', '=', entry.id)
        .execute();

      const logged = vi.spyOn(testApp.app.log, 'error');
      const incident = expect.objectContaining({
        err: expect.objectContaining({ code: 'ciphertext_invalid' }),
      });
      try {
        const one = await client.get(path);
        expect(one.status, one.text.slice(0, 300)).toBe(200);
        expect(one.body.entry).toEqual({ ...entry, values: {}, feeling: null, unreadable: true });
        expect(logged).toHaveBeenCalledWith(incident, expect.any(String));

        const list = await client.get(`${BASE}/${exerciseId}/entries`);
        expect(list.status).toBe(200);
        expect(
          list.body.entries.map((candidate: { id: string; unreadable?: boolean }) => [
            candidate.id,
            candidate.unreadable,
          ]),
        ).toEqual([
          [entry.id, true],
          [older.entry.id, undefined],
        ]);

        logged.mockClear();
        const complete = await client.post(`${path}/complete`, { distress: 2 });
        expect(complete.status, complete.text.slice(0, 300)).toBe(409);
        expect(complete.body.error).toEqual({
          code: 'entry_unreadable',
          message: t('api.entry_unreadable'),
        });
        expect(logged).toHaveBeenCalledWith(incident, expect.any(String));
        const still = await client.get(path);
        expect(still.body.entry).toMatchObject({ status: 'draft', unreadable: true });
      } finally {
        logged.mockRestore();
      }

      // Written again, the entry is readable and can be finished; the other was never touched.
      const rewritten = await client.post(`${path}/complete`, { values: example, helpful: 8 });
      expect(rewritten.status, rewritten.text.slice(0, 300)).toBe(200);
      const restored = await client.get(path);
      expect(restored.body.entry).toMatchObject({ status: 'completed', values: example });
      expect(restored.body.entry.unreadable).toBeUndefined();
      expect(
        (await client.get(`${BASE}/${exerciseId}/entries/${older.entry.id}`)).body.entry,
      ).toEqual(older.entry);
    });

    it('checks every text for risk: a risky text gives crisis help, and is still saved', async () => {
      const client = await somebody();
      const created = await start(client, 'self-compassion-letter', {});
      expect(created.safety.level).toBe('none');
      const exercise = CATALOGUE.find((candidate) => candidate.id === 'thought-record');
      expect(exercise).toBeDefined();
      const { entry, safety } = await start(client, 'thought-record', {
        feelings: { feelings: [{ feeling: 'Numb', strength: 90 }] },
        evidence: { for: ['Nothing helps.', CRISIS] },
      });
      expect(safety.level).toBe('crisis');
      expect(safety.resources.length).toBeGreaterThan(0);
      const path = `${BASE}/thought-record/entries/${entry.id}`;
      expect((await client.get(path)).body.entry.values.evidence.for).toEqual([
        'Nothing helps.',
        CRISIS,
      ]);
      const put = await client.put(path, { values: { thought: { thought: CRISIS } } });
      expect(put.status).toBe(200);
      expect(put.body.safety.level).toBe('crisis');
      const done = await client.post(`${path}/complete`);
      expect(done.status, done.text).toBe(200);
      expect(done.body.safety.level).toBe('crisis');
    });

    it('answers someone else’s entry, or an entry under another exercise, as not found', async () => {
      const owner = await somebody();
      const other = await somebody();
      const { entry } = await start(owner, 'values-compass', {});
      const path = `${BASE}/values-compass/entries/${entry.id}`;
      const attempts = [
        await other.get(path),
        await other.put(path, { values: {} }),
        await other.post(`${path}/complete`, { distress: 1 }),
        await other.delete(path),
        await owner.get(`${BASE}/thought-record/entries/${entry.id}`),
      ];
      for (const response of attempts) {
        expect(response.status).toBe(404);
        expect(response.body.error.code).toBe('not_found');
      }
      expect((await other.get(`${BASE}/values-compass/entries`)).body.entries).toEqual([]);
      const still = await owner.get(path);
      expect(still.body.entry).toMatchObject({ status: 'draft', values: {} });
    });

    it('needs a session, consent and the CSRF token', async () => {
      expect((await anonymous.get(`${BASE}/thought-record/entries`)).status).toBe(401);
      const noConsent = new TestClient(testApp.app);
      const { signUp } = await import('../factories/user.factory');
      await signUp(noConsent);
      expect((await noConsent.get(`${BASE}/thought-record/entries`)).status).toBe(403);
      const client = await somebody();
      const forged = await client.post(
        `${BASE}/thought-record/entries`,
        { values: {} },
        { headers: { 'x-csrf-token': 'forged' } },
      );
      expect(forged.status).toBe(403);
      expect(forged.body.error.code).toBe('csrf_failed');
    });
  });

  it('never answers random bodies to the entry routes with a 5xx', async () => {
    const client = await somebody();
    const { entry } = await start(client, 'closeness-ladder', {});
    const json = fc.jsonValue({ maxDepth: 4 });
    const ids = fc.constantFrom(...CATALOGUE.map((exercise) => exercise.id), 'nope', '%2e%2e');
    const stepField = fc.record({
      step: fc.constantFrom('ladder', 'before', 'after', 'x'),
      field: fc.constantFrom('rungs', 'rung', 'predicted', 'actual', 'when', 'y'),
      value: json,
    });
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('POST', 'PUT', 'COMPLETE'),
        ids,
        fc.oneof(
          json,
          fc.record({ values: json }),
          stepField.map(({ step, field, value }) => ({ values: { [step]: { [field]: value } } })),
          fc.record({ values: fc.constant({}), distress: json, helpful: json }),
        ),
        async (kind, exerciseId, body) => {
          const path =
            kind === 'POST'
              ? `${BASE}/${exerciseId}/entries`
              : `${BASE}/${exerciseId}/entries/${entry.id}${kind === 'COMPLETE' ? '/complete' : ''}`;
          const response =
            kind === 'PUT' ? await client.put(path, body) : await client.post(path, body);
          expect(
            response.status,
            `${kind} ${path} ${JSON.stringify(body).slice(0, 200)}`,
          ).toBeLessThan(500);
        },
      ),
      { seed: SEED, numRuns: 150 },
    );
  });
});
