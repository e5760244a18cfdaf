import { createHash } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { signUp } from '../factories/user.factory';
import { TestClient } from '../support/http-client';
import { createTestApp, dbAvailable, type TestApp } from '../support/test-app';

const IDLE_MINUTES = 60;
const ABSOLUTE_HOURS = 12;

describe.skipIf(!dbAvailable)('sessions', () => {
  let testApp: TestApp;
  let browser: TestClient;

  // One app for the file: each test has its own browser and accounts.
  beforeAll(async () => {
    testApp = await createTestApp();
  });
  afterAll(() => testApp.close());
  beforeEach(() => {
    browser = new TestClient(testApp.app);
  });

  const sessionsOf = (userId: string) =>
    testApp.database.db.selectFrom('sessions').selectAll().where('user_id', '=', userId).execute();

  it('stores only the SHA-256 of the cookie token, never the token itself', async () => {
    const person = await signUp(browser);
    const token = browser.sessionCookie()?.value as string;
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const rows = await sessionsOf(person.user.id);
    expect(rows).toHaveLength(1);
    const row = rows[0] as (typeof rows)[number];
    expect(row.id).toBe(createHash('sha256').update(token).digest('hex'));
    expect(row.id).toMatch(/^[0-9a-f]{64}$/);
    expect(row.user_id).toBe(person.user.id);
    expect(row.csrf_token).toBe(person.csrfToken);
    expect(JSON.stringify(rows)).not.toContain(token);
  });

  it('GET /api/auth/session: 200 {user, csrfToken} signed in, 401 signed out', async () => {
    const signedOut = await browser.get('/api/auth/session');
    expect(signedOut.status).toBe(401);
    expect(signedOut.body).toEqual({
      error: { code: 'not_signed_in', message: expect.any(String) },
    });

    const person = await signUp(browser);
    const session = await browser.get('/api/auth/session');
    expect(session.status).toBe(200);
    expect(session.body).toEqual({ user: person.user, csrfToken: person.csrfToken });

    const me = await browser.get('/api/me');
    expect(me.status).toBe(200);
    expect(me.body).toEqual({ user: person.user });
  });

  it('GET /api/me answers 401 with an error body when signed out or with a made-up cookie', async () => {
    const signedOut = await browser.get('/api/me');
    expect(signedOut.status).toBe(401);
    expect(signedOut.body.error.code).toBe('not_signed_in');

    browser.setCookie('closer_session', 'made-up');
    const forged = await browser.get('/api/me');
    expect(forged.status).toBe(401);
    // The useless cookie is cleared.
    expect(browser.sessionCookie()).toBeUndefined();
  });

  it('logout: 204, the cookie is cleared, and the same cookie replayed gets 401', async () => {
    const person = await signUp(browser);
    const token = browser.sessionCookie()?.value as string;

    const logout = await browser.post('/api/auth/logout');
    expect(logout.status).toBe(204);
    expect(logout.text).toBe('');
    expect(browser.sessionCookie()).toBeUndefined();
    expect(await sessionsOf(person.user.id)).toEqual([]);

    const replay = new TestClient(testApp.app);
    replay.setCookie('closer_session', token);
    expect((await replay.get('/api/me')).status).toBe(401);
    expect((await replay.get('/api/auth/session')).status).toBe(401);
  });

  it('logout without a session still answers 204', async () => {
    const response = await browser.post('/api/auth/logout');
    expect(response.status).toBe(204);
  });

  it(`ends a session idle for ${IDLE_MINUTES} minutes, and activity keeps it alive`, async () => {
    const person = await signUp(browser);
    testApp.clock.advance(IDLE_MINUTES - 1);
    expect((await browser.get('/api/me')).status).toBe(200);
    // Activity moved the idle deadline on.
    testApp.clock.advance(IDLE_MINUTES - 1);
    expect((await browser.get('/api/me')).status).toBe(200);

    testApp.clock.advance(IDLE_MINUTES);
    const timedOut = await browser.get('/api/me');
    expect(timedOut.status).toBe(401);
    expect(timedOut.body.error.code).toBe('not_signed_in');
    expect(browser.sessionCookie()).toBeUndefined();
    // Deleted on sight, not just refused.
    expect(await sessionsOf(person.user.id)).toEqual([]);
  });

  it(`ends a session after ${ABSOLUTE_HOURS} hours however active it is`, async () => {
    await signUp(browser);
    const token = browser.sessionCookie()?.value as string;
    for (let minutes = 30; minutes < ABSOLUTE_HOURS * 60; minutes += 30) {
      testApp.clock.advance(30);
      expect((await browser.get('/api/me')).status, `after ${minutes} minutes`).toBe(200);
    }
    testApp.clock.advance(30);
    expect((await browser.get('/api/me')).status).toBe(401);

    // And the same cookie does not come back to life.
    const replay = new TestClient(testApp.app);
    replay.setCookie('closer_session', token);
    expect((await replay.get('/api/me')).status).toBe(401);
  });

  it('signing up again in the same browser ends the earlier session', async () => {
    const firstPerson = await signUp(browser);
    const first = browser.sessionCookie()?.value as string;
    await signUp(browser);
    const replay = new TestClient(testApp.app);
    replay.setCookie('closer_session', first);
    expect((await replay.get('/api/me')).status).toBe(401);
    expect(await sessionsOf(firstPerson.user.id)).toEqual([]);
  });
});
