import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAFETY_PLAN_SECTIONS } from '../../core/safety/safety-plan';
import { TestClient } from '../support/http-client';
import {
  canarySentence,
  pgDump,
  signUpWithConsent,
  sqliteFileBytes,
  sqliteFileOf,
  writeCheckin,
  writeEntry,
} from '../support/personal-data';
import { createTestApp, dbAvailable, type TestApp } from '../support/test-app';

/**
 * Proof that free text is encrypted at rest and that stored ciphertext cannot be altered or
 * moved without the read failing plainly: a canary written through every free-text field is
 * nowhere in the database's bytes (SQLite file and WAL, or a pg_dump), and a flipped byte or
 * a ciphertext copied onto another row answers `ciphertext_invalid`, never text.
 */

describe.skipIf(!dbAvailable)('encryption at rest', () => {
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await createTestApp();
  });
  afterAll(() => testApp.close());

  const journalRow = (id: string) =>
    testApp.database.db
      .selectFrom('journal_entries')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();

  it('a canary sentence in a journal entry, its tags, an edit, a check-in note and the safety plan is absent from every stored byte', async () => {
    const browser = new TestClient(testApp.app);
    const person = await signUpWithConsent(browser);
    const canaries = {
      journal: canarySentence('journal'),
      tag: canarySentence('tag').slice(0, 50),
      edited: canarySentence('edited'),
      checkin: canarySentence('checkin'),
      checkinEdit: canarySentence('checkin-edit'),
      plan: canarySentence('plan'),
    };

    const entryId = await writeEntry(browser, `Today. ${canaries.journal} Then tea.`, {
      tags: [canaries.tag],
    });
    const secondId = await writeEntry(browser, `Before the edit: ${canaries.journal}`);
    const edit = await browser.put(`/api/journal/${secondId}`, {
      text: `After the edit: ${canaries.edited}`,
    });
    expect(edit.status, edit.text).toBe(200);
    const checkinId = await writeCheckin(browser, `A note. ${canaries.checkin}`);
    const checkinEdit = await browser.put(`/api/checkins/${checkinId}`, {
      mood: 6,
      closeness: 6,
      stress: 4,
      note: `Edited note. ${canaries.checkinEdit}`,
    });
    expect(checkinEdit.status, checkinEdit.text).toBe(200);
    const sections = Object.fromEntries(SAFETY_PLAN_SECTIONS.map((section) => [section, []]));
    const plan = await browser.put('/api/safety-plan', {
      sections: { ...sections, copingAlone: [canaries.plan] },
    });
    expect(plan.status, plan.text).toBe(200);

    // The text really was saved, and reads back.
    expect((await browser.get(`/api/journal/${entryId}`)).body.entry).toMatchObject({
      text: `Today. ${canaries.journal} Then tea.`,
      tags: [canaries.tag],
    });
    expect((await browser.get(`/api/checkins/${checkinId}`)).body.checkin.note).toBe(
      `Edited note. ${canaries.checkinEdit}`,
    );

    // Stored rows hold only ciphertext in the v1 format.
    const row = await journalRow(entryId);
    expect(row.text_ciphertext).toMatch(/^v1:[A-Za-z0-9_-]+$/);
    expect(row.tags_ciphertext).toMatch(/^v1:[A-Za-z0-9_-]+$/);

    // Distinctive words of each canary, so a partial or re-encoded copy is caught too.
    const needles = Object.values(canaries).flatMap((canary) => [
      canary,
      canary.split(' ')[3] as string, // the unique tag
    ]);
    // Not merely encoded either: the stored values, decoded, do not hold the canaries.
    const stored = [
      ...(await testApp.database.db
        .selectFrom('journal_entries')
        .select(['text_ciphertext', 'tags_ciphertext'])
        .where('user_id', '=', person.user.id)
        .execute()),
      ...(await testApp.database.db
        .selectFrom('checkins')
        .select('note_ciphertext')
        .where('user_id', '=', person.user.id)
        .execute()),
      ...(await testApp.database.db
        .selectFrom('safety_plans')
        .select('sections_ciphertext')
        .where('user_id', '=', person.user.id)
        .execute()),
    ].flatMap((values) => Object.values(values) as string[]);
    expect(stored).toHaveLength(2 * 2 + 1 + 1);
    for (const value of stored) {
      const decoded = Buffer.from(value.slice('v1:'.length), 'base64url');
      for (const needle of needles) {
        expect(decoded.includes(Buffer.from(needle, 'utf8'))).toBe(false);
        expect(value.includes(Buffer.from(needle, 'utf8').toString('hex'))).toBe(false);
      }
    }

    if (testApp.kind === 'sqlite') {
      const files = sqliteFileBytes(sqliteFileOf(testApp));
      const names = files.map((file) => file.name);
      expect(names).toContain('closer.sqlite');
      expect(names).toContain('closer.sqlite-wal');
      // The WAL holds the recent writes: our rows are in it, just not readable.
      const wal = files.find((file) => file.name === 'closer.sqlite-wal') as { bytes: Buffer };
      expect(wal.bytes.length).toBeGreaterThan(0);
      expect(wal.bytes.includes(Buffer.from(person.user.id, 'utf8'))).toBe(true);
      for (const { name, bytes } of files) {
        for (const needle of needles) {
          for (const encoding of ['utf8', 'utf16le'] as const) {
            expect(bytes.includes(Buffer.from(needle, encoding)), `${needle} in ${name}`).toBe(
              false,
            );
          }
        }
      }
    } else {
      const dump = await pgDump(testApp);
      // The dump is a real one: it holds our rows.
      expect(dump).toContain(person.user.id);
      expect(dump).toContain(entryId);
      for (const needle of needles) expect(dump.includes(needle), needle).toBe(false);
    }
  });

  describe('tampering', () => {
    const expectCiphertextInvalid = (response: { status: number; body: any; text: string }) => {
      expect(response.status, response.text).toBe(500);
      expect(response.body).toEqual({
        error: { code: 'ciphertext_invalid', message: expect.stringMatching(/decrypt|read/i) },
      });
    };

    /** Decodes a stored value, flips one bit of the byte at `index`, encodes it again. */
    const flipByte = (stored: string, index: (length: number) => number): string => {
      const bytes = Buffer.from(stored.slice('v1:'.length), 'base64url');
      const at = index(bytes.length);
      bytes[at] = (bytes[at] as number) ^ 0x01;
      return `v1:${bytes.toString('base64url')}`;
    };

    it.each([
      ['the IV', () => 0],
      ['the encrypted text', () => 12],
      ['the authentication tag', (length: number) => length - 1],
    ])(
      'one flipped byte in %s of a journal entry: ciphertext_invalid, never the text or garbage',
      async (_where, index) => {
        const browser = new TestClient(testApp.app);
        await signUpWithConsent(browser);
        const text = 'A private thought that must never come back altered.';
        const id = await writeEntry(browser, text);
        const before = await journalRow(id);
        await testApp.database.db
          .updateTable('journal_entries')
          .set({ text_ciphertext: flipByte(before.text_ciphertext, index) })
          .where('id', '=', id)
          .execute();

        const read = await browser.get(`/api/journal/${id}`);
        expectCiphertextInvalid(read);
        expect(read.text).not.toContain('private thought');

        // The list and the export still answer: the broken entry is marked unreadable and
        // empty, and one damaged row never hides the person's other entries.
        const other = await writeEntry(browser, 'Another entry, still fine.');
        const list = await browser.get('/api/journal');
        expect(list.status, list.text).toBe(200);
        expect(list.text).not.toContain('private thought');
        const broken = list.body.entries.find((entry: { id: string }) => entry.id === id);
        expect(broken).toMatchObject({ id, text: '', tags: [], unreadable: true });
        const fine = list.body.entries.find((entry: { id: string }) => entry.id === other);
        expect(fine.text).toBe('Another entry, still fine.');
        expect(fine.unreadable).toBeUndefined();
        const exported = await browser.get('/api/me/export');
        expect(exported.status, exported.text).toBe(200);
        expect(exported.text).not.toContain('private thought');
        expect(exported.text).toContain('Another entry, still fine.');

        // Putting the original bytes back makes it readable again: nothing else was harmed.
        await testApp.database.db
          .updateTable('journal_entries')
          .set({ text_ciphertext: before.text_ciphertext })
          .where('id', '=', id)
          .execute();
        expect((await browser.get(`/api/journal/${id}`)).body.entry.text).toBe(text);
      },
    );

    it('a changed character of the stored text (not valid base64url any more) is refused the same way', async () => {
      const browser = new TestClient(testApp.app);
      await signUpWithConsent(browser);
      const id = await writeEntry(browser, 'Short and private.');
      const before = await journalRow(id);
      for (const broken of [
        `${before.text_ciphertext}=`,
        before.text_ciphertext.replace(/^v1:/, 'v2:'),
        before.text_ciphertext.slice(0, 20),
        '',
        'Short and private.',
      ]) {
        await testApp.database.db
          .updateTable('journal_entries')
          .set({ text_ciphertext: broken })
          .where('id', '=', id)
          .execute();
        const read = await browser.get(`/api/journal/${id}`);
        expectCiphertextInvalid(read);
      }
    });

    it("one entry's ciphertext moved onto another entry's row of the same owner does not decrypt", async () => {
      const browser = new TestClient(testApp.app);
      await signUpWithConsent(browser);
      const first = await writeEntry(browser, 'First entry: the one that gets copied.', {
        tags: ['copied'],
      });
      const second = await writeEntry(browser, 'Second entry: the one overwritten.');
      const source = await journalRow(first);

      await testApp.database.db
        .updateTable('journal_entries')
        .set({ text_ciphertext: source.text_ciphertext })
        .where('id', '=', second)
        .execute();
      const moved = await browser.get(`/api/journal/${second}`);
      expectCiphertextInvalid(moved);
      expect(moved.text).not.toContain('First entry');

      // Nor into another column of the same row (tags ↔ text).
      await testApp.database.db
        .updateTable('journal_entries')
        .set({ text_ciphertext: source.tags_ciphertext })
        .where('id', '=', first)
        .execute();
      const swapped = await browser.get(`/api/journal/${first}`);
      expectCiphertextInvalid(swapped);
    });

    it("a ciphertext moved onto another person's row, or a check-in note moved between check-ins, does not decrypt", async () => {
      const owner = new TestClient(testApp.app);
      await signUpWithConsent(owner);
      const other = new TestClient(testApp.app);
      await signUpWithConsent(other);
      const ownerEntry = await writeEntry(owner, "The owner's words, for the owner only.");
      const otherEntry = await writeEntry(other, 'Words of someone else.');
      const source = await journalRow(ownerEntry);
      await testApp.database.db
        .updateTable('journal_entries')
        .set({ text_ciphertext: source.text_ciphertext })
        .where('id', '=', otherEntry)
        .execute();
      const read = await other.get(`/api/journal/${otherEntry}`);
      expectCiphertextInvalid(read);
      expect(read.text).not.toContain("owner's words");

      const firstCheckin = await writeCheckin(owner, 'Note of the first check-in.');
      const secondCheckin = await writeCheckin(owner, 'Note of the second check-in.');
      const note = await testApp.database.db
        .selectFrom('checkins')
        .select('note_ciphertext')
        .where('id', '=', firstCheckin)
        .executeTakeFirstOrThrow();
      await testApp.database.db
        .updateTable('checkins')
        .set({ note_ciphertext: note.note_ciphertext })
        .where('id', '=', secondCheckin)
        .execute();
      const moved = await owner.get(`/api/checkins/${secondCheckin}`);
      expectCiphertextInvalid(moved);
      expect(moved.text).not.toContain('first check-in');
    });
  });
});
