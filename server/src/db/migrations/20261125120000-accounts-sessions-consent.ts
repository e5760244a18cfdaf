import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../dialect';

/** Accounts, database-held sessions, login throttling and consent records. */
export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  const time = dialect.timestampType;

  await db.schema
    .createTable('users')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('email', 'text', (column) => column.unique())
    .addColumn('username', 'text', (column) => column.unique())
    .addColumn('password_hash', 'text', (column) => column.notNull())
    .addColumn('created_at', time, (column) => column.notNull())
    .addColumn('updated_at', time, (column) => column.notNull())
    .addCheckConstraint('users_email_or_username', sql`email is not null or username is not null`)
    .execute();

  await db.schema
    .createTable('sessions')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('user_id', 'text', (column) =>
      column.notNull().references('users.id').onDelete('cascade'),
    )
    .addColumn('csrf_token', 'text', (column) => column.notNull())
    .addColumn('created_at', time, (column) => column.notNull())
    .addColumn('last_seen_at', time, (column) => column.notNull())
    .addColumn('expires_at', time, (column) => column.notNull())
    // On SQLite the table is clustered on the token hash: one B-tree search per lookup
    // instead of an index search plus a row fetch, on every signed-in request.
    .$call((builder) =>
      dialect.name === 'sqlite' ? builder.modifyEnd(sql`without rowid`) : builder,
    )
    .execute();
  await db.schema.createIndex('sessions_user_id').on('sessions').column('user_id').execute();

  await db.schema
    .createTable('login_throttles')
    .addColumn('key', 'text', (column) => column.primaryKey())
    .addColumn('failures', 'integer', (column) => column.notNull())
    .addColumn('window_started_at', time, (column) => column.notNull())
    .execute();

  await db.schema
    .createTable('consents')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('user_id', 'text', (column) =>
      column.notNull().references('users.id').onDelete('cascade'),
    )
    .addColumn('kind', 'text', (column) => column.notNull())
    .addColumn('version', 'text', (column) => column.notNull())
    .addColumn('given_at', time, (column) => column.notNull())
    .addColumn('withdrawn_at', time)
    .execute();
  await db.schema
    .createIndex('consents_user_kind')
    .on('consents')
    .columns(['user_id', 'kind', 'given_at'])
    .execute();
}
