import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../server/src/app';
import { newPassword, signUp } from '../factories/user.factory';
import { TestClient, type HttpMethod } from '../support/http-client';
import { createTestApp, dbAvailable, type TestApp } from '../support/test-app';

const STATE_CHANGING: HttpMethod[] = ['POST', 'PUT', 'PATCH', 'DELETE'];

/** A route on every method, so the rule is checked for PUT and PATCH too (no real route has them yet). */
function addProbeRoutes(app: App): void {
  for (const method of [...STATE_CHANGING, 'GET'] as const) {
    app.route({ method, url: '/api/test/probe', handler: async () => ({ method }) });
  }
}

describe.skipIf(!dbAvailable)('CSRF protection', () => {
  let testApp: TestApp;
  let currentVersion: string;

  beforeAll(async () => {
    testApp = await createTestApp({ extend: addProbeRoutes });
    currentVersion = (await new TestClient(testApp.app).get('/api/consent')).body.version;
  });
  afterAll(() => testApp.close());

  const expectCsrfFailure = (response: { status: number; body: any }) => {
    expect(response.status).toBe(403);
    expect(response.body).toEqual({ error: { code: 'csrf_failed', message: expect.any(String) } });
  };

  it.each(STATE_CHANGING)('%s with a session needs the x-csrf-token header', async (method) => {
    const browser = new TestClient(testApp.app);
    const person = await signUp(browser);
    const other = await signUp(new TestClient(testApp.app));

    expectCsrfFailure(await browser.request(method, '/api/test/probe', { csrf: false }));
    expectCsrfFailure(await browser.request(method, '/api/test/probe', { csrf: '' }));
    expectCsrfFailure(
      await browser.request(method, '/api/test/probe', { csrf: `${person.csrfToken}x` }),
    );
    expectCsrfFailure(
      await browser.request(method, '/api/test/probe', { csrf: person.csrfToken.slice(1) }),
    );
    // Another person's token is no good either.
    expectCsrfFailure(await browser.request(method, '/api/test/probe', { csrf: other.csrfToken }));

    const allowed = await browser.request(method, '/api/test/probe');
    expect(allowed.status).toBe(200);
    expect(allowed.body).toEqual({ method });
  });

  it('does not ask for the token on safe methods', async () => {
    const browser = new TestClient(testApp.app);
    await signUp(browser);
    expect((await browser.get('/api/test/probe', { csrf: false })).status).toBe(200);
    expect((await browser.get('/api/me')).status).toBe(200);
  });

  it('blocks the real routes, and a blocked request changes nothing', async () => {
    const browser = new TestClient(testApp.app);
    const person = await signUp(browser);

    expectCsrfFailure(
      await browser.post('/api/consent', { version: currentVersion }, { csrf: false }),
    );
    expect((await browser.get('/api/consent')).body.consent.current).toBe(false);
    expect((await browser.post('/api/consent', { version: currentVersion })).status).toBe(204);

    expectCsrfFailure(await browser.delete('/api/consent', { csrf: 'forged' }));
    expect((await browser.get('/api/consent')).body.consent.current).toBe(true);

    expectCsrfFailure(await browser.post('/api/auth/logout', undefined, { csrf: false }));
    expect((await browser.get('/api/me')).status).toBe(200);

    // Signing in or up over a live session is state-changing too (it ends that session).
    expectCsrfFailure(
      await browser.post(
        '/api/auth/login',
        { login: person.login, password: person.password },
        { csrf: false },
      ),
    );
    expectCsrfFailure(
      await browser.post(
        '/api/auth/signup',
        { username: 'csrf-victim', password: newPassword() },
        { csrf: false },
      ),
    );
    expect((await browser.get('/api/me')).body.user.id).toBe(person.user.id);
  });

  it('does not block requests made without a session', async () => {
    const stranger = new TestClient(testApp.app);
    const person = await signUp(new TestClient(testApp.app));

    expect((await stranger.request('POST', '/api/test/probe', { csrf: false })).status).toBe(200);
    expect((await stranger.post('/api/auth/logout', undefined, { csrf: false })).status).toBe(204);
    const login = await stranger.post(
      '/api/auth/login',
      { login: person.login, password: person.password },
      { csrf: false },
    );
    expect(login.status).toBe(200);
    // Without a session, consent is refused for being signed out, not for CSRF.
    const anonymous = new TestClient(testApp.app);
    const consent = await anonymous.post(
      '/api/consent',
      { version: currentVersion },
      { csrf: false },
    );
    expect(consent.status).toBe(401);
    expect(consent.body.error.code).toBe('not_signed_in');
  });

  it('treats a dead session cookie as no session', async () => {
    const browser = new TestClient(testApp.app);
    browser.setCookie('closer_session', 'no-such-session');
    const response = await browser.request('POST', '/api/test/probe', { csrf: false });
    expect(response.status).toBe(200);
  });
});
