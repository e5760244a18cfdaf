import type { Kysely } from 'kysely';

/**
 * Exercise entries record the version of the exercise they were made with, so a later version
 * of its fields never refuses or drops an older entry's values, and a revision, counted up on
 * every save, so a save based on an older copy is answered with a conflict instead of
 * overwriting newer words (docs/decisions/0011). Every entry before this was made with
 * version 1 of its exercise; its revision starts at 1.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('exercise_entries')
    .addColumn('exercise_version', 'integer', (column) => column.notNull().defaultTo(1))
    .execute();
  await db.schema
    .alterTable('exercise_entries')
    .addColumn('revision', 'integer', (column) => column.notNull().defaultTo(1))
    .execute();
}
