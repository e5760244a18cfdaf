import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { expect } from 'vitest';
import { CURRENT_PRIVACY_NOTICE } from '../../core/consent/privacy-notice';
import type { DatabaseHandle } from '../../server/src/db/database';
import { GrantRepository } from '../../server/src/repositories/grant.repository';
import { signUp, type SignedUpUser, type SignUpInput } from '../factories/user.factory';
import type { TestClient } from './http-client';
import type { TestApp } from './test-app';

const run = promisify(execFile);

/** Signs up through the API and agrees to the current privacy notice: ready for health data. */
export async function signUpWithConsent(
  client: TestClient,
  overrides: Partial<SignUpInput> = {},
): Promise<SignedUpUser> {
  const person = await signUp(client, overrides);
  const consent = await client.post('/api/consent', { version: CURRENT_PRIVACY_NOTICE.version });
  expect(consent.status, consent.text).toBe(204);
  return person;
}

/** Writes a journal entry through the API and answers its id. */
export async function writeEntry(
  client: TestClient,
  text: string,
  extra: { mood?: number | null; tags?: string[] } = {},
): Promise<string> {
  const response = await client.post('/api/journal', { text, ...extra });
  expect(response.status, response.text).toBe(201);
  return response.body.entry.id as string;
}

/** Makes a check-in through the API and answers its id. */
export async function writeCheckin(
  client: TestClient,
  note: string | null,
  ratings: { mood?: number; closeness?: number; stress?: number } = {},
): Promise<string> {
  const response = await client.post('/api/checkins', {
    mood: 5,
    closeness: 5,
    stress: 5,
    ...ratings,
    note,
  });
  expect(response.status, response.text).toBe(201);
  return response.body.checkin.id as string;
}

export interface LiveTable {
  name: string;
  columns: string[];
}

/**
 * Every table of the live database with its columns, read from the database itself (not
 * from the code's own list of tables): SQLite's catalogue, or PostgreSQL's
 * information_schema for the current schema.
 */
export async function liveTables(database: DatabaseHandle): Promise<LiveTable[]> {
  const tables = new Map<string, string[]>();
  if (database.dialect.name === 'sqlite') {
    const names = await sql<{ name: string }>`
      select name from sqlite_master where type = 'table' and name not like 'sqlite_%'
      order by name`.execute(database.db);
    for (const { name } of names.rows) {
      const columns = await sql<{ name: string }>`
        select name from pragma_table_info(${name}) order by cid`.execute(database.db);
      tables.set(
        name,
        columns.rows.map((column) => column.name),
      );
    }
  } else {
    const columns = await sql<{ table_name: string; column_name: string }>`
      select c.table_name, c.column_name
      from information_schema.columns c
      join information_schema.tables t
        on t.table_schema = c.table_schema and t.table_name = c.table_name
      where c.table_schema = current_schema() and t.table_type = 'BASE TABLE'
      order by c.table_name, c.ordinal_position`.execute(database.db);
    for (const { table_name, column_name } of columns.rows) {
      tables.set(table_name, [...(tables.get(table_name) ?? []), column_name]);
    }
  }
  expect(tables.size, 'the live database has tables').toBeGreaterThan(0);
  return [...tables].map(([name, columns]) => ({ name, columns }));
}

/**
 * The tables that hold a person's data, by the rule the issue sets: `users` itself and every
 * table with a `user_id` column. Answers each with the column that names the person.
 */
export async function personalTablesOf(
  database: DatabaseHandle,
): Promise<{ table: string; column: string }[]> {
  return (await liveTables(database))
    .filter((table) => table.name === 'users' || table.columns.includes('user_id'))
    .map((table) => ({ table: table.name, column: table.name === 'users' ? 'id' : 'user_id' }));
}

/** Rows in `table` whose `column` equals `value`. Names come from the live catalogue only. */
export async function countRows(
  database: DatabaseHandle,
  table: string,
  column: string,
  value: string,
): Promise<number> {
  const result = await sql<{ count: number | string }>`
    select count(*) as count from ${sql.table(table)} where ${sql.ref(column)} = ${value}`.execute(
    database.db,
  );
  return Number(result.rows[0]?.count ?? 0);
}

