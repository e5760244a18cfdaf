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
  const committer = groupCommitter(sqlite, cached, db, file === ':memory:' ? null : `${file}-wal`);
  return handle(
    db,
    SQLITE,
    {
      singleWriter: true,
      isOpen: () => sqlite.open,
      // Kysely only closes a connection it has used; the direct reads may be all there was.
      // The WAL descriptor is closed only after SQLite has closed (see walFlusher).
      onClose: () => {
        if (sqlite.open) sqlite.close();
        committer.close();
      },
      write: committer.write,
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
 * Group commit for SQLite. Writes are queued and committed on the next turn of the event loop
 * inside one `BEGIN IMMEDIATE … COMMIT`, so several people saving at once share one commit. A
 * statement that fails (a constraint, say) fails alone: SQLite undoes just that statement and
 * the rest of the group still commits. If a Kysely transaction is open on the connection, each
 * write waits its turn through Kysely instead, so nothing is ever mixed into someone else's
 * transaction.
 *
 * Durability without blocking: with `synchronous=FULL` SQLite flushes the WAL to disk inside
 * `COMMIT`, and better-sqlite3 is synchronous, so the whole server stood still for every flush
 * (about a quarter of a millisecond here). The group's commit therefore runs with
 * `synchronous=NORMAL` (SQLite writes the WAL frames but does not flush them), and the flush
 * is an `fdatasync` of the WAL file on libuv's thread pool; each promise resolves only after a
 * flush that started after its commit has finished. That is exactly the guarantee of FULL —
 * the committed frames are on disk before the person hears "saved" — while other requests keep
 * running during the flush. Checkpoints stay safe: in WAL mode NORMAL still flushes the WAL
 * before and the database after every checkpoint, so no frame is dropped before it is on disk.
 * Every other commit (Kysely transactions) still runs with FULL. One flush is in flight at a
 * time; groups committed meanwhile share the next one. See docs/decisions/0002.
 */
function groupCommitter(
  sqlite: SqliteDatabase.Database,
  cached: SqliteDatabase.Database,
  db: Kysely<Database>,
  walFile: string | null,
): { write: DatabaseHandle['write']; close: () => void } {
  interface Pending {
    compiled: CompiledQuery;
    resolve: () => void;
    reject: (error: unknown) => void;
  }
  const queue: Pending[] = [];
  let scheduled = false;
  const wal = walFlusher(walFile);

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
    const asynchronousFlush = wal.available();
    const failures = new Map<number, unknown>();
    try {
      if (asynchronousFlush) sqlite.exec('pragma synchronous = NORMAL');
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
      } finally {
        if (asynchronousFlush) sqlite.exec('pragma synchronous = FULL');
      }
    } catch (error) {
      if (sqlite.inTransaction) sqlite.exec('rollback');
      for (const item of group) item.reject(error);
      return;
    }
    const settle = (flushError: unknown) =>
      group.forEach((item, index) => {
        const error = failures.get(index) ?? flushError;
        if (error === undefined) item.resolve();
        else item.reject(error);
      });
    if (asynchronousFlush) wal.afterNextFlush(settle);
    else settle(undefined);
  };

  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    setImmediate(flush);
  };

  return {
    write: (compiled) =>
      new Promise<void>((resolve, reject) => {
        queue.push({ compiled, resolve, reject });
        schedule();
      }),
    close: wal.close,
  };
}

/**
 * Flushes the WAL file with `fdatasync` off the main thread. The file is opened once and kept
 * open until SQLite itself has closed: closing any descriptor of a file drops the POSIX locks
 * the process holds on it, which must never happen under SQLite's feet. Where the WAL file
 * cannot be opened (an in-memory database) commits simply stay synchronous.
 */
function walFlusher(walFile: string | null): {
  available: () => boolean;
  afterNextFlush: (callback: (error: unknown) => void) => void;
  close: () => void;
} {
  let descriptor: number | null = null;
  let closing = walFile === null;
  let flushing = false;
  let waiting: ((error: unknown) => void)[] = [];

  const open = (): boolean => {
    if (closing || walFile === null) return false;
    // A WAL file unlinked under us (never expected while SQLite holds the database) would
    // make the flush cover the wrong file: open the current one instead.
    if (descriptor !== null && !flushing && fs.fstatSync(descriptor).nlink === 0) {
      fs.close(descriptor, () => undefined);
      descriptor = null;
    }
    if (descriptor !== null) return true;
    try {
      descriptor = fs.openSync(walFile, 'r+');
      return true;
    } catch {
      return false;
    }
  };

  const next = () => {
    if (flushing || descriptor === null) return;
    if (waiting.length === 0) {
      if (closing) {
        fs.close(descriptor, () => undefined);
        descriptor = null;
      }
      return;
    }
    flushing = true;
    const callbacks = waiting;
    waiting = [];
    fs.fdatasync(descriptor, (error) => {
      flushing = false;
      for (const callback of callbacks) callback(error ?? undefined);
      next();
    });
  };

  return {
    available: open,
    afterNextFlush(callback) {
      waiting.push(callback);
      next();
    },
    // Groups already committed still get their flush; the descriptor closes after the last.
    close() {
      closing = true;
      next();
    },
  };
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
