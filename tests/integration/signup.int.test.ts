import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSignUp, newEmail, newPassword, newUsername, signUp } from '../factories/user.factory';
import { TestClient } from '../support/http-client';
import { createTestApp, dbAvailable, type TestApp } from '../support/test-app';

describe.skipIf(!dbAvailable)('POST /api/auth/signup', () => {
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await createTestApp();
  });
  afterAll(() => testApp.close());

  const client = () => new TestClient(testApp.app);

  it('creates an account with a username: 201 {user, csrfToken} and a session cookie', async () => {
    const browser = client();
    const input = buildSignUp({ username: newUsername() });
    const response = await browser.post('/api/auth/signup', input);

    expect(response.status).toBe(201);
    expect(response.body).toEqual({
      user: {
        id: expect.any(String),
        email: null,
        username: input.username,
        createdAt: expect.any(String),
      },
      csrfToken: expect.any(String),
    });
    expect(response.body.user.createdAt).toBe(testApp.clock.now().toISOString());
    expect(response.body.csrfToken.length).toBeGreaterThanOrEqual(22);

    const cookie = response.setCookies.find((candidate) => candidate.name === 'closer_session');
    expect(cookie).toBeDefined();
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite?.toLowerCase()).toBe('lax');
    expect(cookie?.secure).toBe(false);
    expect(cookie?.path).toBe('/');
    expect(cookie?.domain).toBeUndefined();
    // At least 128 bits of randomness: 22 base64url characters or more.
    expect(cookie?.value.length).toBeGreaterThanOrEqual(22);

    const me = await browser.get('/api/me');
    expect(me.status).toBe(200);
    expect(me.body.user.id).toBe(response.body.user.id);
  });

  it('creates an account with an email address, stored lower-case', async () => {
    const email = newEmail();
    const response = await client().post('/api/auth/signup', {
      email: email.toUpperCase(),
      password: newPassword(),
    });
    expect(response.status).toBe(201);
    expect(response.body.user).toMatchObject({ email, username: null });
  });

  it('needs exactly one of email and username', async () => {
    const both = await client().post('/api/auth/signup', {
      email: newEmail(),
      username: newUsername(),
      password: newPassword(),
    });
    expect(both.status).toBe(400);
    expect(both.body.error.code).toBe('invalid_request');

    const neither = await client().post('/api/auth/signup', { password: newPassword() });
    expect(neither.status).toBe(400);
    expect(neither.body.error.code).toBe('invalid_request');

    const empty = await client().post('/api/auth/signup', {
      username: '',
      email: '',
      password: newPassword(),
    });
    expect(empty.status).toBe(400);
    expect(empty.body.error.code).toBe('invalid_request');
  });

  it('refuses a duplicate username or email whatever its case: 409', async () => {
    const first = await signUp(client(), { username: newUsername() });
    const again = await client().post('/api/auth/signup', {
      username: (first.user.username as string).toUpperCase(),
      password: newPassword(),
    });
    expect(again.status).toBe(409);
    expect(again.body).toEqual({ error: { code: 'account_exists', message: expect.any(String) } });

    const email = newEmail();
    await signUp(client(), { email });
    const emailAgain = await client().post('/api/auth/signup', {
      email: `  ${email.replace('person', 'PERSON')}  `,
      password: newPassword(),
    });
    expect(emailAgain.status).toBe(409);
    expect(emailAgain.body.error.code).toBe('account_exists');
    // A refused sign-up starts no session.
    expect(emailAgain.setCookies).toEqual([]);
  });

  it.each([
    ['seven c', 'password_too_short'],
    ['', 'invalid_request'],
    ['x'.repeat(257), 'password_too_long'],
    ['x'.repeat(1025), 'invalid_request'],
    ['password1', 'password_common'],
    ['iloveyou2', 'password_common'],
    ['PassWord1', 'password_common'],
  ])('refuses the password %j with 400 %s', async (password, code) => {
    const response = await client().post('/api/auth/signup', { username: newUsername(), password });
    expect(response.status).toBe(400);
    expect(response.body).toEqual({ error: { code, message: expect.any(String) } });
    expect(response.setCookies).toEqual([]);
  });

  it('counts the length in characters, so 7 emoji are too short and 8 are enough', async () => {
    const tooShort = await client().post('/api/auth/signup', {
      username: newUsername(),
      password: '🌿'.repeat(7),
    });
    expect(tooShort.status).toBe(400);
    expect(tooShort.body.error.code).toBe('password_too_short');
    const enough = await client().post('/api/auth/signup', {
      username: newUsername(),
      password: '🌿'.repeat(8),
    });
    expect(enough.status).toBe(201);
  });

  it('accepts a 128-character password and one of 256, and the person can sign in with it', async () => {
    for (const length of [128, 256]) {
      const browser = client();
      const password = `${newPassword()}${'z'.repeat(length)}`.slice(0, length);
      expect(password).toHaveLength(length);
      const created = await signUp(browser, { password });
      const login = await client().post('/api/auth/login', { login: created.login, password });
      expect(login.status).toBe(200);
    }
  });

  it.each([
    [{ username: 'ab' }, 'username_invalid'],
    [{ username: 'has space' }, 'username_invalid'],
    [{ username: '-starts-with-dash' }, 'username_invalid'],
    [{ username: 'a'.repeat(33) }, 'username_invalid'],
    [{ username: 'who@example.test' }, 'username_invalid'],
    [{ username: 'a'.repeat(65) }, 'invalid_request'],
    [{ email: 'not-an-email' }, 'email_invalid'],
    [{ email: 'two@@example.test' }, 'email_invalid'],
    [{ email: 'no-dot@example' }, 'email_invalid'],
    [{ email: `${'a'.repeat(250)}@example.test` }, 'email_invalid'],
  ])('refuses the identity %j with 400 %s', async (identity, code) => {
    const response = await client().post('/api/auth/signup', {
      ...identity,
      password: newPassword(),
    });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe(code);
  });

  it.each([
    [{ username: 'extra-props', password: 'quiet harbour lantern', admin: true }],
    [{ username: 42, password: 'quiet harbour lantern' }],
    [{ username: 'no-password' }],
    [['username', 'password']],
    ['a string'],
    [null],
  ])('refuses a malformed body %j with 400 invalid_request', async (body) => {
    const response = await client().post('/api/auth/signup', body);
    expect(response.status).toBe(400);
    expect(['invalid_request', 'invalid_json']).toContain(response.body.error.code);
  });

  it('never echoes the password, and stores it only as an argon2id hash of OWASP strength', async () => {
    const password = `${newPassword()} unmistakable`;
    const created = await signUp(client(), { password });
    expect(created.response.text).not.toContain(password);

    const row = await testApp.database.db
      .selectFrom('users')
      .selectAll()
      .where('id', '=', created.user.id)
      .executeTakeFirstOrThrow();
    expect(Object.values(row).join(' ')).not.toContain(password);
    const match =
      /^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$[A-Za-z0-9+/]+\$[A-Za-z0-9+/]+$/.exec(
        row.password_hash,
      );
    expect(match, row.password_hash).not.toBeNull();
    const [memory, passes, lanes] = (match as RegExpExecArray).slice(1).map(Number);
    expect(memory).toBeGreaterThanOrEqual(19_456);
    expect(passes).toBeGreaterThanOrEqual(2);
    expect(lanes).toBeGreaterThanOrEqual(1);

    // Two people with the same password get different hashes (a random salt each).
    const twin = await signUp(client(), { password });
    const twinRow = await testApp.database.db
      .selectFrom('users')
      .select('password_hash')
      .where('id', '=', twin.user.id)
      .executeTakeFirstOrThrow();
    expect(twinRow.password_hash).not.toBe(row.password_hash);
  });

  it('a refused password is never echoed either', async () => {
    const response = await client().post('/api/auth/signup', {
      username: newUsername(),
      password: 'iloveyou2',
    });
    expect(response.text).not.toContain('iloveyou2');
  });
});

