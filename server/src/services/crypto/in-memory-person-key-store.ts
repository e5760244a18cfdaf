import { masterKeyIdOf, type PersonKeyStore } from './person-keys';

/**
 * A `PersonKeyStore` in a Map, for unit tests of code that encrypts. It follows the same
 * contract as the key store repository (`personKeyStoreContract` runs against both), and
 * `snapshot`/`restore` stand in for a backup of the key store and its restore.
 */
export class InMemoryPersonKeyStore implements PersonKeyStore {
  private rows = new Map<string, string>();

  async get(userId: string): Promise<string | null> {
    return this.rows.get(userId) ?? null;
  }

  async insert(userId: string, wrappedKey: string): Promise<boolean> {
    if (this.rows.has(userId)) return false;
    this.rows.set(userId, wrappedKey);
    return true;
  }

  async replace(userId: string, expected: string, wrappedKey: string): Promise<boolean> {
    if (this.rows.get(userId) !== expected) return false;
    this.rows.set(userId, wrappedKey);
    return true;
  }

  async delete(userId: string): Promise<void> {
    this.rows.delete(userId);
  }

  async listWrappedWithMasterKeyOtherThan(
    masterKeyId: string,
    page: { afterUserId: string | null; limit: number },
  ): Promise<{ userId: string; wrappedKey: string }[]> {
    return [...this.rows]
      .filter(([userId, wrappedKey]) => {
        const after = page.afterUserId === null || compareIds(userId, page.afterUserId) > 0;
        return after && masterKeyIdOf(wrappedKey) !== masterKeyId;
      })
      .sort(([a], [b]) => compareIds(a, b))
      .slice(0, page.limit)
      .map(([userId, wrappedKey]) => ({ userId, wrappedKey }));
  }

  /** A copy of every row, as a backup of the key store would hold them. */
  snapshot(): Map<string, string> {
    return new Map(this.rows);
  }

  /** Puts back the rows of a snapshot, as restoring a backup would. */
  restore(snapshot: ReadonlyMap<string, string>): void {
    this.rows = new Map(snapshot);
  }
}

/** Byte order of the ids, as `order by` on a text column with a binary collation gives. */
function compareIds(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}
