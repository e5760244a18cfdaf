import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../dialect';

/**
 * The Closeness Check (docs/decisions/0009): saved responses and the one draft per person,
 * answers encrypted with the person's key; the research queue (still personal); and the
 * anonymous research pool, which names nobody and carries no exact time.
 */
export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  const time = dialect.timestampType;

  await db.schema
    .createTable('closeness_check_responses')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('user_id', 'text', (column) =>
      column.notNull().references('users.id').onDelete('cascade'),
    )
    .addColumn('version', 'integer', (column) => column.notNull())
    .addColumn('answers_ciphertext', 'text', (column) => column.notNull())
    .addColumn('research_contributed', 'integer', (column) => column.notNull().defaultTo(0))
    .addColumn('created_at', time, (column) => column.notNull())
    .execute();
  await db.schema
    .createIndex('closeness_check_responses_user_created')
    .on('closeness_check_responses')
    .columns(['user_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('closeness_check_drafts')
    .addColumn('user_id', 'text', (column) =>
      column.primaryKey().references('users.id').onDelete('cascade'),
    )
    .addColumn('version', 'integer', (column) => column.notNull())
    .addColumn('answers_ciphertext', 'text', (column) => column.notNull())
    .addColumn('updated_at', time, (column) => column.notNull())
    .execute();

  await db.schema
    .createTable('research_pool_queue')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('user_id', 'text', (column) =>
      column.notNull().references('users.id').onDelete('cascade'),
    )
    .addColumn('response_id', 'text', (column) =>
      column.notNull().references('closeness_check_responses.id').onDelete('cascade'),
    )
    .addColumn('version', 'integer', (column) => column.notNull())
    .addColumn('answers_ciphertext', 'text', (column) => column.notNull())
    .execute();
  await db.schema
    .createIndex('research_pool_queue_user')
    .on('research_pool_queue')
    .column('user_id')
    .execute();

  // No user id and no timestamp, by design. On SQLite the table is clustered on its random id
  // (WITHOUT ROWID), so not even a hidden rowid keeps the order in which copies arrived.
  await db.schema
    .createTable('research_pool')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('version', 'integer', (column) => column.notNull())
    .addColumn('answers', 'text', (column) => column.notNull())
    .addColumn('contributed_month', 'text', (column) => column.notNull())
    .$call((builder) =>
      dialect.name === 'sqlite' ? builder.modifyEnd(sql`without rowid`) : builder,
    )
    .execute();
}
