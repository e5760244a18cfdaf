import type { Kysely } from 'kysely';
import { isUniqueViolation } from '../db/dialect';
import type { KeyStoreDatabase } from '../db/key-store';
import { masterKeyIdOf, type PersonKeyStore } from '../services/crypto/person-keys';

/**
 * Wrapped per-person data keys, in the key store: a database of its own, apart from the main
 * one, so that destroying a key here also shreds the person's text in every backup of the
 * main database (db/key-store.ts, docs/decisions/0006).
 */
export class PersonKeyRepository implements PersonKeyStore {
  constructor(
    private readonly db: Kysely<KeyStoreDatabase>,
    private readonly now: () => string,
  ) {}

  async get(userId: string): Promise<string | null> {
    const row = await this.db
      .selectFrom('person_keys')
      .select('wrapped_key')
      .where('user_id', '=', userId)
      .executeTakeFirst();
    return row?.wrapped_key ?? null;
  }

  async insert(userId: string, wrappedKey: string): Promise<boolean> {
    try {
      const result = await this.db
        .insertInto('person_keys')
        .values({
          user_id: userId,
          wrapped_key: wrappedKey,
          master_key_id: masterKeyIdOf(wrappedKey) ?? '',
          created_at: this.now(),
        })
        .onConflict((conflict) => conflict.column('user_id').doNothing())
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
    } catch (error) {
      if (isUniqueViolation(error)) return false;
      throw error;
    }
  }

  async replace(userId: string, expected: string, wrappedKey: string): Promise<boolean> {
    const result = await this.db
      .updateTable('person_keys')
      .set({ wrapped_key: wrappedKey, master_key_id: masterKeyIdOf(wrappedKey) ?? '' })
      .where('user_id', '=', userId)
      .where('wrapped_key', '=', expected)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async delete(userId: string): Promise<void> {
    await this.db.deleteFrom('person_keys').where('user_id', '=', userId).execute();
  }

  async listWrappedWithMasterKeyOtherThan(
    masterKeyId: string,
    page: { afterUserId: string | null; limit: number },
  ): Promise<{ userId: string; wrappedKey: string }[]> {
    let query = this.db
      .selectFrom('person_keys')
      .select(['user_id', 'wrapped_key'])
      .where('master_key_id', '!=', masterKeyId);
    if (page.afterUserId !== null) query = query.where('user_id', '>', page.afterUserId);
    const rows = await query.orderBy('user_id').limit(page.limit).execute();
    return rows.map((row) => ({ userId: row.user_id, wrappedKey: row.wrapped_key }));
  }
}
