import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CURRENT_PRIVACY_NOTICE } from '../../core/consent/privacy-notice';
import { CURRENT_RESEARCH_NOTICE } from '../../core/consent/research-notice';
import { SAFETY_PLAN_SECTIONS } from '../../core/safety/safety-plan';
import { answersAt, partialAnswers } from '../factories/closeness-check.factory';
import { buildSignUp, signUp, type SignedUpUser } from '../factories/user.factory';
import { TestClient, type HttpMethod, type TestResponse } from '../support/http-client';
import { signUpWithConsent, writeCheckin, writeEntry } from '../support/personal-data';
import { listRoutes } from '../support/routes';
import { createTestApp, dbAvailable, type TestApp } from '../support/test-app';

/**
 * The route-by-role matrix: every registered route, and what each kind of caller gets from
 * it with a valid request. A route that is registered but has no row here fails the first
 * test, so no new route reaches production without someone deciding who may call it.
 *
 * Roles: `anonymous` (no session), `signedIn` (a session, no consent to the privacy
 * notice), `owner` (a session and consent; on routes with an :id, the record is theirs) and
 * `other` (a session and consent, using the owner's :id: only for routes with an :id).
 *
 * HEAD routes are Fastify's automatic HEAD of each GET route: each is checked against its
 * GET's row (same status, no body) and needs no row of its own.
 */

type Role = 'anonymous' | 'signedIn' | 'owner' | 'other';
const ROLES: readonly Role[] = ['anonymous', 'signedIn', 'owner', 'other'];

interface World {
  clients: Record<Role, TestClient>;
  people: Record<Exclude<Role, 'anonymous'>, SignedUpUser>;
  /** A new journal entry of the owner's, for a route that reads, changes or deletes one. */
  newEntryId(): Promise<string>;
  newCheckinId(): Promise<string>;
  /** A new Closeness Check response of the owner's. */
  newCheckResponseId(): Promise<string>;
  /** A new draft of the owner's in the exercise EXERCISE. */
  newExerciseEntryId(): Promise<string>;
  /** A step still to do in the owner's plan this week (after a Check, if they had none). */
  stepToSwap(): Promise<string>;
  /** An in-app reminder of the owner's that has just fallen due (the clock moves a minute). */
  newDueReminderId(): Promise<string>;
  /** The path of a new calendar feed of the owner's. */
  newFeedPath(): Promise<string>;
  learnSlug: string;
}

interface Call {
  /** The concrete path; default: the route's own pattern (for routes without parameters). */
  path?: string;
  body?: unknown;
}

interface Row {
  anonymous: number;
  signedIn: number;
  owner: number;
  /** Only, and always, for routes with an :id. */
  other?: number;
  /** Builds a valid request for this role. */
  call?: (world: World, role: Role) => Call | Promise<Call>;
  /**
   * The request ends or changes the caller's session, account or consent: it runs on a world
   * of its own so the other rows keep theirs.
   */
  fresh?: boolean;
  /** An error code a role gets instead of the usual one for its status. */
  codes?: Partial<Record<Role, string>>;
}

const ENTRY = { text: 'A calm day by the sea, and a long walk.', mood: 6, tags: ['sea'] };
const CHECKIN = { mood: 6, closeness: 5, stress: 3, note: 'Slept well.' };
const PLAN = {
  sections: Object.fromEntries(
    SAFETY_PLAN_SECTIONS.map((section) => [section, [`A step for ${section}`]]),
  ),
};
const CHECK = '/api/assessments/closeness-check';
const EXERCISE = '/api/exercises/thought-record';
const EXERCISE_VALUES = { thought: { thought: 'They will think I am too much.', belief: 70 } };
const PLAN_ZONE = encodeURIComponent('America/New_York');
const PUBLIC = { anonymous: 200, signedIn: 200, owner: 200 };
const SIGNED_IN = { anonymous: 401, signedIn: 200, owner: 200 };
const HEALTH_DATA = { anonymous: 401, signedIn: 403, owner: 200 };
const password = (world: World, role: Role) =>
  role === 'anonymous' ? 'not a session' : world.people[role].password;

