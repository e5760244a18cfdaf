import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../dialect';

/**
 * Data versions for the progress page's cache (docs/decisions/0014). `progress_versions`
 * holds one counter per person, raised by triggers in the same transaction as every write
 * the progress page reads: check-ins, Closeness Check responses, completed exercise entries
 * and plan weeks. `progress_shared_version` is one counter raised whenever the research pool
 * grows, as that changes which changes are called reliable. Triggers, not service code, so no
 * writer (an import, a key rotation, a deletion) can forget.
 *
 * The counter holds no health data and is not the person's data to export: it is keyed by
 * `account_id` (not `user_id`, so backups and restores of personal rows pass it by) and goes
 * with the account through the foreign key. A delete only raises an existing counter (never
 * creates one), so a trigger can never bring back the row of an account being deleted; every
 * account that already exists gets a row here, and new data always creates one.
 */
const TRACKED: readonly {
  table: string;
  when: { insert?: string; update?: string; remove?: string };
}[] = [
  { table: 'checkins', when: {} },
  { table: 'closeness_check_responses', when: {} },
  // Only completed entries show on the progress page; a draft saved as the person types does not.
  {
    table: 'exercise_entries',
    when: {
      insert: "NEW.status = 'completed'",
      update: "OLD.status = 'completed' OR NEW.status = 'completed'",
      remove: "OLD.status = 'completed'",
    },
  },
  { table: 'plan_weeks', when: {} },
];

export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  await db.schema
    .createTable('progress_versions')
    .addColumn('account_id', 'text', (column) =>
      column.primaryKey().references('users.id').onDelete('cascade'),
    )
    .addColumn('version', 'integer', (column) => column.notNull())
    .execute();
  await db.schema
    .createTable('progress_shared_version')
    .addColumn('id', 'integer', (column) => column.primaryKey())
    .addColumn('version', 'integer', (column) => column.notNull())
    .execute();
  await sql`insert into progress_shared_version (id, version) values (1, 1)`.execute(db);
  await sql`insert into progress_versions (account_id, version) select id, 1 from users`.execute(
    db,
  );

  const raise = (row: 'NEW' | 'OLD') =>
    `insert into progress_versions (account_id, version) values (${row}.user_id, 1)
       on conflict (account_id) do update set version = progress_versions.version + 1`;
  const raiseExisting = `update progress_versions set version = version + 1 where account_id = OLD.user_id`;
  const raiseShared = `update progress_shared_version set version = version + 1 where id = 1`;

  if (dialect.name === 'postgres') {
    await sql
      .raw(
        `create function progress_bump() returns trigger language plpgsql as $$
         begin
           if tg_op = 'DELETE' then ${raiseExisting};
           else ${raise('NEW')};
           end if;
           return null;
         end $$`,
      )
      .execute(db);
    await sql
      .raw(
        `create function progress_shared_bump() returns trigger language plpgsql as $$
         begin ${raiseShared}; return null; end $$`,
      )
      .execute(db);
    for (const { table, when } of TRACKED) {
      for (const [event, condition] of [
        ['insert', when.insert],
        ['update', when.update],
        ['delete', when.remove],
      ] as const) {
        await sql
          .raw(
            `create trigger progress_${table}_${event} after ${event} on ${table} for each row
             ${condition ? `when (${condition})` : ''} execute function progress_bump()`,
          )
          .execute(db);
      }
    }
    await sql
      .raw(
        `create trigger progress_research_pool_insert after insert on research_pool
         for each statement execute function progress_shared_bump()`,
      )
      .execute(db);
    return;
  }

  for (const { table, when } of TRACKED) {
    for (const [event, condition, body] of [
      ['insert', when.insert, raise('NEW')],
      ['update', when.update, raise('NEW')],
      ['delete', when.remove, raiseExisting],
    ] as const) {
      await sql
        .raw(
          `create trigger progress_${table}_${event} after ${event} on ${table}
           ${condition ? `when ${condition}` : ''} begin ${body}; end`,
        )
        .execute(db);
    }
  }
  await sql
    .raw(
      `create trigger progress_research_pool_insert after insert on research_pool
       begin ${raiseShared}; end`,
    )
    .execute(db);
}
