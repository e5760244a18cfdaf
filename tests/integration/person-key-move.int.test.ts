import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAFETY_PLAN_SECTIONS } from '../../core/safety/safety-plan';
import type { PersonKeysTable } from '../../server/src/db/key-store';
import { MasterKeyRing } from '../../server/src/services/crypto/master-key';
import { createPersonKey, wrapPersonKey } from '../../server/src/services/crypto/person-keys';
import type { SignedUpUser } from '../factories/user.factory';
import { TestClient } from '../support/http-client';
import { liveTables, signUpWithConsent, writeCheckin, writeEntry } from '../support/personal-data';
import { createTestApp, dbAvailable, type TestApp } from '../support/test-app';

/**
 * Existing installs kept the wrapped person keys in the main database's `person_keys` table.
 * At start-up the server copies them into the key store, reads them back, and only then
 * drops the old table. Nobody's text may become unreadable on the way, and a key store that
 * already holds a different key for someone stops start-up instead of losing either key.
 *
 * An old install is made from a new one: people write through the API, then their keys are
 * put back where the old version kept them (the table as migration 20261126090000 creates
 * it) and taken out of the key store.
 */

interface Writer {
  person: SignedUpUser;
  entries: Map<string, string>;
  checkin: { id: string; note: string };
  plan: string;
}

describe.skipIf(!dbAvailable)('moving person keys out of the main database', () => {
  const ring = MasterKeyRing.fromBytes(randomBytes(32));
  let first: TestApp;

  beforeAll(async () => {
    first = await createTestApp({ keyRing: ring });
  });
  afterAll(() => first.close());

  const legacyTable = () => first.database.db.withTables<{ person_keys: PersonKeysTable }>();
  const storeRows = (userIds: string[]) =>
    first.keyStore.db
      .selectFrom('person_keys')
      .selectAll()
      .where('user_id', 'in', userIds)
      .orderBy('user_id')
      .execute();
  const hasLegacyTable = async () =>
    (await liveTables(first.database)).some((table) => table.name === 'person_keys');

  const write = async (label: string): Promise<Writer> => {
    const client = new TestClient(first.app);
    const person = await signUpWithConsent(client);
    const entries = new Map<string, string>();
    for (const text of [`${label}: an old entry. 🌱`, `${label}: ünïcode, tags and all.`]) {
      entries.set(await writeEntry(client, text, { tags: [label] }), text);
    }
    const note = `${label}: an old check-in note.`;
    const checkin = { id: await writeCheckin(client, note), note };
    const plan = `${label}: call my sister.`;
    const sections = Object.fromEntries(SAFETY_PLAN_SECTIONS.map((section) => [section, [plan]]));
    expect((await client.put('/api/safety-plan', { sections })).status).toBe(200);
    return { person, entries, checkin, plan };
  };

  /** Puts the people's keys back where versions before the key store kept them. */
  const makeOldInstall = async (userIds: string[]) => {
    const rows = await storeRows(userIds);
    expect(rows).toHaveLength(userIds.length);
    if (!(await hasLegacyTable())) {
      await first.database.db.schema
        .createTable('person_keys')
        .addColumn('user_id', 'text', (column) =>
          column.primaryKey().references('users.id').onDelete('cascade'),
        )
        .addColumn('wrapped_key', 'text', (column) => column.notNull())
        .addColumn('master_key_id', 'text', (column) => column.notNull())
        .addColumn('created_at', first.database.dialect.timestampType, (column) => column.notNull())
        .execute();
    }
    await legacyTable().insertInto('person_keys').values(rows).execute();
    await first.keyStore.db.deleteFrom('person_keys').where('user_id', 'in', userIds).execute();
    return rows;
  };

  /** Signs in on `testApp` and reads back everything the person wrote. */
  const readsEverything = async (testApp: TestApp, writer: Writer) => {
    const client = new TestClient(testApp.app);
    const login = await client.post('/api/auth/login', {
      login: writer.person.login,
      password: writer.person.password,
    });
    expect(login.status, login.text).toBe(200);
    for (const [id, text] of writer.entries) {
      const read = await client.get(`/api/journal/${id}`);
      expect(read.status, read.text).toBe(200);
      expect(read.body.entry.text).toBe(text);
    }
    const checkin = await client.get(`/api/checkins/${writer.checkin.id}`);
    expect(checkin.body.checkin.note).toBe(writer.checkin.note);
    const plan = await client.get('/api/safety-plan');
    expect(plan.body.plan.sections[SAFETY_PLAN_SECTIONS[0] as string]).toEqual([writer.plan]);
    const exported = await client.get('/api/me/export');
    expect(exported.status).toBe(200);
    expect(exported.text).not.toContain('"unreadable":true');
  };

  it('a new install keeps no person keys in the main database', async () => {
    expect(await hasLegacyTable()).toBe(false);
    const writer = await write('Newcomer');
    expect(await storeRows([writer.person.user.id])).toHaveLength(1);
  });

  it('moves the keys of an old install into the key store at start-up, then drops the old table; everyone reads everything', async () => {
    const writers = [await write('Ada'), await write('Bea')];
    const ids = writers.map((writer) => writer.person.user.id);
    const original = await makeOldInstall(ids);
    expect(await hasLegacyTable()).toBe(true);
    expect(await storeRows(ids)).toEqual([]);

    // Two instances of the new version start at once on the old install.
    const upgraded = await Promise.all([
      createTestApp({ sameDatabaseAs: first }),
      createTestApp({ sameDatabaseAs: first }),
    ]);
    try {
      expect(await hasLegacyTable()).toBe(false);
      expect(await storeRows(ids)).toEqual(original);
      for (const testApp of upgraded) {
        for (const writer of writers) await readsEverything(testApp, writer);
      }
    } finally {
      for (const testApp of upgraded) await testApp.close();
    }
  });

  it('stops start-up, removing nothing, when the key store already holds a different key for someone; starts once that is sorted out', async () => {
    const writer = await write('Cleo');
    const id = writer.person.user.id;
    const [original] = await makeOldInstall([id]);
    const other = wrapPersonKey(createPersonKey(), ring.current, id);
    await first.keyStore.db
      .insertInto('person_keys')
      .values({ ...(original as PersonKeysTable), wrapped_key: other })
      .execute();

    await expect(createTestApp({ sameDatabaseAs: first })).rejects.toThrow(
      `the key store already holds a different data key for 1 person (user ${id}). Nothing was removed from the main database.`,
    );
    expect(await legacyTable().selectFrom('person_keys').selectAll().execute()).toEqual([original]);
    expect((await storeRows([id]))[0]?.wrapped_key).toBe(other);

    // The operator finds the store's key was the stray one and removes it: start-up moves on.
    await first.keyStore.db.deleteFrom('person_keys').where('user_id', '=', id).execute();
    const upgraded = await createTestApp({ sameDatabaseAs: first });
    try {
      expect(await hasLegacyTable()).toBe(false);
      expect(await storeRows([id])).toEqual([original]);
      await readsEverything(upgraded, writer);
    } finally {
      await upgraded.close();
    }
  });
});
