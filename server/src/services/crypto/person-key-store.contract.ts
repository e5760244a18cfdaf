import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { masterKeyFromBytes } from './master-key';
import { createPersonKey, masterKeyIdOf, wrapPersonKey, type PersonKeyStore } from './person-keys';

export interface PersonKeyStoreUnderTest {
  store: PersonKeyStore;
  /** An id of a person the store may hold a key for (and holds none for yet). */
  newUserId(): Promise<string>;
}

/**
 * The behaviour KeyService relies on, as a test suite any `PersonKeyStore` can run: the
 * in-memory store and a SQLite key store file in the unit tier, the repository over the key
 * store of each database in the integration tier (call it from a `*.int.test.ts`, with a
 * `makeStore` that opens the test app's key store).
 */
export function personKeyStoreContract(
  name: string,
  makeStore: () => Promise<PersonKeyStoreUnderTest>,
): void {
  const oldMaster = masterKeyFromBytes(randomBytes(32));
  const newMaster = masterKeyFromBytes(randomBytes(32));
  const wrapped = (userId: string, master = oldMaster) =>
    wrapPersonKey(createPersonKey(), master, userId);

  describe(`PersonKeyStore contract: ${name}`, () => {
    it('answers null for a person without a key, and the stored key after insert', async () => {
      const { store, newUserId } = await makeStore();
      const userId = await newUserId();
      expect(await store.get(userId)).toBeNull();
      const key = wrapped(userId);
      expect(await store.insert(userId, key)).toBe(true);
      expect(await store.get(userId)).toBe(key);
    });

    it('refuses a second insert for the same person, keeping the first key', async () => {
      const { store, newUserId } = await makeStore();
      const userId = await newUserId();
      const first = wrapped(userId);
      await store.insert(userId, first);
      expect(await store.insert(userId, wrapped(userId))).toBe(false);
      expect(await store.get(userId)).toBe(first);
    });

    it('replaces only when the stored key is still the expected one', async () => {
      const { store, newUserId } = await makeStore();
      const userId = await newUserId();
      const first = wrapped(userId);
      const second = wrapped(userId, newMaster);
      await store.insert(userId, first);
      expect(await store.replace(userId, second, wrapped(userId))).toBe(false);
      expect(await store.get(userId)).toBe(first);
      expect(await store.replace(userId, first, second)).toBe(true);
      expect(await store.get(userId)).toBe(second);
    });

    it('deletes for good: a later replace does not bring the key back', async () => {
      const { store, newUserId } = await makeStore();
      const userId = await newUserId();
      const key = wrapped(userId);
      await store.insert(userId, key);
      await store.delete(userId);
      await store.delete(userId); // Deleting twice is not an error.
      expect(await store.get(userId)).toBeNull();
      expect(await store.replace(userId, key, wrapped(userId, newMaster))).toBe(false);
      expect(await store.get(userId)).toBeNull();
    });

    it('lists keys of other master keys, ordered by user id, page by page', async () => {
      const { store, newUserId } = await makeStore();
      const onOld: string[] = [];
      for (let index = 0; index < 7; index += 1) {
        const userId = await newUserId();
        const onNew = index % 3 === 0;
        await store.insert(userId, wrapped(userId, onNew ? newMaster : oldMaster));
        if (!onNew) onOld.push(userId);
      }
      const seen: { userId: string; wrappedKey: string }[] = [];
      let afterUserId: string | null = null;
      for (;;) {
        const page = await store.listWrappedWithMasterKeyOtherThan(newMaster.id, {
          afterUserId,
          limit: 2,
        });
        expect(page.length).toBeLessThanOrEqual(2);
        seen.push(...page);
        const last = page.at(-1);
        if (!last) break;
        afterUserId = last.userId;
      }
      // Other rows in a shared test database may be listed too; ours must all be there once.
      const ours = seen.filter((row) => onOld.includes(row.userId));
      expect(ours.map((row) => row.userId).sort()).toEqual([...onOld].sort());
      for (const row of seen) expect(masterKeyIdOf(row.wrappedKey)).not.toBe(newMaster.id);
      for (const row of ours) expect(await store.get(row.userId)).toBe(row.wrappedKey);
      const ids = seen.map((row) => row.userId);
      expect(new Set(ids).size).toBe(ids.length);
    });
  });
}
