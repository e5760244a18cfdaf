import { sql, type CompiledQuery, type Kysely } from 'kysely';
import { compileOnce } from '../db/compiled-query';
import type { DatabaseHandle } from '../db/database';
import type { ConsentsTable, Database } from '../db/schema';
import { RecentCache } from './recent-cache';

export interface ConsentRecord {
  id: string;
  kind: string;
  version: string;
  givenAt: string;
  withdrawnAt: string | null;
}

/** The consent ledger: one row per time consent was given, never overwritten. */
export class ConsentRepository {
  private readonly db: Kysely<Database>;
  /** Every health-data request asks this, so it is compiled once (docs/decisions/0003). */
  private readonly latestRead: (parameters: readonly unknown[]) => Promise<ConsentsTable[]>;
  private readonly latestFill: (values: { userId: unknown; kind: unknown }) => CompiledQuery;

  /**
   * The latest record per person and kind, on SQLite only (RecentCache): the health-data
   * guard asks on every request, and it was a tenth of a journal save's time in profiles.
   * `give` and `withdraw` drop the entry, so a withdrawal takes effect on the next request.
   */
  private readonly cache: RecentCache<ConsentRecord | null> | null;

  constructor(private readonly database: DatabaseHandle) {
    this.db = database.db;
    this.cache = database.singleWriter ? new RecentCache<ConsentRecord | null>() : null;
    this.latestFill = compileOnce(['userId', 'kind'], (standIn) =>
      this.buildLatest(standIn.userId, standIn.kind).compile(),
    );
    this.latestRead = database.prepareRead(
      this.latestFill({ userId: null, kind: null }) as CompiledQuery<ConsentsTable>,
    );
  }

  /** The most recent consent of a kind, withdrawn or not. */
  async latest(userId: string, kind: string): Promise<ConsentRecord | null> {
    const key = `${kind}\u0000${userId}`;
    if (this.cache && this.database.isOpen()) {
      const cached = this.cache.get(key);
      if (cached !== undefined) return cached;
    }
    const row = (await this.latestRead(this.latestFill({ userId, kind }).parameters))[0];
    const record = row
      ? {
          id: row.id,
          kind: row.kind,
          version: row.version,
          givenAt: row.given_at,
          withdrawnAt: row.withdrawn_at,
        }
      : null;
    this.cache?.set(key, record);
    return record;
  }

  private forget(userId: string, kind: string): void {
    this.cache?.delete(`${kind}\u0000${userId}`);
  }

  private buildLatest(userId: string, kind: string) {
    return (
      this.db
        .selectFrom('consents')
        .selectAll()
        .where('user_id', '=', userId)
        .where('kind', '=', kind)
        .orderBy('given_at', 'desc')
        // A withdrawal closes every open record, so an open one is always the newest. Preferring
        // it settles the tie when consent is withdrawn and given again within one millisecond;
        // the random id alone would pick either record.
        .orderBy(sql`case when withdrawn_at is null then 0 else 1 end`)
        .orderBy('id', 'desc')
        .limit(1)
    );
  }

  async give(record: {
    id: string;
    userId: string;
    kind: string;
    version: string;
    givenAt: string;
  }): Promise<void> {
    this.forget(record.userId, record.kind);
    await this.db
      .insertInto('consents')
      .values({
        id: record.id,
        user_id: record.userId,
        kind: record.kind,
        version: record.version,
        given_at: record.givenAt,
        withdrawn_at: null,
      })
      .execute();
    // Again after the write: a read that ran meanwhile may have cached the old record.
    this.forget(record.userId, record.kind);
  }

  /** Marks every open consent of a kind as withdrawn. */
  async withdraw(userId: string, kind: string, withdrawnAt: string): Promise<void> {
    this.forget(userId, kind);
    await this.db
      .updateTable('consents')
      .set({ withdrawn_at: withdrawnAt })
      .where('user_id', '=', userId)
      .where('kind', '=', kind)
      .where('withdrawn_at', 'is', null)
      .execute();
    this.forget(userId, kind);
  }
}