describe.skipIf(!dbAvailable)('POST /api/auth/signup over HTTPS behind a trusted proxy', () => {
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await createTestApp({ env: { TRUST_PROXY: '1' } });
  });
  afterAll(() => testApp.close());

  it('sets a __Host- prefixed, Secure, HttpOnly, SameSite=Lax cookie and HSTS', async () => {
    const browser = new TestClient(testApp.app, { https: true });
    const created = await signUp(browser);

    const cookie = created.response.setCookies.find(
      (candidate) => candidate.name === '__Host-closer_session',
    );
    expect(cookie, JSON.stringify(created.response.setCookies)).toBeDefined();
    expect(cookie?.secure).toBe(true);
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite?.toLowerCase()).toBe('lax');
    // What browsers require of a __Host- cookie: Path=/ and no Domain.
    expect(cookie?.path).toBe('/');
    expect(cookie?.domain).toBeUndefined();
    expect(
      created.response.setCookies.some((candidate) => candidate.name === 'closer_session'),
    ).toBe(false);

    const hsts = String(created.response.headers['strict-transport-security'] ?? '');
    expect(hsts).toMatch(/max-age=(\d+)/);
    expect(Number(/max-age=(\d+)/.exec(hsts)?.[1])).toBeGreaterThanOrEqual(31_536_000);

    const me = await browser.get('/api/me');
    expect(me.status).toBe(200);
    expect(me.headers['strict-transport-security']).toBeDefined();
  });

  it('sends no HSTS and a plain cookie when the same app is reached over http', async () => {
    const browser = new TestClient(testApp.app);
    const created = await signUp(browser);
    expect(created.response.headers['strict-transport-security']).toBeUndefined();
    expect(created.response.setCookies.map((cookie) => cookie.name)).toEqual(['closer_session']);
  });

  it('ignores x-forwarded-proto when the proxy is not trusted', async () => {
    const untrusting = await createTestApp();
    try {
      const browser = new TestClient(untrusting.app, { https: true });
      const created = await signUp(browser);
      expect(created.response.headers['strict-transport-security']).toBeUndefined();
      expect(created.response.setCookies.map((cookie) => cookie.name)).toEqual(['closer_session']);
    } finally {
      await untrusting.close();
    }
  });
});
