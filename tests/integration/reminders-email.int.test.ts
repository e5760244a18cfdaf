import type { AddressInfo } from 'node:net';
import { sql } from 'kysely';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { healthWordsIn } from '../../core/reminders/delivery';
import { newEmail, signUp } from '../factories/user.factory';
import { TestClient } from '../support/http-client';
import { createTestApp, dbAvailable, testDatabaseKind, type TestApp } from '../support/test-app';

/**
 * Reminder emails against a real SMTP server started here: sent once each, on time, with no
 * health content; retried after a refusal; not sent when hours late. On PostgreSQL, two app
 * instances run their schedulers on the same database and every email still arrives exactly
 * once.
 */

interface ReceivedMail {
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
}

interface TestSmtp {
  url: string;
  received: ReceivedMail[];
  close(): Promise<void>;
}

/** A real SMTP server on a free port; addresses in `refuseOnce` are refused the first time. */
async function startSmtp(refuseOnce: Set<string> = new Set()): Promise<TestSmtp> {
  const received: ReceivedMail[] = [];
  const refused = new Set<string>();
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS'],
    authOptional: true,
    logger: false,
    onRcptTo(address, _session, callback) {
      if (refuseOnce.has(address.address) && !refused.has(address.address)) {
        refused.add(address.address);
        callback(Object.assign(new Error('Mailbox busy, try again later'), { responseCode: 451 }));
        return;
      }
      callback();
    },
    onData(stream, _session, callback) {
      simpleParser(stream).then(
        (mail) => {
          const to = Array.isArray(mail.to) ? mail.to : mail.to ? [mail.to] : [];
          received.push({
            from: mail.from?.text ?? '',
            to: to.map((address) => address.text).join(', '),
            subject: mail.subject ?? '',
            text: mail.text ?? '',
            html: typeof mail.html === 'string' ? mail.html : '',
          });
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function waitFor(condition: () => boolean | Promise<boolean>, timeoutMs = 15_000) {
  const until = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const FROM = 'Closer <reminders@closer.example>';
/** Monday 7 December 2026, before anyone's reminder. */
const MONDAY_MORNING = new Date('2026-12-07T08:00:00Z');

function envFor(smtp: TestSmtp): Record<string, string> {
  return {
    SMTP_URL: smtp.url,
    REMINDER_EMAIL_FROM: FROM,
    REMINDER_TICK_MS: '25',
    PUBLIC_URL: 'https://closer.example',
  };
}

/** Signs up with an email address and asks for an 08:30 (London) Monday reminder by email. */
async function personWithEmailReminder(
  testApp: TestApp,
  options: { email?: boolean; zone?: string; time?: string } = {},
) {
  const client = new TestClient(testApp.app);
  const address = newEmail();
  const { user } = await signUp(client, { email: address });
  const saved = await client.put('/api/reminders', {
    timeZone: options.zone ?? 'Europe/London',
    items: [{ kind: 'checkin', days: ['mon'], time: options.time ?? '08:30' }],
    email: options.email ?? true,
  });
  expect(saved.status, saved.text).toBe(200);
  expect(saved.body.email).toBe(options.email ?? true);
  return { client, address, userId: user.id as string };
}

function expectDiscreet(mail: ReceivedMail) {
  expect(mail.from).toBe('"Closer" <reminders@closer.example>');
  expect(mail.subject).toBe('A reminder you set in Closer');
  expect(mail.text).toContain('https://closer.example/home');
  expect(healthWordsIn(`${mail.subject}\n${mail.text}\n${mail.html}`)).toEqual([]);
}

async function emailRows(testApp: TestApp) {
  return (
    await sql<{ user_id: string; status: string; attempts: number }>`
      select user_id, status, attempts from reminder_deliveries where channel = 'email'`.execute(
      testApp.database.db,
    )
  ).rows;
}

describe.skipIf(!dbAvailable)('reminder emails, one instance', () => {
  let smtp: TestSmtp;
  let testApp: TestApp;
  const flaky = newEmail();

  beforeAll(async () => {
    smtp = await startSmtp(new Set([flaky]));
  });
  afterEach(async () => {
    await testApp?.close();
    smtp.received.length = 0;
  });
  afterAll(() => smtp.close());

  it('sends each due reminder once, retries a refusal, and says nothing about health', async () => {
    testApp = await createTestApp({ env: envFor(smtp) });
    testApp.clock.set(MONDAY_MORNING);
    const people = [];
    for (let index = 0; index < 4; index++) people.push(await personWithEmailReminder(testApp));
    // 03:30 in New York is 08:30 in London in December.
    people.push(
      await personWithEmailReminder(testApp, { zone: 'America/New_York', time: '03:30' }),
    );
    const quiet = await personWithEmailReminder(testApp, { email: false });
    // This one's mailbox refuses the first try.
    const client = new TestClient(testApp.app);
    const { user } = await signUp(client, { email: flaky });
    await client.put('/api/reminders', {
      timeZone: 'Europe/London',
      items: [{ kind: 'retake', days: ['mon'], time: '08:30' }],
      email: true,
    });

    testApp.app.services.reminderScheduler.start();
    await sleep(100);
    expect(smtp.received).toEqual([]);

    testApp.clock.set(new Date('2026-12-07T08:30:30Z'));
    await waitFor(() => smtp.received.length >= people.length);
    await sleep(200);
    expect(smtp.received.map((mail) => mail.to).sort()).toEqual(
      people.map((person) => person.address).sort(),
    );
    smtp.received.forEach(expectDiscreet);
    const flakyRow = (await emailRows(testApp)).find((row) => row.user_id === user.id);
    expect(flakyRow).toMatchObject({ status: 'pending', attempts: 1 });

    // A minute later it is tried again, and arrives.
    testApp.clock.set(new Date('2026-12-07T08:32:00Z'));
    await waitFor(() => smtp.received.length > people.length);
    await sleep(200);
    expect(smtp.received.filter((mail) => mail.to === flaky)).toHaveLength(1);
    expect(smtp.received).toHaveLength(people.length + 1);
    smtp.received.forEach(expectDiscreet);

    const rows = await emailRows(testApp);
    expect(rows.every((row) => row.status === 'sent')).toBe(true);
    expect(rows).toHaveLength(people.length + 1);
    expect(rows.some((row) => row.user_id === quiet.userId)).toBe(false);
    // Everyone sees it in the app too, email or not.
    expect((await quiet.client.get('/api/reminders/due')).body.reminders).toHaveLength(1);
  });

  it('keeps the wish for email when the settings are saved through an instance without SMTP', async () => {
    testApp = await createTestApp({ env: envFor(smtp) });
    const withoutSmtp = await createTestApp({ sameDatabaseAs: testApp });
    try {
      const client = new TestClient(testApp.app);
      const person = await signUp(client, { email: newEmail() });
      const first = await client.put('/api/reminders', {
        timeZone: 'Europe/London',
        items: [{ kind: 'checkin', days: ['mon'], time: '08:30' }],
        email: true,
      });
      expect(first.body.email).toBe(true);
      const elsewhere = new TestClient(withoutSmtp.app);
      const login = await elsewhere.post('/api/auth/login', {
        login: person.login,
        password: person.password,
      });
      expect(login.status, login.text).toBe(200);
      const moved = await elsewhere.put('/api/reminders', {
        timeZone: 'Europe/London',
        items: [{ kind: 'checkin', days: ['mon', 'tue'], time: '08:30' }],
      });
      expect(moved.status, moved.text).toBe(200);
      // That instance cannot send email, and says so, but the wish is still there.
      expect(moved.body).toMatchObject({ email: false, emailAvailable: false });
      expect((await client.get('/api/reminders')).body).toMatchObject({
        email: true,
        emailAvailable: true,
      });
    } finally {
      await withoutSmtp.close();
    }
  });

  it('does not email a reminder hours late (after downtime), but shows it in the app', async () => {
    testApp = await createTestApp({ env: envFor(smtp) });
    testApp.clock.set(MONDAY_MORNING);
    const person = await personWithEmailReminder(testApp);
    // The server was down from before 08:30 until 11:00.
    testApp.clock.set(new Date('2026-12-07T11:00:00Z'));
    const report = await testApp.app.services.reminderScheduler.tick();
    expect(report.sent).toBe(0);
    expect(smtp.received).toEqual([]);
    expect(await emailRows(testApp)).toEqual([]);
    // (The session has timed out meanwhile, so the service is asked directly.)
    expect(await testApp.app.services.reminders.due({ userId: person.userId })).toEqual([
      { id: expect.any(String), kind: 'checkin', at: '2026-12-07T08:30:00.000Z' },
    ]);
  });
});

describe.skipIf(!dbAvailable || testDatabaseKind !== 'postgres')(
  'reminder emails, two instances on one PostgreSQL',
  () => {
    let smtp: TestSmtp;
    let first: TestApp;
    let second: TestApp;

    beforeAll(async () => {
      smtp = await startSmtp();
      first = await createTestApp({ env: envFor(smtp) });
      second = await createTestApp({ sameDatabaseAs: first, env: envFor(smtp) });
    });
    afterAll(async () => {
      await second?.close();
      await first?.close();
      await smtp?.close();
    });

    it('sends every reminder exactly once with both schedulers running', async () => {
      first.clock.set(MONDAY_MORNING);
      const people = [];
      for (let index = 0; index < 40; index++) {
        const app = index % 2 === 0 ? first : second;
        people.push(
          await personWithEmailReminder(
            app,
            index % 3 === 0 ? { zone: 'America/New_York', time: '03:30' } : {},
          ),
        );
      }
      first.app.services.reminderScheduler.start();
      second.app.services.reminderScheduler.start();

      first.clock.set(new Date('2026-12-07T08:30:05Z'));
      await waitFor(() => smtp.received.length >= people.length, 30_000);
      // Let both schedulers run many more ticks: nothing more may arrive.
      await sleep(500);

      const counts = new Map<string, number>();
      for (const mail of smtp.received) counts.set(mail.to, (counts.get(mail.to) ?? 0) + 1);
      expect(smtp.received).toHaveLength(people.length);
      for (const person of people) expect(counts.get(person.address), person.address).toBe(1);
      smtp.received.forEach(expectDiscreet);
      const rows = await emailRows(first);
      expect(rows).toHaveLength(people.length);
      expect(rows.every((row) => row.status === 'sent' && row.attempts === 1)).toBe(true);
    });
  },
);
