import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newEmail, newPassword, newUsername, signUp } from '../factories/user.factory';
import { TestClient } from '../support/http-client';
import { createTestApp, dbAvailable, type TestApp } from '../support/test-app';

const WINDOW_MINUTES = 15;
const ACCOUNT_LIMIT = 5;
const CLIENT_LIMIT = 30;

describe.skipIf(!dbAvailable)('POST /api/auth/login', () => {
  let testApp: TestApp;

  // One app for the file: every test uses its own accounts and client addresses, and the
  // clock only moves forward, so tests cannot see each other's throttle windows.
  beforeAll(async () => {
    testApp = await createTestApp();
  });
  afterAll(() => testApp.close());

  const browser = (remoteAddress = '127.0.0.1') => new TestClient(testApp.app, { remoteAddress });

  it('signs in with a username or email, in any case, with a new session cookie each time', async () => {
    const tab = browser();
    const person = await signUp(tab, { username: newUsername() });
    const firstCookie = tab.sessionCookie()?.value;
    expect(firstCookie).toBeDefined();

    const login = await tab.post('/api/auth/login', {
      login: person.login.toUpperCase(),
      password: person.password,
    });
    expect(login.status).toBe(200);
    expect(login.body).toEqual({ user: person.user, csrfToken: expect.any(String) });
    expect(login.body.csrfToken).not.toBe(person.csrfToken);
    const secondCookie = tab.sessionCookie()?.value;
    expect(secondCookie).toBeDefined();
    expect(secondCookie).not.toBe(firstCookie);
    expect(login.setCookies.find((cookie) => cookie.name === 'closer_session')).toMatchObject({
      httpOnly: true,
      secure: false,
      sameSite: 'Lax',
    });

    // The session the browser had before signing in has ended on the server.
    const stale = browser();
    stale.setCookie('closer_session', firstCookie as string);
    expect((await stale.get('/api/me')).status).toBe(401);
    // The new one works.
    expect((await tab.get('/api/me')).status).toBe(200);

    const byEmail = await signUp(browser(), { email: newEmail() });
    const emailLogin = await browser().post('/api/auth/login', {
      login: ` ${byEmail.login.toUpperCase()} `,
      password: byEmail.password,
    });
    expect(emailLogin.status).toBe(200);
    expect(emailLogin.body.user.id).toBe(byEmail.user.id);
  });

  it('gives every sign-in a fresh session, even from a fresh browser', async () => {
    const person = await signUp(browser());
    const first = browser();
    const second = browser();
    await first.post('/api/auth/login', { login: person.login, password: person.password });
    await second.post('/api/auth/login', { login: person.login, password: person.password });
    expect(first.sessionCookie()?.value).not.toBe(second.sessionCookie()?.value);
    // Two devices may be signed in at once.
    expect((await first.get('/api/me')).status).toBe(200);
    expect((await second.get('/api/me')).status).toBe(200);
  });

  it('answers a wrong password and an unknown account with byte-identical 401 bodies', async () => {
    const person = await signUp(browser());
    const wrongPassword = await browser().post('/api/auth/login', {
      login: person.login,
      password: `${person.password}!`,
    });
    const unknownAccount = await browser().post('/api/auth/login', {
      login: newUsername(),
      password: person.password,
    });

    expect(wrongPassword.status).toBe(401);
    expect(unknownAccount.status).toBe(401);
    expect(wrongPassword.body).toEqual({
      error: { code: 'invalid_credentials', message: expect.any(String) },
    });
    expect(unknownAccount.text).toBe(wrongPassword.text);
    expect(wrongPassword.setCookies).toEqual([]);
    expect(unknownAccount.setCookies).toEqual([]);
    const headerNames = (response: typeof wrongPassword) =>
      Object.keys(response.headers)
        .filter((name) => name !== 'date')
        .sort();
    expect(headerNames(unknownAccount)).toEqual(headerNames(wrongPassword));
  });

  it(`locks an account after ${ACCOUNT_LIMIT} failures, even against the right password, with Retry-After`, async () => {
    const person = await signUp(browser());
    const attacker = browser('203.0.113.7');
    for (let attempt = 0; attempt < ACCOUNT_LIMIT; attempt += 1) {
      // The login's case does not matter: it is the same account.
      const login = attempt % 2 === 0 ? person.login : person.login.toUpperCase();
      const response = await attacker.post('/api/auth/login', {
        login,
        password: `wrong ${attempt} ${newPassword()}`,
      });
      expect(response.status).toBe(401);
    }

    const locked = await attacker.post('/api/auth/login', {
      login: person.login,
      password: person.password,
    });
    expect(locked.status).toBe(429);
    expect(locked.body.error.code).toBe('too_many_attempts');
    expect(locked.headers['retry-after']).toBe(String(WINDOW_MINUTES * 60));
    expect(locked.setCookies).toEqual([]);

    // The lock is on the account: the person, from their own device, waits too.
    const owner = await browser('198.51.100.20').post('/api/auth/login', {
      login: person.login,
      password: person.password,
    });
    expect(owner.status).toBe(429);

    // Other accounts are not affected, from another client or from the same one.
    const other = await signUp(browser());
    const fromElsewhere = await browser('198.51.100.21').post('/api/auth/login', {
      login: other.login,
      password: other.password,
    });
    expect(fromElsewhere.status).toBe(200);
    const fromSameClient = await attacker.post('/api/auth/login', {
      login: other.login,
      password: other.password,
    });
    expect(fromSameClient.status).toBe(200);
  });

  it('locks an unknown account the same way, so a lock reveals nothing', async () => {
    const ghost = newUsername();
    const client = browser('203.0.113.8');
    for (let attempt = 0; attempt < ACCOUNT_LIMIT; attempt += 1) {
      expect(
        (await client.post('/api/auth/login', { login: ghost, password: newPassword() })).status,
      ).toBe(401);
    }
    const locked = await client.post('/api/auth/login', { login: ghost, password: newPassword() });
    expect(locked.status).toBe(429);
    expect(locked.headers['retry-after']).toBe(String(WINDOW_MINUTES * 60));
  });

  it('lets the person in again once the window has passed (frozen clock, no sleeping)', async () => {
    const person = await signUp(browser());
    const client = browser('203.0.113.9');
    for (let attempt = 0; attempt < ACCOUNT_LIMIT; attempt += 1) {
      await client.post('/api/auth/login', { login: person.login, password: newPassword() });
    }
    testApp.clock.advance(WINDOW_MINUTES - 1);
    const stillLocked = await client.post('/api/auth/login', {
      login: person.login,
      password: person.password,
    });
    expect(stillLocked.status).toBe(429);
    expect(stillLocked.headers['retry-after']).toBe('60');

    testApp.clock.advance(1);
    const open = await client.post('/api/auth/login', {
      login: person.login,
      password: person.password,
    });
    expect(open.status).toBe(200);
  });

  it('starts a new window after an old one expires, instead of adding to it', async () => {
    const person = await signUp(browser());
    const client = browser('203.0.113.10');
    for (let attempt = 0; attempt < ACCOUNT_LIMIT - 1; attempt += 1) {
      await client.post('/api/auth/login', { login: person.login, password: newPassword() });
    }
    testApp.clock.advance(WINDOW_MINUTES);
    // One more failure after the window: a fresh count of 1, so still not locked.
    await client.post('/api/auth/login', { login: person.login, password: newPassword() });
    const response = await client.post('/api/auth/login', {
      login: person.login,
      password: person.password,
    });
    expect(response.status).toBe(200);
  });

  it('clears the account count after a successful sign-in', async () => {
    const person = await signUp(browser());
    const client = browser('203.0.113.11');
    const fail = () =>
      client.post('/api/auth/login', { login: person.login, password: newPassword() });
    for (let attempt = 0; attempt < ACCOUNT_LIMIT - 1; attempt += 1) await fail();
    expect(
      (await client.post('/api/auth/login', { login: person.login, password: person.password }))
        .status,
    ).toBe(200);
    client.reset();
    for (let attempt = 0; attempt < ACCOUNT_LIMIT - 1; attempt += 1)
      expect((await fail()).status).toBe(401);
    expect(
      (await client.post('/api/auth/login', { login: person.login, password: person.password }))
        .status,
    ).toBe(200);
  });

  it(`limits one client to ${CLIENT_LIMIT} failures across different accounts`, async () => {
    const person = await signUp(browser());
    const sprayer = browser('203.0.113.66');
    for (let attempt = 0; attempt < CLIENT_LIMIT; attempt += 1) {
      const response = await sprayer.post('/api/auth/login', {
        login: `${newUsername()}`,
        password: 'Summer is here 2026',
      });
      expect(response.status).toBe(401);
    }
    const blocked = await sprayer.post('/api/auth/login', {
      login: person.login,
      password: person.password,
    });
    expect(blocked.status).toBe(429);
    expect(blocked.headers['retry-after']).toBe(String(WINDOW_MINUTES * 60));

    // Another client, same account: the account itself was never attacked.
    const elsewhere = await browser('198.51.100.30').post('/api/auth/login', {
      login: person.login,
      password: person.password,
    });
    expect(elsewhere.status).toBe(200);

    testApp.clock.advance(WINDOW_MINUTES);
    const later = await sprayer.post('/api/auth/login', {
      login: person.login,
      password: person.password,
    });
    expect(later.status).toBe(200);
  });

  it('stores throttle keys without the login in clear', async () => {
    const login = newUsername();
    await browser('203.0.113.12').post('/api/auth/login', { login, password: newPassword() });
    const rows = await testApp.database.db.selectFrom('login_throttles').selectAll().execute();
    const keys = rows.map((row) => row.key);
    expect(keys).toContain(`account:${createHash('sha256').update(login).digest('hex')}`);
    expect(keys).toContain('client:203.0.113.12');
    expect(JSON.stringify(rows)).not.toContain(login);
  });
});

