import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CURRENT_PRIVACY_NOTICE } from '../../core/consent/privacy-notice';
import { SAFETY_PLAN_SECTIONS } from '../../core/safety/safety-plan';
import type { SignedUpUser } from '../factories/user.factory';
import { TestClient } from '../support/http-client';
import {
  grantAccess,
  personalTablesOf,
  signUpWithConsent,
  writeCheckin,
  writeEntry,
} from '../support/personal-data';
import { createTestApp, dbAvailable, type TestApp } from '../support/test-app';

/**
 * "Take it all": GET /api/me/export holds every table of the person's data, free text
 * decrypted and secrets left out; a manifest test compares it with the live database, so a
 * new table with a user id that is not exported fails here. The CSV kinds parse back
 * (RFC 4180) to exactly what was saved, with formula-looking cells defused.
 */

/** A strict RFC 4180 parser: quoted fields, doubled quotes, CRLF records, CR/LF inside quotes. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let index = 0;
  let quoted = false;
  while (index < text.length) {
    const char = text[index] as string;
    if (quoted) {
      if (char === '"') {
        if (text[index + 1] === '"') {
          cell += '"';
          index += 2;
          continue;
        }
        quoted = false;
        index += 1;
        const next = text[index];
        if (next !== ',' && next !== '\r' && next !== undefined) {
          throw new Error(`CSV: a closing quote must end its field (at ${index})`);
        }
        continue;
      }
      cell += char;
      index += 1;
      continue;
    }
    if (char === '"') {
      if (cell !== '') throw new Error(`CSV: a quote inside an unquoted field (at ${index})`);
      quoted = true;
      index += 1;
    } else if (char === ',') {
      row.push(cell);
      cell = '';
      index += 1;
    } else if (char === '\r') {
      if (text[index + 1] !== '\n') throw new Error(`CSV: a bare CR outside quotes (at ${index})`);
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      index += 2;
    } else if (char === '\n') {
      throw new Error(`CSV: a bare LF outside quotes (at ${index})`);
    } else {
      cell += char;
      index += 1;
    }
  }
  if (quoted) throw new Error('CSV: an unterminated quoted field');
  if (cell !== '' || row.length > 0) throw new Error('CSV: the last record has no CRLF');
  return rows;
}

/** What a spreadsheet-safe CSV cell holds for a value: formula-looking text gets an apostrophe. */
function csvValue(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

const TRICKY_TEXTS = [
  'Commas, "quotes", and\nnew lines\r\nand a CRLF, all in one.',
  '=SUM(A1:A9)',
  '+44 is the code, -5 degrees, @someone',
  '-a list item',
  '@mention first',
  '\tstarts with a tab',
  'plain text',
];

describe.skipIf(!dbAvailable)('export', () => {
  let testApp: TestApp;
  let browser: TestClient;
  let person: SignedUpUser;
  let reader: TestClient;
  let readerPerson: SignedUpUser;
  const entries = new Map<string, { text: string; mood: number | null; tags: string[] }>();
  const checkins = new Map<string, { note: string | null; mood: number }>();
  const plan = Object.fromEntries(
    SAFETY_PLAN_SECTIONS.map((section, index) => [
      section,
      [`Step ${index}, with "quotes", commas`, `=cmd|' /C calc'!A0`],
    ]),
  );

  beforeAll(async () => {
    testApp = await createTestApp();
    browser = new TestClient(testApp.app);
    person = await signUpWithConsent(browser);
    for (const [index, text] of TRICKY_TEXTS.entries()) {
      const input = {
        text,
        mood: index % 2 === 0 ? index : null,
        tags: index === 0 ? ['a,b', 'say "hi"'] : [],
      };
      entries.set(await writeEntry(browser, text, input), input);
    }
    for (const [index, note] of [
      '=HYPERLINK("http://example.test","click")',
      'Line one\nline two, "quoted"',
      null,
    ].entries()) {
      checkins.set(await writeCheckin(browser, note, { mood: index + 2 }), {
        note,
        mood: index + 2,
      });
    }
    expect((await browser.put('/api/safety-plan', { sections: plan })).status).toBe(200);
    // Withdraw and give consent again, so the ledger has history to export.
    testApp.clock.advance(1);
    expect((await browser.delete('/api/consent')).status).toBe(204);
    testApp.clock.advance(1);
    const version = CURRENT_PRIVACY_NOTICE.version;
    expect((await browser.post('/api/consent', { version })).status).toBe(204);

    // Someone reads one entry through a grant, so the access log has a row to export.
    reader = new TestClient(testApp.app);
    readerPerson = await signUpWithConsent(reader);
    await grantAccess(testApp, {
      ownerId: person.user.id,
      granteeId: readerPerson.user.id,
      scope: 'journal:read',
      minutes: 30,
    });
    const firstId = [...entries.keys()][0] as string;
    expect((await reader.get(`/api/journal/${firstId}`)).status).toBe(200);
  });
  afterAll(() => testApp.close());

  const exportJson = async (client = browser) => {
    const response = await client.get('/api/me/export');
    expect(response.status, response.text.slice(0, 300)).toBe(200);
    expect(String(response.headers['content-type'])).toMatch(/^application\/json/);
    expect(String(response.headers['content-disposition'])).toMatch(
      /^attachment; filename="closer-export-\d{4}-\d{2}-\d{2}\.json"$/,
    );
    return { body: JSON.parse(response.text), text: response.text };
  };

  it('lists grants both ways: given in the owner’s tables, received in the grantee’s export', async () => {
    const given = (await exportJson()).body;
    expect(given.tables.grants).toHaveLength(1);
    expect(given.tables.grants[0]).toMatchObject({
      grantee_id: readerPerson.user.id,
      scope: 'journal:read',
    });
    expect(given.grantsReceived).toEqual([]);
    const received = (await exportJson(reader)).body;
    expect(received.grantsReceived).toHaveLength(1);
    expect(received.grantsReceived[0]).toMatchObject({
      user_id: person.user.id,
      scope: 'journal:read',
    });
  });

  it('holds every journal entry decrypted, every check-in, the safety plan, consents and audit events', async () => {
    const { body } = await exportJson();
    expect(body).toMatchObject({
      format: 'closer-export',
      version: 1,
      exportedAt: testApp.clock.now().toISOString(),
    });
    const { tables } = body;

    expect(tables.journal_entries).toHaveLength(entries.size);
    for (const [id, input] of entries) {
      expect(tables.journal_entries).toContainEqual({
        id,
        text: input.text,
        mood: input.mood,
        tags: input.tags,
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
      });
    }
    expect(tables.checkins).toHaveLength(checkins.size);
    for (const [id, input] of checkins) {
      expect(tables.checkins).toContainEqual(
        expect.objectContaining({ id, note: input.note, mood: input.mood, closeness: 5 }),
      );
    }
    expect(tables.safety_plans).toEqual([{ sections: plan, updatedAt: expect.any(String) }]);
    expect(tables.users).toEqual([
      expect.objectContaining({ id: person.user.id, username: person.user.username }),
    ]);
    expect(tables.consents).toHaveLength(2);
    expect(tables.consents).toContainEqual(
      expect.objectContaining({
        user_id: person.user.id,
        version: CURRENT_PRIVACY_NOTICE.version,
        withdrawn_at: expect.any(String),
      }),
    );
    expect(tables.consents).toContainEqual(
      expect.objectContaining({ user_id: person.user.id, withdrawn_at: null }),
    );
    const events = tables.audit_events.map((event: { event: string }) => event.event);
    expect(events).toEqual(
      expect.arrayContaining(['sign-up', 'consent-given', 'consent-withdrawn', 'export']),
    );
    expect(tables.access_log).toEqual([
      expect.objectContaining({
        user_id: person.user.id,
        actor_id: readerPerson.user.id,
        record_type: 'journal',
        action: 'read',
      }),
    ]);
    // The wrapped data key lives in the key store, not the main database: not exported.
    expect(tables).not.toHaveProperty('person_keys');
    // Every exported row with an owner column is this person's.
    for (const [table, rows] of Object.entries<Record<string, unknown>[]>(tables)) {
      for (const row of rows) {
        if ('user_id' in row) expect(row.user_id, table).toBe(person.user.id);
      }
    }
  });

  it('manifest: every live table with a user_id column (and users) is in export.tables', async () => {
    const { body } = await exportJson();
    const exported = Object.keys(body.tables);
    const personal = (await personalTablesOf(testApp.database)).map((entry) => entry.table);
    expect(personal).toEqual(expect.arrayContaining(['users', 'journal_entries', 'checkins']));
    const missing = personal.filter((table) => !exported.includes(table));
    expect(missing, 'tables holding personal data that the export leaves out').toEqual([]);
    // And the export invents no table the database does not have.
    const live = new Set(personal);
    expect(exported.filter((table) => !live.has(table))).toEqual([]);
  });

  it('leaves out every secret: password hash, session ids and CSRF tokens, wrapped keys, ciphertext, the calendar link', async () => {
    const feed = await browser.post('/api/reminders/calendar-feed', {});
    expect(feed.status, feed.text.slice(0, 200)).toBeLessThan(300);
    const { body, text } = await exportJson();
    expect(body.tables.reminder_feeds).toHaveLength(1);
    expect(body.tables.reminder_feeds[0]).not.toHaveProperty('token_hash');
    expect(body.tables.users[0]).not.toHaveProperty('password_hash');
    expect(body.tables.sessions.length).toBeGreaterThan(0);
    for (const session of body.tables.sessions) {
      expect(session).not.toHaveProperty('id');
      expect(session).not.toHaveProperty('csrf_token');
    }

    // Nor do their values appear anywhere, under any name.
    const db = testApp.database.db;
    const id = person.user.id;
    const user = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
    const sessions = await db
      .selectFrom('sessions')
      .selectAll()
      .where('user_id', '=', id)
      .execute();
    const keys = await testApp.keyStore.db
      .selectFrom('person_keys')
      .selectAll()
      .where('user_id', '=', id)
      .execute();
    expect(keys).toHaveLength(1);
    const journal = await db
      .selectFrom('journal_entries')
      .selectAll()
      .where('user_id', '=', id)
      .execute();
    const feeds = await db
      .selectFrom('reminder_feeds')
      .selectAll()
      .where('user_id', '=', id)
      .execute();
    const secrets = [
      ...feeds.map((row) => row.token_hash),
      String(feed.body.url).split('/').pop(),
      user?.password_hash,
      person.password,
      browser.sessionCookie()?.value,
      ...sessions.flatMap((session) => [session.id, session.csrf_token]),
      ...keys.map((key) => key.wrapped_key),
      ...journal.flatMap((entry) => [entry.text_ciphertext, entry.tags_ciphertext]),
    ];
    expect(secrets.length).toBeGreaterThan(5);
    for (const secret of secrets) {
      expect(typeof secret).toBe('string');
      expect(text.includes(secret as string), 'a secret value in the export').toBe(false);
    }
    expect(text).not.toMatch(/"(password_hash|csrf_token|wrapped_key|token_hash)"/);
  });

  const exportCsv = async (kind: string) => {
    const response = await browser.get(`/api/me/export?format=csv&kind=${kind}`);
    expect(response.status, response.text.slice(0, 300)).toBe(200);
    expect(String(response.headers['content-type'])).toMatch(/^text\/csv/);
    expect(String(response.headers['content-disposition'])).toMatch(
      new RegExp(`^attachment; filename="closer-${kind}-\\d{4}-\\d{2}-\\d{2}\\.csv"$`),
    );
    const rows = parseCsv(response.text);
    const [header, ...records] = rows;
    for (const record of records) expect(record.length).toBe(header?.length);
    return { header: header as string[], records };
  };

  it('CSV journal: each entry parses back to its values, formulas defused', async () => {
    const { header, records } = await exportCsv('journal');
    expect(header).toEqual(['createdAt', 'updatedAt', 'mood', 'tags', 'text']);
    const expected = [...entries.values()].map((entry) => [
      csvValue(entry.mood),
      csvValue(entry.tags.join('; ')),
      csvValue(entry.text),
    ]);
    const got = records.map((record) => record.slice(2));
    expect(got.sort()).toEqual(expected.sort());
    // The cell starting with "=" came back with the apostrophe prefix, not as a formula.
    expect(got.map((record) => record[2])).toContain("'=SUM(A1:A9)");
    expect(got.map((record) => record[2])).toContain(TRICKY_TEXTS[0]);
  });

  it('CSV check-ins: each parses back to its values', async () => {
    const { header, records } = await exportCsv('checkins');
    expect(header).toEqual([
      'date',
      'mood',
      'closeness',
      'stress',
      'note',
      'timeZone',
      'createdAt',
      'updatedAt',
    ]);
    const expected = [...checkins.values()].map((checkin) => [
      String(checkin.mood),
      '5',
      '5',
      csvValue(checkin.note),
      'Europe/London',
    ]);
    expect(records.map((record) => record.slice(1, 6)).sort()).toEqual(expected.sort());
    expect(records.map((record) => record[4])).toContain(
      `'=HYPERLINK("http://example.test","click")`,
    );
  });

  it('CSV safety plan: one row per item, in order', async () => {
    const { header, records } = await exportCsv('safety-plan');
    expect(header).toEqual(['section', 'item']);
    expect(records).toEqual(
      SAFETY_PLAN_SECTIONS.flatMap((section) =>
        (plan[section] as string[]).map((item) => [section, csvValue(item)]),
      ),
    );
  });

  it('CSV consents and access log parse back to the stored rows', async () => {
    const consents = await exportCsv('consents');
    expect(consents.header).toEqual(['kind', 'version', 'given_at', 'withdrawn_at']);
    const stored = await testApp.database.db
      .selectFrom('consents')
      .selectAll()
      .where('user_id', '=', person.user.id)
      .execute();
    expect(consents.records.sort()).toEqual(
      stored.map((row) => [row.kind, row.version, row.given_at, row.withdrawn_at ?? '']).sort(),
    );

    const log = await exportCsv('access-log');
    expect(log.header).toEqual([
      'sequence',
      'at',
      'actor_id',
      'record_type',
      'record_id',
      'action',
      'reason',
    ]);
    expect(log.records).toEqual([
      [
        '1',
        expect.any(String),
        readerPerson.user.id,
        'journal',
        [...entries.keys()][0],
        'read',
        expect.stringMatching(/^viewed \(grant /),
      ],
    ]);
  });

  it('export needs a session, not consent: 401 signed out, 200 after consent is withdrawn', async () => {
    expect((await new TestClient(testApp.app).get('/api/me/export')).status).toBe(401);
    const withdrawn = new TestClient(testApp.app);
    await signUpWithConsent(withdrawn);
    await writeEntry(withdrawn, 'Written before withdrawing.');
    expect((await withdrawn.delete('/api/consent')).status).toBe(204);
    const { body } = await exportJson(withdrawn);
    expect(body.tables.journal_entries).toEqual([
      expect.objectContaining({ text: 'Written before withdrawing.' }),
    ]);
  });

  it('the parser itself rejects malformed CSV', () => {
    expect(parseCsv('a,b\r\n"x ""y""",z\r\n')).toEqual([
      ['a', 'b'],
      ['x "y"', 'z'],
    ]);
    expect(() => parseCsv('a,b\n')).toThrow();
    expect(() => parseCsv('"a\r\n')).toThrow();
    expect(() => parseCsv('a"b\r\n')).toThrow();
    expect(() => parseCsv('a,b')).toThrow();
  });
});
