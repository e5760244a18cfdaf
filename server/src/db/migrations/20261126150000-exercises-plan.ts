import type { Kysely } from 'kysely';
import type { Dialect } from '../dialect';

/**
 * Exercise entries (drafts and completed goes, values encrypted), each week's plan per person
 * (encrypted, so it stays the same all week and the next week can build on it) and the plan's
 * preferences (encrypted). Every table carries its owner and goes with the account.
 */
export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  const time = dialect.timestampType;

  await db.schema
    .createTable('exercise_entries')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('user_id', 'text', (column) =>
      column.notNull().references('users.id').onDelete('cascade'),
    )
    .addColumn('exercise_id', 'text', (column) => column.notNull())
    .addColumn('status', 'text', (column) => column.notNull())
    .addColumn('values_ciphertext', 'text', (column) => column.notNull())
    .addColumn('feeling_ciphertext', 'text')
    .addColumn('created_at', time, (column) => column.notNull())
    .addColumn('updated_at', time, (column) => column.notNull())
    .addColumn('completed_at', time)
    .execute();
  await db.schema
    .createIndex('exercise_entries_user_exercise_created')
    .on('exercise_entries')
    .columns(['user_id', 'exercise_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('plan_weeks')
    .addColumn('user_id', 'text', (column) =>
      column.notNull().references('users.id').onDelete('cascade'),
    )
    .addColumn('week', 'text', (column) => column.notNull())
    .addColumn('plan_ciphertext', 'text', (column) => column.notNull())
    .addColumn('updated_at', time, (column) => column.notNull())
    .addPrimaryKeyConstraint('plan_weeks_pk', ['user_id', 'week'])
    .execute();

  await db.schema
    .createTable('plan_preferences')
    .addColumn('user_id', 'text', (column) =>
      column.primaryKey().references('users.id').onDelete('cascade'),
    )
    .addColumn('preferences_ciphertext', 'text', (column) => column.notNull())
    .addColumn('updated_at', time, (column) => column.notNull())
    .execute();
}
