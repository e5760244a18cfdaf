import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClient, type TestResponse } from '../support/http-client';
import { signUpWithConsent, writeCheckin, writeEntry } from '../support/personal-data';
import { createTestApp, dbAvailable, type TestApp } from '../support/test-app';

/**
 * Person B can neither read, change, delete nor detect person A's journal entries and
 * check-ins: every attempt answers exactly as a missing id does, and A's data is unchanged.
 */

describe.skipIf(!dbAvailable)("isolation: one person cannot reach another's records", () => {
  let testApp: TestApp;
  let alice: TestClient;
  let bob: TestClient;
  let aliceEntries: string[];
  let aliceCheckin: string;
  let bobEntry: string;
  let bobCheckin: string;

  const aliceText = 'Alice wrote about the lighthouse and her brother.';
  const aliceNote = 'Alice felt the harbour fog lift.';

  beforeAll(async () => {
    testApp = await createTestApp();
    alice = new TestClient(testApp.app);
    bob = new TestClient(testApp.app);
    await signUpWithConsent(alice);
    await signUpWithConsent(bob);
    aliceEntries = [
      await writeEntry(alice, aliceText, { mood: 4, tags: ['family'] }),
      await writeEntry(alice, 'A second entry of Alice, about the lighthouse.'),
    ];
    aliceCheckin = await writeCheckin(alice, aliceNote, { mood: 3 });
    bobEntry = await writeEntry(bob, 'Bob keeps his own journal.');
    bobCheckin = await writeCheckin(bob, 'Bob checked in.');
  });
  afterAll(() => testApp.close());

  /** Everything of Alice's as stored, to compare before and after Bob's attempts. */
  const aliceRows = async () => ({
    journal: await testApp.database.db
      .selectFrom('journal_entries')
      .selectAll()
      .where('id', 'in', aliceEntries)
      .orderBy('id')
      .execute(),
    checkins: await testApp.database.db
      .selectFrom('checkins')
      .selectAll()
      .where('id', '=', aliceCheckin)
      .execute(),
  });

  const validEntry = { text: 'Bob tries to overwrite this.', mood: 1, tags: ['bob'] };
  const validCheckin = { mood: 1, closeness: 1, stress: 9, note: 'Bob was here.' };

  /** Each attempt Bob can make on a record id, with a body valid for the route. */
  const attempts = (id: string, kind: 'journal' | 'checkins') =>
    kind === 'journal'
      ? [
          () => bob.get(`/api/journal/${id}`),
          () => bob.put(`/api/journal/${id}`, validEntry),
          () => bob.put(`/api/journal/${id}`, { text: 'I want to kill myself' }),
          () => bob.delete(`/api/journal/${id}`),
          () => bob.request('HEAD', `/api/journal/${id}`),
        ]
      : [
          () => bob.get(`/api/checkins/${id}`),
          () => bob.put(`/api/checkins/${id}`, validCheckin),
          () => bob.put(`/api/checkins/${id}`, { ...validCheckin, note: null }),
          () => bob.request('HEAD', `/api/checkins/${id}`),
        ];

  const shape = (response: TestResponse) => ({
    status: response.status,
    body: response.text,
    contentType: response.headers['content-type'],
  });

  it.each(['journal', 'checkins'] as const)(
    "every request on one of Alice's %s ids answers exactly like a missing id, and changes nothing",
    async (kind) => {
      const before = await aliceRows();
      const targets = kind === 'journal' ? aliceEntries : [aliceCheckin];
      const missing = [randomUUID(), 'no-such-id'];
      const count = attempts('', kind).length;
      for (let index = 0; index < count; index += 1) {
        const attempt = (id: string) =>
          (attempts(id, kind)[index] as () => Promise<TestResponse>)();
        const expected = shape(await attempt(missing[0] as string));
        expect(expected.status).toBe(404);
        expect(shape(await attempt(missing[1] as string))).toEqual(expected);
        for (const id of targets) {
          const answer = await attempt(id);
          expect(shape(answer), `attempt ${index} on ${id}`).toEqual(expected);
          expect(answer.text).not.toContain('Alice');
        }
      }
      // Nothing of Alice's changed, and nobody logged a read of it.
      expect(await aliceRows()).toEqual(before);
      const log = await alice.get('/api/me/access-log');
      expect(log.body).toMatchObject({ entries: [], intact: true });
    },
  );

  it("Alice still reads her own records unchanged after Bob's attempts", async () => {
    const entry = await alice.get(`/api/journal/${aliceEntries[0]}`);
    expect(entry.status).toBe(200);
    expect(entry.body.entry).toMatchObject({ text: aliceText, mood: 4, tags: ['family'] });
    const checkin = await alice.get(`/api/checkins/${aliceCheckin}`);
    expect(checkin.status).toBe(200);
    expect(checkin.body.checkin).toMatchObject({ note: aliceNote, mood: 3 });
  });

  it('lists only ever show one’s own records, even when searching for the other’s words', async () => {
    const bobJournal = await bob.get('/api/journal');
    expect(bobJournal.status).toBe(200);
    expect(bobJournal.body.entries.map((entry: { id: string }) => entry.id)).toEqual([bobEntry]);
    expect(bobJournal.body.total).toBe(1);

    const search = await bob.get('/api/journal?q=lighthouse');
    expect(search.status).toBe(200);
    expect(search.body).toEqual({ entries: [], total: 0, nextOffset: null });

    const bobCheckins = await bob.get('/api/checkins?from=2000-01-01&to=2999-12-31');
    expect(bobCheckins.status).toBe(200);
    expect(bobCheckins.body.checkins.map((checkin: { id: string }) => checkin.id)).toEqual([
      bobCheckin,
    ]);
    expect((await bob.get('/api/checkins')).body.checkins).toHaveLength(1);

    const aliceJournal = await alice.get('/api/journal?q=lighthouse');
    expect(aliceJournal.body.total).toBe(2);
    expect(aliceJournal.body.entries.map((entry: { id: string }) => entry.id).sort()).toEqual(
      [...aliceEntries].sort(),
    );
  });

  it("Bob's export and safety plan hold nothing of Alice's", async () => {
    const exported = await bob.get('/api/me/export');
    expect(exported.status).toBe(200);
    expect(exported.text).not.toContain('Alice');
    for (const id of [...aliceEntries, aliceCheckin]) expect(exported.text).not.toContain(id);
    const plan = await bob.get('/api/safety-plan');
    expect(plan.status).toBe(200);
    expect(plan.body.plan.updatedAt).toBeNull();
  });
});
