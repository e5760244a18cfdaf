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
});
