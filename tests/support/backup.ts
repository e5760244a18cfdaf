import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { postgresCommand } from './personal-data';
import { adminQuery, postgresAdminUrl, type TestApp, type TestDatabaseLocation } from './test-app';

export interface RestoredBackup {
  /** Where the restored copy is: build an app on it with `createTestApp({onDatabase})`. */
  location: TestDatabaseLocation;
  /** The backup as it would be stored: the SQLite file, or the (uncompressed) pg_dump archive. */
  bytes: Buffer;
  /** Removes the restored copy. */
  remove(): Promise<void>;
}

/**
 * A backup of a running test app's main database, taken the way an operator would, and
 * restored where another app can be started on it:
 * - SQLite: `VACUUM INTO` a new file, through the server's own connection (it holds the
 *   database file exclusively): a consistent copy of the whole database;
 * - PostgreSQL: `pg_dump --format=custom` of the database, restored with `pg_restore` into a
 *   new database on the same cluster.
 * The key store is another database and is not part of it, by design.
 */
export async function backUpAndRestoreMainDatabase(testApp: TestApp): Promise<RestoredBackup> {
  if (testApp.kind === 'sqlite') {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'closer-backup-'));
    const file = path.join(folder, 'closer-backup.sqlite');
    await sql`vacuum into ${file}`.execute(testApp.database.db);
    return {
      location: { kind: 'sqlite', target: file },
      bytes: fs.readFileSync(file),
      remove: async () => fs.rmSync(folder, { recursive: true, force: true }),
    };
  }

  const adminUrl = postgresAdminUrl;
  if (!adminUrl) throw new Error('PostgreSQL is not available.');
  const dump = await runPostgresCommand('pg_dump', [
    '--format=custom',
    '--compress=0',
    '--no-owner',
    '--no-privileges',
    `--dbname=${testApp.location.target}`,
  ]);
  const name = `closer_restored_${randomBytes(8).toString('hex')}`;
  await adminQuery(adminUrl, `create database ${name}`);
  const remove = () => adminQuery(adminUrl, `drop database if exists ${name} with (force)`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  try {
    await runPostgresCommand(
      'pg_restore',
      [
        '--no-owner',
        '--no-privileges',
        '--exit-on-error',
        '--single-transaction',
        `--dbname=${url.toString()}`,
      ],
      dump,
    );
  } catch (error) {
    await remove();
    throw error;
  }
  return { location: { kind: 'postgres', target: url.toString() }, bytes: dump, remove };
}

/** Runs a PostgreSQL client program, feeding it `input`; answers what it wrote to stdout. */
function runPostgresCommand(name: string, args: string[], input?: Buffer): Promise<Buffer> {
  const [program, programArgs] = postgresCommand(name, args);
  return new Promise((resolve, reject) => {
    const child = spawn(program, programArgs, { cwd: '/', stdio: ['pipe', 'pipe', 'pipe'] });
    const stdout: Buffer[] = [];
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.once('error', reject);
    child.once('close', (code) => {
      if (code === 0) resolve(Buffer.concat(stdout));
      else reject(new Error(`${name} failed (exit ${code}): ${stderr.trim()}`));
    });
    child.stdin.end(input ?? Buffer.alloc(0));
  });
}
