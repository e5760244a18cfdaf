import { randomBytes, createSecretKey } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CURRENT_CLOSENESS_CHECK } from '../../core/assessment/closeness-check.definition';
import { researchCopy } from '../../core/assessment/responses';
import { CURRENT_RESEARCH_NOTICE } from '../../core/consent/research-notice';
import { SAFETY_PLAN_SECTIONS } from '../../core/safety/safety-plan';
import { MasterKeyRing } from '../../server/src/services/crypto/master-key';
import { decryptField } from '../../server/src/services/crypto/field-cipher';
import { answersAt } from '../factories/closeness-check.factory';
import type { SignedUpUser } from '../factories/user.factory';
import { backUpAndRestoreMainDatabase } from '../support/backup';
import { TestClient } from '../support/http-client';
import {
  grantAccess,
  insertRows,
  personalTablesOf,
  rowsOfPerson,
  selectRows,
  signUpWithConsent,
  writeCheckin,
  writeEntry,
} from '../support/personal-data';
import { createTestApp, dbAvailable, type TestApp } from '../support/test-app';

/**
 * Deleting an account: the password again, then the person's data key is destroyed in the
 * key store and every row of theirs goes at once, so a copy of their encrypted rows taken
 * before (a backup of the main database) can no longer be read. Other people's data is
 * untouched, in the live database and in that backup.
 */

type Backup = Record<string, Record<string, unknown>[]>;

