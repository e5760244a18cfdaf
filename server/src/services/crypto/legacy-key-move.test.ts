import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { InMemoryPersonKeyStore } from './in-memory-person-key-store';
import {
  moveLegacyPersonKeys,
  type LegacyPersonKeyRow,
  type LegacyPersonKeySource,
} from './legacy-key-move';
import { MasterKeyRing } from './master-key';
import { createPersonKey, holdSameDataKey, unwrapPersonKey, wrapPersonKey } from './person-keys';

/**
 * Moving the person keys of an existing install out of the main database. The real table
 * and both databases are exercised in tests/integration/person-key-move.int.test.ts; here
 * the rules: insert where absent, accept the same key (or the same data key rewrapped),
 * refuse a different one without removing anything.
 */

const [K1, K2] = [randomBytes(32), randomBytes(32)];
const onlyK1 = MasterKeyRing.fromBytes(K1);
const k2AfterK1 = MasterKeyRing.fromBytes(K2, [K1]);

/** The old table: pages of two, removed only when every page was copied without error. */
class LegacyTable implements LegacyPersonKeySource {
  pages = 0;
  constructor(public rows: Map<string, string> | null) {}

  async moveOut(copy: (rows: LegacyPersonKeyRow[]) => Promise<void>): Promise<number | null> {
    if (this.rows === null) return null;
    const all = [...this.rows].sort(([a], [b]) => (a < b ? -1 : 1));
    for (let start = 0; start < all.length; start += 2) {
      this.pages += 1;
      await copy(
        all.slice(start, start + 2).map(([userId, wrappedKey]) => ({ userId, wrappedKey })),
      );
    }
    this.rows = null;
    return all.length;
  }
}

const keyOf = (userId: string, ring = onlyK1) =>
  wrapPersonKey(createPersonKey(), ring.current, userId);

describe('moveLegacyPersonKeys', () => {
  it('copies every key into the store, then the old rows go; a second run has nothing to do', async () => {
    const users = ['u1', 'u2', 'u3', 'u4', 'u5'];
    const legacy = new LegacyTable(new Map(users.map((id) => [id, keyOf(id)])));
    const expected = new Map(legacy.rows);
    const store = new InMemoryPersonKeyStore();

    expect(await moveLegacyPersonKeys(legacy, store, onlyK1)).toBe(5);
    expect(legacy.pages).toBe(3);
    expect(legacy.rows).toBeNull();
    for (const [userId, wrapped] of expected) expect(await store.get(userId)).toBe(wrapped);
    expect(await moveLegacyPersonKeys(legacy, store, onlyK1)).toBeNull();
  });

  it('accepts a key the store already has, as it is or rewrapped with another master key, keeping the store’s', async () => {
    const same = keyOf('same');
    const dataKey = createPersonKey();
    const underK1 = wrapPersonKey(dataKey, onlyK1.current, 'rewrapped');
    const underK2 = wrapPersonKey(dataKey, k2AfterK1.current, 'rewrapped');
    expect(holdSameDataKey(underK1, underK2, k2AfterK1, 'rewrapped')).toBe(true);

    const store = new InMemoryPersonKeyStore();
    await store.insert('same', same);
    await store.insert('rewrapped', underK2);
    const legacy = new LegacyTable(
      new Map([
        ['same', same],
        ['rewrapped', underK1],
        ['new', keyOf('new')],
      ]),
    );
    expect(await moveLegacyPersonKeys(legacy, store, k2AfterK1)).toBe(3);
    expect(await store.get('same')).toBe(same);
    expect(await store.get('rewrapped')).toBe(underK2);
    expect(unwrapPersonKey((await store.get('new'))!, k2AfterK1, 'new')).toBeTruthy();
  });

  it('stops, naming the person and removing nothing, when the store holds a different key', async () => {
    const store = new InMemoryPersonKeyStore();
    const theirs = keyOf('b-conflict');
    await store.insert('b-conflict', theirs);
    const legacy = new LegacyTable(
      new Map([
        ['a-fine', keyOf('a-fine')],
        ['b-conflict', keyOf('b-conflict')],
      ]),
    );
    const before = new Map(legacy.rows);

    await expect(moveLegacyPersonKeys(legacy, store, onlyK1)).rejects.toThrow(
      /already holds a different data key for 1 person \(user b-conflict\)\. Nothing was removed from the main database/,
    );
    expect(legacy.rows).toEqual(before);
    expect(await store.get('b-conflict')).toBe(theirs);
    // A key that no master key in the ring unwraps cannot be shown to be the same: refused too.
    const unknownRing = MasterKeyRing.fromBytes(randomBytes(32));
    await expect(moveLegacyPersonKeys(legacy, store, unknownRing)).rejects.toThrow(
      /different data key/,
    );

    // Once the operator has sorted it out (here: the store's key goes), the move completes.
    await store.delete('b-conflict');
    expect(await moveLegacyPersonKeys(legacy, store, onlyK1)).toBe(2);
    expect(await store.get('b-conflict')).toBe(before.get('b-conflict'));
  });
});
