import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { exerciseById } from '../../core/exercises/catalogue';
import { renderPlanMessage, type PlanMessage } from '../../core/plan/plan-messages';
import { EncryptedTextVault } from '../../server/src/services/privacy/encrypted-text-vault';
import { answersAt } from '../factories/closeness-check.factory';
import { TestClient } from '../support/http-client';
import { selectRows, signUpWithConsent, writeEntry } from '../support/personal-data';
import { flipOneByte } from '../support/tamper';
import { createTestApp, dbAvailable, type TestApp } from '../support/test-app';

/**
 * The plan's care over HTTP, on both databases: a crisis or safeguarding flag in the person's
 * own recent writing changes the plan as the Check's safety answers do (and stops counting
 * after the window); damaged stored preferences and weeks never give a 500, on the plan or in
 * the export; a step left for the week ("Not this week"); a deleted finished entry makes its
 * step to do again.
 */

const CHECK = '/api/assessments/closeness-check/responses';
const CRISIS = 'I want to kill myself tonight';
const SAFEGUARDING = "he hits me and won't let me see my friends";

interface Step {
  id: string;
  exerciseId: string;
  reason: string;
  status: string;
}

describe.skipIf(!dbAvailable)('plan care', () => {
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await createTestApp();
  });
  afterAll(() => testApp.close());

  const somebody = async () => {
    const client = new TestClient(testApp.app);
    await signUpWithConsent(client);
    return client;
  };

  /** A Check with no worrying safety answer: sharing is the hardest sign. */
  const takeCheck = async (client: TestClient) => {
    const response = await client.post(CHECK, {
      answers: answersAt({ sharing: 5, avoidance: 3, trust: 2, anxiety: 4 }),
    });
    expect(response.status, response.text.slice(0, 300)).toBe(201);
  };

  const getPlan = async (client: TestClient) => {
    const response = await client.get('/api/plan');
    expect(response.status, response.text.slice(0, 300)).toBe(200);
    return response.body;
  };

  const userIdOf = async (client: TestClient): Promise<string> => {
    const me = await client.get('/api/me');
    return me.body.user?.id ?? me.body.id;
  };

  const completeEntry = async (client: TestClient, exerciseId: string): Promise<string> => {
    const created = await client.post(`/api/exercises/${exerciseId}/entries`, { values: {} });
    expect(created.status, created.text.slice(0, 300)).toBe(201);
    const id = created.body.entry.id as string;
    const done = await client.post(`/api/exercises/${exerciseId}/entries/${id}/complete`, {
      distress: 3,
      helpful: 6,
    });
    expect(done.status, done.text.slice(0, 300)).toBe(200);
    return id;
  };

  const expectPaused = (plan: { paused: { exerciseIds: string[] } | null }, ids: string[]) =>
    expect(plan.paused?.exerciseIds ?? []).toEqual(expect.arrayContaining(ids));

  it('a crisis journal entry makes the plan urgent: help first, exposure paused, nothing quoted', async () => {
    const client = await somebody();
    await takeCheck(client);
    const before = await getPlan(client);
    expect(before.recommendation.level).not.toBe('urgent');
    await writeEntry(client, CRISIS);
    const plan = await getPlan(client);
    expect(plan.recommendation.level).toBe('urgent');
    expect(plan.support.slice(0, 2).map((action: { kind: string }) => action.kind)).toEqual([
      'get-help-now',
      'safety-plan',
    ]);
    expectPaused(plan, ['closeness-ladder', 'behavioural-experiment', 'speaker-listener']);
    for (const step of plan.steps as Step[]) {
      expect(exerciseById(step.exerciseId).exposure, step.exerciseId).toBe(false);
      expect(exerciseById(step.exerciseId).pausedWhenUnsafe, step.exerciseId).toBe(false);
    }
    expect(plan.recommendation.reasons.join(' ')).toMatch(/Something you wrote recently/);
    expect(JSON.stringify(plan)).not.toMatch(/kill myself|tonight/);
  });

  it('a safeguarding exercise entry pauses partner, exposure and fear-questioning exercises and puts safeguarding help first', async () => {
    const client = await somebody();
    await takeCheck(client);
    const created = await client.post('/api/exercises/thought-record/entries', {
      values: { thought: { thought: SAFEGUARDING, belief: 70 } },
    });
    expect(created.status, created.text.slice(0, 300)).toBe(201);
    const plan = await getPlan(client);
    expect(['professional', 'urgent']).toContain(plan.recommendation.level);
    expect(plan.support[0].kind).toBe('safeguarding-help');
    expectPaused(plan, [
      'thought-record',
      'behavioural-experiment',
      'closeness-ladder',
      'i-statement-builder',
      'boundary-script-builder',
      'speaker-listener',
    ]);
    for (const step of plan.steps as Step[]) {
      const exercise = exerciseById(step.exerciseId);
      expect(
        exercise.exposure ||
          exercise.needsPartner ||
          exercise.pausedWhenUnsafe ||
          exercise.questionsFears,
        step.exerciseId,
      ).toBe(false);
    }
    expect(JSON.stringify(plan)).not.toMatch(/hits me|friends/);
  });

  it('keeps the risk level with each exercise save, and still checks an entry saved before levels were kept', async () => {
    const client = await somebody();
    await takeCheck(client);
    const userId = await userIdOf(client);
    const created = await client.post('/api/exercises/thought-record/entries', {
      values: { thought: { thought: CRISIS, belief: 70 } },
    });
    expect(created.status, created.text.slice(0, 300)).toBe(201);
    const levelOf = async () =>
      (
        (await selectRows(testApp.database, 'exercise_entries', 'user_id', userId)) as {
          risk_level: string | null;
        }[]
      ).map((row) => row.risk_level);
    expect(await levelOf()).toEqual(['crisis']);
    expect((await getPlan(client)).recommendation.level).toBe('urgent');

    // Saved again with calmer words: the stored level follows the latest save.
    const id = created.body.entry.id as string;
    const calmer = await client.put(`/api/exercises/thought-record/entries/${id}`, {
      values: { thought: { thought: 'Nobody will want to hear about my week', belief: 60 } },
    });
    expect(calmer.status, calmer.text.slice(0, 300)).toBe(200);
    expect(await levelOf()).toEqual(['none']);
    expect((await getPlan(client)).recommendation.level).not.toBe('urgent');

    // An entry from before levels were kept (null) with crisis words is still found.
    const again = await client.put(`/api/exercises/thought-record/entries/${id}`, {
      values: { thought: { thought: CRISIS, belief: 70 } },
    });
    expect(again.status).toBe(200);
    await testApp.database.db
      .updateTable('exercise_entries')
      .set({ risk_level: null })
      .where('user_id', '=', userId)
      .execute();
    expect(await levelOf()).toEqual([null]);
    expect((await getPlan(client)).recommendation.level).toBe('urgent');
  });

  it('writing that raises a crisis and also names abuse keeps both: urgent, safeguarding help, no thought-challenging', async () => {
    const client = await somebody();
    await takeCheck(client);
    const saved = await client.post('/api/journal', {
      text: 'He hits me every night and I want to kill myself.',
    });
    expect(saved.status, saved.text.slice(0, 300)).toBe(201);
    const plan = await getPlan(client);
    expect(plan.recommendation.level).toBe('urgent');
    const kinds = (plan.support as { kind: string }[]).map((action) => action.kind);
    expect(kinds.slice(0, 2)).toEqual(['get-help-now', 'safety-plan']);
    expect(kinds).toContain('safeguarding-help');
    expectPaused(plan, ['thought-record', 'behavioural-experiment', 'speaker-listener']);
    // However many times a step is swapped, no thought-challenging or partner exercise comes.
    for (const step of plan.steps as Step[]) {
      const swapped = await client.post(`/api/plan/steps/${step.id}/swap`, {});
      if (swapped.status !== 200 && swapped.status !== 201) continue;
      const exercise = exerciseById(swapped.body.exerciseId ?? swapped.body.step?.exerciseId);
      expect(exercise.questionsFears || exercise.needsPartner, exercise.id).toBe(false);
    }
  });

  it('a safeguarding check-in note counts too, and writing older than 14 days no longer does', async () => {
    const client = new TestClient(testApp.app);
    const person = await signUpWithConsent(client);
    await takeCheck(client);
    const checkin = await client.post('/api/checkins', {
      mood: 4,
      closeness: 3,
      stress: 6,
      note: SAFEGUARDING,
    });
    expect(checkin.status, checkin.text.slice(0, 300)).toBe(201);
    expect((await getPlan(client)).support[0].kind).toBe('safeguarding-help');
    testApp.clock.advance(15 * 24 * 60);
    // The session has timed out by now: sign in again.
    const login = await client.post('/api/auth/login', {
      login: person.login,
      password: person.password,
    });
    expect(login.status, login.text.slice(0, 300)).toBeLessThan(300);
    const later = await getPlan(client);
    expect(later.support.map((action: { kind: string }) => action.kind)).not.toContain(
      'safeguarding-help',
    );
    expect(later.paused).toBeNull();
  });

  it('damaged saved preferences read as the usual ones, flagged; saving replaces them', async () => {
    const client = await somebody();
    const saved = { minutesPerWeek: 45, avoidExercises: [], avoidTopics: ['past-relationships'] };
    expect((await client.put('/api/plan/preferences', saved)).status).toBe(200);
    await takeCheck(client);
    const userId = await userIdOf(client);
    const [row] = (await selectRows(testApp.database, 'plan_preferences', 'user_id', userId)) as {
      preferences_ciphertext: string;
    }[];
    await testApp.database.db
      .updateTable('plan_preferences')
      .set({ preferences_ciphertext: flipOneByte(row?.preferences_ciphertext ?? '') })
      .where('user_id', '=', userId)
      .execute();

    const logged = vi.spyOn(testApp.app.log, 'error');
    try {
      const preferences = await client.get('/api/plan/preferences');
      expect(preferences.status).toBe(200);
      expect(preferences.body).toEqual({
        minutesPerWeek: 60,
        avoidExercises: [],
        avoidTopics: [],
        unreadable: true,
      });
      const plan = await getPlan(client);
      expect(plan.preferencesUnreadable).toBe(true);
      expect(plan.minutes.budget).toBe(60);
      const exported = await client.get('/api/me/export');
      expect(exported.status).toBe(200);
      expect(exported.body.tables.plan_preferences).toEqual([{ unreadable: true }]);
      expect(logged).toHaveBeenCalled();
    } finally {
      logged.mockRestore();
    }

    const replaced = { minutesPerWeek: 90, avoidExercises: [], avoidTopics: [] };
    expect((await client.put('/api/plan/preferences', replaced)).status).toBe(200);
    expect((await client.get('/api/plan/preferences')).body).toEqual(replaced);
    const plan = await getPlan(client);
    expect(plan.preferencesUnreadable).toBe(false);
    expect(plan.minutes.budget).toBe(90);
  });

  it('a damaged stored week is made again on the plan and listed as unreadable in the export', async () => {
    const client = await somebody();
    await takeCheck(client);
    const plan = await getPlan(client);
    const userId = await userIdOf(client);
    const [row] = (await selectRows(testApp.database, 'plan_weeks', 'user_id', userId)) as {
      plan_ciphertext: string;
    }[];
    await testApp.database.db
      .updateTable('plan_weeks')
      .set({ plan_ciphertext: flipOneByte(row?.plan_ciphertext ?? '') })
      .where('user_id', '=', userId)
      .execute();
    const exported = await client.get('/api/me/export');
    expect(exported.status, exported.text.slice(0, 300)).toBe(200);
    expect(exported.body.tables.plan_weeks).toEqual([{ week: plan.week, unreadable: true }]);
    expect(await getPlan(client)).toEqual(plan);
    const again = await client.get('/api/me/export');
    expect(again.body.tables.plan_weeks).toEqual([
      expect.objectContaining({ week: plan.week, plan: expect.any(Object) }),
    ]);
  });

  it('refuses an edited import whose step holds a value the answer cannot carry, and makes such a stored week again, never a 500', async () => {
    const alice = await somebody();
    await takeCheck(alice);
    const before = await getPlan(alice);
    const exported = (await alice.get('/api/me/export')).body;
    for (const week of exported.tables.plan_weeks)
      for (const step of week.plan.steps) {
        step.focus = 'zzz';
        step.modality = 'astrology';
      }
    // The import reads a week as strictly as the server does (docs/decisions/0013): refused.
    const bob = await somebody();
    const imported = await bob.post('/api/me/import', exported);
    expect(imported.status, imported.text.slice(0, 300)).toBe(400);
    expect(imported.body.error.code).toBe('import_invalid');
    expect(imported.body.error.message).toContain('tables.plan_weeks[0].plan.steps[0].modality');
    // Such a week found in storage (written some other way) is made again.
    const userId = await userIdOf(alice);
    const vault = new EncryptedTextVault(testApp.app.services.keys);
    const location = {
      table: 'plan_weeks',
      column: 'plan_ciphertext',
      recordId: before.week,
      ownerId: userId,
    };
    const [row] = (await selectRows(testApp.database, 'plan_weeks', 'user_id', userId)) as {
      plan_ciphertext: string;
    }[];
    const stored = JSON.parse(await vault.open(location, row?.plan_ciphertext ?? ''));
    for (const step of stored.plan.steps) {
      step.focus = 'zzz';
      step.modality = 'astrology';
    }
    await testApp.database.db
      .updateTable('plan_weeks')
      .set({ plan_ciphertext: await vault.seal(location, JSON.stringify(stored)) })
      .where('user_id', '=', userId)
      .execute();
    const logged = vi.spyOn(testApp.app.log, 'error');
    try {
      const plan = await getPlan(alice);
      expect(plan.steps.length).toBeGreaterThanOrEqual(3);
      expect(plan.steps.map((step: Step) => step.exerciseId)).toEqual(
        before.steps.map((step: Step) => step.exerciseId),
      );
      expect(JSON.stringify(plan)).not.toMatch(/zzz|astrology/);
    } finally {
      logged.mockRestore();
    }
  });

  it('reads a week stored before reasons were descriptors (plain English reasons) without a 500', async () => {
    const client = await somebody();
    await takeCheck(client);
    const plan = await getPlan(client);
    const userId = await userIdOf(client);
    const vault = new EncryptedTextVault(testApp.app.services.keys);
    const location = {
      table: 'plan_weeks',
      column: 'plan_ciphertext',
      recordId: plan.week,
      ownerId: userId,
    };
    const [row] = (await selectRows(testApp.database, 'plan_weeks', 'user_id', userId)) as {
      plan_ciphertext: string;
    }[];
    const stored = JSON.parse(await vault.open(location, row?.plan_ciphertext ?? ''));
    // The old shape: every reason a plain string.
    const old = JSON.parse(JSON.stringify(stored), (name, value) =>
      (name === 'reason' || name === 'reasons') && value !== null
        ? Array.isArray(value)
          ? value.map((reason: PlanMessage) => renderPlanMessage(reason))
          : renderPlanMessage(value as PlanMessage)
        : value,
    );
    expect(typeof old.plan.steps[0].reason).toBe('string');
    await testApp.database.db
      .updateTable('plan_weeks')
      .set({ plan_ciphertext: await vault.seal(location, JSON.stringify(old)) })
      .where('user_id', '=', userId)
      .execute();
    const read = await getPlan(client);
    expect(read.steps.map((step: Step) => step.reason)).toEqual(
      plan.steps.map((step: Step) => step.reason),
    );
    expect(read.recommendation.reasons).toEqual(plan.recommendation.reasons);
    expect(read.steps[0].reasonMessage).toEqual({
      key: 'plan.legacy',
      values: { text: plan.steps[0].reason },
    });
    const swap = await client.post(`/api/plan/steps/${(plan.steps[0] as Step).id}/swap`);
    expect(swap.status, swap.text.slice(0, 300)).toBe(200);
  });

  it('leaves a step for this week: skipped in its place, no minutes, 409 again, 404 for anyone else', async () => {
    const client = await somebody();
    await takeCheck(client);
    const plan = await getPlan(client);
    const step = plan.steps[1] as Step;
    const skipped = await client.post(`/api/plan/steps/${step.id}/skip`);
    expect(skipped.status, skipped.text.slice(0, 300)).toBe(200);
    expect(skipped.body.step).toMatchObject({ id: step.id, status: 'skipped' });
    expect(skipped.body.plan.steps[1]).toMatchObject({ id: step.id, status: 'skipped' });
    expect(skipped.body.plan.minutes.planned).toBe(
      plan.minutes.planned - exerciseById(step.exerciseId).minutes,
    );
    const after = await getPlan(client);
    expect(after).toEqual(skipped.body.plan);
    expect(after.steps.filter((other: Step) => other.exerciseId === step.exerciseId)).toHaveLength(
      1,
    );

    const again = await client.post(`/api/plan/steps/${step.id}/skip`);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('plan_step_not_skippable');
    const swap = await client.post(`/api/plan/steps/${step.id}/swap`);
    expect(swap.status).toBe(409);

    const missing = await client.post('/api/plan/steps/2026-W01-nothing/skip');
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('plan_step_not_found');
    const other = await somebody();
    await takeCheck(other);
    const foreign = await other.post(`/api/plan/steps/${(plan.steps[0] as Step).id}x/skip`);
    expect(foreign.status).toBe(404);
    const otherPlan = await getPlan(other);
    const stranger = await somebody();
    const theirs = await stranger.post(`/api/plan/steps/${(otherPlan.steps[0] as Step).id}/skip`);
    expect(theirs.status).toBe(404);
    expect(theirs.body.error.code).toBe(missing.body.error.code);
    expect((await getPlan(other)).steps[0].status).toBe('todo');
  });

  it('deleting the finished entry makes its step to do again, unless another finished one still counts', async () => {
    const client = await somebody();
    await takeCheck(client);
    const plan = await getPlan(client);
    const step = plan.steps[0] as Step;
    const first = await completeEntry(client, step.exerciseId);
    const second = await completeEntry(client, step.exerciseId);
    expect((await getPlan(client)).steps[0]).toMatchObject({ id: step.id, status: 'done' });

    const removeFirst = await client.delete(`/api/exercises/${step.exerciseId}/entries/${first}`);
    expect(removeFirst.status).toBe(204);
    expect((await getPlan(client)).steps[0]).toMatchObject({ id: step.id, status: 'done' });

    const removeSecond = await client.delete(`/api/exercises/${step.exerciseId}/entries/${second}`);
    expect(removeSecond.status).toBe(204);
    const after = await getPlan(client);
    const same = after.steps.find((other: Step) => other.id === step.id);
    expect(same).toMatchObject({ status: 'todo' });
    expect(after.steps.filter((other: Step) => other.status === 'done')).toEqual([]);
  });
});
