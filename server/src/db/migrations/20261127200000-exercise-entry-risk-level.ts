import type { Kysely } from 'kysely';

/**
 * Exercise entries keep the level the risk check gave their words at the last save, as journal
 * entries and check-ins do, so the plan can see a recent crisis or safeguarding flag without
 * decrypting and checking every entry again on each read (docs/decisions/0010). Entries saved
 * before this have none (null) and are checked when the plan reads them, until their next save.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('exercise_entries').addColumn('risk_level', 'text').execute();
}
