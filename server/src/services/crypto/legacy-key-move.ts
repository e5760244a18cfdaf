import type { MasterKeyRing } from './master-key';
import { holdSameDataKey, type PersonKeyStore } from './person-keys';

/** One row of the old `person_keys` table in the main database. */
export interface LegacyPersonKeyRow {
  userId: string;
  wrappedKey: string;
}

/**
 * Person keys that versions before the separate key store kept in the main database.
 * Implemented by `LegacyPersonKeyRepository`.
 */
export interface LegacyPersonKeySource {
  /**
   * Hands every old row to `copy`, page by page, then removes them all from the main
   * database, as one transaction: if `copy` throws, the main database keeps every row.
   * Answers how many rows there were, or null when there was nothing left to move.
   */
  moveOut(copy: (rows: LegacyPersonKeyRow[]) => Promise<void>): Promise<number | null>;
}

/**
 * Moves the person keys of an existing install out of the main database into the key store,
 * at start-up, before anything reads a key. Each key is inserted only where the store has
 * none, then read back; the main database's copy goes only once every key is in the store.
 * When the store already holds a key for someone, it must be the same one, or the same data
 * key rewrapped with another master key. Otherwise start-up stops, changing nothing in the
 * main database: choosing either key could make that person's text unreadable.
 * Running it again is harmless: with nothing left to move it answers null.
 */
export async function moveLegacyPersonKeys(
  source: LegacyPersonKeySource,
  store: PersonKeyStore,
  ring: MasterKeyRing,
): Promise<number | null> {
  return source.moveOut(async (rows) => {
    const conflicts: string[] = [];
    for (const { userId, wrappedKey } of rows) {
      await store.insert(userId, wrappedKey);
      const stored = await store.get(userId);
      // Null: another instance destroyed the key (a deleted account) since: nothing to keep.
      if (stored === null || stored === wrappedKey) continue;
      if (holdSameDataKey(stored, wrappedKey, ring, userId)) continue;
      conflicts.push(userId);
    }
    const [first] = conflicts;
    if (first !== undefined) {
      throw new Error(
        `Person keys were not moved out of the main database: the key store already holds a different data key for ${conflicts.length} ${conflicts.length === 1 ? 'person' : 'people'} (user ${first}${conflicts.length > 1 ? ', and others' : ''}). Nothing was removed from the main database. Check that KEY_STORE_URL names this installation's key store, then start again; keys that are the same, or the same key rewrapped, are accepted.`,
      );
    }
  });
}
