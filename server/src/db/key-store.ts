import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import { POSTGRES, SQLITE, postgresTypes, type Dialect } from './dialect';
import { syncFolder } from './sync-folder';

/**
 * The key store: the wrapped per-person data keys, in a database of their own, apart from
 * the main database. A backup of the main database then holds ciphertext but no keys, so once
 * a person's key is destroyed here, no such backup can be read for them, while everybody
 * else's text in it still can (crypto-shredding, docs/decisions/0006-encryption-at-rest.md).
 *
 * Where it is:
 * - `KEY_STORE_URL` when set: a postgres:// URL of a separate database, or (only when the main
 *   database is SQLite) the path of a SQLite file;
 * - else, with SQLite: `DATA_DIR/keys.sqlite`, created with mode 0600;
 * - else, with PostgreSQL: the database `<main database>_keys` on the same server, created at
 *   start-up when absent. Several instances share a PostgreSQL main database, so they must
 *   share one key store as well: it is never a file of one instance.
 */

/** One row per person: their data key, wrapped with a master key. */
export interface PersonKeysTable {
  user_id: string;
  /** `pk1:<master key id>:…` (services/crypto/person-keys.ts). */
  wrapped_key: string;
  /** The master key that wrapped it, so a rotation finds what is left to rewrap. */
  master_key_id: string;
  created_at: string;
}

export interface KeyStoreDatabase {
  person_keys: PersonKeysTable;
}

/** The SQLite key store created in DATA_DIR when KEY_STORE_URL is not set. */
export const KEY_STORE_FILE_NAME = 'keys.sqlite';

/** The main SQLite database's file name in DATA_DIR (db/database.ts). */
const MAIN_DATABASE_FILE_NAME = 'closer.sqlite';

/** PostgreSQL truncates longer identifiers, which could name someone else's database. */
const POSTGRES_NAME_MAX_BYTES = 63;

export type KeyStoreLocation =
  | { kind: 'sqlite'; file: string }
  | {
      kind: 'postgres';
      url: string;
      /** Connection (to the main database) through which to create the store when absent. */
      createThrough: string | null;
    };

export interface KeyStoreOptions {
  databaseUrl: string | null;
  dataDir: string;
  keyStoreUrl: string | null;
}

export interface KeyStoreHandle {
  db: Kysely<KeyStoreDatabase>;
  dialect: Dialect;
  /** Where the store is, safe to log: a file, or a database and host (never a password). */
  description: string;
  /** Answers true when the store responds to a trivial query. */
  ping(): Promise<boolean>;
  /** Closes the connections; calling it again does nothing. */
  close(): Promise<void>;
}

const isPostgresUrl = (value: string) => /^postgres(ql)?:\/\//.test(value);

/** Works out where the key store is from the configuration; throws on a setting that would be unsafe. */
export function keyStoreLocation(options: KeyStoreOptions): KeyStoreLocation {
  const main = options.databaseUrl;
  const given = options.keyStoreUrl;
  if (given && isPostgresUrl(given)) {
    if (main && isPostgresUrl(main) && sameDatabase(main, given)) {
      throw new Error(
        'KEY_STORE_URL names the main database (DATABASE_URL). The key store must be a separate database, or a backup of the main database would hold the keys to its own text; name another database.',
      );
    }
    return { kind: 'postgres', url: given, createThrough: null };
  }
  if (given) {
    if (main) {
      throw new Error(
        'KEY_STORE_URL is a file, but DATABASE_URL selects PostgreSQL, which several instances may share: they must share one key store too. Set KEY_STORE_URL to the postgres:// URL of a separate database, or leave it unset to use <main database>_keys on the same server.',
      );
    }
    if (given === ':memory:') return { kind: 'sqlite', file: given };
    const file = path.resolve(given);
    if (file === path.resolve(options.dataDir, MAIN_DATABASE_FILE_NAME)) {
      throw new Error(
        'KEY_STORE_URL names the main SQLite database. The key store must be a file of its own; leave KEY_STORE_URL unset to use DATA_DIR/keys.sqlite.',
      );
    }
    return { kind: 'sqlite', file };
  }
  if (!main) {
    return { kind: 'sqlite', file: path.join(path.resolve(options.dataDir), KEY_STORE_FILE_NAME) };
  }
  const url = new URL(main);
  const name = databaseNameOf(url);
  if (!name) {
    throw new Error(
      'DATABASE_URL names no database, so the key store database (<main database>_keys) cannot be named after it. Add the database name to DATABASE_URL, or set KEY_STORE_URL.',
    );
  }
  const keysName = `${name}_keys`;
  if (Buffer.byteLength(keysName, 'utf8') > POSTGRES_NAME_MAX_BYTES) {
    throw new Error(
      `The key store database would be named "${keysName}", longer than PostgreSQL's ${POSTGRES_NAME_MAX_BYTES} bytes. Set KEY_STORE_URL to the postgres:// URL of a separate database.`,
    );
  }
  url.pathname = `/${encodeURIComponent(keysName)}`;
  return { kind: 'postgres', url: url.toString(), createThrough: main };
}

