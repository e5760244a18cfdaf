import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { buildApp, type App } from '../../server/src/app';
import { loadConfig, type Config } from '../../server/src/config';
import { openPostgres, openSqlite, type DatabaseHandle } from '../../server/src/db/database';
import { keyStoreLocation, openKeyStore, type KeyStoreHandle } from '../../server/src/db/key-store';
import { migrateToLatest } from '../../server/src/db/migrate';
import { loadMasterKeyRing, type MasterKeyRing } from '../../server/src/services/crypto/master-key';
import { TestClock } from './test-clock';

export { TestClock, TEST_EPOCH } from './test-clock';

export type TestDatabaseKind = 'sqlite' | 'postgres';

/** The database this Vitest project runs against (set per project in vitest.config.ts). */
export const testDatabaseKind: TestDatabaseKind =
  process.env.CLOSER_TEST_DB === 'postgres' ? 'postgres' : 'sqlite';

/** Admin URL of the PostgreSQL cluster this project runs against (null on SQLite). */
export const postgresAdminUrl: string | null =
  testDatabaseKind === 'postgres' ? (inject('postgresUrl') ?? null) : null;

/**
 * False only in the int-postgres project when its global setup found no PostgreSQL (and
 * REQUIRE_POSTGRES was not set: then the run has already failed). Use with
 * `describe.skipIf(!dbAvailable)`.
 */
export const dbAvailable: boolean = testDatabaseKind === 'sqlite' || postgresAdminUrl !== null;

export interface TestAppOptions {
  /** Extra configuration, as environment variables (for example TRUST_PROXY: '1'). */
  env?: Record<string, string>;
  /** Folder of a web build; default: a folder that does not exist (no web app built). */
  webDistDir?: string;
  /** Write a tiny web build (index.html and one asset) and serve it. */
  withWebBuild?: boolean;
  /** Routes to add before the app is sealed (for example a health-data route). */
  extend?: (app: App) => void;
  /** Share a clock, for example between two instances. Default: a new frozen clock. */
  clock?: TestClock;
  /**
   * Build a second app instance on the database and key store of an existing test app, with
   * its own connections, as a second server behind a load balancer would be. It shares that
   * app's clock unless `clock` is given, and its close() leaves both in place.
   */
  sameDatabaseAs?: TestApp;
  /**
   * Build on an existing database (a restored backup, say) instead of a new one; close()
   * leaves it in place. The key store is the configured one: by default a new, empty one,
   * or another app's live store with `env: {KEY_STORE_URL: other.keyStoreUrl}`.
   */
  onDatabase?: TestDatabaseLocation;
  /**
   * The master key ring. Default: that of `sameDatabaseAs` (an instance on the same database
   * must unwrap the same person keys), else the one the server itself would load (a key file
   * created in the app's temporary DATA_DIR, or CLOSER_MASTER_KEY from `env`).
   */
  keyRing?: MasterKeyRing;
}

export interface TestApp {
  app: App;
  database: DatabaseHandle;
  clock: TestClock;
  config: Config;
  kind: TestDatabaseKind;
  /** The master key ring the app was built with. */
  keyRing: MasterKeyRing;
  /** The key store the app was built with: wrapped person keys, apart from `database`. */
  keyStore: KeyStoreHandle;
  /** The KEY_STORE_URL that names this app's key store (a SQLite file or a postgres:// URL). */
  keyStoreUrl: string;
  /** Stops the app, closes the database (if the test has not) and removes what it made. */
  close(): Promise<void>;
  /** How another instance reaches the same main database. */
  readonly location: TestDatabaseLocation;
}

export interface TestDatabaseLocation {
  kind: TestDatabaseKind;
  /** SQLite: the database file. PostgreSQL: the database's URL. */
  target: string;
}

/**
 * Builds the real application on a real, empty, migrated database: a SQLite file in a fresh
 * temporary folder, or a fresh PostgreSQL database (dropped again by close()). Its key store
 * is where the server itself would put it: `keys.sqlite` in that folder, or the database
 * `<name>_keys`, which opening it creates (and close() drops).
 */
