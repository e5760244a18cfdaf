import type { Kysely } from 'kysely';
import type { Dialect } from '../dialect';

/**
 * The printable session report (docs/decisions/0015): one row per person, holding only the
 * moment they last said "I have printed or shared this". It sets the default start of the
 * next report ("since last time"); nothing of the report itself is kept.
 */
export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  await db.schema
    .createTable('session_reports')
    .addColumn('user_id', 'text', (column) =>
      column.primaryKey().references('users.id').onDelete('cascade'),
    )
    .addColumn('last_report_at', dialect.timestampType, (column) => column.notNull())
    .execute();
}
