import type { Kysely } from 'kysely';
import type { Dialect } from '../dialect';

/**
 * Reminders (docs/decisions/0012): what each person asked to be reminded of, their private
 * calendar feed (only the SHA-256 of its token), and each reminder as it falls due, once per
 * channel. The unique key on deliveries is what makes several instances safe: each one may
 * insert the same due reminder, and only the first insert counts.
 */
export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  const time = dialect.timestampType;

  await db.schema
    .createTable('reminder_settings')
    .addColumn('user_id', 'text', (column) =>
      column.primaryKey().references('users.id').onDelete('cascade'),
    )
    .addColumn('time_zone', 'text', (column) => column.notNull())
    /** JSON: [{kind, days, time}], checked by core/reminders on every read and write. */
    .addColumn('items', 'text', (column) => column.notNull())
    .addColumn('email', 'integer', (column) => column.notNull().defaultTo(0))
    /** Occurrences up to this instant have been turned into deliveries. */
    .addColumn('scanned_until', time, (column) => column.notNull())
    /** The next occurrence after scanned_until, or null when no reminder is set. */
    .addColumn('next_due_at', time)
    .addColumn('updated_at', time, (column) => column.notNull())
    .execute();
  await db.schema
    .createIndex('reminder_settings_next_due_at')
    .on('reminder_settings')
    .column('next_due_at')
    .execute();

  await db.schema
    .createTable('reminder_feeds')
    .addColumn('user_id', 'text', (column) =>
      column.primaryKey().references('users.id').onDelete('cascade'),
    )
    .addColumn('id', 'text', (column) => column.notNull())
    .addColumn('token_hash', 'text', (column) => column.notNull().unique())
    .addColumn('created_at', time, (column) => column.notNull())
    .execute();

  await db.schema
    .createTable('reminder_deliveries')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('user_id', 'text', (column) =>
      column.notNull().references('users.id').onDelete('cascade'),
    )
    .addColumn('item_key', 'text', (column) => column.notNull())
    .addColumn('kind', 'text', (column) => column.notNull())
    .addColumn('occurrence_at', time, (column) => column.notNull())
    .addColumn('channel', 'text', (column) => column.notNull())
    .addColumn('status', 'text', (column) => column.notNull())
    .addColumn('attempts', 'integer', (column) => column.notNull().defaultTo(0))
    .addColumn('next_attempt_at', time)
    .addColumn('claimed_until', time)
    .addColumn('sent_at', time)
    .addColumn('created_at', time, (column) => column.notNull())
    .addUniqueConstraint('reminder_deliveries_once', [
      'user_id',
      'item_key',
      'occurrence_at',
      'channel',
    ])
    .execute();
  await db.schema
    .createIndex('reminder_deliveries_channel_status')
    .on('reminder_deliveries')
    .columns(['channel', 'status', 'next_attempt_at'])
    .execute();
}
