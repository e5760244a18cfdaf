import { sql, type Transaction } from 'kysely';
import type { DatabaseHandle } from '../db/database';
import type { PersonKeysTable } from '../db/key-store';
import type { Database } from '../db/schema';
import type { LegacyPersonKeyRow, LegacyPersonKeySource } from '../services/crypto/legacy-key-move';

/** The table versions before the key store left in the main database. */
type LegacyTables = { person_keys: PersonKeysTable };

/** Thrown inside the transaction to end it when another instance dropped the table first. */
class TableAlreadyMoved extends Error {}

/**
 * The `person_keys` table that versions before the separate key store kept in the main
 * database (the migration 20261126090000-personal-data still creates it, empty, on a new
 * install). Read once at start-up, moved into the key store, then dropped.
 */
export class LegacyPersonKeyRepository implements LegacyPersonKeySource {
  constructor(private readonly database: DatabaseHandle) {}

  async moveOut(
    copy: (rows: LegacyPersonKeyRow[]) => Promise<void>,
    pageSize = 500,
  ): Promise<number | null> {
    try {
      return await this.database.db.transaction().execute(async (trx) => {
        if (!(await this.exists(trx))) return null;
        if (this.database.dialect.name === 'postgres') {
          // An instance of an older version still writing a first key waits for us, then
          // fails on the dropped table: its request errs, but no key is added after the copy.
          // (On SQLite one process holds the database exclusively.)
          try {
            await sql`lock table person_keys in access exclusive mode`.execute(trx);
          } catch (error) {
            if ((error as { code?: string }).code === '42P01') throw new TableAlreadyMoved();
            throw error;
          }
        }
        const legacy = trx.withTables<LegacyTables>();
        let moved = 0;
        let afterUserId: string | null = null;
        for (;;) {
          let query = legacy
            .selectFrom('person_keys')
            .select(['user_id', 'wrapped_key'])
            .orderBy('user_id')
            .limit(pageSize);
          if (afterUserId !== null) query = query.where('user_id', '>', afterUserId);
          const rows = await query.execute();
          if (rows.length > 0) {
            await copy(rows.map((row) => ({ userId: row.user_id, wrappedKey: row.wrapped_key })));
          }
          moved += rows.length;
          const last = rows.at(-1);
          if (!last || rows.length < pageSize) break;
          afterUserId = last.user_id;
        }
        await trx.schema.dropTable('person_keys').execute();
        return moved;
      });
    } catch (error) {
      if (error instanceof TableAlreadyMoved) return null;
      throw error;
    }
  }

  /** Whether the main database still has the old table. */
  private async exists(trx: Transaction<Database>): Promise<boolean> {
    const found =
      this.database.dialect.name === 'sqlite'
        ? await sql<{ found: number }>`
            select count(*) as found from sqlite_master
            where type = 'table' and name = 'person_keys'`.execute(trx)
        : await sql<{ found: number }>`
            select count(*) as found from pg_catalog.pg_tables
            where schemaname = current_schema() and tablename = 'person_keys'`.execute(trx);
    return Number(found.rows[0]?.found ?? 0) > 0;
  }
}
