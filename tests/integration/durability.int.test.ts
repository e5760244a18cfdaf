import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CURRENT_PRIVACY_NOTICE } from '../../core/consent/privacy-notice';
import { PROJECT_ROOT } from '../../server/src/config';
import { buildSignUp } from '../factories/user.factory';
import { freePort } from '../support/free-port';
import { adminQuery, dbAvailable, postgresAdminUrl, testDatabaseKind } from '../support/test-app';

/**
 * Durability with the real server in its own process, on both databases: 200 journal writes,
 * each acknowledged with 201, then `kill -9`; after a restart on the same data (the same data
 * folder, and on PostgreSQL the same database and key store) all 200 are there with their
 * texts. On SQLite, SQLite's own integrity check of the file must also say ok.
 */

const WRITES = 200;

interface Server {
  child: ChildProcess;
  url: string;
  output: () => string;
}

/**
 * Starts `node --import tsx server/src/main.ts` and resolves once it says it is listening. With
 * a `databaseUrl` it runs on that PostgreSQL database, its key store beside it (`<name>_keys`);
 * without, on SQLite files in `dataDir`. Either way its master key file lives in `dataDir`.
 */
async function startServer(dataDir: string, databaseUrl: string | null): Promise<Server> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: dataDir,
    HOST: '127.0.0.1',
    PORT: String(port),
    LOG_LEVEL: 'info',
    WEB_DIST_DIR: path.join(dataDir, 'no-web-build'),
  };
  for (const name of [
    'DATABASE_URL',
    'KEY_STORE_URL',
    'CLOSER_MASTER_KEY',
    'CLOSER_MASTER_KEY_PREVIOUS',
    'CLOSER_MASTER_KEY_FILE',
    'VITEST',
    'VITEST_POOL_ID',
    'VITEST_WORKER_ID',
  ]) {
    delete env[name];
  }
  if (databaseUrl) env.DATABASE_URL = databaseUrl;
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
    cwd: PROJECT_ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = `http://127.0.0.1:${port}`;
  await new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      if (output.includes('Closer is running')) resolve();
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code, signal) =>
      reject(new Error(`the server exited before listening (${code ?? signal}):\n${output}`)),
    );
  });
  return { child, url, output: () => output };
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/** A tiny browser over fetch: one session cookie and its CSRF token. */
class Browser {
  cookie = '';
  csrf = '';

  constructor(private readonly base: string) {}

  async send(method: string, url: string, body?: unknown) {
    const headers: Record<string, string> = {};
    if (this.cookie) headers.cookie = this.cookie;
    if (this.csrf && method !== 'GET') headers['x-csrf-token'] = this.csrf;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${this.base}${url}`, {
      method,
      headers,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const setCookie = response.headers.get('set-cookie');
    const session = /(?:^|,\s*)(closer_session=[^;]*)/.exec(setCookie ?? '');
    if (session?.[1]) this.cookie = session[1];
    const text = await response.text();
    const json =
      text && /json/.test(response.headers.get('content-type') ?? '') ? JSON.parse(text) : null;
    if (typeof json?.csrfToken === 'string') this.csrf = json.csrfToken;
    return { status: response.status, body: json, text };
  }
}

describe.skipIf(!dbAvailable)(
  `durability on ${testDatabaseKind}: kill -9 after acknowledged writes`,
  () => {
    let folder: string;
    /** PostgreSQL: the database the server runs on (its key store is `<name>_keys`). */
    let databaseName: string | null = null;
    let databaseUrl: string | null = null;
    const started: ChildProcess[] = [];

    beforeAll(async () => {
      folder = fs.mkdtempSync(path.join(os.tmpdir(), 'closer-durability-'));
      if (testDatabaseKind === 'postgres') {
        const adminUrl = postgresAdminUrl as string;
        databaseName = `closer_durability_${randomBytes(8).toString('hex')}`;
        await adminQuery(adminUrl, `create database ${databaseName}`);
        const url = new URL(adminUrl);
        url.pathname = `/${databaseName}`;
        databaseUrl = url.toString();
      }
    });
    afterAll(async () => {
      for (const child of started) {
        if (child.exitCode === null && child.signalCode === null) {
          child.kill('SIGKILL');
          await exited(child);
        }
      }
      if (databaseName) {
        const adminUrl = postgresAdminUrl as string;
        await adminQuery(adminUrl, `drop database if exists ${databaseName} with (force)`);
        await adminQuery(adminUrl, `drop database if exists ${databaseName}_keys with (force)`);
      }
      fs.rmSync(folder, { recursive: true, force: true });
    });

    it(`keeps all ${WRITES} acknowledged journal writes across kill -9`, async () => {
      const dataDir = path.join(folder, 'data');
      const first = await startServer(dataDir, databaseUrl);
      started.push(first.child);
      expect(first.output()).toContain(databaseUrl ? '(PostgreSQL;' : '(SQLite in');

      const browser = new Browser(first.url);
      const account = buildSignUp();
      const signUp = await browser.send('POST', '/api/auth/signup', account);
      expect(signUp.status, signUp.text).toBe(201);
      const consent = await browser.send('POST', '/api/consent', {
        version: CURRENT_PRIVACY_NOTICE.version,
      });
      expect(consent.status, consent.text).toBe(204);

      const acknowledged = new Map<string, string>();
      for (let index = 0; index < WRITES; index += 1) {
        const text = `Entry ${index} of ${WRITES}: the tide came in at ${index}:${index % 60}. ✓`;
        const saved = await browser.send('POST', '/api/journal', { text, mood: index % 11 });
        expect(saved.status, saved.text).toBe(201);
        acknowledged.set(saved.body.entry.id, text);
      }
      expect(acknowledged.size).toBe(WRITES);

      // No goodbye: the process dies the moment the last write was acknowledged.
      first.child.kill('SIGKILL');
      await exited(first.child);
      expect(first.child.signalCode).toBe('SIGKILL');

      const second = await startServer(dataDir, databaseUrl);
      started.push(second.child);
      const again = new Browser(second.url);
      const login = await again.send('POST', '/api/auth/login', {
        login: account.username,
        password: account.password,
      });
      expect(login.status, login.text).toBe(200);

      const found = new Map<string, string>();
      for (let offset = 0; ; offset += 100) {
        const page = await again.send('GET', `/api/journal?limit=100&offset=${offset}`);
        expect(page.status, page.text.slice(0, 300)).toBe(200);
        expect(page.body.total).toBe(WRITES);
        for (const entry of page.body.entries) found.set(entry.id, entry.text);
        if (page.body.nextOffset === null) break;
      }
      expect(found.size).toBe(WRITES);
      expect(found).toEqual(acknowledged);

      // A clean stop, then the rows counted in the database itself (and on SQLite, SQLite's own
      // check of the whole file).
      second.child.kill('SIGTERM');
      await exited(second.child);
      expect(second.child.exitCode, second.output()).toBe(0);
      if (databaseUrl) {
        const client = new pg.Client({ connectionString: databaseUrl });
        await client.connect();
        try {
          const result = await client.query('select count(*) as count from journal_entries');
          expect(Number(result.rows[0].count)).toBe(WRITES);
        } finally {
          await client.end();
        }
        return;
      }
      const database = new Database(path.join(dataDir, 'closer.sqlite'));
      try {
        expect(database.pragma('integrity_check', { simple: true })).toBe('ok');
        const count = database.prepare('select count(*) as count from journal_entries').get() as {
          count: number;
        };
        expect(count.count).toBe(WRITES);
      } finally {
        database.close();
      }
    }, 120_000);
  },
);
