import type { Kysely } from 'kysely';
import type { Dialect } from '../dialect';

/**
 * The person's own data (check-ins, journal, safety plan) and the machinery around it:
 * per-person data keys, grants, the tamper-evident access log and the security audit.
 * Every personal table carries `user_id`; free text lives only in `*_ciphertext` columns.
 */
export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  const time = dialect.timestampType;

  await db.schema
    .createTable('person_keys')
    .addColumn('user_id', 'text', (column) =>
      column.primaryKey().references('users.id').onDelete('cascade'),
    )
    .addColumn('wrapped_key', 'text', (column) => column.notNull())
    .addColumn('master_key_id', 'text', (column) => column.notNull())
    .addColumn('created_at', time, (column) => column.notNull())
    .execute();

  await db.schema
    .createTable('checkins')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('user_id', 'text', (column) =>
      column.notNull().references('users.id').onDelete('cascade'),
    )
    .addColumn('mood', 'integer', (column) => column.notNull())
    .addColumn('closeness', 'integer', (column) => column.notNull())
    .addColumn('stress', 'integer', (column) => column.notNull())
    .addColumn('note_ciphertext', 'text')
    .addColumn('risk_level', 'text', (column) => column.notNull())
    .addColumn('time_zone', 'text', (column) => column.notNull())
    .addColumn('local_date', 'text', (column) => column.notNull())
    .addColumn('created_at', time, (column) => column.notNull())
    .addColumn('updated_at', time, (column) => column.notNull())
    .execute();
  await db.schema
    .createIndex('checkins_user_date')
    .on('checkins')
    .columns(['user_id', 'local_date'])
    .execute();

  await db.schema
    .createTable('journal_entries')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('user_id', 'text', (column) =>
      column.notNull().references('users.id').onDelete('cascade'),
    )
    .addColumn('text_ciphertext', 'text', (column) => column.notNull())
    .addColumn('tags_ciphertext', 'text', (column) => column.notNull())
    .addColumn('mood', 'integer')
    .addColumn('risk_level', 'text', (column) => column.notNull())
    .addColumn('created_at', time, (column) => column.notNull())
    .addColumn('updated_at', time, (column) => column.notNull())
    .execute();
  await db.schema
    .createIndex('journal_entries_user_created')
    .on('journal_entries')
    .columns(['user_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('safety_plans')
    .addColumn('user_id', 'text', (column) =>
      column.primaryKey().references('users.id').onDelete('cascade'),
    )
    .addColumn('sections_ciphertext', 'text', (column) => column.notNull())
    .addColumn('updated_at', time, (column) => column.notNull())
    .execute();

  await db.schema
    .createTable('grants')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('user_id', 'text', (column) =>
      column.notNull().references('users.id').onDelete('cascade'),
    )
    .addColumn('grantee_id', 'text', (column) =>
      column.notNull().references('users.id').onDelete('cascade'),
    )
    .addColumn('scope', 'text', (column) => column.notNull())
    .addColumn('created_at', time, (column) => column.notNull())
    .addColumn('expires_at', time, (column) => column.notNull())
    .addColumn('revoked_at', time)
    .execute();
  await db.schema
    .createIndex('grants_grantee')
    .on('grants')
    .columns(['grantee_id', 'user_id'])
    .execute();
  await db.schema.createIndex('grants_owner').on('grants').column('user_id').execute();

  // The owner's view of who read their records. `user_id` is the owner; rows are chained by
  // hash per owner so an edited or deleted row is detectable.
  await db.schema
    .createTable('access_log')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('user_id', 'text', (column) =>
      column.notNull().references('users.id').onDelete('cascade'),
    )
    .addColumn('sequence', 'integer', (column) => column.notNull())
    .addColumn('actor_id', 'text', (column) => column.notNull())
    .addColumn('record_type', 'text', (column) => column.notNull())
    .addColumn('record_id', 'text', (column) => column.notNull())
    .addColumn('action', 'text', (column) => column.notNull())
    .addColumn('reason', 'text', (column) => column.notNull())
    .addColumn('at', time, (column) => column.notNull())
    .addColumn('previous_hash', 'text', (column) => column.notNull())
    .addColumn('hash', 'text', (column) => column.notNull())
    .addUniqueConstraint('access_log_user_sequence', ['user_id', 'sequence'])
    .execute();

  // The newest link of each owner's chain, so cutting rows off the end is detectable too.
  await db.schema
    .createTable('access_log_heads')
    .addColumn('user_id', 'text', (column) =>
      column.primaryKey().references('users.id').onDelete('cascade'),
    )
    .addColumn('sequence', 'integer', (column) => column.notNull())
    .addColumn('hash', 'text', (column) => column.notNull())
    .execute();

  // Security events only: never any health content. `user_id` is null for events that
  // belong to no known account (a failed sign-in) or to a deleted one.
  await db.schema
    .createTable('audit_events')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('user_id', 'text', (column) => column.references('users.id').onDelete('cascade'))
    .addColumn('event', 'text', (column) => column.notNull())
    .addColumn('details', 'text', (column) => column.notNull())
    .addColumn('at', time, (column) => column.notNull())
    .execute();
  await db.schema
    .createIndex('audit_events_user')
    .on('audit_events')
    .columns(['user_id', 'at'])
    .execute();
}
