import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GrantRepository } from '../../server/src/repositories/grant.repository';
import type { SignedUpUser } from '../factories/user.factory';
import { TestClient } from '../support/http-client';
import { grantAccess, signUpWithConsent, writeCheckin, writeEntry } from '../support/personal-data';
import { createTestApp, dbAvailable, type TestApp } from '../support/test-app';

/**
 * Grants and the access log: a grantee may read (never change) what a grant opens, while it
 * is active; every such read lands in the owner's log, whose hash chain shows an edited,
 * deleted or cut-off row.
 */

describe.skipIf(!dbAvailable)('grants and the access log', () => {
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await createTestApp();
  });
  afterAll(() => testApp.close());

  interface Pair {
    owner: TestClient;
    ownerPerson: SignedUpUser;
    grantee: TestClient;
    granteePerson: SignedUpUser;
    entryId: string;
  }

  const pair = async (): Promise<Pair> => {
    const owner = new TestClient(testApp.app);
    const ownerPerson = await signUpWithConsent(owner);
    const grantee = new TestClient(testApp.app);
    const granteePerson = await signUpWithConsent(grantee);
    const entryId = await writeEntry(owner, 'What the owner chose to share.', { tags: ['shared'] });
    return { owner, ownerPerson, grantee, granteePerson, entryId };
  };

  const grant = (p: Pair, scope = 'journal:read', minutes = 30) =>
    grantAccess(testApp, {
      ownerId: p.ownerPerson.user.id,
      granteeId: p.granteePerson.user.id,
      scope,
      minutes,
    });

  const notFound = { error: { code: 'not_found', message: expect.any(String) } };

  it('a grantee reads the entry, the owner sees the read in an intact log; the grantee still cannot change or delete it', async () => {
    const p = await pair();
    expect((await p.grantee.get(`/api/journal/${p.entryId}`)).status).toBe(404);
    const grantId = await grant(p);

    const read = await p.grantee.get(`/api/journal/${p.entryId}`);
    expect(read.status, read.text).toBe(200);
    expect(read.body.entry).toMatchObject({
      id: p.entryId,
      text: 'What the owner chose to share.',
      tags: ['shared'],
    });

    const log = await p.owner.get('/api/me/access-log');
    expect(log.status).toBe(200);
    expect(log.body).toEqual({
      entries: [
        {
          sequence: 1,
          at: testApp.clock.now().toISOString(),
          actorId: p.granteePerson.user.id,
          recordType: 'journal',
          recordId: p.entryId,
          action: 'read',
          reason: `viewed (grant ${grantId})`,
        },
      ],
      intact: true,
      problem: null,
    });
    // The owner's own reads are not logged; the grantee's own log is empty.
    expect((await p.owner.get(`/api/journal/${p.entryId}`)).status).toBe(200);
    expect((await p.owner.get('/api/me/access-log')).body.entries).toHaveLength(1);
    expect((await p.grantee.get('/api/me/access-log')).body).toMatchObject({
      entries: [],
      intact: true,
    });

    // Read-only: changing or deleting answers as for a missing id, and changes nothing.
    const update = await p.grantee.put(`/api/journal/${p.entryId}`, { text: 'Overwritten.' });
    expect(update.status).toBe(404);
    expect(update.body).toEqual(notFound);
    const remove = await p.grantee.delete(`/api/journal/${p.entryId}`);
    expect(remove.status).toBe(404);
    expect(remove.body).toEqual(notFound);
    expect((await p.owner.get(`/api/journal/${p.entryId}`)).body.entry.text).toBe(
      'What the owner chose to share.',
    );

    // A journal grant opens nothing else, and the grantee's own lists stay their own.
    const checkinId = await writeCheckin(p.owner, 'Not shared.');
    expect((await p.grantee.get(`/api/checkins/${checkinId}`)).status).toBe(404);
    expect((await p.grantee.get('/api/journal')).body.total).toBe(0);
    expect((await p.grantee.get('/api/checkins')).body.checkins).toEqual([]);
    // Only the successful read was logged.
    expect((await p.owner.get('/api/me/access-log')).body.entries).toHaveLength(1);
  });

  it('many reads at once through a grant all succeed and extend one intact chain', async () => {
    const p = await pair();
    await grant(p);
    // Twelve reads at the same moment (on PostgreSQL, over several pooled connections): each
    // must be answered, logged exactly once, and the chain must not fork.
    const reads = await Promise.all(
      Array.from({ length: 12 }, () => p.grantee.get(`/api/journal/${p.entryId}`)),
    );
    expect(reads.map((read) => read.status)).toEqual(Array(12).fill(200));
    const log = await p.owner.get('/api/me/access-log');
    expect(log.body.intact).toBe(true);
    expect(log.body.entries.map((entry: { sequence: number }) => entry.sequence)).toEqual(
      Array.from({ length: 12 }, (_, index) => index + 1),
    );
  });

  it('after the grant expires the grantee gets 404 again', async () => {
    const p = await pair();
    await grant(p, 'journal:read', 20);
    expect((await p.grantee.get(`/api/journal/${p.entryId}`)).status).toBe(200);
    testApp.clock.advance(19);
    expect((await p.grantee.get(`/api/journal/${p.entryId}`)).status).toBe(200);
    testApp.clock.advance(1);
    const expired = await p.grantee.get(`/api/journal/${p.entryId}`);
    expect(expired.status).toBe(404);
    expect(expired.body).toEqual(notFound);
    expect((await p.owner.get('/api/me/access-log')).body.entries).toHaveLength(2);
  });

  it('after the grant is revoked the grantee gets 404 again', async () => {
    const p = await pair();
    const grantId = await grant(p);
    expect((await p.grantee.get(`/api/journal/${p.entryId}`)).status).toBe(200);
    await new GrantRepository(testApp.database.db).revoke(
      p.ownerPerson.user.id,
      grantId,
      testApp.clock.now().toISOString(),
    );
    const revoked = await p.grantee.get(`/api/journal/${p.entryId}`);
    expect(revoked.status).toBe(404);
    expect(revoked.body).toEqual(notFound);
  });

  it('a grant of another scope, or from another owner, opens nothing', async () => {
    const p = await pair();
    await grant(p, 'checkin:read');
    expect((await p.grantee.get(`/api/journal/${p.entryId}`)).status).toBe(404);
    // A grant whose owner is the grantee themselves (rows pointing the wrong way).
    await grantAccess(testApp, {
      ownerId: p.granteePerson.user.id,
      granteeId: p.ownerPerson.user.id,
      scope: 'journal:read',
      minutes: 30,
    });
    expect((await p.grantee.get(`/api/journal/${p.entryId}`)).status).toBe(404);
    expect((await p.owner.get('/api/me/access-log')).body.entries).toEqual([]);
  });

  describe('tamper evidence', () => {
    /** An owner whose log holds three reads by a grantee. */
    const loggedThrice = async () => {
      const p = await pair();
      await grant(p);
      for (let read = 0; read < 3; read += 1) {
        testApp.clock.advance(1);
        expect((await p.grantee.get(`/api/journal/${p.entryId}`)).status).toBe(200);
      }
      const log = await p.owner.get('/api/me/access-log');
      expect(log.body.entries.map((entry: { sequence: number }) => entry.sequence)).toEqual([
        1, 2, 3,
      ]);
      expect(log.body.intact).toBe(true);
      const rows = await testApp.database.db
        .selectFrom('access_log')
        .selectAll()
        .where('user_id', '=', p.ownerPerson.user.id)
        .orderBy('sequence')
        .execute();
      return { p, rows };
    };

    const check = async (p: Pair) => {
      const log = await p.owner.get('/api/me/access-log');
      expect(log.status).toBe(200);
      return log.body as { intact: boolean; problem: string | null; entries: unknown[] };
    };

    it('an edited row breaks the chain; restoring it mends it', async () => {
      const { p, rows } = await loggedThrice();
      const middle = rows[1] as (typeof rows)[number];
      for (const change of [
        { reason: 'nothing to see' },
        { actor_id: p.ownerPerson.user.id },
        { at: '2020-01-01T00:00:00.000Z' },
        { record_id: 'another-record' },
      ]) {
        await testApp.database.db
          .updateTable('access_log')
          .set(change)
          .where('id', '=', middle.id)
          .execute();
        const broken = await check(p);
        expect(broken.intact, JSON.stringify(change)).toBe(false);
        expect(broken.problem).toEqual(expect.any(String));
        await testApp.database.db
          .updateTable('access_log')
          .set({
            reason: middle.reason,
            actor_id: middle.actor_id,
            at: middle.at,
            record_id: middle.record_id,
          })
          .where('id', '=', middle.id)
          .execute();
        expect((await check(p)).intact).toBe(true);
      }
      // Rewriting a row's own hash to match its edit still breaks the next link.
      await testApp.database.db
        .updateTable('access_log')
        .set({ reason: 'edited', hash: 'f'.repeat(64) })
        .where('id', '=', middle.id)
        .execute();
      expect((await check(p)).intact).toBe(false);
    });

    it('a deleted middle row breaks the chain', async () => {
      const { p, rows } = await loggedThrice();
      await testApp.database.db
        .deleteFrom('access_log')
        .where('id', '=', (rows[1] as { id: string }).id)
        .execute();
      const broken = await check(p);
      expect(broken.intact).toBe(false);
      expect(broken.entries).toHaveLength(2);
      expect(broken.problem).toMatch(/missing/);
    });

    it('a deleted last row breaks the chain (the head remembers it)', async () => {
      const { p, rows } = await loggedThrice();
      await testApp.database.db
        .deleteFrom('access_log')
        .where('id', '=', (rows[2] as { id: string }).id)
        .execute();
      const broken = await check(p);
      expect(broken.intact).toBe(false);
      expect(broken.problem).toMatch(/end/);
    });

    it('a deleted first row, or every row, breaks the chain', async () => {
      const first = await loggedThrice();
      await testApp.database.db
        .deleteFrom('access_log')
        .where('id', '=', (first.rows[0] as { id: string }).id)
        .execute();
      expect((await check(first.p)).intact).toBe(false);

      const all = await loggedThrice();
      await testApp.database.db
        .deleteFrom('access_log')
        .where('user_id', '=', all.p.ownerPerson.user.id)
        .execute();
      expect((await check(all.p)).intact).toBe(false);
    });
  });
});
