import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { signUp } from '../factories/user.factory';
import { TestClient } from '../support/http-client';
import { signUpWithConsent } from '../support/personal-data';
import { createTestApp, dbAvailable, type TestApp } from '../support/test-app';

describe.skipIf(!dbAvailable)('GET /healthz', () => {
  let testApp: TestApp;
  let client: TestClient;

  beforeEach(async () => {
    testApp = await createTestApp();
    client = new TestClient(testApp.app);
  });
  afterEach(() => testApp.close());

  it('answers 200 {status: "ok"} when the database answers', async () => {
    const response = await client.get('/healthz');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'ok' });
    expect(response.headers['cache-control']).toBe('no-store');
  });

  it('answers 503 with an error body once the database is closed', async () => {
    await testApp.database.close();
    const response = await client.get('/healthz');
    expect(response.status).toBe(503);
    expect(response.body).toEqual({
      error: { code: 'service_unavailable', message: expect.any(String) },
    });
    expect(response.text).not.toMatch(/at .*\.ts:\d+/);
  });

  it('answers 503 once the key store is closed: without it no text can be read or saved', async () => {
    await signUpWithConsent(client);
    await testApp.keyStore.close();
    const response = await client.get('/healthz');
    expect(response.status).toBe(503);
    expect(response.body).toEqual({
      error: { code: 'service_unavailable', message: 'The key store is not answering.' },
    });
    // Saving a first text needs the key store: an outage, said plainly, not a 500.
    const save = await client.post('/api/journal', { text: 'Written while the keys are away.' });
    expect(save.status, save.text).toBe(503);
    expect(save.body.error.code).toBe('service_unavailable');
    // Whatever does not need a key still works.
    expect((await client.get('/api/me')).status).toBe(200);
  });

  it('keeps public reading open and answers 503, not 500, when the database goes down mid-session', async () => {
    await signUp(client);
    expect((await client.get('/api/me')).status).toBe(200);
    await testApp.database.close();

    // Learn is public and held in memory: a signed-in person can still read it.
    const learn = await client.get('/api/learn');
    expect(learn.status).toBe(200);
    expect(learn.body.length).toBeGreaterThan(0);

    // Anything that needs the database says plainly that it is an outage.
    for (const response of [
      await client.get('/api/me'),
      await client.post('/api/auth/login', {
        login: 'someone',
        password: 'a long enough password',
      }),
      await client.post('/api/consent', { version: 'x' }),
    ]) {
      expect(response.status, `${response.text}`).toBe(503);
      expect(response.body.error.code).toBe('service_unavailable');
      expect(response.body.error.message).toContain('Nothing you saved has been lost');
    }
  });
});
