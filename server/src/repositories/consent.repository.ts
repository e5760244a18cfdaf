import { sql, type CompiledQuery, type Kysely } from 'kysely';
import type { DatabaseHandle } from '../db/database';
import type { ConsentsTable, Database } from '../db/schema';

/** Stand-ins compiled into the query, replaced by the real values on each call. */
const USER = '\u0000user';
const KIND = '\u0000kind';

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
  private readonly latestParameters: readonly unknown[];

  constructor(database: DatabaseHandle) {
    this.db = database.db;
    const compiled = this.buildLatest(USER, KIND).compile() as CompiledQuery<ConsentsTable>;
    this.latestParameters = compiled.parameters;
    this.latestRead = database.prepareRead(compiled);
  }

  /** The most recent consent of a kind, withdrawn or not. */
  async latest(userId: string, kind: string): Promise<ConsentRecord | null> {
    const parameters = this.latestParameters.map((value) =>
      value === USER ? userId : value === KIND ? kind : value,
    );
    const row = (await this.latestRead(parameters))[0];
    return row
      ? {
          id: row.id,
          kind: row.kind,
          version: row.version,
          givenAt: row.given_at,
          withdrawnAt: row.withdrawn_at,
        }
      : null;
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
  }

  /** Marks every open consent of a kind as withdrawn. */
  async withdraw(userId: string, kind: string, withdrawnAt: string): Promise<void> {
    await this.db
      .updateTable('consents')
      .set({ withdrawn_at: withdrawnAt })
      .where('user_id', '=', userId)
      .where('kind', '=', kind)
      .where('withdrawn_at', 'is', null)
      .execute();
  }
}
