import { Migrator, type Kysely, type Migration as KyselyMigration } from 'kysely';
import type { DatabaseHandle } from './database';
import { MIGRATIONS } from './migrations';

/**
 * Brings the schema up to date. Runs at every start; Kysely's migrator takes a lock so
 * several instances starting together on PostgreSQL apply each migration once.
 */
export async function migrateToLatest(handle: DatabaseHandle): Promise<string[]> {
  const migrations: Record<string, KyselyMigration> = {};
  for (const [name, migration] of Object.entries(MIGRATIONS)) {
    migrations[name] = { up: (db: Kysely<unknown>) => migration.up(db, handle.dialect) };
  }
  const migrator = new Migrator({
    db: handle.db,
    provider: { getMigrations: async () => migrations },
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    throw new Error(
      `Database migration failed: ${error instanceof Error ? error.message : String(error)}`,
      {
        cause: error,
      },
    );
  }
  return (results ?? [])
    .filter((result) => result.status === 'Success')
    .map((result) => result.migrationName);
}
