import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUp } from '../factories/user.factory';
import { TestClient, type TestResponse } from '../support/http-client';
import { createTestApp, dbAvailable, type TestApp } from '../support/test-app';

function directives(policy: string): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) map.set(name.toLowerCase(), values);
  }
  return map;
}

function expectSecurityHeaders(response: TestResponse, label: string): void {
  const policy = String(response.headers['content-security-policy'] ?? '');
  expect(policy, `${label}: CSP`).not.toBe('');
  expect(policy).not.toContain('unsafe-inline');
  expect(policy).not.toContain('unsafe-eval');
  const csp = directives(policy);
  expect(csp.get('object-src'), label).toEqual(["'none'"]);
  expect(csp.get('base-uri'), label).toEqual(["'none'"]);
  expect(csp.get('frame-ancestors'), label).toEqual(["'none'"]);
  // Scripts only from Closer itself (pages) or none at all (JSON answers): no other origin,
  // no wildcard, no data: scripts.
  const scripts = csp.get('script-src') ?? csp.get('default-src');
  expect([["'self'"], ["'none'"]], label).toContainEqual(scripts);
  for (const [name, values] of csp) {
    for (const value of values) {
      expect(value, `${label}: ${name} allows ${value}`).toMatch(/^('self'|'none'|data:)$/);
    }
    if (name !== 'img-src') expect(values, `${label}: ${name}`).not.toContain('data:');
  }
  expect(response.headers['x-content-type-options'], label).toBe('nosniff');
  expect(response.headers['referrer-policy'], label).toBe('no-referrer');
}

describe.skipIf(!dbAvailable)('security headers', () => {
  let testApp: TestApp;
  let httpsApp: TestApp;

  beforeAll(async () => {
    testApp = await createTestApp({ withWebBuild: true });
    httpsApp = await createTestApp({ withWebBuild: true, env: { TRUST_PROXY: '1' } });
  });
  afterAll(async () => {
    await httpsApp.close();
    await testApp.close();
  });

  it.each([
    '/',
    '/learn/some-article',
    '/help',
    '/help?region=US',
    '/help.css',
    '/help.js',
    '/sw.js',
    '/assets/app-test.js',
  ])('are on the page %s (and it is not cached as API data)', async (url) => {
    const response = await new TestClient(testApp.app).get(url);
    expect(response.status).toBe(200);
    expectSecurityHeaders(response, url);
    expect(response.headers['cache-control']).not.toBe('no-store');
    expect(response.headers['strict-transport-security']).toBeUndefined();
  });

  it('serve HTML for pages', async () => {
    for (const url of ['/', '/help']) {
      const response = await new TestClient(testApp.app).get(url);
      expect(String(response.headers['content-type'])).toMatch(/^text\/html/);
    }
  });

  it.each([
    ['GET', '/api/learn', 200],
    ['GET', '/api/consent', 200],
    ['GET', '/api/openapi.json', 200],
    ['GET', '/api/me', 401],
    ['GET', '/api/auth/session', 401],
    ['GET', '/api/nothing-here', 404],
    ['POST', '/api/nothing-here', 404],
    ['GET', '/healthz', 200],
  ] as const)(
    'are on the API answer %s %s, with Cache-Control: no-store',
    async (method, url, status) => {
      const response = await new TestClient(testApp.app).request(method, url);
      expect(response.status).toBe(status);
      expectSecurityHeaders(response, url);
      expect(response.headers['cache-control']).toBe('no-store');
    },
  );

  it('are on error answers and on signed-in API answers', async () => {
    const browser = new TestClient(testApp.app);
    await signUp(browser);
    for (const response of [
      await browser.get('/api/me'),
      await browser.post('/api/consent', { version: 'nope' }),
      await browser.post('/api/consent', { version: 'nope' }, { csrf: false }),
      await browser.post('/api/auth/signup', undefined, {
        payload: '{',
        headers: { 'content-type': 'application/json' },
      }),
    ]) {
      expectSecurityHeaders(response, `signed in ${response.status}`);
      expect(response.headers['cache-control']).toBe('no-store');
    }
  });

  it('add HSTS over HTTPS behind a trusted proxy, on pages and API answers', async () => {
    for (const url of ['/', '/help', '/api/learn', '/api/me']) {
      const response = await new TestClient(httpsApp.app, { https: true }).get(url);
      expectSecurityHeaders(response, url);
      expect(response.headers['strict-transport-security'], url).toMatch(/max-age=\d{8,}/);
    }
    const plain = await new TestClient(httpsApp.app).get('/api/learn');
    expect(plain.headers['strict-transport-security']).toBeUndefined();
  });
});
