import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { CompiledQuery, Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { POSTGRES, SQLITE, postgresTypes, type Dialect } from './dialect';
import type { Database } from './schema';

export interface DatabaseHandle {
  db: Kysely<Database>;
  dialect: Dialect;
  /**
   * Runs a read query compiled once by Kysely. On SQLite, when no transaction is open, it
   * runs the cached prepared statement directly instead of through Kysely's asynchronous
   * connection queue: better-sqlite3 is synchronous anyway, and for the per-request session
   * lookup this halved its cost (docs/decisions/0003). Inside a transaction it waits its
   * turn like any other query, so it never reads another request's uncommitted rows.
   */
  readCompiled<Row>(compiled: CompiledQuery<Row>): Promise<Row[]>;
  /** Answers true when the database responds to a trivial query. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  databaseUrl: string | null;
  dataDir: string;
}

/** Opens SQLite in the data folder by default, or PostgreSQL when a URL is given. */
export function openDatabase(options: DatabaseOptions): DatabaseHandle {
  if (options.databaseUrl && /^postgres(ql)?:\/\//.test(options.databaseUrl)) {
    return openPostgres(options.databaseUrl);
  }
  if (options.databaseUrl) {
    throw new Error('DATABASE_URL must start with postgres:// (or be unset for SQLite).');
  }
  return openSqlite(path.join(options.dataDir, 'closer.sqlite'));
}

export function openSqlite(file: string): DatabaseHandle {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const sqlite = new SqliteDatabase(file);
  // WAL lets readers work during a write; FULL makes every commit survive a power cut, which
  // matters more to us than the ~9x throughput of NORMAL (see docs/decisions/0002).
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const cached = withStatementCache(sqlite);
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: cached }) });
  return handle(db, SQLITE, async <Row>(compiled: CompiledQuery<Row>) => {
    if (sqlite.inTransaction || !sqlite.open) return (await db.executeQuery(compiled)).rows;
    return cached.prepare(compiled.sql).all(...compiled.parameters) as Row[];
  });
}

/** How many distinct SQL texts keep a prepared statement; our queries number in the dozens. */
const STATEMENT_CACHE_SIZE = 500;

/**
 * Kysely asks better-sqlite3 to prepare every query afresh, which was the largest single
 * cost of an authenticated request in profiles. Statements are reusable, so we keep them by
 * SQL text (the text holds only placeholders, never values) with least-recently-used eviction.
 */
function withStatementCache(sqlite: SqliteDatabase.Database): SqliteDatabase.Database {
  const cache = new Map<string, SqliteDatabase.Statement>();
  const prepare = sqlite.prepare.bind(sqlite);
  return new Proxy(sqlite, {
    get(target, property, receiver) {
      if (property !== 'prepare') return Reflect.get(target, property, receiver);
      return (source: string) => {
        let statement = cache.get(source);
        if (statement) {
          cache.delete(source);
        } else {
          statement = prepare(source);
          if (cache.size >= STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value as string);
        }
        cache.set(source, statement);
        return statement;
      };
    },
  });
}

export function openPostgres(connectionString: string): DatabaseHandle {
  const pool = new pg.Pool({ connectionString, types: postgresTypes, max: 10 });
  // An idle client losing its connection must not crash the process; the next query retries.
  pool.on('error', () => undefined);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return handle(
    db,
    POSTGRES,
    async <Row>(compiled: CompiledQuery<Row>) => (await db.executeQuery(compiled)).rows,
  );
}

const PING = CompiledQuery.raw('select 1');

function handle(
  db: Kysely<Database>,
  dialect: Dialect,
  readCompiled: DatabaseHandle['readCompiled'],
): DatabaseHandle {
  return {
    db,
    dialect,
    readCompiled,
    async ping() {
      try {
        await readCompiled(PING);
        return true;
      } catch {
        return false;
      }
    },
    close: () => db.destroy(),
  };
}
