import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { healthWordsIn } from '../../core/reminders/delivery';
import { signUp } from '../factories/user.factory';
import { TestClient } from '../support/http-client';
import { rowsOfPerson, signUpWithConsent } from '../support/personal-data';
import { createTestApp, dbAvailable, type TestApp } from '../support/test-app';

/**
 * The reminders API on both databases: settings round trip and refusals, in-app reminders,
 * the secret calendar feed (no cookie, revocable, right instants across a clock change) and
 * account deletion.
 */

const LONDON_DAILY = {
  timeZone: 'Europe/London',
  items: [
    { kind: 'checkin', days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], time: '09:00' },
  ],
};

/** The path of a feed URL, for app.inject. */
const pathOf = (url: string) => new URL(url).pathname;

describe.skipIf(!dbAvailable)('reminders API', () => {
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await createTestApp();
  });
  afterAll(() => testApp.close());

  const person = async () => {
    const client = new TestClient(testApp.app);
    const signedUp = await signUp(client);
    return { client, userId: signedUp.user.id as string };
  };

  it('starts empty, then keeps what was saved (the zone in its canonical spelling)', async () => {
    const { client } = await person();
    const before = await client.get('/api/reminders');
    expect(before.status, before.text).toBe(200);
    expect(before.body).toEqual({
      timeZone: null,
      items: [],
      email: false,
      emailAvailable: false,
      calendarFeed: { active: false, createdAt: null },
    });

    const body = {
      timeZone: 'america/new_york',
      items: [
        { kind: 'retake', days: ['sun'], time: '18:30' },
        { kind: 'checkin', days: ['thu', 'mon'], time: '08:05' },
      ],
    };
    const saved = await client.put('/api/reminders', body);
    expect(saved.status, saved.text).toBe(200);
    const read = await client.get('/api/reminders');
    expect(read.body.timeZone).toBe('America/New_York');
    expect(read.body.items).toEqual([
      { kind: 'retake', days: ['sun'], time: '18:30' },
      { kind: 'checkin', days: ['mon', 'thu'], time: '08:05' },
    ]);
    expect(read.body).toEqual(saved.body);

    // Saving an empty list stops every reminder.
    const cleared = await client.put('/api/reminders', { timeZone: 'UTC', items: [] });
    expect(cleared.status).toBe(200);
    expect(cleared.body.items).toEqual([]);
  });

  it('refuses an unknown time zone with invalid_time_zone, and changes nothing', async () => {
    const { client } = await person();
    await client.put('/api/reminders', LONDON_DAILY);
    for (const timeZone of ['Mars/Olympus_Mons', '', 'Europe/London\u0000', '../../etc']) {
      const response = await client.put('/api/reminders', { ...LONDON_DAILY, timeZone });
      expect(response.status, timeZone).toBe(400);
      expect(response.body.error.code, timeZone).toBe('invalid_time_zone');
    }
    expect((await client.get('/api/reminders')).body.timeZone).toBe('Europe/London');
  });

  it('names the field at fault in a bad body, never a 500', async () => {
    const { client } = await person();
    const cases: { body: unknown; field: string }[] = [
      {
        body: { ...LONDON_DAILY, items: [{ kind: 'checkin', days: ['mon'], time: '25:00' }] },
        field: 'items/0/time',
      },
      {
        body: { ...LONDON_DAILY, items: [{ kind: 'nap', days: ['mon'], time: '09:00' }] },
        field: 'items/0/kind',
      },
      {
        body: { ...LONDON_DAILY, items: [{ kind: 'plan', days: [], time: '09:00' }] },
        field: 'items/0/days',
      },
      {
        body: { ...LONDON_DAILY, items: [{ kind: 'plan', days: ['someday'], time: '09:00' }] },
        field: 'items/0/days/0',
      },
      { body: { timeZone: 'Europe/London' }, field: 'items' },
    ];
    for (const { body, field } of cases) {
      const response = await client.put('/api/reminders', body);
      expect(response.status, response.text).toBe(400);
      expect(response.body.error.code).toBe('invalid_request');
      expect(response.body.error.message, response.text).toContain(field);
    }
    // A repeat passes the schema; core names it.
    const repeated = await client.put('/api/reminders', {
      ...LONDON_DAILY,
      items: [
        { kind: 'checkin', days: ['mon'], time: '09:00' },
        { kind: 'checkin', days: ['mon', 'tue'], time: '09:00' },
      ],
    });
    expect(repeated.status).toBe(400);
    expect(repeated.body.error).toMatchObject({
      code: 'invalid_reminders',
      details: { field: 'items/1' },
    });
  });

  it('refuses email without an address and an SMTP server', async () => {
    const { client } = await person();
    const response = await client.put('/api/reminders', { ...LONDON_DAILY, email: true });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('reminders_email_unavailable');
  });

  it('needs a session and the CSRF header', async () => {
    const anonymous = new TestClient(testApp.app);
    expect((await anonymous.get('/api/reminders')).status).toBe(401);
    const { client } = await person();
    const noCsrf = await client.put('/api/reminders', LONDON_DAILY, { csrf: false });
    expect(noCsrf.status).toBe(403);
    expect(noCsrf.body.error.code).toBe('csrf_failed');
  });

  it('never builds its links from a hostile Host header', async () => {
    const { client } = await person();
    const made = await client.post(
      '/api/reminders/calendar-feed',
      {},
      {
        headers: { host: 'evil.example/<script>' },
      },
    );
    expect(made.status, made.text).toBe(201);
    expect(new URL(made.body.url).host).toBe('localhost');
    const token = pathOf(made.body.url).split('/').pop()!;
    const feed = await new TestClient(testApp.app).get(`/api/reminders/calendar/${token}`, {
      headers: { host: 'a b c' },
      withoutCookies: true,
    });
    expect(feed.status).toBe(200);
    expect(feed.text).not.toContain('a b c');
  });

  it('serves the feed without a cookie; a new address or stopping it ends the old one', async () => {
    const { client } = await person();
    await client.put('/api/reminders', LONDON_DAILY);
    const made = await client.post('/api/reminders/calendar-feed');
    expect(made.status, made.text).toBe(201);
    const first = made.body.url as string;
    expect(first).toMatch(/^http:\/\/[^/]+\/api\/reminders\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    expect((await client.get('/api/reminders')).body.calendarFeed.active).toBe(true);

    const stranger = new TestClient(testApp.app);
    const feed = await stranger.get(pathOf(first));
    expect(feed.status, feed.text).toBe(200);
    expect(feed.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(feed.headers['cache-control']).toBe('no-store');
    expect(feed.text).toContain('BEGIN:VCALENDAR');
    expect(feed.text.match(/BEGIN:VEVENT/g)?.length).toBeGreaterThanOrEqual(55);
    expect(healthWordsIn(feed.text)).toEqual([]);
    // Without the .ics ending too (some apps strip it).
    expect((await stranger.get(pathOf(first).replace(/\.ics$/, ''))).status).toBe(200);

    const again = await client.post('/api/reminders/calendar-feed');
    const second = again.body.url as string;
    expect(second).not.toBe(first);
    const old = await stranger.get(pathOf(first));
    expect(old.status).toBe(404);
    expect(old.body.error.code).toBe('not_found');
    expect((await stranger.get(pathOf(second))).status).toBe(200);

    expect((await client.delete('/api/reminders/calendar-feed')).status).toBe(204);
    const stopped = await stranger.get(pathOf(second));
    expect(stopped.status).toBe(404);
    // The same answer as an address that never existed, or a malformed one.
    const unknown = await stranger.get(`/api/reminders/calendar/${'A'.repeat(43)}.ics`);
    const malformed = await stranger.get('/api/reminders/calendar/nope');
    expect([unknown.status, malformed.status]).toEqual([404, 404]);
    expect(unknown.text).toBe(stopped.text);
    expect(malformed.text).toBe(stopped.text);
    expect((await client.get('/api/reminders')).body.calendarFeed.active).toBe(false);
  });

  it('puts events at their true instants across the spring change in London', async () => {
    // Sessions time out, so the person signs up at the test's own time.
    testApp.clock.set(new Date('2027-03-25T12:00:00Z'));
    try {
      const { client } = await person();
      await client.put('/api/reminders', {
        timeZone: 'Europe/London',
        items: [
          { kind: 'plan', days: ['sat', 'sun', 'mon'], time: '09:00' },
          { kind: 'checkin', days: ['sun'], time: '01:30' },
        ],
      });
      const { url } = (await client.post('/api/reminders/calendar-feed')).body;
      const feed = await new TestClient(testApp.app).get(pathOf(url));
      const starts = [...feed.text.matchAll(/DTSTART:(\d{8}T\d{6}Z)/g)].map((match) => match[1]);
      // Saturday 27 March 09:00 GMT; Sunday 28 March (the change day) 09:00 BST; Monday BST.
      expect(starts).toContain('20270327T090000Z');
      expect(starts).toContain('20270328T080000Z');
      expect(starts).toContain('20270329T080000Z');
      // 01:30 does not exist on the change night: it happens at 02:30 BST, 01:30 UTC.
      expect(starts).toContain('20270328T013000Z');
      expect(starts).not.toContain('20270328T003000Z');
      // In the autumn 01:30 happens twice: the feed lists it once, the first time (BST).
      expect(starts.filter((start) => start?.startsWith('20270328T01'))).toHaveLength(1);
    } finally {
      testApp.clock.set(new Date('2026-12-01T09:00:00Z'));
    }
  });

  it('shows due reminders in the app until dismissed; only the owner can dismiss', async () => {
    testApp.clock.set(new Date('2026-12-07T08:00:00Z'));
    try {
      const { client, userId } = await person();
      await client.put('/api/reminders', {
        timeZone: 'Europe/London',
        items: [{ kind: 'checkin', days: ['mon', 'tue'], time: '08:30' }],
      });
      expect((await client.get('/api/reminders/due')).body.reminders).toEqual([]);
      testApp.clock.set(new Date('2026-12-07T08:31:00Z'));
      await testApp.app.services.reminderScheduler.tick();
      const due = await client.get('/api/reminders/due');
      expect(due.body.reminders).toEqual([
        { id: expect.any(String), kind: 'checkin', at: '2026-12-07T08:30:00.000Z' },
      ]);
      const id = due.body.reminders[0].id as string;

      const other = await person();
      const foreign = await other.client.post(`/api/reminders/due/${id}/dismiss`);
      expect(foreign.status).toBe(404);
      expect((await client.get('/api/reminders/due')).body.reminders).toHaveLength(1);

      expect((await client.post(`/api/reminders/due/${id}/dismiss`)).status).toBe(204);
      expect((await client.get('/api/reminders/due')).body.reminders).toEqual([]);

      // Tuesday's is shown for a day, then no longer, dismissed or not. (The session has
      // timed out by then, so the service is asked directly.)
      const { reminders, reminderScheduler } = testApp.app.services;
      testApp.clock.set(new Date('2026-12-08T08:31:00Z'));
      await reminderScheduler.tick();
      expect(await reminders.due({ userId })).toEqual([
        { id: expect.any(String), kind: 'checkin', at: '2026-12-08T08:30:00.000Z' },
      ]);
      testApp.clock.set(new Date('2026-12-09T08:31:00Z'));
      expect(await reminders.due({ userId })).toEqual([]);
    } finally {
      testApp.clock.set(new Date('2026-12-01T09:00:00Z'));
    }
  });

  it('goes with the account: deletion leaves no reminder row', async () => {
    testApp.clock.set(new Date('2026-12-07T08:00:00Z'));
    try {
      const client = new TestClient(testApp.app);
      const signedUp = await signUpWithConsent(client);
      const userId = signedUp.user.id as string;
      await client.put('/api/reminders', {
        timeZone: 'Europe/London',
        items: [{ kind: 'plan', days: ['mon'], time: '08:10' }],
      });
      await client.post('/api/reminders/calendar-feed');
      testApp.clock.set(new Date('2026-12-07T08:20:00Z'));
      await testApp.app.services.reminderScheduler.tick();
      const before = await rowsOfPerson(testApp.database, userId);
      expect(before).toMatchObject({
        reminder_settings: 1,
        reminder_feeds: 1,
        reminder_deliveries: 1,
      });
      const exported = await client.get('/api/me/export');
      expect(exported.status).toBe(200);
      expect(exported.body.tables.reminder_settings).toHaveLength(1);

      const deleted = await client.delete('/api/me', { body: { password: signedUp.password } });
      expect(deleted.status, deleted.text).toBe(204);
      const after = await rowsOfPerson(testApp.database, userId);
      expect(
        Object.values(after).every((count) => count === 0),
        JSON.stringify(after),
      ).toBe(true);
    } finally {
      testApp.clock.set(new Date('2026-12-01T09:00:00Z'));
    }
  });
});
