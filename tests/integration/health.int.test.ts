import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TestClient } from '../support/http-client';
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
});
