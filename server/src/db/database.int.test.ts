import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openSqlite } from './database';

const runsOnSqlite = process.env.CLOSER_TEST_DB !== 'postgres';

describe.skipIf(!runsOnSqlite)('the SQLite database file', () => {
  const folders: string[] = [];
  afterEach(() => {
    for (const folder of folders.splice(0)) fs.rmSync(folder, { recursive: true, force: true });
  });

  it('belongs to one process: a second Closer on the same folder stops with a clear message', async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'closer-lock-'));
    folders.push(folder);
    const file = path.join(folder, 'closer.sqlite');
    const first = openSqlite(file);
    expect(() => openSqlite(file)).toThrow(/Another Closer process is already using the database/);
    // The first one is unaffected, and once it stops the folder can be opened again.
    expect(await first.ping()).toBe(true);
    await first.close();
    const again = openSqlite(file);
    expect(await again.ping()).toBe(true);
    await again.close();
  });

  it('runs in WAL mode with full synchronous commits and foreign keys on', async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'closer-pragmas-'));
    folders.push(folder);
    const handle = openSqlite(path.join(folder, 'closer.sqlite'));
    const { sql } = await import('kysely');
    const mode = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(handle.db);
    const synchronous = await sql<{ synchronous: number }>`pragma synchronous`.execute(handle.db);
    const foreignKeys = await sql<{ foreign_keys: number }>`pragma foreign_keys`.execute(handle.db);
    expect(mode.rows[0]?.journal_mode).toBe('wal');
    expect(synchronous.rows[0]?.synchronous).toBe(2);
    expect(foreignKeys.rows[0]?.foreign_keys).toBe(1);
    await handle.close();
  });

  it('commits writes that arrive together in one group, each failing or succeeding on its own', async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'closer-group-'));
    folders.push(folder);
    const handle = openSqlite(path.join(folder, 'closer.sqlite'));
    const { sql } = await import('kysely');
    await sql`create table notes (id text primary key, body text not null)`.execute(handle.db);
    const insert = (id: string) =>
      handle.write(
        sql`insert into notes (id, body) values (${id}, ${'text ' + id})`.compile(handle.db),
      );

    // Ten saves at once, one of them a duplicate of another: nine succeed, one fails alone.
    const results = await Promise.allSettled([
      ...Array.from({ length: 9 }, (_, i) => insert(`n${i}`)),
      insert('n3'),
    ]);
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(9);
    expect(results[9]?.status).toBe('rejected');
    const rows = await sql<{ count: number }>`select count(*) as count from notes`.execute(
      handle.db,
    );
    expect(Number(rows.rows[0]?.count)).toBe(9);

    // While a Kysely transaction is open, a write waits for it instead of joining it.
    const inside = handle.db.transaction().execute(async (trx) => {
      await sql`insert into notes (id, body) values ('t1', 'in the transaction')`.execute(trx);
      const outside = insert('after');
      await new Promise((resolve) => setTimeout(resolve, 20));
      throw Object.assign(new Error('roll back'), { outside });
    });
    const error = (await inside.catch((caught: unknown) => caught)) as { outside: Promise<void> };
    await error.outside;
    const ids = await sql<{ id: string }>`select id from notes where id in ('t1', 'after')`.execute(
      handle.db,
    );
    expect(ids.rows.map((row) => row.id)).toEqual(['after']);
    await handle.close();
  });

  it('answers a grouped write only after the WAL is flushed to disk, and keeps FULL for every other commit', async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'closer-flush-'));
    folders.push(folder);
    const file = path.join(folder, 'closer.sqlite');
    const handle = openSqlite(file);
    const { sql } = await import('kysely');
    await sql`create table notes (id text primary key, body text not null)`.execute(handle.db);

    // Hold every flush until the test lets it go.
    const held: (() => void)[] = [];
    const original = fs.fdatasync;
    const flushed: number[] = [];
    fs.fdatasync = ((descriptor: number, callback: (error: NodeJS.ErrnoException | null) => void) =>
      held.push(() => {
        flushed.push(descriptor);
        original(descriptor, callback);
      })) as unknown as typeof fs.fdatasync;
    try {
      let answered = false;
      const saved = handle
        .write(sql`insert into notes (id, body) values ('a', 'kept')`.compile(handle.db))
        .then(() => (answered = true));
      while (held.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
      // Committed, but the flush has not finished: the person has not been told "saved".
      await new Promise((resolve) => setTimeout(resolve, 30));
      expect(answered).toBe(false);
      // The flush is of the WAL file itself.
      const descriptorPath = (descriptor: number) => fs.readlinkSync(`/proc/self/fd/${descriptor}`);
      held.shift()?.();
      await saved;
      expect(answered).toBe(true);
      expect(flushed).toHaveLength(1);
      if (fs.existsSync('/proc/self/fd')) {
        const walPath = fs.realpathSync(`${file}-wal`);
        expect(descriptorPath(flushed[0] ?? -1)).toBe(walPath);
      }
    } finally {
      fs.fdatasync = original;
    }
    // Other commits (Kysely's own) are still made with synchronous=FULL.
    const synchronous = await sql<{ synchronous: number }>`pragma synchronous`.execute(handle.db);
    expect(synchronous.rows[0]?.synchronous).toBe(2);
    await handle.close();
  });

  it('gives a failed flush to every write of its group, and keeps the server usable', async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'closer-flush-fail-'));
    folders.push(folder);
    const handle = openSqlite(path.join(folder, 'closer.sqlite'));
    const { sql } = await import('kysely');
    await sql`create table notes (id text primary key, body text not null)`.execute(handle.db);
    const original = fs.fdatasync;
    fs.fdatasync = ((
      _descriptor: number,
      callback: (error: NodeJS.ErrnoException | null) => void,
    ) =>
      setImmediate(() =>
        callback(Object.assign(new Error('EIO: i/o error, fdatasync'), { code: 'EIO' })),
      )) as unknown as typeof fs.fdatasync;
    try {
      const results = await Promise.allSettled(
        ['x', 'y'].map((id) =>
          handle.write(sql`insert into notes (id, body) values (${id}, 'b')`.compile(handle.db)),
        ),
      );
      expect(results.map((result) => result.status)).toEqual(['rejected', 'rejected']);
    } finally {
      fs.fdatasync = original;
    }
    await handle.write(sql`insert into notes (id, body) values ('z', 'c')`.compile(handle.db));
    expect(await handle.ping()).toBe(true);
    await handle.close();
  });
});
