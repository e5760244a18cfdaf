import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MasterKeyRing, masterKeyId } from '../../server/src/services/crypto/master-key';
import { signUp, type SignedUpUser } from '../factories/user.factory';
import { TestClient } from '../support/http-client';
import { signUpWithConsent, writeCheckin, writeEntry } from '../support/personal-data';
import { createTestApp, dbAvailable, type TestApp } from '../support/test-app';

/**
 * Master key rotation end to end, as docs/decisions/0006 tells an operator to do it: entries
 * written under K1; a server started with [K2 current, K1 previous] rewraps every person key;
 * a server with K2 alone then reads everything. The data itself is never re-encrypted.
 */

describe.skipIf(!dbAvailable)('master key rotation', () => {
  const k1 = randomBytes(32);
  const k2 = randomBytes(32);
  let first: TestApp;
  const written: { person: SignedUpUser; entries: Map<string, string>; checkin: string }[] = [];

  beforeAll(async () => {
    first = await createTestApp({ keyRing: MasterKeyRing.fromBytes(k1) });
    for (let index = 0; index < 3; index += 1) {
      const client = new TestClient(first.app);
      const person = await signUpWithConsent(client);
      const entries = new Map<string, string>();
      for (let entry = 0; entry < 3; entry += 1) {
        const text = `Person ${index}, entry ${entry}: written under the first master key. 🌊`;
        entries.set(await writeEntry(client, text, { tags: [`p${index}`] }), text);
      }
      const checkin = await writeCheckin(client, `Person ${index}'s note under K1.`);
      written.push({ person, entries, checkin });
    }
  });
  afterAll(() => first.close());

  const keyRows = () =>
    first.keyStore.db
      .selectFrom('person_keys')
      .selectAll()
      .where(
        'user_id',
        'in',
        written.map((entry) => entry.person.user.id),
      )
      .orderBy('user_id')
      .execute();

  const signIn = async (testApp: TestApp, person: SignedUpUser) => {
    const client = new TestClient(testApp.app);
    const response = await client.post('/api/auth/login', {
      login: person.login,
      password: person.password,
    });
    expect(response.status).toBe(200);
    return client;
  };

  it('rewraps every person key under K2, then a server holding only K2 reads every entry', async () => {
    const before = await keyRows();
    expect(before).toHaveLength(written.length);
    for (const row of before) expect(row.master_key_id).toBe(masterKeyId(k1));
    const ciphertextBefore = await first.database.db
      .selectFrom('journal_entries')
      .select(['id', 'text_ciphertext'])
      .orderBy('id')
      .execute();

    // A server with K2 alone cannot read yet: the keys are still wrapped with K1.
    const tooEarly = await createTestApp({
      sameDatabaseAs: first,
      keyRing: MasterKeyRing.fromBytes(k2),
    });
    try {
      const client = await signIn(tooEarly, written[0]?.person as SignedUpUser);
      const [entryId] = [...(written[0]?.entries.keys() ?? [])];
      const read = await client.get(`/api/journal/${entryId}`);
      expect(read.status, read.text).toBeGreaterThanOrEqual(500);
      expect(read.body.error.code).toBe('person_key_invalid');
      expect(read.text).not.toContain('written under');
    } finally {
      await tooEarly.close();
    }

    // Rotation: K2 current, K1 kept to unwrap.
    const rotating = await createTestApp({
      sameDatabaseAs: first,
      keyRing: MasterKeyRing.fromBytes(k2, [k1]),
    });
    try {
      // While rotating, the server reads both kinds of keys.
      const client = await signIn(rotating, written[1]?.person as SignedUpUser);
      const [entryId, text] = [...(written[1]?.entries ?? [])][0] as [string, string];
      expect((await client.get(`/api/journal/${entryId}`)).body.entry.text).toBe(text);

      const report = await rotating.app.services.keys.rotateMasterKey();
      expect(report).toMatchObject({
        masterKeyId: masterKeyId(k2),
        failed: [],
        skipped: 0,
      });
      expect(report.examined).toBeGreaterThanOrEqual(written.length);
      expect(report.rewrapped).toBe(report.examined);
      // Idempotent: a second run finds nothing to do.
      expect(await rotating.app.services.keys.rotateMasterKey()).toMatchObject({
        examined: 0,
        rewrapped: 0,
        failed: [],
      });
    } finally {
      await rotating.close();
    }

    const after = await keyRows();
    for (const row of after) {
      expect(row.master_key_id).toBe(masterKeyId(k2));
      expect(row.wrapped_key.startsWith(`pk1:${masterKeyId(k2)}:`)).toBe(true);
    }
    expect(after.map((row) => row.wrapped_key)).not.toEqual(before.map((row) => row.wrapped_key));
    // The data was not re-encrypted: only the wrapping of each person key changed.
    expect(
      await first.database.db
        .selectFrom('journal_entries')
        .select(['id', 'text_ciphertext'])
        .orderBy('id')
        .execute(),
    ).toEqual(ciphertextBefore);

    const third = await createTestApp({
      sameDatabaseAs: first,
      keyRing: MasterKeyRing.fromBytes(k2),
    });
    try {
      for (const { person, entries, checkin } of written) {
        const client = await signIn(third, person);
        for (const [id, text] of entries) {
          const read = await client.get(`/api/journal/${id}`);
          expect(read.status, read.text).toBe(200);
          expect(read.body.entry.text).toBe(text);
        }
        const list = await client.get('/api/journal');
        expect(list.body.total).toBe(entries.size);
        expect((await client.get(`/api/checkins/${checkin}`)).body.checkin.note).toMatch(
          /under K1\.$/,
        );
        // And new writes under K2 read back too.
        const fresh = await client.post('/api/journal', { text: 'Written under K2.' });
        expect(fresh.status).toBe(201);
        expect((await client.get(`/api/journal/${fresh.body.entry.id}`)).body.entry.text).toBe(
          'Written under K2.',
        );
      }
      // A newcomer's key is wrapped with K2 from the start.
      const newcomer = await signUp(new TestClient(third.app));
      const client = await signIn(third, newcomer);
      await client.post('/api/consent', {
        version: (await client.get('/api/consent')).body.version,
      });
      await writeEntry(client, 'A newcomer under K2.');
      const row = await third.keyStore.db
        .selectFrom('person_keys')
        .select('master_key_id')
        .where('user_id', '=', newcomer.user.id)
        .executeTakeFirstOrThrow();
      expect(row.master_key_id).toBe(masterKeyId(k2));
    } finally {
      await third.close();
    }

    // The old server, K1 only, can no longer read: K1 can be retired only by those who
    // also have K2, and nobody holding just the retired key reads anything.
    const stale = await createTestApp({
      sameDatabaseAs: first,
      keyRing: MasterKeyRing.fromBytes(k1),
    });
    try {
      const client = await signIn(stale, written[2]?.person as SignedUpUser);
      const [entryId] = [...(written[2]?.entries.keys() ?? [])];
      const read = await client.get(`/api/journal/${entryId}`);
      expect(read.body.error.code).toBe('person_key_invalid');
      expect(read.text).not.toContain('written under');
    } finally {
      await stale.close();
    }
  });
});
