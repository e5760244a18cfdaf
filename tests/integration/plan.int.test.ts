import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { exerciseById } from '../../core/exercises/catalogue';
import { NEED_PHRASES } from '../../core/plan/need-words';
import { answersAt, SAFETY } from '../factories/closeness-check.factory';
import { TestClient } from '../support/http-client';
import { selectRows, signUpWithConsent } from '../support/personal-data';
import { flipOneByte } from '../support/tamper';
import { createTestApp, dbAvailable, type TestApp } from '../support/test-app';

/**
 * The weekly plan over HTTP, on both databases: nothing until the Closeness Check; then 3–6
 * steps whose reasons name the person's highest sign; a step done once its exercise is
 * completed; a swap for another exercise for the same need; help first and no exposure when
 * the safety answers are urgent; preferences; the plan encrypted at rest; a step started once
 * a draft of its exercise is saved; the week counted on the person's own calendar; a new Check
 * in the same week choosing the steps still to do again; a damaged stored plan made again.
 */

const CHECK = '/api/assessments/closeness-check/responses';
const SEED = Number(process.env.FUZZ_SEED) || 20_261_127;

interface Step {
  id: string;
  exerciseId: string;
  focus: string | null;
  targets: string[];
  reason: string;
  status: string;
}

describe.skipIf(!dbAvailable)('plan', () => {
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

  /** A Check where sharing is by far the hardest sign. */
  const takeCheck = async (client: TestClient, overrides: Record<string, number> = {}) => {
    const response = await client.post(CHECK, {
      answers: answersAt({ sharing: 5, avoidance: 2, trust: 2, anxiety: 2 }, overrides),
    });
    expect(response.status, response.text.slice(0, 300)).toBe(201);
    return response.body;
  };

  const finish = async (client: TestClient, exerciseId: string) => {
    const created = await client.post(`/api/exercises/${exerciseId}/entries`, { values: {} });
    expect(created.status, created.text.slice(0, 300)).toBe(201);
    const done = await client.post(
      `/api/exercises/${exerciseId}/entries/${created.body.entry.id}/complete`,
      { distress: 3, helpful: 7 },
    );
    expect(done.status, done.text.slice(0, 300)).toBe(200);
  };

  const userIdOf = async (client: TestClient): Promise<string> => {
    const me = await client.get('/api/me');
    return me.body.user?.id ?? me.body.id;
  };

  const getPlan = async (client: TestClient, timeZone?: string) => {
    const query = timeZone === undefined ? '' : `?timeZone=${encodeURIComponent(timeZone)}`;
    const response = await client.get(`/api/plan${query}`);
    expect(response.status, response.text.slice(0, 300)).toBe(200);
    return response.body;
  };

  it('asks for the Closeness Check first', async () => {
    const client = await somebody();
    const plan = await getPlan(client);
    expect(plan).toMatchObject({
      checkNeeded: true,
      recommendation: null,
      support: [],
      steps: [],
      minutes: { planned: 0, budget: 60 },
    });
    expect(plan.week).toMatch(/^\d{4}-W\d{2}$/);
  });

  it('after a Check, plans 3–6 steps whose reasons name the highest sign, the same all week', async () => {
    const client = await somebody();
    await takeCheck(client);
    const plan = await getPlan(client);
    expect(plan.checkNeeded).toBe(false);
    expect(plan.recommendation.level).toEqual(expect.any(String));
    expect(plan.steps.length).toBeGreaterThanOrEqual(3);
    expect(plan.steps.length).toBeLessThanOrEqual(6);
    expect(plan.steps[0].reason.toLowerCase()).toContain(NEED_PHRASES.sharing);
    expect(plan.steps.map((step: Step) => step.status)).toEqual(plan.steps.map(() => 'todo'));
    testApp.clock.advance(30);
    expect(await getPlan(client)).toEqual(plan);
  });

  it('marks a step started by a draft of its exercise, and done when it is completed', async () => {
    const client = await somebody();
    await takeCheck(client);
    const plan = await getPlan(client);
    const step = plan.steps[1] as Step;
    const created = await client.post(`/api/exercises/${step.exerciseId}/entries`, { values: {} });
    expect(created.status).toBe(201);
    // A draft is not done, but started (on any device); the other steps are untouched.
    const drafted = await getPlan(client);
    expect(drafted.steps[1].status).toBe('started');
    expect(drafted.steps.filter((other: Step) => other.status === 'started')).toHaveLength(1);
    const done = await client.post(
      `/api/exercises/${step.exerciseId}/entries/${created.body.entry.id}/complete`,
      { distress: 3, helpful: 7 },
    );
    expect(done.status).toBe(200);
    const after = await getPlan(client);
    const same = after.steps.find((candidate: Step) => candidate.id === step.id);
    expect(same.status).toBe('done');
    const swapDone = await client.post(`/api/plan/steps/${step.id}/swap`);
    expect(swapDone.status).toBe(409);
    expect(swapDone.body.error.code).toBe('plan_step_not_swappable');
  });

  it('chooses the steps still to do again after a new Check in the same week, and keeps the done one done', async () => {
    const client = await somebody();
    await takeCheck(client);
    const before = await getPlan(client);
    expect(before.steps[0].reason.toLowerCase()).toContain(NEED_PHRASES.sharing);
    const finished = before.steps[1] as Step;
    await finish(client, finished.exerciseId);
    testApp.clock.advance(1);
    const retake = await client.post(CHECK, {
      answers: answersAt({ trust: 5, sharing: 2, avoidance: 2, anxiety: 2 }),
    });
    expect(retake.status, retake.text.slice(0, 300)).toBe(201);

    const after = await getPlan(client);
    expect(after.week).toBe(before.week);
    const kept = after.steps.find((step: Step) => step.id === finished.id);
    expect(kept).toEqual({ ...finished, status: 'done' });
    const todo = (after.steps as Step[]).filter((step) => step.status === 'todo');
    expect(todo.length).toBeGreaterThanOrEqual(2);
    expect(todo[0]?.reason.toLowerCase()).toContain(NEED_PHRASES.trust);
    for (const step of todo) {
      expect(step.reason.toLowerCase(), step.exerciseId).not.toContain(NEED_PHRASES.sharing);
    }
    // Read again without a new Check: the rebuilt plan stays as it is.
    testApp.clock.advance(30);
    expect(await getPlan(client)).toEqual(after);
  });

  it('counts a step finished at 23:30 on a Sunday in New York for that Sunday’s week', async () => {
    const newYork = 'America/New_York';
    // Sunday 6 December 2026, 23:00 in New York (UTC−5): already Monday 04:00 in UTC. The
    // clock moves forward only, and by less than the session's idle limit.
    testApp.clock.set(new Date('2026-12-07T04:00:00Z'));
    const client = await somebody();
    await takeCheck(client);
    const plan = await getPlan(client, newYork);
    expect(plan.week).toBe('2026-W49');
    expect((await getPlan(client)).week).toBe('2026-W50'); // London's week, the default
    const step = plan.steps[0] as Step;
    const created = await client.post(`/api/exercises/${step.exerciseId}/entries`, { values: {} });
    expect(created.status).toBe(201);
    testApp.clock.set(new Date('2026-12-07T04:30:00Z')); // 23:30 on the Sunday in New York
    const done = await client.post(
      `/api/exercises/${step.exerciseId}/entries/${created.body.entry.id}/complete`,
      { distress: 2, helpful: 8 },
    );
    expect(done.status).toBe(200);
    const sunday = await getPlan(client, newYork);
    expect(sunday.week).toBe('2026-W49');
    expect(sunday.steps.find((candidate: Step) => candidate.id === step.id)?.status).toBe('done');
    // 00:15 on the Monday in New York: a new week, where that Sunday's step does not count.
    testApp.clock.set(new Date('2026-12-07T05:15:00Z'));
    const monday = await getPlan(client, newYork);
    expect(monday.week).toBe('2026-W50');
    expect(monday.steps.map((candidate: Step) => candidate.status)).not.toContain('done');
    const swapped = await client.post(
      `/api/plan/steps/${monday.steps[0].id}/swap?timeZone=${encodeURIComponent(newYork)}`,
    );
    expect(swapped.status, swapped.text.slice(0, 300)).toBe(200);
    expect(swapped.body.plan.week).toBe('2026-W50');
  });

  it('refuses a time zone it does not know with a 400', async () => {
    const client = await somebody();
    await takeCheck(client);
    const plan = await getPlan(client);
    for (const timeZone of ['Mars/Olympus_Mons', 'not a zone', 'Europe/Londres']) {
      const query = `?timeZone=${encodeURIComponent(timeZone)}`;
      const get = await client.get(`/api/plan${query}`);
      expect(get.status, timeZone).toBe(400);
      expect(get.body.error).toEqual({ code: 'time_zone_invalid', message: expect.any(String) });
      const swap = await client.post(`/api/plan/steps/${plan.steps[0].id}/swap${query}`);
      expect(swap.status, timeZone).toBe(400);
      expect(swap.body.error.code).toBe('time_zone_invalid');
    }
    expect((await getPlan(client)).steps).toEqual(plan.steps);
  });

  it('swaps a step for a different exercise for the same need, and keeps the swap', async () => {
    const client = await somebody();
    await takeCheck(client);
    const plan = await getPlan(client);
    const step = plan.steps[0] as Step;
    const response = await client.post(`/api/plan/steps/${step.id}/swap`);
    expect(response.status, response.text.slice(0, 300)).toBe(200);
    const swapped = response.body.step as Step;
    expect(swapped.exerciseId).not.toBe(step.exerciseId);
    expect(swapped.focus).toBe(step.focus);
    expect(exerciseById(swapped.exerciseId).targets).toContain(step.focus);
    expect(response.body.plan.steps.map((candidate: Step) => candidate.id)).toContain(swapped.id);
    expect(response.body.plan.steps.map((candidate: Step) => candidate.id)).not.toContain(step.id);
    const again = await getPlan(client);
    expect(again.steps.map((candidate: Step) => candidate.exerciseId)).toContain(
      swapped.exerciseId,
    );
    expect(again.steps.map((candidate: Step) => candidate.exerciseId)).not.toContain(
      step.exerciseId,
    );
    const missing = await client.post('/api/plan/steps/2026-W01-nothing/swap');
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('plan_step_not_found');
  });

  it('puts help first and pauses exposure when the safety answers are urgent', async () => {
    const client = await somebody();
    await takeCheck(client, { 'safety-self-harm': SAFETY.yes });
    const plan = await getPlan(client);
    expect(plan.recommendation.level).toBe('urgent');
    expect(plan.support[0].kind).toBe('get-help-now');
    expect(plan.support.map((action: { kind: string }) => action.kind)).toContain('safety-plan');
    expect(plan.steps.length).toBeGreaterThanOrEqual(3);
    const paused: string[] = plan.paused.exerciseIds;
    expect(paused).toEqual(expect.arrayContaining(['closeness-ladder', 'behavioural-experiment']));
    expect(plan.paused.reason).toEqual(expect.any(String));
    const seen = new Set<string>();
    for (const step of plan.steps as Step[]) {
      // Swap each step until nothing else fits its need: no exposure ever comes in.
      let current = step;
      for (let swaps = 0; swaps < 8; swaps += 1) {
        seen.add(current.exerciseId);
        expect(paused, current.exerciseId).not.toContain(current.exerciseId);
        expect(exerciseById(current.exerciseId).exposure, current.exerciseId).toBe(false);
        const response = await client.post(`/api/plan/steps/${current.id}/swap`);
        if (response.status === 409) {
          expect(response.body.error.code).toBe('plan_no_swap_available');
          break;
        }
        expect(response.status, response.text.slice(0, 300)).toBe(200);
        current = response.body.step as Step;
      }
    }
    expect(seen.size).toBeGreaterThan(plan.steps.length);
    const final = await getPlan(client);
    for (const step of final.steps as Step[]) {
      expect(paused, step.exerciseId).not.toContain(step.exerciseId);
    }
  });

  it('keeps preferences, validated, and plans with them', async () => {
    const client = await somebody();
    expect((await client.get('/api/plan/preferences')).body).toEqual({
      minutesPerWeek: 60,
      avoidExercises: [],
      avoidTopics: [],
    });
    const bad = [
      { minutesPerWeek: -1, avoidExercises: [], avoidTopics: [] },
      { minutesPerWeek: 60, avoidExercises: ['nope'], avoidTopics: [] },
      { minutesPerWeek: 60, avoidExercises: [], avoidTopics: ['nope'] },
      { minutesPerWeek: 60.5, avoidExercises: [], avoidTopics: [] },
      { minutesPerWeek: 60 },
    ];
    for (const body of bad) {
      const response = await client.put('/api/plan/preferences', body);
      expect(response.status, JSON.stringify(body)).toBe(400);
    }
    const preferences = {
      minutesPerWeek: 90,
      avoidExercises: ['values-compass'],
      avoidTopics: ['childhood-memories'],
    };
    const saved = await client.put('/api/plan/preferences', preferences);
    expect(saved.status).toBe(200);
    expect(saved.body).toEqual(preferences);
    expect((await client.get('/api/plan/preferences')).body).toEqual(preferences);
    await takeCheck(client);
    const plan = await getPlan(client);
    expect(plan.minutes.budget).toBe(90);
    expect(plan.steps.map((step: Step) => step.exerciseId)).not.toContain('values-compass');
  });

  it('stores the plan and preferences encrypted', async () => {
    const client = await somebody();
    await client.put('/api/plan/preferences', {
      minutesPerWeek: 45,
      avoidExercises: [],
      avoidTopics: ['past-relationships'],
    });
    await takeCheck(client);
    const plan = await getPlan(client);
    const me = await client.get('/api/me');
    const userId = me.body.user?.id ?? me.body.id;
    const weeks = await selectRows(testApp.database, 'plan_weeks', 'user_id', userId);
    expect(weeks).toHaveLength(1);
    expect(JSON.stringify(weeks).toLowerCase()).not.toContain(NEED_PHRASES.sharing);
    expect(JSON.stringify(weeks)).not.toContain(plan.steps[0].exerciseId);
    const preferences = await selectRows(testApp.database, 'plan_preferences', 'user_id', userId);
    expect(JSON.stringify(preferences)).not.toContain('past-relationships');
  });

  it('makes a damaged stored plan (one flipped byte) again instead of failing, and logs the incident', async () => {
    const client = await somebody();
    await takeCheck(client);
    const plan = await getPlan(client);
    const userId = await userIdOf(client);
    const [row] = (await selectRows(testApp.database, 'plan_weeks', 'user_id', userId)) as {
      plan_ciphertext: string;
    }[];
    const damaged = flipOneByte((row as { plan_ciphertext: string }).plan_ciphertext);
    await testApp.database.db
      .updateTable('plan_weeks')
      .set({ plan_ciphertext: damaged })
      .where('user_id', '=', userId)
      .where('week', '=', plan.week)
      .execute();

    const logged = vi.spyOn(testApp.app.log, 'error');
    try {
      const rebuilt = await getPlan(client);
      expect(rebuilt).toEqual(plan);
      expect(logged).toHaveBeenCalledWith(
        expect.objectContaining({ err: expect.objectContaining({ code: 'ciphertext_invalid' }) }),
        expect.any(String),
      );
      // Stored again, readable: the next read and a swap work, and log nothing.
      logged.mockClear();
      const [stored] = (await selectRows(testApp.database, 'plan_weeks', 'user_id', userId)) as {
        plan_ciphertext: string;
      }[];
      expect(stored?.plan_ciphertext).not.toBe(damaged);
      expect(await getPlan(client)).toEqual(plan);
      const swap = await client.post(`/api/plan/steps/${plan.steps[0].id}/swap`);
      expect(swap.status, swap.text.slice(0, 300)).toBe(200);
      expect(logged).not.toHaveBeenCalled();
    } finally {
      logged.mockRestore();
    }
  });

  it('never answers random bodies or step ids with a 5xx', async () => {
    const client = await somebody();
    await takeCheck(client);
    await fc.assert(
      fc.asyncProperty(
        fc.jsonValue({ maxDepth: 3 }),
        fc.string({ maxLength: 80 }),
        async (body, stepId) => {
          const put = await client.put('/api/plan/preferences', body);
          expect(put.status, JSON.stringify(body).slice(0, 200)).toBeLessThan(500);
          const swap = await client.post(`/api/plan/steps/${encodeURIComponent(stepId)}/swap`);
          expect(swap.status, stepId).toBeLessThan(500);
        },
      ),
      { seed: SEED, numRuns: 60 },
    );
  });
});
