import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CURRENT_PRIVACY_NOTICE, PRIVACY_NOTICES } from '../../core/consent/privacy-notice';
import type { App } from '../../server/src/app';
import { healthDataGuard } from '../../server/src/policies/session.policy';
import { signUp } from '../factories/user.factory';
import { TestClient } from '../support/http-client';
import { createTestApp, dbAvailable, type TestApp } from '../support/test-app';

const HEALTH_ROUTE = '/api/test/health-data';

/** Stands in for a health-data feature, guarded the way every real one must be. */
function addHealthDataRoute(app: App): void {
  app.get(HEALTH_ROUTE, { preHandler: healthDataGuard(app.services.consent) }, async () => ({
    mood: 'calm',
  }));
  app.post(HEALTH_ROUTE, { preHandler: healthDataGuard(app.services.consent) }, async () => ({
    saved: true,
  }));
}

describe.skipIf(!dbAvailable)('consent', () => {
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await createTestApp({ extend: addHealthDataRoute });
  });
  afterAll(() => testApp.close());

  const version = CURRENT_PRIVACY_NOTICE.version;

  it('GET /api/consent is public: the current version and its text', async () => {
    const response = await new TestClient(testApp.app).get('/api/consent');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      version,
      publishedOn: CURRENT_PRIVACY_NOTICE.publishedOn,
      text: CURRENT_PRIVACY_NOTICE.text,
    });
    expect(response.body.text.length).toBeGreaterThan(200);
    expect(response.body).not.toHaveProperty('consent');
  });

  it('signed in, GET /api/consent also says where the person stands', async () => {
    const browser = new TestClient(testApp.app);
    await signUp(browser);
    const response = await browser.get('/api/consent');
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ version, text: CURRENT_PRIVACY_NOTICE.text });
    expect(response.body.consent).toEqual({
      current: false,
      version: null,
      givenAt: null,
      withdrawnAt: null,
    });
  });

  it('records consent with its version; withdrawal and re-consent work', async () => {
    const browser = new TestClient(testApp.app);
    const person = await signUp(browser);

    const give = await browser.post('/api/consent', { version });
    expect(give.status).toBe(204);
    expect(give.text).toBe('');
    const givenAt = testApp.clock.now().toISOString();
    expect((await browser.get('/api/consent')).body.consent).toEqual({
      current: true,
      version,
      givenAt,
      withdrawnAt: null,
    });
    const rows = await testApp.database.db
      .selectFrom('consents')
      .selectAll()
      .where('user_id', '=', person.user.id)
      .execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      user_id: person.user.id,
      version,
      given_at: givenAt,
      withdrawn_at: null,
    });

    // Agreeing twice records nothing new.
    expect((await browser.post('/api/consent', { version })).status).toBe(204);

    testApp.clock.advance(5);
    const withdraw = await browser.delete('/api/consent');
    expect(withdraw.status).toBe(204);
    const withdrawnAt = testApp.clock.now().toISOString();
    expect((await browser.get('/api/consent')).body.consent).toEqual({
      current: false,
      version,
      givenAt,
      withdrawnAt,
    });

    testApp.clock.advance(5);
    expect((await browser.post('/api/consent', { version })).status).toBe(204);
    const again = (await browser.get('/api/consent')).body.consent;
    expect(again).toEqual({
      current: true,
      version,
      givenAt: testApp.clock.now().toISOString(),
      withdrawnAt: null,
    });

    // The ledger keeps the history: the withdrawn record and the new one.
    const history = await testApp.database.db
      .selectFrom('consents')
      .select(['version', 'withdrawn_at'])
      .where('user_id', '=', person.user.id)
      .orderBy('given_at')
      .execute();
    expect(history).toEqual([
      { version, withdrawn_at: withdrawnAt },
      { version, withdrawn_at: null },
    ]);
  });

  it('is current again when withdrawn and given again within the same millisecond', async () => {
    const browser = new TestClient(testApp.app);
    await signUp(browser);
    // The clock does not move: every record shares one given_at, so order cannot come from time.
    for (let round = 0; round < 8; round += 1) {
      expect((await browser.post('/api/consent', { version })).status).toBe(204);
      expect((await browser.get('/api/consent')).body.consent.current, `round ${round}`).toBe(true);
      expect((await browser.delete('/api/consent')).status).toBe(204);
      expect((await browser.get('/api/consent')).body.consent.current, `round ${round}`).toBe(
        false,
      );
    }
  });

  it.each([
    '2000-01-01',
    'unknown',
    ...PRIVACY_NOTICES.slice(0, -1).map((notice) => notice.version),
  ])('refuses consent to version %j with 409 consent_version_outdated', async (oldVersion) => {
    const browser = new TestClient(testApp.app);
    await signUp(browser);
    const response = await browser.post('/api/consent', { version: oldVersion });
    expect(response.status).toBe(409);
    expect(response.body.error.code).toBe('consent_version_outdated');
    expect(response.body.error.details).toEqual({ currentVersion: version });
    expect((await browser.get('/api/consent')).body.consent.current).toBe(false);
  });

  it('refuses a malformed consent body with 400', async () => {
    const browser = new TestClient(testApp.app);
    await signUp(browser);
    for (const body of [{}, { version: '' }, { version: 7 }, { version, extra: true }]) {
      const response = await browser.post('/api/consent', body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.body.error.code).toBe('invalid_request');
    }
  });

  it('POST and DELETE /api/consent need a session: 401', async () => {
    const stranger = new TestClient(testApp.app);
    expect((await stranger.post('/api/consent', { version })).status).toBe(401);
    const withdraw = await stranger.delete('/api/consent');
    expect(withdraw.status).toBe(401);
    expect(withdraw.body.error.code).toBe('not_signed_in');
  });

  it('health-data routes: 401 signed out, 403 consent_required without consent, 200 with it, 403 at once after withdrawal', async () => {
    const stranger = new TestClient(testApp.app);
    const signedOut = await stranger.get(HEALTH_ROUTE);
    expect(signedOut.status).toBe(401);
    expect(signedOut.body.error.code).toBe('not_signed_in');

    const browser = new TestClient(testApp.app);
    await signUp(browser);
    const withoutConsent = await browser.get(HEALTH_ROUTE);
    expect(withoutConsent.status).toBe(403);
    expect(withoutConsent.body).toEqual({
      error: { code: 'consent_required', message: expect.any(String) },
    });
    expect((await browser.post(HEALTH_ROUTE, { mood: 3 })).status).toBe(403);

    expect((await browser.post('/api/consent', { version })).status).toBe(204);
    const withConsent = await browser.get(HEALTH_ROUTE);
    expect(withConsent.status).toBe(200);
    expect(withConsent.body).toEqual({ mood: 'calm' });
    expect((await browser.post(HEALTH_ROUTE, { mood: 3 })).status).toBe(200);

    expect((await browser.delete('/api/consent')).status).toBe(204);
    const afterWithdrawal = await browser.get(HEALTH_ROUTE);
    expect(afterWithdrawal.status).toBe(403);
    expect(afterWithdrawal.body.error.code).toBe('consent_required');

    expect((await browser.post('/api/consent', { version })).status).toBe(204);
    expect((await browser.get(HEALTH_ROUTE)).status).toBe(200);
  });

  it("one person's consent does not open health data for another", async () => {
    const first = new TestClient(testApp.app);
    await signUp(first);
    expect((await first.post('/api/consent', { version })).status).toBe(204);

    const second = new TestClient(testApp.app);
    await signUp(second);
    expect((await second.get(HEALTH_ROUTE)).status).toBe(403);
    expect((await first.get(HEALTH_ROUTE)).status).toBe(200);
  });
});
