import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAFETY_PLAN_SECTIONS } from '../../core/safety/safety-plan';
import { TestClient } from '../support/http-client';
import { signUpWithConsent } from '../support/personal-data';
import { createTestApp, dbAvailable, type TestApp } from '../support/test-app';

/**
 * Every save of free text is checked for risk, and the answer carries the level and the
 * right help for the person's region at once; the save itself always succeeds.
 */

const CRISIS = 'I want to kill myself tonight';
const SAFEGUARDING = "he hits me and won't let me see my friends";
const IDIOM = 'this exam is killing me';

describe.skipIf(!dbAvailable)('risk detection on save', () => {
  let testApp: TestApp;
  let browser: TestClient;

  beforeAll(async () => {
    testApp = await createTestApp();
    browser = new TestClient(testApp.app);
    await signUpWithConsent(browser);
  });
  afterAll(() => testApp.close());

  const ids = (resources: { id: string }[]) => resources.map((resource) => resource.id);

  /** Saves a journal entry, checks it was stored, and answers its `safety`. */
  const save = async (text: string, headers: Record<string, string> = {}) => {
    const response = await browser.post('/api/journal', { text }, { headers });
    expect(response.status, response.text).toBe(201);
    expect(response.body.entry.text).toBe(text);
    const stored = await browser.get(`/api/journal/${response.body.entry.id}`);
    expect(stored.status).toBe(200);
    expect(stored.body.entry.text).toBe(text);
    return response.body.safety;
  };

  it('crisis: the entry is saved and the emergency number of the region comes first (GB by default)', async () => {
    const safety = await save(CRISIS);
    expect(safety.level).toBe('crisis');
    expect(safety.reasons.length).toBeGreaterThan(0);
    expect(safety.reasons).toContainEqual(expect.objectContaining({ level: 'crisis' }));
    expect(ids(safety.resources)[0]).toBe('gb-999');
    expect(safety.resources[0].contacts[0].number).toBe('999');
    expect(ids(safety.resources)).toContain('gb-samaritans');
  });

  it('crisis with Accept-Language en-US: the US emergency number first, then 988', async () => {
    const safety = await save(CRISIS, { 'accept-language': 'en-US,en;q=0.9' });
    expect(safety.level).toBe('crisis');
    expect(ids(safety.resources).slice(0, 2)).toEqual(['us-911', 'us-988']);
    expect(safety.resources[0].contacts[0].number).toBe('911');
  });

  it('safeguarding: the emergency number, then the domestic abuse lines; no crisis-line-only answer', async () => {
    const gb = await save(SAFEGUARDING);
    expect(gb.level).toBe('safeguarding');
    expect(ids(gb.resources)[0]).toBe('gb-999');
    expect(ids(gb.resources)).toEqual(expect.arrayContaining(['gb-refuge', 'gb-respect']));
    expect(
      gb.resources
        .slice(1)
        .every((resource: { group: string }) => resource.group === 'safeguarding'),
    ).toBe(true);

    const us = await save(SAFEGUARDING, { 'accept-language': 'en-US' });
    expect(us.level).toBe('safeguarding');
    expect(ids(us.resources)[0]).toBe('us-911');
    expect(ids(us.resources)).toContain('us-ndvh');
  });

  it('an idiom is not a crisis: level none and no resources', async () => {
    const safety = await save(IDIOM);
    expect(safety).toEqual({ level: 'none', reasons: [], resources: [] });
  });

  it('the stored risk level matches the answer', async () => {
    const response = await browser.post('/api/journal', { text: CRISIS });
    const row = await testApp.database.db
      .selectFrom('journal_entries')
      .select('risk_level')
      .where('id', '=', response.body.entry.id)
      .executeTakeFirstOrThrow();
    expect(row.risk_level).toBe('crisis');
  });

  it('editing an entry, a check-in note and the safety plan are checked too', async () => {
    const created = await browser.post('/api/journal', { text: IDIOM });
    expect(created.body.safety.level).toBe('none');
    const edited = await browser.put(`/api/journal/${created.body.entry.id}`, { text: CRISIS });
    expect(edited.status).toBe(200);
    expect(edited.body.safety.level).toBe('crisis');
    expect(ids(edited.body.safety.resources)[0]).toBe('gb-999');

    const checkin = await browser.post('/api/checkins', {
      mood: 1,
      closeness: 1,
      stress: 9,
      note: SAFEGUARDING,
    });
    expect(checkin.status).toBe(201);
    expect(checkin.body.checkin.note).toBe(SAFEGUARDING);
    expect(checkin.body.safety.level).toBe('safeguarding');

    const quiet = await browser.post('/api/checkins', { mood: 7, closeness: 7, stress: 2 });
    expect(quiet.status).toBe(201);
    expect(quiet.body.safety).toEqual({ level: 'none', reasons: [], resources: [] });

    const sections = Object.fromEntries(SAFETY_PLAN_SECTIONS.map((section) => [section, []]));
    const plan = await browser.put('/api/safety-plan', {
      sections: { ...sections, warningSigns: [CRISIS] },
    });
    expect(plan.status).toBe(200);
    expect(plan.body.safety.level).toBe('crisis');
  });
});

describe.skipIf(!dbAvailable)('risk detection on save, in a worker thread (RISK_WORKERS=1)', () => {
  let testApp: TestApp;
  let browser: TestClient;

  beforeAll(async () => {
    testApp = await createTestApp({ env: { RISK_WORKERS: '1' } });
    browser = new TestClient(testApp.app);
    await signUpWithConsent(browser);
  });
  afterAll(() => testApp.close());

  it('gives the same help as on the main thread, for entries saved at once', async () => {
    const risk = testApp.app.services.risk as {
      stats?: () => { ready: number; checkedInWorkers: number };
    };
    expect(risk.stats).toBeDefined();
    const deadline = Date.now() + 20_000;
    while ((risk.stats?.().ready ?? 0) === 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    const padding = 'A long day at work, then the bus home and tea with my sister. '.repeat(4);
    const texts = [
      { text: `${padding}${CRISIS}`, level: 'crisis' },
      { text: `${padding}${SAFEGUARDING}`, level: 'safeguarding' },
      { text: `${padding}${IDIOM}`, level: 'none' },
    ];
    const saves = await Promise.all(
      [...texts, ...texts].map(({ text }) => browser.post('/api/journal', { text })),
    );
    saves.forEach((save, index) => {
      expect(save.status, save.text).toBe(201);
      expect(save.body.safety.level).toBe(texts[index % texts.length]?.level);
    });
    expect(saves[0]?.body.safety.resources[0].id).toBe(
      (await browser.post('/api/journal', { text: CRISIS })).body.safety.resources[0].id,
    );
    expect(risk.stats?.().checkedInWorkers).toBeGreaterThanOrEqual(6);
  }, 30_000);
});
