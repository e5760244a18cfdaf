import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newPassword, newUsername, signUp } from '../factories/user.factory';
import { TestClient } from '../support/http-client';
import { createTestApp, dbAvailable, type TestApp } from '../support/test-app';

const errorBody = (code: string) => ({ error: { code, message: expect.any(String) } });

describe.skipIf(!dbAvailable)('errors', () => {
  let testApp: TestApp;
  let client: TestClient;

  beforeAll(async () => {
    testApp = await createTestApp();
    client = new TestClient(testApp.app);
  });
  afterAll(() => testApp.close());

  it.each([
    ['GET', '/api/nothing-here'],
    ['GET', '/api/auth'],
    ['GET', '/api/'],
    ['POST', '/api/nothing-here'],
    ['DELETE', '/api/learn'],
    ['PUT', '/api/consent'],
    ['PATCH', '/api/learn'],
    ['POST', '/healthz'],
    ['POST', '/nothing-here'],
  ] as const)('%s %s → 404 with a JSON error body', async (method, url) => {
    const response = await client.request(method, url);
    expect(response.status).toBe(404);
    expect(String(response.headers['content-type'])).toMatch(/^application\/json/);
    expect(response.body).toEqual(errorBody('not_found'));
  });

  it.each(['/api/learn/%E0%A4%A', '/api/%E0', '/%E0%A4%A', '/help/%ZZ'])(
    'answers the malformed URL %s with 400, the one error body and the security headers',
    async (url) => {
      const response = await client.get(url);
      expect(response.status).toBe(400);
      expect(response.body).toEqual(errorBody('invalid_request'));
      expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      if (url.startsWith('/api/')) expect(response.headers['cache-control']).toBe('no-store');
    },
  );

  it('answers malformed JSON with 400 invalid_json', async () => {
    for (const payload of ['{', '{"username": "x",}', 'not json', '']) {
      const response = await client.post('/api/auth/signup', undefined, {
        payload,
        headers: { 'content-type': 'application/json' },
      });
      expect(response.status, JSON.stringify(payload)).toBe(400);
      expect(response.body, JSON.stringify(payload)).toEqual(errorBody('invalid_json'));
    }
  });

  it('answers a body of the wrong content type with 415', async () => {
    const body = JSON.stringify({ username: newUsername(), password: newPassword() });
    for (const contentType of [
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'application/xml',
    ]) {
      const response = await client.post('/api/auth/signup', undefined, {
        payload: body,
        headers: { 'content-type': contentType },
      });
      expect(response.status, contentType).toBe(415);
      expect(response.body, contentType).toEqual(errorBody('unsupported_media_type'));
    }
  });

  it('answers a body over 1 MiB with 413', async () => {
    const response = await client.post('/api/auth/signup', {
      username: 'x',
      password: 'y'.repeat(1024 * 1024 + 10),
    });
    expect(response.status).toBe(413);
    expect(response.body).toEqual(errorBody('payload_too_large'));
  });

  it('answers a missing body where one is needed with 400', async () => {
    const response = await client.post('/api/auth/login');
    expect(response.status).toBe(400);
    expect(response.body.error.code).toMatch(/^invalid_(request|json)$/);
  });

  it('answers validation errors with 400 invalid_request, without internals', async () => {
    const response = await client.post('/api/auth/login', { login: ['a'], password: { $gt: '' } });
    expect(response.status).toBe(400);
    expect(response.body).toEqual(errorBody('invalid_request'));
    expect(response.text).not.toMatch(/node_modules|\.ts:\d+|at [A-Za-z.]+ \(/);
  });

  it('keeps the same error shape signed in', async () => {
    const browser = new TestClient(testApp.app);
    await signUp(browser);
    const notFound = await browser.post('/api/nothing-here', { a: 1 });
    // A session makes this state-changing request subject to CSRF first; with the token, 404.
    expect(notFound.status).toBe(404);
    expect(notFound.body).toEqual(errorBody('not_found'));
    const invalid = await browser.post('/api/consent', undefined, {
      payload: '{"version":',
      headers: { 'content-type': 'application/json' },
    });
    expect(invalid.status).toBe(400);
    expect(invalid.body).toEqual(errorBody('invalid_json'));
  });

  it('never answers with a stack trace or 5xx for odd but harmless requests', async () => {
    const odd = [
      await client.get('/api/learn/%E0%A4%A'),
      await client.get('/api/learn?topic=%ZZ'),
      await client.get('/api/learn?q[]=a&q[]=b'),
      await client.get('/api/me', { headers: { cookie: 'closer_session=%E0%A4%A' } }),
      await client.get('/api/me', { headers: { cookie: `closer_session=${'a'.repeat(4000)}` } }),
      await client.get('/help?region=%00'),
      await client.post('/api/auth/login', undefined, {
        payload: '[]',
        headers: { 'content-type': 'application/json' },
      }),
      await client.post('/api/auth/login', undefined, {
        payload: 'null',
        headers: { 'content-type': 'application/json' },
      }),
      await client.post('/api/auth/login', undefined, {
        payload: '"x"',
        headers: { 'content-type': 'application/json; charset=utf-8' },
      }),
      await client.post('/api/auth/login', undefined, {
        payload: '{"login":"a","password":"b"}',
        headers: { 'content-type': 'application/json; charset=latin1' },
      }),
    ];
    for (const response of odd) {
      expect(response.status, response.text).toBeLessThan(500);
      expect(response.text).not.toMatch(/node_modules|\.ts:\d+/);
    }
  });
});
