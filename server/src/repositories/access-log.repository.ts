import type { Kysely } from 'kysely';
import { lockForTransaction, type Dialect } from '../db/dialect';
import type { AccessLogTable, Database } from '../db/schema';

export interface AccessLogEntry {
  id: string;
  ownerId: string;
  sequence: number;
  actorId: string;
  recordType: string;
  recordId: string;
  action: string;
  reason: string;
  at: string;
  previousHash: string;
  hash: string;
}

export class AccessLogRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly dialect: Dialect,
  ) {}

  /**
   * Appends one entry and moves the owner's chain head, in one transaction. `link` gets the
   * current head and returns the new entry, so the chain is extended from the true newest
   * row even when two reads are logged at once: appends for one owner are serialised (an
   * advisory lock on PostgreSQL; SQLite's write transactions already are), and the unique
   * (owner, sequence) key would refuse a fork if they were not.
   */
  async append(
    ownerId: string,
    link: (head: { sequence: number; hash: string } | null) => AccessLogEntry,
  ): Promise<AccessLogEntry> {
    return this.db.transaction().execute(async (trx) => {
      await lockForTransaction(trx, this.dialect, `access-log:${ownerId}`);
      const head = await trx
        .selectFrom('access_log_heads')
        .select(['sequence', 'hash'])
        .where('user_id', '=', ownerId)
        .executeTakeFirst();
      const entry = link(head ? { sequence: Number(head.sequence), hash: head.hash } : null);
      await trx.insertInto('access_log').values(toRow(entry)).execute();
      await trx
        .insertInto('access_log_heads')
        .values({ user_id: ownerId, sequence: entry.sequence, hash: entry.hash })
        .onConflict((conflict) =>
          conflict.column('user_id').doUpdateSet({ sequence: entry.sequence, hash: entry.hash }),
        )
        .execute();
      return entry;
    });
  }

  async listByOwner(ownerId: string): Promise<AccessLogEntry[]> {
    const rows = await this.db
      .selectFrom('access_log')
      .selectAll()
      .where('user_id', '=', ownerId)
      .orderBy('sequence', 'asc')
      .execute();
    return rows.map(fromRow);
  }

  async head(ownerId: string): Promise<{ sequence: number; hash: string } | null> {
    const head = await this.db
      .selectFrom('access_log_heads')
      .select(['sequence', 'hash'])
      .where('user_id', '=', ownerId)
      .executeTakeFirst();
    return head ? { sequence: Number(head.sequence), hash: head.hash } : null;
  }
}

function toRow(entry: AccessLogEntry): AccessLogTable {
  return {
    id: entry.id,
    user_id: entry.ownerId,
    sequence: entry.sequence,
    actor_id: entry.actorId,
    record_type: entry.recordType,
    record_id: entry.recordId,
    action: entry.action,
    reason: entry.reason,
    at: entry.at,
    previous_hash: entry.previousHash,
    hash: entry.hash,
  };
}

function fromRow(row: AccessLogTable): AccessLogEntry {
  return {
    id: row.id,
    ownerId: row.user_id,
    sequence: Number(row.sequence),
    actorId: row.actor_id,
    recordType: row.record_type,
    recordId: row.record_id,
    action: row.action,
    reason: row.reason,
    at: row.at,
    previousHash: row.previous_hash,
    hash: row.hash,
  };
}
