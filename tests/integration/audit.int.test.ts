import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CURRENT_PRIVACY_NOTICE } from '../../core/consent/privacy-notice';
import { SAFETY_PLAN_SECTIONS } from '../../core/safety/safety-plan';
import { TestClient } from '../support/http-client';
import {
  canarySentence,
  signUpWithConsent,
  writeCheckin,
  writeEntry,
} from '../support/personal-data';
import { createTestApp, dbAvailable, type TestApp } from '../support/test-app';
import { signUp } from '../factories/user.factory';

/**
 * The security audit: sign-up, sign-in, failed sign-in, consent given and withdrawn, export
 * and deletion each leave a row; no row ever holds health content (checked with a canary
 * written through every free-text field) nor the name someone tried to sign in with.
 */

describe.skipIf(!dbAvailable)('audit of security events', () => {
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await createTestApp();
  });
  afterAll(() => testApp.close());

  const allEvents = () =>
    testApp.database.db.selectFrom('audit_events').selectAll().orderBy('at').execute();
  const eventsOf = async (userId: string) =>
    (await allEvents()).filter((row) => row.user_id === userId).map((row) => row.event);
  const countOf = async (event: string, userId: string | null) =>
    (await allEvents()).filter((row) => row.event === event && row.user_id === userId).length;

  it('records each security event, with the person where there is one', async () => {
    const browser = new TestClient(testApp.app);
    const person = await signUp(browser);
    const id = person.user.id;
    expect(await eventsOf(id)).toEqual(['sign-up']);

    const version = CURRENT_PRIVACY_NOTICE.version;
    testApp.clock.advance(1);
    expect((await browser.post('/api/consent', { version })).status).toBe(204);
    testApp.clock.advance(1);
    expect((await browser.delete('/api/consent')).status).toBe(204);
    testApp.clock.advance(1);
    expect((await browser.post('/api/auth/logout')).status).toBe(204);

    const failedBefore = await countOf('sign-in-failed', null);
    testApp.clock.advance(1);
    const failed = await browser.post('/api/auth/login', {
      login: person.login,
      password: 'a wrong password entirely',
    });
    expect(failed.status).toBe(401);
    expect(await countOf('sign-in-failed', null)).toBe(failedBefore + 1);
    const unknown = await browser.post('/api/auth/login', {
      login: 'nobody-by-this-name',
      password: 'a wrong password entirely',
    });
    expect(unknown.status).toBe(401);
    expect(await countOf('sign-in-failed', null)).toBe(failedBefore + 2);

    testApp.clock.advance(1);
    const login = await browser.post('/api/auth/login', {
      login: person.login,
      password: person.password,
    });
    expect(login.status).toBe(200);
    testApp.clock.advance(1);
    expect((await browser.get('/api/me/export')).status).toBe(200);
    testApp.clock.advance(1);
    expect((await browser.get('/api/me/export?format=csv&kind=journal')).status).toBe(200);
    // A HEAD (a browser or proxy checking the download) exports nothing and records nothing.
    expect((await browser.request('HEAD', '/api/me/export')).status).toBe(200);

    expect(await eventsOf(id)).toEqual([
      'sign-up',
      'consent-given',
      'consent-withdrawn',
      'sign-out',
      'sign-in',
      'export',
      'export',
    ]);
    const rows = (await allEvents()).filter((row) => row.user_id === id);
    expect(rows.find((row) => row.event === 'consent-given')?.details).toBe(
      JSON.stringify({ version }),
    );
    expect(
      rows.filter((row) => row.event === 'export').map((row) => JSON.parse(row.details)),
    ).toEqual([
      { format: 'json', kind: 'all' },
      { format: 'csv', kind: 'journal' },
    ]);

    // Failed sign-ins name no account: not the one that exists, nor the one that does not.
    const text = JSON.stringify(await allEvents());
    expect(text).not.toContain(person.login);
    expect(text).not.toContain('nobody-by-this-name');
    expect(text).not.toContain(person.password);

    const deletionsBefore = await countOf('account-deleted', null);
    testApp.clock.advance(1);
    const gone = await browser.delete('/api/me', { body: { password: person.password } });
    expect(gone.status).toBe(204);
    expect(await countOf('account-deleted', null)).toBe(deletionsBefore + 1);
    // The person's own audit rows went with the account; the deletion row keeps no link.
    expect(await eventsOf(id)).toEqual([]);
    expect(JSON.stringify(await allEvents())).not.toContain(id);
  });

  it('no audit row holds any journal, check-in, tag or safety-plan text', async () => {
    const canary = canarySentence('audit');
    const browser = new TestClient(testApp.app);
    const person = await signUpWithConsent(browser);
    const entryId = await writeEntry(browser, `I want to kill myself. ${canary}`, {
      tags: [canary.slice(0, 50)],
    });
    expect(
      (await browser.put(`/api/journal/${entryId}`, { text: `Edited. ${canary}` })).status,
    ).toBe(200);
    await writeCheckin(browser, `He hits me. ${canary}`);
    const sections = Object.fromEntries(SAFETY_PLAN_SECTIONS.map((section) => [section, [canary]]));
    expect((await browser.put('/api/safety-plan', { sections })).status).toBe(200);
    expect((await browser.get('/api/journal?q=canary')).status).toBe(200);
    expect((await browser.get('/api/me/export')).status).toBe(200);
    expect((await browser.get('/api/me/export?format=csv&kind=checkins')).status).toBe(200);
    await browser.delete('/api/me', { body: { password: person.password } });

    const rows = await allEvents();
    expect(rows.length).toBeGreaterThan(3);
    const tag = canary.split(' ')[3] as string;
    for (const row of rows) {
      for (const column of Object.values(row)) {
        const value = String(column);
        expect(value).not.toContain(tag);
        expect(value).not.toMatch(/kill myself|hits me/i);
      }
    }
  });
});