const MATRIX: Record<string, Row> = {
  'GET /healthz': PUBLIC,
  'GET /api/openapi.json': PUBLIC,
  'GET /help': PUBLIC,
  'GET /help.css': PUBLIC,
  'GET /help.js': PUBLIC,
  'GET /sw.js': PUBLIC,
  'GET /*': { ...PUBLIC, call: () => ({ path: '/journal' }) },
  'GET /api/learn': PUBLIC,
  'GET /api/learn/:slug': {
    ...PUBLIC,
    call: (world) => ({ path: `/api/learn/${world.learnSlug}` }),
  },
  'GET /api/consent': PUBLIC,
  'GET /api/consent/research': PUBLIC,
  'GET /api/assessments/closeness-check': PUBLIC,
  'GET /api/assessments/closeness-check/definitions/:version': {
    ...PUBLIC,
    call: () => ({ path: `${CHECK}/definitions/1` }),
  },
  // Anonymous aggregate figures about the questions, not about anyone.
  'GET /api/assessments/closeness-check/psychometrics': PUBLIC,

  // Accounts and sessions.
  'POST /api/auth/signup': {
    anonymous: 201,
    signedIn: 201,
    owner: 201,
    fresh: true,
    call: () => ({ body: buildSignUp() }),
  },
  'POST /api/auth/login': {
    ...PUBLIC,
    fresh: true,
    call: (world, role) => {
      const person = world.people[role === 'anonymous' ? 'owner' : (role as 'owner')];
      return { body: { login: person.login, password: person.password } };
    },
  },
  'POST /api/auth/logout': { anonymous: 204, signedIn: 204, owner: 204, fresh: true },
  'GET /api/auth/session': SIGNED_IN,
  'GET /api/me': SIGNED_IN,
  'DELETE /api/me': {
    anonymous: 401,
    signedIn: 204,
    owner: 204,
    fresh: true,
    call: (world, role) => ({ body: { password: password(world, role) } }),
  },
  'POST /api/consent': {
    anonymous: 401,
    signedIn: 204,
    owner: 204,
    fresh: true,
    call: () => ({ body: { version: CURRENT_PRIVACY_NOTICE.version } }),
  },
  'DELETE /api/consent': { anonymous: 401, signedIn: 204, owner: 204, fresh: true },
  // Research consent is its own choice: a session is enough to give or withdraw it.
  'POST /api/consent/research': {
    anonymous: 401,
    signedIn: 204,
    owner: 204,
    fresh: true,
    call: () => ({ body: { version: CURRENT_RESEARCH_NOTICE.version } }),
  },
  'DELETE /api/consent/research': { anonymous: 401, signedIn: 204, owner: 204, fresh: true },

  // My data: export and access log need a session, not consent (a person who withdrew it
  // must still be able to take their data and go).
  'GET /api/me/export': SIGNED_IN,
  'GET /api/me/access-log': SIGNED_IN,
  // Importing one's own export writes health records: a session and consent, into a new account.
  'POST /api/me/import': {
    ...HEALTH_DATA,
    owner: 201,
    fresh: true,
    call: () => ({
      body: {
        format: 'closer-export',
        version: 1,
        exportedAt: '2026-01-01T00:00:00.000Z',
        tables: {},
      },
    }),
  },

  // Health data: a session and consent.
  'POST /api/journal': { ...HEALTH_DATA, owner: 201, call: () => ({ body: ENTRY }) },
  'GET /api/journal': HEALTH_DATA,
  'GET /api/journal/:id': {
    ...HEALTH_DATA,
    other: 404,
    call: async (world) => ({ path: `/api/journal/${await world.newEntryId()}` }),
  },
  'PUT /api/journal/:id': {
    ...HEALTH_DATA,
    other: 404,
    call: async (world) => ({ path: `/api/journal/${await world.newEntryId()}`, body: ENTRY }),
  },
  'DELETE /api/journal/:id': {
    ...HEALTH_DATA,
    owner: 204,
    other: 404,
    call: async (world) => ({ path: `/api/journal/${await world.newEntryId()}` }),
  },
  'POST /api/checkins': { ...HEALTH_DATA, owner: 201, call: () => ({ body: CHECKIN }) },
  'GET /api/checkins': HEALTH_DATA,
  'GET /api/checkins/:id': {
    ...HEALTH_DATA,
    other: 404,
    call: async (world) => ({ path: `/api/checkins/${await world.newCheckinId()}` }),
  },
  'PUT /api/checkins/:id': {
    ...HEALTH_DATA,
    other: 404,
    call: async (world) => ({
      path: `/api/checkins/${await world.newCheckinId()}`,
      body: CHECKIN,
    }),
  },
  'GET /api/safety-plan': HEALTH_DATA,
  'PUT /api/safety-plan': { ...HEALTH_DATA, call: () => ({ body: PLAN }) },
  'GET /api/assessments/closeness-check/draft': HEALTH_DATA,
  'PUT /api/assessments/closeness-check/draft': {
    ...HEALTH_DATA,
    call: () => ({ body: { answers: partialAnswers(6) } }),
  },
  'DELETE /api/assessments/closeness-check/draft': { ...HEALTH_DATA, owner: 204 },
  'POST /api/assessments/closeness-check/responses': {
    ...HEALTH_DATA,
    owner: 201,
    call: () => ({ body: { answers: answersAt(3) } }),
  },
  'GET /api/assessments/closeness-check/responses': HEALTH_DATA,
  'GET /api/assessments/closeness-check/responses/:id': {
    ...HEALTH_DATA,
    other: 404,
    call: async (world) => ({ path: `${CHECK}/responses/${await world.newCheckResponseId()}` }),
  },

  // The exercise library is public; entries are health data.
  'GET /api/exercises': PUBLIC,
  'GET /api/exercises/:exerciseId': { ...PUBLIC, call: () => ({ path: EXERCISE }) },
  'POST /api/exercises/:exerciseId/entries': {
    ...HEALTH_DATA,
    owner: 201,
    call: () => ({ path: `${EXERCISE}/entries`, body: { values: EXERCISE_VALUES } }),
  },
  'GET /api/exercises/:exerciseId/entries': {
    ...HEALTH_DATA,
    call: () => ({ path: `${EXERCISE}/entries` }),
  },
  'GET /api/exercises/:exerciseId/entries/:id': {
    ...HEALTH_DATA,
    other: 404,
    call: async (world) => ({ path: `${EXERCISE}/entries/${await world.newExerciseEntryId()}` }),
  },
  'PUT /api/exercises/:exerciseId/entries/:id': {
    ...HEALTH_DATA,
    other: 404,
    call: async (world) => ({
      path: `${EXERCISE}/entries/${await world.newExerciseEntryId()}`,
      body: { values: EXERCISE_VALUES },
    }),
  },
  'POST /api/exercises/:exerciseId/entries/:id/complete': {
    ...HEALTH_DATA,
    other: 404,
    call: async (world) => ({
      path: `${EXERCISE}/entries/${await world.newExerciseEntryId()}/complete`,
      body: { distress: 4, helpful: 7 },
    }),
  },
  'DELETE /api/exercises/:exerciseId/entries/:id': {
    ...HEALTH_DATA,
    owner: 204,
    other: 404,
    call: async (world) => ({ path: `${EXERCISE}/entries/${await world.newExerciseEntryId()}` }),
  },
  // The plan's week follows the time zone the app sends.
  'GET /api/plan': { ...HEALTH_DATA, call: () => ({ path: `/api/plan?timeZone=${PLAN_ZONE}` }) },
  'GET /api/plan/preferences': HEALTH_DATA,
  // The person's own progress only; the days follow the time zone sent.
  'GET /api/progress': {
    ...HEALTH_DATA,
    call: () => ({ path: `/api/progress?timeZone=${PLAN_ZONE}` }),
  },
  // The session report: the person's own data only; printing is recorded when they say so.
  'GET /api/report': {
    ...HEALTH_DATA,
    call: () => ({ path: `/api/report?timeZone=${PLAN_ZONE}` }),
  },
  'POST /api/report/printed': HEALTH_DATA,
  'PUT /api/plan/preferences': {
    ...HEALTH_DATA,
    call: () => ({
      body: { minutesPerWeek: 90, avoidExercises: ['speaker-listener'], avoidTopics: [] },
    }),
  },
  // Steps belong to the person's own plan: another person's step id is not in theirs.
  'POST /api/plan/steps/:id/swap': {
    ...HEALTH_DATA,
    other: 404,
    codes: { other: 'plan_step_not_found' },
    call: async (world) => ({
      path: `/api/plan/steps/${await world.stepToSwap()}/swap?timeZone=${PLAN_ZONE}`,
    }),
  },
  'POST /api/plan/steps/:id/skip': {
    ...HEALTH_DATA,
    other: 404,
    codes: { other: 'plan_step_not_found' },
    call: async (world) => ({
      path: `/api/plan/steps/${await world.stepToSwap()}/skip?timeZone=${PLAN_ZONE}`,
    }),
  },

  // Reminders hold no health content: a session is enough, so that a person who withdrew
  // consent can still see and stop them. The feed is read by calendar apps with no cookie.
  'GET /api/reminders': SIGNED_IN,
  'PUT /api/reminders': {
    ...SIGNED_IN,
    call: () => ({
      body: { timeZone: 'Europe/London', items: [{ kind: 'plan', days: ['mon'], time: '18:00' }] },
    }),
  },
  'GET /api/reminders/due': SIGNED_IN,
  'POST /api/reminders/due/:id/dismiss': {
    anonymous: 401,
    signedIn: 404,
    owner: 204,
    other: 404,
    call: async (world) => ({
      path: `/api/reminders/due/${await world.newDueReminderId()}/dismiss`,
    }),
  },
  'POST /api/reminders/calendar-feed': { anonymous: 401, signedIn: 201, owner: 201 },
  'DELETE /api/reminders/calendar-feed': { anonymous: 401, signedIn: 204, owner: 204 },
  'GET /api/reminders/calendar/:token': {
    ...PUBLIC,
    call: async (world) => ({ path: await world.newFeedPath() }),
  },
};