/**
 * Opens the key store the configuration names (see `keyStoreLocation`), creating it and its
 * one table when they do not exist yet. Safe to call from several instances at once.
 */
export async function openKeyStore(options: KeyStoreOptions): Promise<KeyStoreHandle> {
  const location = keyStoreLocation(options);
  if (location.kind === 'sqlite') return openSqliteKeyStore(location.file);
  return openPostgresKeyStore(location.url, { createThrough: location.createThrough });
}

/**
 * Opens (or creates) a SQLite key store. A new file is created with mode 0600 in a folder
 * created with mode 0700; an existing file (or its WAL) that other accounts may read or
 * change is refused, as the master key file is. WAL, and synchronous=FULL: a person's key is
 * written once, before anything encrypted with it, and must survive a power cut.
 * `:memory:` gives a throwaway store for tests.
 */
export async function openSqliteKeyStore(file: string): Promise<KeyStoreHandle> {
  if (file !== ':memory:') prepareKeyStoreFile(file);
  const sqlite = new SqliteDatabase(file);
  try {
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = FULL');
    sqlite.pragma('busy_timeout = 5000');
  } catch (error) {
    sqlite.close();
    throw new Error(`The key store ${file} could not be opened: ${messageOf(error)}`, {
      cause: error,
    });
  }
  const db = new Kysely<KeyStoreDatabase>({ dialect: new SqliteDialect({ database: sqlite }) });
  const handle = keyStoreHandle(db, SQLITE, `SQLite ${file}`, () => {
    // Kysely only closes a connection it has used.
    if (sqlite.open) sqlite.close();
  });
  return withSchema(handle);
}

/**
 * Opens a PostgreSQL key store. With `createThrough` (the main database's URL), a missing
 * database is first created on that server; when the account may not create databases,
 * start-up stops with a message saying what to do.
 */
export async function openPostgresKeyStore(
  url: string,
  options: { createThrough?: string | null } = {},
): Promise<KeyStoreHandle> {
  const parsed = new URL(url);
  const name = databaseNameOf(parsed);
  const description = `PostgreSQL database "${name}" on ${parsed.host || 'the local socket'}`;
  if (options.createThrough) await createDatabaseIfMissing(options.createThrough, name);
  const pool = new pg.Pool({ connectionString: url, types: postgresTypes, max: 4 });
  // An idle client losing its connection must not crash the process; the next query retries.
  pool.on('error', () => undefined);
  const db = new Kysely<KeyStoreDatabase>({ dialect: new PostgresDialect({ pool }) });
  return withSchema(keyStoreHandle(db, POSTGRES, description));
}

/**
 * The store's whole schema: one table and one index, created if absent, at every start.
 * On PostgreSQL an advisory lock keeps instances starting together from racing on
 * `create table if not exists`, which is not safe against itself there.
 */