describe.skipIf(!dbAvailable)('login throttling across two app instances on one database', () => {
  let first: TestApp;
  let second: TestApp;

  beforeAll(async () => {
    first = await createTestApp();
    second = await createTestApp({ sameDatabaseAs: first });
  });
  afterAll(async () => {
    await second.close();
    await first.close();
  });

  it('counts failures made through either instance against the same account', async () => {
    const person = await signUp(new TestClient(first.app));
    const viaFirst = new TestClient(first.app, { remoteAddress: '203.0.113.40' });
    const viaSecond = new TestClient(second.app, { remoteAddress: '203.0.113.41' });

    for (let attempt = 0; attempt < 3; attempt += 1) {
      expect(
        (await viaFirst.post('/api/auth/login', { login: person.login, password: newPassword() }))
          .status,
      ).toBe(401);
    }
    for (let attempt = 0; attempt < ACCOUNT_LIMIT - 3; attempt += 1) {
      expect(
        (await viaSecond.post('/api/auth/login', { login: person.login, password: newPassword() }))
          .status,
      ).toBe(401);
    }

    const onFirst = await viaFirst.post('/api/auth/login', {
      login: person.login,
      password: person.password,
    });
    const onSecond = await viaSecond.post('/api/auth/login', {
      login: person.login,
      password: person.password,
    });
    expect(onFirst.status).toBe(429);
    expect(onSecond.status).toBe(429);

    // The shared clock moves on, and both instances let the person in.
    first.clock.advance(WINDOW_MINUTES);
    expect(
      (await viaSecond.post('/api/auth/login', { login: person.login, password: person.password }))
        .status,
    ).toBe(200);
  });

  it('counts simultaneous failures on both instances exactly (atomic upsert)', async () => {
    const login = newUsername();
    const attempts = 10;
    const responses = await Promise.all(
      Array.from({ length: attempts }, (_, index) =>
        new TestClient(index % 2 === 0 ? first.app : second.app, {
          remoteAddress: '203.0.113.50',
        }).post('/api/auth/login', { login, password: newPassword() }),
      ),
    );
    // Every one was refused, either as a failure or, once the lock was seen, as throttled.
    for (const response of responses) expect([401, 429]).toContain(response.status);
    const row = await first.database.db
      .selectFrom('login_throttles')
      .selectAll()
      .where('key', '=', 'client:203.0.113.50')
      .executeTakeFirstOrThrow();
    expect(Number(row.failures)).toBe(
      responses.filter((response) => response.status === 401).length,
    );
    expect(responses.filter((response) => response.status === 401).length).toBeGreaterThanOrEqual(
      ACCOUNT_LIMIT,
    );
  });

  it('sees sessions created by the other instance, and sign-out on one ends it on both', async () => {
    const tab = new TestClient(first.app);
    await signUp(tab);
    const sameBrowserOtherServer = new TestClient(second.app);
    sameBrowserOtherServer.adopt(tab);
    expect((await sameBrowserOtherServer.get('/api/me')).status).toBe(200);
    expect((await sameBrowserOtherServer.post('/api/auth/logout')).status).toBe(204);
    expect((await tab.get('/api/me')).status).toBe(401);
  });
});
