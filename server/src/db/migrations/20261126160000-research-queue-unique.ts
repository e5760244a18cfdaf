import { sql, type Kysely } from 'kysely';

/**
 * At most one research copy per person and version waits in the queue (docs/decisions/0009).
 * The service checks "already given?" before it saves a response, so two saves at the same
 * moment could both pass the check and queue two copies; with this key the second is refused
 * by the database and treated as already given.
 *
 * Copies such a race may already have queued are removed first (the earliest by id stays),
 * and their responses are marked as not given, so that the key can be created.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    update closeness_check_responses set research_contributed = 0
    where id in (
      select queued.response_id from research_pool_queue queued
      where exists (
        select 1 from research_pool_queue earlier
        where earlier.user_id = queued.user_id
          and earlier.version = queued.version
          and earlier.id < queued.id
      )
    )`.execute(db);
  await sql`
    delete from research_pool_queue
    where exists (
      select 1 from research_pool_queue earlier
      where earlier.user_id = research_pool_queue.user_id
        and earlier.version = research_pool_queue.version
        and earlier.id < research_pool_queue.id
    )`.execute(db);
  await db.schema
    .createIndex('research_pool_queue_user_version')
    .on('research_pool_queue')
    .columns(['user_id', 'version'])
    .unique()
    .execute();
  // The new key starts with user_id, so it serves the owner's lookups and deletions too.
  await db.schema.dropIndex('research_pool_queue_user').execute();
}