async function withSchema(handle: KeyStoreHandle): Promise<KeyStoreHandle> {
  const time = handle.dialect.timestampType;
  try {
    await handle.db.transaction().execute(async (trx) => {
      if (handle.dialect.name === 'postgres') {
        await sql`select pg_advisory_xact_lock(${SCHEMA_LOCK})`.execute(trx);
      }
      await trx.schema
        .createTable('person_keys')
        .ifNotExists()
        .addColumn('user_id', 'text', (column) => column.primaryKey())
        .addColumn('wrapped_key', 'text', (column) => column.notNull())
        .addColumn('master_key_id', 'text', (column) => column.notNull())
        .addColumn('created_at', time, (column) => column.notNull())
        .execute();
      await trx.schema
        .createIndex('person_keys_master_key_id')
        .ifNotExists()
        .on('person_keys')
        .column('master_key_id')
        .execute();
    });
  } catch (error) {
    await handle.close().catch(() => undefined);
    throw new Error(
      `The key store (${handle.description}) could not be prepared: ${messageOf(error)}`,
      { cause: error },
    );
  }
  return handle;
}

/** Advisory lock number for the key store's schema creation ("closer-keys" as an integer). */
const SCHEMA_LOCK = 0x6b657973;

function keyStoreHandle(
  db: Kysely<KeyStoreDatabase>,
  dialect: Dialect,
  description: string,
  onClose?: () => void,
): KeyStoreHandle {
  let closed = false;
  return {
    db,
    dialect,
    description,
    async ping() {
      if (closed) return false;
      try {
        await sql`select 1`.execute(db);
        return true;
      } catch {
        return false;
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      await db.destroy();
      onClose?.();
    },
  };
}

/**
 * Creates the key store file empty, private, and flushed into its folder, unless it exists;
 * then checks that the file and any WAL or journal beside it are private to this account.
 */
function prepareKeyStoreFile(file: string): void {
  const folder = path.dirname(file);
  fs.mkdirSync(folder, { recursive: true, mode: 0o700 });
  let created = false;
  try {
    const descriptor = fs.openSync(file, 'wx', 0o600);
    try {
      // The umask can only remove permissions, but be explicit about the ones we want.
      fs.fchmodSync(descriptor, 0o600);
    } finally {
      fs.closeSync(descriptor);
    }
    created = true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  if (created) syncFolder(folder);
  // SQLite gives the WAL and shared-memory files the database file's mode; check any left over.
  for (const candidate of [file, `${file}-wal`, `${file}-shm`, `${file}-journal`]) {
    let stats: fs.Stats;
    try {
      stats = fs.statSync(candidate);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT' && candidate !== file) continue;
      throw error;
    }
    if (!stats.isFile()) throw new Error(`The key store ${candidate} is not a regular file.`);
    // Windows has no POSIX modes to check (Node reports 0o666 for every file there).
    if (process.platform !== 'win32' && (stats.mode & 0o077) !== 0) {
      throw new Error(
        `The key store ${candidate} may be read or changed by other accounts (mode ${(stats.mode & 0o777).toString(8).padStart(4, '0')}). Run \`chmod 600 ${candidate}\` and start again.`,
      );
    }
  }
}

/** Creates the database `name` through a connection to `adminUrl` unless it exists. */
async function createDatabaseIfMissing(adminUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query('select 1 from pg_database where datname = $1', [name]);
    if ((found.rowCount ?? 0) > 0) return;
    try {
      await client.query(`create database ${client.escapeIdentifier(name)}`);
    } catch (error) {
      const code = (error as { code?: string }).code;
      // Another instance created it at the same moment.
      if (code === '42P04' || code === '23505') return;
      throw new Error(
        `The key store database "${name}" does not exist and could not be created (${messageOf(error)}). Create it (CREATE DATABASE "${name}"), grant Closer's account access to it, or set KEY_STORE_URL to the postgres:// URL of another separate database.`,
        { cause: error },
      );
    }
  } finally {
    await client.end().catch(() => undefined);
  }
}

function databaseNameOf(url: URL): string {
  return decodeURIComponent(url.pathname.replace(/^\//, ''));
}

/** Same server and database: host, port (5432 by default) and database name. */
function sameDatabase(a: string, b: string): boolean {
  const first = new URL(a);
  const second = new URL(b);
  return (
    first.hostname.toLowerCase() === second.hostname.toLowerCase() &&
    (first.port || '5432') === (second.port || '5432') &&
    (first.searchParams.get('host') ?? '') === (second.searchParams.get('host') ?? '') &&
    databaseNameOf(first) === databaseNameOf(second)
  );
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