/** The error code each refusal must carry, so a 404 from a typo in a path does not pass. */
const CODE_FOR_STATUS: Record<number, string> = {
  401: 'not_signed_in',
  403: 'consent_required',
  404: 'not_found',
};

describe.skipIf(!dbAvailable)('route-by-role matrix', () => {
  let testApp: TestApp;
  let shared: World;

  const buildWorld = async (): Promise<World> => {
    const clients = {
      anonymous: new TestClient(testApp.app),
      signedIn: new TestClient(testApp.app),
      owner: new TestClient(testApp.app),
      other: new TestClient(testApp.app),
    };
    const people = {
      signedIn: await signUp(clients.signedIn),
      owner: await signUpWithConsent(clients.owner),
      other: await signUpWithConsent(clients.other),
    };
    const learn = await clients.anonymous.get('/api/learn');
    expect(learn.status).toBe(200);
    const learnSlug = learn.body[0]?.slug;
    expect(typeof learnSlug, learn.text.slice(0, 200)).toBe('string');
    return {
      clients,
      people,
      learnSlug,
      newEntryId: () => writeEntry(clients.owner, 'An entry of the owner, for the matrix.'),
      newCheckinId: () => writeCheckin(clients.owner, 'A note of the owner, for the matrix.'),
      newCheckResponseId: async () => {
        const response = await clients.owner.post(`${CHECK}/responses`, {
          answers: answersAt(4),
        });
        expect(response.status, response.text).toBe(201);
        return response.body.id as string;
      },
      newExerciseEntryId: async () => {
        const response = await clients.owner.post(`${EXERCISE}/entries`, {
          values: EXERCISE_VALUES,
        });
        expect(response.status, response.text).toBe(201);
        return response.body.entry.id as string;
      },
      stepToSwap: async () => {
        let plan = await clients.owner.get('/api/plan');
        if (plan.body.checkNeeded) {
          const check = await clients.owner.post(`${CHECK}/responses`, { answers: answersAt(4) });
          expect(check.status, check.text).toBe(201);
          plan = await clients.owner.get('/api/plan');
        }
        const step = plan.body.steps.find(
          (candidate: { status: string }) => candidate.status === 'todo',
        );
        expect(step, plan.text).toBeDefined();
        return step.id as string;
      },
      newDueReminderId: async () => {
        const at = new Date(testApp.clock.now().getTime() + 60_000);
        const day = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'][at.getUTCDay()];
        const time = at.toISOString().slice(11, 16);
        const saved = await clients.owner.put('/api/reminders', {
          timeZone: 'UTC',
          items: [{ kind: 'checkin', days: [day], time }],
        });
        expect(saved.status, saved.text).toBe(200);
        testApp.clock.advance(1);
        await testApp.app.services.reminderScheduler.tick();
        const due = await clients.owner.get('/api/reminders/due');
        expect(due.body.reminders.length, due.text).toBeGreaterThan(0);
        return due.body.reminders[0].id as string;
      },
      newFeedPath: async () => {
        const made = await clients.owner.post('/api/reminders/calendar-feed');
        expect(made.status, made.text).toBe(201);
        return new URL(made.body.url as string).pathname;
      },
    };
  };

  beforeAll(async () => {
    testApp = await createTestApp({ withWebBuild: true });
    shared = await buildWorld();
  });
  afterAll(() => testApp.close());

  const key = (route: { method: string; url: string }) => `${route.method} ${route.url}`;

  it('has a row for every registered route, and no row for a route that is not registered', () => {
    const registered = listRoutes(testApp.app);
    expect(registered.length).toBeGreaterThan(30);
    const withoutRow = registered
      .filter((route) =>
        route.method === 'HEAD' ? !(`GET ${route.url}` in MATRIX) : !(key(route) in MATRIX),
      )
      .map(key);
    expect(withoutRow, 'registered routes with no row in the matrix').toEqual([]);
    const registeredKeys = new Set(registered.map(key));
    const stale = Object.keys(MATRIX).filter((entry) => !registeredKeys.has(entry));
    expect(stale, 'rows for routes that are not registered').toEqual([]);
    // Every GET has its automatic HEAD, so checking HEAD against the GET's row covers it.
    for (const route of registered.filter((candidate) => candidate.method === 'HEAD')) {
      expect(registeredKeys.has(`GET ${route.url}`), key(route)).toBe(true);
    }
  });

  it('rows for routes with an :id say what another person gets, and only those', () => {
    for (const [entry, row] of Object.entries(MATRIX)) {
      expect(row.other !== undefined, entry).toBe(/\/:id(\/|$)/.test(entry));
    }
  });

  const check = async (
    world: World,
    method: HttpMethod,
    url: string,
    row: Row,
    role: Role,
  ): Promise<void> => {
    const expected = row[role];
    if (expected === undefined) return;
    const call = (await row.call?.(world, role)) ?? {};
    const path = call.path ?? url;
    const response: TestResponse = await world.clients[role].request(method, path, {
      ...(call.body === undefined ? {} : { body: call.body }),
    });
    const label = `${role}: ${method} ${path}`;
    expect(response.status, `${label} → ${response.text.slice(0, 300)}`).toBe(expected);
    const code = row.codes?.[role] ?? CODE_FOR_STATUS[expected];
    if (code && method !== 'HEAD') expect(response.body?.error?.code, label).toBe(code);
    if (method === 'HEAD') expect(response.text, label).toBe('');
  };

  it.each(Object.entries(MATRIX))('%s', async (entry, row) => {
    const [method, url] = entry.split(' ') as [HttpMethod, string];
    const world = row.fresh ? await buildWorld() : shared;
    for (const role of ROLES) {
      await check(world, method, url, row, role);
      if (method === 'GET' && !row.fresh) await check(world, 'HEAD', url, row, role);
    }
  });
});