describe.skipIf(!dbAvailable)('DELETE /api/me', () => {
  let testApp: TestApp;
  const masterKey = randomBytes(32);

  beforeAll(async () => {
    testApp = await createTestApp({ keyRing: MasterKeyRing.fromBytes(masterKey) });
  });
  afterAll(() => testApp.close());

  /** The person's wrapped key in the live key store (the main database holds none). */
  const keyStoreRows = (userId: string) =>
    testApp.keyStore.db
      .selectFrom('person_keys')
      .selectAll()
      .where('user_id', '=', userId)
      .execute();

  /** Everything a person has in the main database, the way a backup of it would hold it. */
  const backupOf = async (userId: string): Promise<Backup> => {
    const backup: Backup = {};
    for (const { table, column } of await personalTablesOf(testApp.database)) {
      backup[table] = await selectRows(testApp.database, table, column, userId);
    }
    return backup;
  };

  /** Puts a backup's rows back, parents first, leaving out the tables named. */
  const restore = async (backup: Backup, without: string[]) => {
    const order = ['users', ...Object.keys(backup).filter((table) => table !== 'users')];
    for (const table of order) {
      if (without.includes(table)) continue;
      await insertRows(testApp.database, table, backup[table] ?? []);
    }
  };

  interface Person {
    client: TestClient;
    person: SignedUpUser;
    entries: string[];
    checkin: string;
  }

  const somebody = async (label: string): Promise<Person> => {
    const client = new TestClient(testApp.app);
    const person = await signUpWithConsent(client);
    const entries = [
      await writeEntry(client, `${label}: the first entry.`, { tags: [label] }),
      await writeEntry(client, `${label}: the second entry.`),
    ];
    const checkin = await writeCheckin(client, `${label}: a check-in note.`);
    const sections = Object.fromEntries(
      SAFETY_PLAN_SECTIONS.map((section) => [section, [`${label} plan`]]),
    );
    expect((await client.put('/api/safety-plan', { sections })).status).toBe(200);
    return { client, person, entries, checkin };
  };

  const CHECK = '/api/assessments/closeness-check';

  /**
   * A Closeness Check for the person, with research consent: a saved response, its research
   * copy waiting in the queue, and a draft of the next one.
   */
  const checkOf = async (client: TestClient, level: number) => {
    const version = CURRENT_RESEARCH_NOTICE.version;
    expect((await client.post('/api/consent/research', { version })).status).toBe(204);
    const answers = answersAt(level);
    const saved = await client.post(`${CHECK}/responses`, { answers });
    expect(saved.status, saved.text.slice(0, 300)).toBe(201);
    const draft = answersAt(level === 2 ? 4 : 2);
    expect((await client.put(`${CHECK}/draft`, { answers: draft })).status).toBe(200);
    return { responseId: saved.body.id as string, answers, draft };
  };

  it('wrong password: 403 and nothing deleted; right password: 204, signed out, no row left anywhere, key destroyed, others untouched', async () => {
    const leaving = await somebody('Leaving');
    const staying = await somebody('Staying');
    const id = leaving.person.user.id;
    // Grants both ways and logged reads, so grants and access-log rows exist too.
    await grantAccess(testApp, {
      ownerId: id,
      granteeId: staying.person.user.id,
      scope: 'journal:read',
      minutes: 30,
    });
    await grantAccess(testApp, {
      ownerId: staying.person.user.id,
      granteeId: id,
      scope: 'journal:read',
      minutes: 30,
    });
    expect((await staying.client.get(`/api/journal/${leaving.entries[0]}`)).status).toBe(200);
    expect((await leaving.client.get(`/api/journal/${staying.entries[0]}`)).status).toBe(200);
    expect((await leaving.client.get('/api/me/export')).status).toBe(200);

    const before = await rowsOfPerson(testApp.database, id);
    for (const table of [
      'users',
      'sessions',
      'consents',
      'journal_entries',
      'checkins',
      'safety_plans',
      'grants',
      'access_log',
      'access_log_heads',
      'audit_events',
    ]) {
      expect(before[table], `${table} has rows of the person before deletion`).toBeGreaterThan(0);
    }
    expect(before).not.toHaveProperty('person_keys');
    expect(await keyStoreRows(id)).toHaveLength(1);
    const othersBefore = await rowsOfPerson(testApp.database, staying.person.user.id);

    // Wrong password: refused, nothing changes, still signed in.
    const wrong = await leaving.client.delete('/api/me', { body: { password: 'not my password' } });
    expect(wrong.status).toBe(403);
    expect(wrong.body).toEqual({
      error: { code: 'password_incorrect', message: expect.any(String) },
    });
    expect(await rowsOfPerson(testApp.database, id)).toEqual(before);
    expect((await leaving.client.get('/api/me')).status).toBe(200);
    expect(await testApp.app.services.keys.existingDataKeyFor(id)).not.toBeNull();

    // Without a session: 401.
    const anonymous = await new TestClient(testApp.app).delete('/api/me', {
      body: { password: leaving.person.password },
    });
    expect(anonymous.status).toBe(401);

    const backup = await backupOf(id);
    const cookie = leaving.client.sessionCookie()?.value as string;

    // Right password: gone.
    const gone = await leaving.client.delete('/api/me', {
      body: { password: leaving.person.password },
    });
    expect(gone.status, gone.text).toBe(204);
    expect(gone.text).toBe('');
    const cleared = gone.setCookies.find((entry) => entry.name === 'closer_session');
    expect(cleared?.value ?? '').toBe('');
    expect(leaving.client.sessionCookie()).toBeUndefined();
    expect((await leaving.client.get('/api/me')).status).toBe(401);
    const replay = new TestClient(testApp.app);
    replay.setCookie('closer_session', cookie);
    expect((await replay.get('/api/me')).status).toBe(401);
    const signIn = await new TestClient(testApp.app).post('/api/auth/login', {
      login: leaving.person.login,
      password: leaving.person.password,
    });
    expect(signIn.status).toBe(401);

    // No row of the person remains in any table of the live database.
    const after = await rowsOfPerson(testApp.database, id);
    expect(
      Object.values(after).every((count) => count === 0),
      JSON.stringify(after),
    ).toBe(true);
    expect(Object.keys(after)).toEqual(expect.arrayContaining(Object.keys(before)));
    const received = await testApp.database.db
      .selectFrom('grants')
      .select('id')
      .where('grantee_id', '=', id)
      .execute();
    expect(received).toEqual([]);
    expect(await keyStoreRows(id)).toEqual([]);
    expect(await testApp.app.services.keys.existingDataKeyFor(id)).toBeNull();

    // The deletion itself is audited, without a link to the person.
    const deletions = await testApp.database.db
      .selectFrom('audit_events')
      .selectAll()
      .where('event', '=', 'account-deleted')
      .execute();
    expect(deletions).toEqual([expect.objectContaining({ user_id: null })]);
    expect(deletions[0]?.details).not.toContain(id);

    // Other people's data is untouched and still reads.
    expect(await rowsOfPerson(testApp.database, staying.person.user.id)).toEqual({
      ...othersBefore,
      // The grant they had given the leaving person went with its grantee.
      grants: (othersBefore.grants as number) - 1,
    });
    for (const entryId of staying.entries) {
      const read = await staying.client.get(`/api/journal/${entryId}`);
      expect(read.status).toBe(200);
      expect(read.body.entry.text).toMatch(/^Staying: /);
    }
    expect((await staying.client.get(`/api/checkins/${staying.checkin}`)).body.checkin.note).toBe(
      'Staying: a check-in note.',
    );

    // The backup's ciphertext cannot be read with any key there is.
    const row = backup.journal_entries?.[0] as { id: string; text_ciphertext: string };
    const location = {
      table: 'journal_entries',
      column: 'text_ciphertext',
      recordId: row.id,
      ownerId: id,
    };
    for (const key of [
      createSecretKey(randomBytes(32)),
      await testApp.app.services.keys.dataKeyFor(staying.person.user.id),
    ]) {
      expect(() => decryptField(row.text_ciphertext, key, location)).toThrow(
        expect.objectContaining({ code: 'ciphertext_invalid' }),
      );
    }
    // ... and nothing recreated a key for the deleted person meanwhile.
    expect(await testApp.app.services.keys.existingDataKeyFor(id)).toBeNull();

    // Restoring every row of the main database (all a backup of it holds): the person can
    // even sign in again, but their text cannot be read: a clear ciphertext_invalid, never
    // the words.
    await restore(backup, ['sessions']);
    const restored = new TestClient(testApp.app);
    const login = await restored.post('/api/auth/login', {
      login: leaving.person.login,
      password: leaving.person.password,
    });
    expect(login.status, login.text).toBe(200);
    for (const path of [
      `/api/journal/${leaving.entries[0]}`,
      `/api/journal/${leaving.entries[1]}`,
      `/api/checkins/${leaving.checkin}`,
      '/api/safety-plan',
    ]) {
      const read = await restored.get(path);
      expect(read.status, `${path}: ${read.text}`).toBe(500);
      expect(read.body.error.code, path).toBe('ciphertext_invalid');
      expect(read.text, path).not.toContain('Leaving');
    }
    // Lists and the export still answer, every restored item marked unreadable, no text.
    const journal = await restored.get('/api/journal');
    expect(journal.status, journal.text).toBe(200);
    expect(
      journal.body.entries.every(
        (entry: { unreadable?: boolean; text: string }) => entry.unreadable && entry.text === '',
      ),
    ).toBe(true);
    const checkins = await restored.get('/api/checkins');
    expect(checkins.status, checkins.text).toBe(200);
    expect(
      checkins.body.checkins.every(
        (checkin: { unreadable?: boolean; note: string | null }) =>
          checkin.unreadable && checkin.note === null,
      ),
    ).toBe(true);
    const exported = await restored.get('/api/me/export');
    expect(exported.status, exported.text.slice(0, 300)).toBe(200);
    for (const read of [journal, checkins, exported]) expect(read.text).not.toContain('Leaving');
    // Reading did not mint a new key that would make the old rows look like the person's.
    expect(await testApp.app.services.keys.existingDataKeyFor(id)).toBeNull();
    expect(await keyStoreRows(id)).toEqual([]);
  });

  /**
   * The person's research copies waiting in the queue of an app's database, decrypted with
   * the key that app finds for them: a deleted person has none, so any copy of theirs fails.
   */
  const queuedCopies = async (app: TestApp, ownerId: string): Promise<unknown[]> => {
    const rows = (await selectRows(app.database, 'research_pool_queue', 'user_id', ownerId)) as {
      id: string;
      answers_ciphertext: string;
    }[];
    expect(rows.length).toBeGreaterThan(0);
    const key = await app.app.services.keys.existingDataKeyFor(ownerId);
    return rows.map((row) => {
      const location = {
        table: 'research_pool_queue',
        column: 'answers_ciphertext',
        recordId: row.id,
        ownerId,
      };
      // No key at all: try with a key that is not theirs, which must fail the same way.
      return JSON.parse(
        decryptField(row.answers_ciphertext, key ?? createSecretKey(randomBytes(32)), location),
      ) as unknown;
    });
  };

  /** The scored answers only: what a research copy holds. */
  const researchCopyOf = (answers: Record<string, number>) =>
    researchCopy(answers, CURRENT_CLOSENESS_CHECK);

  it('crypto-shredding: a backup of the main database taken before the deletion cannot be read for the deleted person, and still reads for everyone else', async () => {
    const leaving = await somebody('Shredded');
    const staying = await somebody('Kept');
    const id = leaving.person.user.id;
    const leavingCheck = await checkOf(leaving.client, 2);
    const stayingCheck = await checkOf(staying.client, 4);
    const backup = await backUpAndRestoreMainDatabase(testApp);
    try {
      // A real backup: the person's rows are in it; their key is not, in any form.
      expect(backup.bytes.includes(Buffer.from(id, 'utf8'))).toBe(true);
      expect(backup.bytes.includes(Buffer.from('pk1:', 'utf8'))).toBe(false);
      const [wrapped] = await keyStoreRows(id);
      expect(backup.bytes.includes(Buffer.from(wrapped?.wrapped_key ?? '-', 'utf8'))).toBe(false);

      // An app started on the restored backup, with the live key store and master key ring.
      const onBackup = () =>
        createTestApp({
          onDatabase: backup.location,
          env: { KEY_STORE_URL: testApp.keyStoreUrl },
          keyRing: testApp.keyRing,
          clock: testApp.clock,
        });
      const signIn = async (app: TestApp, who: Person) => {
        const client = new TestClient(app.app);
        const response = await client.post('/api/auth/login', {
          login: who.person.login,
          password: who.person.password,
        });
        expect(response.status, response.text).toBe(200);
        return client;
      };

      // Before the deletion, the restored backup reads for both: it is a usable backup.
      const early = await onBackup();
      try {
        const client = await signIn(early, leaving);
        const read = await client.get(`/api/journal/${leaving.entries[0]}`);
        expect(read.status, read.text).toBe(200);
        expect(read.body.entry.text).toBe('Shredded: the first entry.');
        const check = await client.get(`${CHECK}/responses/${leavingCheck.responseId}`);
        expect(check.status, check.text).toBe(200);
        expect(check.body.response.answers).toEqual(leavingCheck.answers);
        expect((await client.get(`${CHECK}/draft`)).body.draft.answers).toEqual(leavingCheck.draft);
        expect(await queuedCopies(early, id)).toEqual([researchCopyOf(leavingCheck.answers)]);
      } finally {
        await early.close();
      }

      const gone = await leaving.client.delete('/api/me', {
        body: { password: leaving.person.password },
      });
      expect(gone.status, gone.text).toBe(204);
      expect(await keyStoreRows(id)).toEqual([]);

      // After it: the same backup, the same live key store and master keys.
      const late = await onBackup();
      try {
        // The backup still has the account, so the person can sign in there; nothing of
        // what they wrote can be read: a clear error, never the words.
        const client = await signIn(late, leaving);
        for (const path of [
          `/api/journal/${leaving.entries[0]}`,
          `/api/journal/${leaving.entries[1]}`,
          `/api/checkins/${leaving.checkin}`,
          '/api/safety-plan',
        ]) {
          const read = await client.get(path);
          expect(read.status, `${path}: ${read.text}`).toBe(500);
          expect(read.body.error.code, path).toBe('ciphertext_invalid');
          expect(read.text, path).not.toContain('Shredded');
        }
        const journal = await client.get('/api/journal');
        expect(journal.status, journal.text).toBe(200);
        expect(journal.body.entries).toHaveLength(2);
        expect(
          journal.body.entries.every(
            (entry: { unreadable?: boolean; text: string }) =>
              entry.unreadable && entry.text === '',
          ),
        ).toBe(true);
        const exported = await client.get('/api/me/export');
        expect(exported.status, exported.text.slice(0, 300)).toBe(200);
        expect(exported.text).not.toContain('Shredded');
        // Their Closeness Check too: the response is there but unreadable, no answers and no
        // scores; the draft cannot be opened (so none is offered); the research copy still
        // waiting in the queue cannot be decrypted with any key there is.
        const check = await client.get(`${CHECK}/responses/${leavingCheck.responseId}`);
        expect(check.status, check.text).toBe(200);
        expect(check.body.response).toMatchObject({ unreadable: true, answers: {} });
        expect(Object.values(check.body.response.scores).every((score) => score === null)).toBe(
          true,
        );
        const history = await client.get(`${CHECK}/responses`);
        expect(history.body.responses).toEqual([
          expect.objectContaining({ id: leavingCheck.responseId, unreadable: true }),
        ]);
        expect((await client.get(`${CHECK}/draft`)).body).toEqual({ draft: null });
        expect(exported.text).not.toContain(JSON.stringify(leavingCheck.answers).slice(1, 40));
        await expect(queuedCopies(late, id)).rejects.toMatchObject({
          code: 'ciphertext_invalid',
        });

        // Everybody else in the same backup reads as before.
        const other = await signIn(late, staying);
        for (const [index, entryId] of staying.entries.entries()) {
          const read = await other.get(`/api/journal/${entryId}`);
          expect(read.status, read.text).toBe(200);
          expect(read.body.entry.text).toBe(`Kept: the ${index === 0 ? 'first' : 'second'} entry.`);
        }
        expect((await other.get(`/api/checkins/${staying.checkin}`)).body.checkin.note).toBe(
          'Kept: a check-in note.',
        );
        const plan = await other.get('/api/safety-plan');
        expect(plan.status, plan.text).toBe(200);
        for (const section of SAFETY_PLAN_SECTIONS) {
          expect(plan.body.plan.sections[section]).toEqual(['Kept plan']);
        }
        const kept = await other.get(`${CHECK}/responses/${stayingCheck.responseId}`);
        expect(kept.status, kept.text).toBe(200);
        expect(kept.body.response.answers).toEqual(stayingCheck.answers);
        expect(kept.body.response.unreadable).toBeUndefined();
        expect((await other.get(`${CHECK}/draft`)).body.draft.answers).toEqual(stayingCheck.draft);
        expect(await queuedCopies(late, staying.person.user.id)).toEqual([
          researchCopyOf(stayingCheck.answers),
        ]);
        // Reading the backup minted no key for the deleted person in the live key store.
        expect(await keyStoreRows(id)).toEqual([]);
      } finally {
        await late.close();
      }
    } finally {
      await backup.remove();
    }
  });

  it('a deletion that fails after the key is destroyed leaves the text unreadable, and asking again completes it', async () => {
    const leaving = await somebody('Half-deleted');
    const id = leaving.person.user.id;
    // Make deleting journal rows fail, as a database error half-way through would.
    const sqlite = testApp.kind === 'sqlite';
    await sql
      .raw(
        sqlite
          ? `create trigger refuse_journal_delete before delete on journal_entries
             begin select raise(abort, 'journal rows cannot be deleted just now'); end`
          : `create function refuse_journal_delete() returns trigger language plpgsql as $$
             begin raise exception 'journal rows cannot be deleted just now'; end $$;
             create trigger refuse_journal_delete before delete on journal_entries
             for each row execute function refuse_journal_delete()`,
      )
      .execute(testApp.database.db);
    try {
      const failed = await leaving.client.delete('/api/me', {
        body: { password: leaving.person.password },
      });
      expect(failed.status, failed.text).toBe(500);
      // The rows are all still there (one transaction), but the key is already gone.
      expect((await rowsOfPerson(testApp.database, id)).journal_entries).toBe(2);
      expect(await keyStoreRows(id)).toEqual([]);
      const read = await leaving.client.get(`/api/journal/${leaving.entries[0]}`);
      expect(read.status, read.text).toBe(500);
      expect(read.body.error.code).toBe('ciphertext_invalid');
      expect(read.text).not.toContain('Half-deleted');
    } finally {
      await sql
        .raw(
          sqlite
            ? 'drop trigger refuse_journal_delete'
            : 'drop trigger refuse_journal_delete on journal_entries; drop function refuse_journal_delete()',
        )
        .execute(testApp.database.db);
    }

    // Still signed in: asking again finishes the job.
    const again = await leaving.client.delete('/api/me', {
      body: { password: leaving.person.password },
    });
    expect(again.status, again.text).toBe(204);
    const after = await rowsOfPerson(testApp.database, id);
    expect(
      Object.values(after).every((count) => count === 0),
      JSON.stringify(after),
    ).toBe(true);
    expect(await keyStoreRows(id)).toEqual([]);
  });

  it('the remaining window, a key-store backup from before the deletion, closes once the master key is rotated and the old one retired', async () => {
    const leaving = await somebody('Rotated-away');
    const staying = await somebody('Rotated-stays');
    const id = leaving.person.user.id;
    const backup = await backupOf(id);
    const keyBackup = await keyStoreRows(id);
    expect(keyBackup).toHaveLength(1);
    const gone = await leaving.client.delete('/api/me', {
      body: { password: leaving.person.password },
    });
    expect(gone.status).toBe(204);

    // The operator rotates to a new master key and retires the old one (decision 0006).
    const newKey = randomBytes(32);
    const rotating = await createTestApp({
      sameDatabaseAs: testApp,
      keyRing: MasterKeyRing.fromBytes(newKey, [masterKey]),
    });
    const report = await rotating.app.services.keys.rotateMasterKey();
    expect(report.failed).toEqual([]);
    await rotating.close();
    const retired = await createTestApp({
      sameDatabaseAs: testApp,
      keyRing: MasterKeyRing.fromBytes(newKey),
    });
    try {
      // The person who stayed still reads everything under the new key alone.
      const stays = new TestClient(retired.app);
      expect(
        (
          await stays.post('/api/auth/login', {
            login: staying.person.login,
            password: staying.person.password,
          })
        ).status,
      ).toBe(200);
      expect((await stays.get(`/api/journal/${staying.entries[0]}`)).body.entry.text).toBe(
        'Rotated-stays: the first entry.',
      );

      // Both pre-deletion backups come back: the main database's rows and the old wrapped
      // key from the key store's backup.
      await restore(backup, ['sessions']);
      await testApp.keyStore.db.insertInto('person_keys').values(keyBackup).execute();
      const restored = new TestClient(retired.app);
      expect(
        (
          await restored.post('/api/auth/login', {
            login: leaving.person.login,
            password: leaving.person.password,
          })
        ).status,
      ).toBe(200);
      const read = await restored.get(`/api/journal/${leaving.entries[0]}`);
      expect(read.status, read.text).toBeGreaterThanOrEqual(500);
      expect(read.body.error.code).toBe('person_key_invalid');
      expect(read.text).not.toContain('Rotated-away');
    } finally {
      await retired.close();
    }
  });
});
