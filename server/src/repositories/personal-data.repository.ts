import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';

/**
 * Every table of the main database, and the column that names the person whose data it
 * holds — or why it holds no one's. Typed against the schema, so a new table does not compile
 * until someone decides here how it is exported and deleted; a test also compares this with
 * the live database.
 *
 * One more row per person lives outside the main database: their wrapped data key, in the
 * key store (db/key-store.ts). Account deletion destroys it first, through the key service
 * (AccountService); the export leaves it out, as a secret of no use to the person.
 */
export const TABLE_OWNERSHIP = {
  users: { ownerColumn: 'id' },
  sessions: { ownerColumn: 'user_id' },
  login_throttles: {
    noOwner:
      'Keyed by hashes of sign-in names and client addresses, never by person; rows expire within the throttle window.',
  },
  consents: { ownerColumn: 'user_id' },
  checkins: { ownerColumn: 'user_id' },
  journal_entries: { ownerColumn: 'user_id' },
  safety_plans: { ownerColumn: 'user_id' },
  grants: { ownerColumn: 'user_id' },
  access_log: { ownerColumn: 'user_id' },
  access_log_heads: { ownerColumn: 'user_id' },
  audit_events: { ownerColumn: 'user_id' },
  closeness_check_responses: { ownerColumn: 'user_id' },
  closeness_check_drafts: { ownerColumn: 'user_id' },
  research_pool_queue: { ownerColumn: 'user_id' },
  exercise_entries: { ownerColumn: 'user_id' },
  plan_weeks: { ownerColumn: 'user_id' },
  plan_preferences: { ownerColumn: 'user_id' },
  reminder_settings: { ownerColumn: 'user_id' },
  reminder_feeds: { ownerColumn: 'user_id' },
  reminder_deliveries: { ownerColumn: 'user_id' },
  session_reports: { ownerColumn: 'user_id' },
  progress_versions: {
    noOwner:
      'A counter per account that database triggers raise with each change the progress page reads, so its cache knows when to work the page out again (docs/decisions/0014). No health data and nothing the person wrote; it goes with the account (foreign key, on delete cascade).',
  },
  progress_shared_version: {
    noOwner:
      'One counter raised whenever the research pool grows, so cached progress pages are worked out again (docs/decisions/0014). No person, no health data.',
  },
  research_pool: {
    noOwner:
      'Anonymous copies of Closeness Check answers given with research consent: no person, no time finer than a month, random ids, added in shuffled groups; Closer keeps no link to the person and never looks for one. It stays after account deletion, as the research notice says (docs/decisions/0009).',
  },
} as const satisfies Record<
  keyof Database,
  { ownerColumn: 'user_id' | 'id' } | { noOwner: string }
>;

export type PersonalTable = {
  [Table in keyof Database]: (typeof TABLE_OWNERSHIP)[Table] extends { ownerColumn: string }
    ? Table
    : never;
}[keyof Database];

export const PERSONAL_TABLES = (Object.keys(TABLE_OWNERSHIP) as (keyof Database)[]).filter(
  (table): table is PersonalTable => 'ownerColumn' in TABLE_OWNERSHIP[table],
);

/** Whole-person operations: the raw rows of one table, and deleting everything at once. */
export class PersonalDataRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async rows(table: PersonalTable, userId: string): Promise<Record<string, unknown>[]> {
    const { ownerColumn } = TABLE_OWNERSHIP[table];
    // The table and column names come from the typed registry above, never from input.
    return (await this.db
      .selectFrom(table)
      .selectAll()
      .where(ownerColumn as never, '=', userId as never)
      .execute()) as Record<string, unknown>[];
  }

  /** Grants other people gave this person: theirs to keep, but about this person too. */
  async grantsReceived(userId: string): Promise<Record<string, unknown>[]> {
    return (await this.db
      .selectFrom('grants')
      .selectAll()
      .where('grantee_id', '=', userId)
      .execute()) as Record<string, unknown>[];
  }

  /**
   * Deletes every row of the person, in one transaction, children before the user row.
   * Grants they received from others go too (the owner keeps their own access log).
   */
  async deleteAll(userId: string): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('grants').where('grantee_id', '=', userId).execute();
      for (const table of PERSONAL_TABLES) {
        if (table === 'users') continue;
        await trx
          .deleteFrom(table)
          .where('user_id' as never, '=', userId as never)
          .execute();
      }
      await trx.deleteFrom('users').where('id', '=', userId).execute();
    });
  }

  /** How many rows of the person remain in each table; all zero after deletion. */
  async remaining(userId: string): Promise<Record<PersonalTable, number>> {
    const counts: Partial<Record<PersonalTable, number>> = {};
    for (const table of PERSONAL_TABLES) counts[table] = (await this.rows(table, userId)).length;
    return counts as Record<PersonalTable, number>;
  }
}
