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
   * Prepares a read query compiled once by Kysely, for a path that runs on every request.
   * On SQLite, when no transaction is open, each call runs one prepared statement directly
   * instead of going through Kysely's asynchronous connection queue: better-sqlite3 is
   * synchronous anyway, and this more than halved the session lookup's cost
   * (docs/decisions/0003). Inside a transaction a call waits its turn like any other query,
   * so it never reads another request's uncommitted rows. On PostgreSQL it is an ordinary
   * Kysely query.
   */
  prepareRead<Row>(
    compiled: CompiledQuery<Row>,
  ): (parameters: readonly unknown[]) => Promise<Row[]>;
  /**
   * True when this process is the only one that can write the database (SQLite, held with
   * an exclusive lock), so an in-process cache of its rows stays coherent.
   */
  singleWriter: boolean;
  /** False once the handle is closed. */
  isOpen(): boolean;
  /**
   * Runs one write whose success is what a person is told ("saved"). On SQLite, writes that
   * arrive together are committed together: one transaction and one flush to disk for the
   * group (group commit), and each promise resolves only after that commit is durable. Each
   * statement still succeeds or fails on its own. On PostgreSQL it is an ordinary query.
   */
  write(compiled: CompiledQuery): Promise<void>;
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
  // No waiting while taking the lock: a second process should hear at once, not in 5 s.
  const sqlite = new SqliteDatabase(file, { timeout: 0 });
  // One process owns the database file: EXCLUSIVE locking keeps the write lock from the
  // first transaction until close, so a second Closer on the same data folder fails at
  // once instead of sharing it. It also spares every read the shared-memory locking of WAL,
  // which was most of the cost of the per-request session lookup (docs/decisions/0003).
  try {
    sqlite.pragma('locking_mode = EXCLUSIVE');
    // WAL lets readers work during a write; FULL makes every commit survive a power cut,
    // which matters more to us than the ~9x throughput of NORMAL (docs/decisions/0002).
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = FULL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.exec('begin immediate; commit');
  } catch (error) {
    sqlite.close();
    if ((error as { code?: string }).code === 'SQLITE_BUSY') {
      throw new Error(
        `Another Closer process is already using the database in ${path.dirname(file)}. Stop it, or give this one its own DATA_DIR.`,
        { cause: error },
      );
    }
    throw error;
  }
  sqlite.pragma('busy_timeout = 5000');
  const cached = withStatementCache(sqlite);
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: cached }) });
  return handle(
    db,
    SQLITE,
    {
      singleWriter: true,
      isOpen: () => sqlite.open,
      // Kysely only closes a connection it has used; the direct reads may be all there was.
      onClose: () => {
        if (sqlite.open) sqlite.close();
      },
      write: groupCommitter(sqlite, cached, db),
    },
    <Row>(compiled: CompiledQuery<Row>) => {
      let statement: SqliteDatabase.Statement | null = null;
      return async (parameters: readonly unknown[]) => {
        if (sqlite.inTransaction || !sqlite.open) {
          return (await db.executeQuery<Row>({ ...compiled, parameters })).rows;
        }
        statement ??= sqlite.prepare(compiled.sql);
        return statement.all(...parameters) as Row[];
      };
    },
  );
}

/** At most this many writes share one commit, so one group never holds others up for long. */
const GROUP_COMMIT_MAX = 64;

/**
 * Group commit for SQLite. Writes are queued and flushed on the next turn of the event loop
 * inside one `BEGIN IMMEDIATE … COMMIT`: with synchronous=FULL the commit, not the insert, is
 * what costs (a flush to disk), so several people saving at once share one. A statement that
 * fails (a constraint, say) fails alone: SQLite undoes just that statement and the rest of the
 * group still commits. If a Kysely transaction is open on the connection, each write waits its
 * turn through Kysely instead, so nothing is ever mixed into someone else's transaction.
 */
function groupCommitter(
  sqlite: SqliteDatabase.Database,
  cached: SqliteDatabase.Database,
  db: Kysely<Database>,
): DatabaseHandle['write'] {
  const queue: {
    compiled: CompiledQuery;
    resolve: () => void;
    reject: (error: unknown) => void;
  }[] = [];
  let scheduled = false;

  const flush = () => {
    scheduled = false;
    const group = queue.splice(0, GROUP_COMMIT_MAX);
    if (queue.length > 0) schedule();
    if (group.length === 0) return;
    if (!sqlite.open || sqlite.inTransaction) {
      for (const item of group)
        db.executeQuery(item.compiled).then(() => item.resolve(), item.reject);
      return;
    }
    const failures = new Map<number, unknown>();
    try {
      sqlite.exec('begin immediate');
      group.forEach((item, index) => {
        try {
          cached.prepare(item.compiled.sql).run(...item.compiled.parameters);
        } catch (error) {
          failures.set(index, error);
        }
      });
      sqlite.exec('commit');
    } catch (error) {
      if (sqlite.inTransaction) sqlite.exec('rollback');
      for (const item of group) item.reject(error);
      return;
    }
    group.forEach((item, index) =>
      failures.has(index) ? item.reject(failures.get(index)) : item.resolve(),
    );
  };

  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    setImmediate(flush);
  };

  return (compiled) =>
    new Promise<void>((resolve, reject) => {
      queue.push({ compiled, resolve, reject });
      schedule();
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
      if (property !== 'prepare') {
        // Methods run on the real object: native methods refuse a proxy as `this`.
        const value: unknown = Reflect.get(target, property, receiver);
        return typeof value === 'function' ? value.bind(target) : value;
      }
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
  let open = true;
  return handle(
    db,
    POSTGRES,
    {
      singleWriter: false,
      isOpen: () => open,
      onClose: () => (open = false),
      write: async (compiled) => {
        await db.executeQuery(compiled);
      },
    },
    <Row>(compiled: CompiledQuery<Row>) =>
      async (parameters: readonly unknown[]) =>
        (await db.executeQuery<Row>({ ...compiled, parameters })).rows,
  );
}

const PING = CompiledQuery.raw('select 1');

function handle(
  db: Kysely<Database>,
  dialect: Dialect,
  state: {
    singleWriter: boolean;
    isOpen: () => boolean;
    onClose?: () => void;
    write: DatabaseHandle['write'];
  },
  prepareRead: DatabaseHandle['prepareRead'],
): DatabaseHandle {
  const ping = prepareRead(PING);
  return {
    db,
    dialect,
    prepareRead,
    singleWriter: state.singleWriter,
    isOpen: state.isOpen,
    write: state.write,
    async ping() {
      try {
        await ping([]);
        return true;
      } catch {
        return false;
      }
    },
    close: async () => {
      await db.destroy();
      state.onClose?.();
    },
  };
}