export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  if (!dbAvailable)
    throw new Error('PostgreSQL is not available; guard the suite with dbAvailable.');
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'closer-int-'));
  const cleanups: (() => Promise<void> | void)[] = [
    () => fs.rmSync(folder, { recursive: true, force: true }),
  ];
  const runCleanups = async () => {
    for (const cleanup of cleanups.reverse()) {
      try {
        await cleanup();
      } catch {
        // Best effort: one failed clean-up must not hide the others or the test's own result.
      }
    }
  };

  try {
    const location =
      options.sameDatabaseAs?.location ??
      options.onDatabase ??
      (await createDatabase(folder, cleanups));
    // A SQLite file belongs to one process (exclusive locking), so a second instance on
    // SQLite shares the first one's connection; on PostgreSQL it gets its own pool.
    const shared = location.kind === 'sqlite' ? options.sameDatabaseAs?.database : undefined;
    const database =
      shared ??
      (location.kind === 'sqlite' ? openSqlite(location.target) : openPostgres(location.target));
    if (!shared) cleanups.push(() => closeQuietly(database));
    await migrateToLatest(database);

    let webDistDir = options.webDistDir ?? path.join(folder, 'no-web-build');
    if (options.withWebBuild) webDistDir = writeWebBuild(path.join(folder, 'web'));

    const config = loadConfig({
      DATA_DIR: folder,
      WEB_DIST_DIR: webDistDir,
      LOG_LEVEL: 'silent',
      ...(location.kind === 'postgres' ? { DATABASE_URL: location.target } : {}),
      ...(options.sameDatabaseAs ? { KEY_STORE_URL: options.sameDatabaseAs.keyStoreUrl } : {}),
      ...options.env,
    });
    const storeLocation = keyStoreLocation(config);
    const keyStoreUrl = storeLocation.kind === 'sqlite' ? storeLocation.file : storeLocation.url;
    // Opened here rather than by buildApp, so that a failed start closes it too.
    const keyStore = await openKeyStore(config);
    cleanups.push(() => keyStore.close());
    const clock = options.clock ?? options.sameDatabaseAs?.clock ?? new TestClock();
    const keyRing =
      options.keyRing ??
      options.sameDatabaseAs?.keyRing ??
      loadMasterKeyRing({ dataDir: config.dataDir, env: { ...process.env, ...options.env } }).ring;
    const app = await buildApp({
      config,
      database,
      keyStore,
      clock,
      keyRing,
      logger: false,
      ...(options.extend ? { extend: options.extend } : {}),
    });
    cleanups.push(() => app.close());

    let closed = false;
    return {
      app,
      database,
      clock,
      config,
      kind: location.kind,
      keyRing,
      keyStore,
      keyStoreUrl,
      location,
      async close() {
        if (closed) return;
        closed = true;
        await runCleanups();
      },
    };
  } catch (error) {
    await runCleanups();
    throw error;
  }
}

async function createDatabase(
  folder: string,
  cleanups: (() => Promise<void> | void)[],
): Promise<TestDatabaseLocation> {
  if (testDatabaseKind === 'sqlite') {
    return { kind: 'sqlite', target: path.join(folder, 'closer.sqlite') };
  }
  const adminUrl = postgresAdminUrl as string;
  const name = `closer_test_${randomBytes(8).toString('hex')}`;
  try {
    await adminQuery(adminUrl, `create database ${name}`);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`Could not create test database ${name} on ${adminUrl}: ${reason}`, {
      cause: error,
    });
  }
  cleanups.push(async () => {
    await adminQuery(adminUrl, `drop database if exists ${name} with (force)`);
    // The key store the app created beside it (db/key-store.ts names it so).
    await adminQuery(adminUrl, `drop database if exists ${name}_keys with (force)`);
  });
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { kind: 'postgres', target: url.toString() };
}

/** Runs one statement on the test cluster through its admin connection. */
export async function adminQuery(adminUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

async function closeQuietly(database: DatabaseHandle): Promise<void> {
  try {
    await database.close();
  } catch {
    // A test may already have closed it on purpose (for example to see /healthz fail).
  }
}

/** A minimal stand-in for the built web app: an HTML shell and one hashed asset. */
export function writeWebBuild(folder: string): string {
  fs.mkdirSync(path.join(folder, 'assets'), { recursive: true });
  fs.writeFileSync(
    path.join(folder, 'index.html'),
    '<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>Closer</title>' +
      '<script type="module" src="/assets/app-test.js"></script></head>' +
      '<body><div id="root"></div></body></html>',
  );
  fs.writeFileSync(path.join(folder, 'assets', 'app-test.js'), 'export {};\n');
  return folder;
}