/** How many rows of the person each personal table of the live database holds. */
export async function rowsOfPerson(
  database: DatabaseHandle,
  userId: string,
): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const { table, column } of await personalTablesOf(database)) {
    counts[table] = await countRows(database, table, column, userId);
  }
  return counts;
}

/** Every row of a table whose `column` equals `value`, as stored. */
export async function selectRows(
  database: DatabaseHandle,
  table: string,
  column: string,
  value: string,
): Promise<Record<string, unknown>[]> {
  const result = await sql<Record<string, unknown>>`
    select * from ${sql.table(table)} where ${sql.ref(column)} = ${value}`.execute(database.db);
  return result.rows;
}

/** Puts rows back into a table exactly as they were selected (restoring a backup). */
export async function insertRows(
  database: DatabaseHandle,
  table: string,
  rows: Record<string, unknown>[],
): Promise<void> {
  for (const row of rows) {
    await database.db
      .insertInto(table as never)
      .values(row as never)
      .execute();
  }
}

/** The SQLite file of a test app (also for an instance built with `sameDatabaseAs`). */
export function sqliteFileOf(testApp: TestApp): string {
  if (testApp.kind !== 'sqlite') throw new Error('This test app runs on PostgreSQL.');
  return testApp.location.target;
}

/**
 * The raw bytes of every file SQLite keeps for the database (the main file, its WAL, and a
 * rollback journal or shared-memory file if any), read as bytes: the app holds the
 * database with an exclusive lock, so it cannot (and need not) be opened.
 */
export function sqliteFileBytes(file: string): { name: string; bytes: Buffer }[] {
  const folder = path.dirname(file);
  const base = path.basename(file);
  return fs
    .readdirSync(folder)
    .filter((name) => name === base || name.startsWith(`${base}-`))
    .sort()
    .map((name) => ({ name, bytes: fs.readFileSync(path.join(folder, name)) }));
}

/**
 * A PostgreSQL client program (pg_dump, pg_restore) of the highest installed version, the
 * folder the throwaway cluster's binaries come from, else the one on PATH. Answers the
 * program and arguments to run it with: as the postgres user when we are root, as the
 * throwaway cluster runs.
 */
export function postgresCommand(name: string, args: string[]): [string, string[]] {
  let binary = name;
  const root = '/usr/lib/postgresql';
  if (fs.existsSync(root)) {
    const versions = fs
      .readdirSync(root)
      .filter((version) => /^\d+(\.\d+)?$/.test(version))
      .sort((a, b) => Number.parseFloat(b) - Number.parseFloat(a));
    for (const version of versions) {
      const candidate = path.join(root, version, 'bin', name);
      if (fs.existsSync(candidate)) {
        binary = candidate;
        break;
      }
    }
  }
  return process.getuid?.() === 0
    ? ['runuser', ['-u', 'postgres', '--', binary, ...args]]
    : [binary, args];
}

/** A plain-SQL `pg_dump` of a test app's PostgreSQL database, as a backup would hold it. */
export async function pgDump(testApp: TestApp): Promise<string> {
  if (testApp.kind !== 'postgres') throw new Error('This test app runs on SQLite.');
  const [program, programArgs] = postgresCommand('pg_dump', [
    '--no-owner',
    '--no-privileges',
    `--dbname=${testApp.location.target}`,
  ]);
  const { stdout } = await run(program, programArgs, {
    cwd: '/',
    maxBuffer: 256 * 1024 * 1024,
    timeout: 60_000,
  });
  return stdout;
}

/** A unique sentence nobody else writes: if it turns up anywhere, it came from this test. */
export function canarySentence(label: string): string {
  const tag = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`;
  return `The ${label} canary ${tag} sings under the violet lighthouse at dawn.`;
}

/**
 * Gives `granteeId` a grant on `ownerId`'s records (no route makes grants yet: later features
 * will), through the server's own GrantRepository. Answers the grant's id.
 */
export async function grantAccess(
  testApp: TestApp,
  grant: { ownerId: string; granteeId: string; scope: string; minutes: number },
): Promise<string> {
  const id = randomUUID();
  const now = testApp.clock.now();
  await new GrantRepository(testApp.database.db).insert({
    id,
    ownerId: grant.ownerId,
    granteeId: grant.granteeId,
    scope: grant.scope,
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + grant.minutes * 60_000).toISOString(),
    revokedAt: null,
  });
  return id;
}
