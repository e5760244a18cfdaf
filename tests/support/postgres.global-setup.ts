import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { freePort } from './free-port';

declare module 'vitest' {
  interface ProvidedContext {
    /**
     * Admin URL of the PostgreSQL the int-postgres project runs against (each test app
     * creates its own database through it), or null when the tier is skipped.
     */
    postgresUrl: string | null;
  }
}

const run = promisify(execFile);

/**
 * Gives the int-postgres project a PostgreSQL: the one in DATABASE_URL when it is set, else
 * a throwaway cluster in a temporary folder, stopped and removed at the end of the run.
 * Without PostgreSQL the tier is skipped, unless REQUIRE_POSTGRES=1 asks for a failure.
 */
export default async function setup(project: TestProject): Promise<(() => Promise<void>) | void> {
  const required = process.env.REQUIRE_POSTGRES === '1';
  const given = process.env.DATABASE_URL;

  if (given && /^postgres(ql)?:\/\//.test(given)) {
    try {
      await checkConnection(given);
    } catch (error) {
      return unavailable(project, required, `DATABASE_URL does not answer (${describe(error)})`);
    }
    project.provide('postgresUrl', given);
    return;
  }

  const binaries = findBinaries();
  if (!binaries) {
    return unavailable(
      project,
      required,
      'initdb and pg_ctl were not found under /usr/lib/postgresql/*/bin or on PATH',
    );
  }

  let cluster: Cluster;
  try {
    cluster = await startCluster(binaries);
  } catch (error) {
    return unavailable(
      project,
      required,
      `the throwaway cluster did not start (${describe(error)})`,
    );
  }
  // A crash or Ctrl-C between here and teardown must not leave a server running.
  const stopOnExit = () => stopClusterSync(cluster);
  process.once('exit', stopOnExit);

  project.provide('postgresUrl', cluster.url);
  return async () => {
    process.off('exit', stopOnExit);
    await stopCluster(cluster);
  };
}

interface Binaries {
  initdb: string;
  pgCtl: string;
}

interface Cluster {
  binaries: Binaries;
  folder: string;
  dataDir: string;
  url: string;
  asPostgres: boolean;
}

function unavailable(project: TestProject, required: boolean, reason: string): void {
  if (required) {
    throw new Error(`REQUIRE_POSTGRES=1 but PostgreSQL is not available: ${reason}.`);
  }
  console.warn(
    `[int-postgres] PostgreSQL tier skipped: ${reason}. Set REQUIRE_POSTGRES=1 to fail instead.`,
  );
  project.provide('postgresUrl', null);
}

/** initdb and pg_ctl of the highest installed version, else the ones on PATH. */
function findBinaries(): Binaries | null {
  const root = '/usr/lib/postgresql';
  const versions = fs.existsSync(root)
    ? fs
        .readdirSync(root)
        .filter((name) => /^\d+(\.\d+)?$/.test(name))
        .sort((a, b) => Number.parseFloat(b) - Number.parseFloat(a))
    : [];
  for (const version of versions) {
    const bin = path.join(root, version, 'bin');
    const initdb = path.join(bin, 'initdb');
    const pgCtl = path.join(bin, 'pg_ctl');
    if (isExecutable(initdb) && isExecutable(pgCtl)) return { initdb, pgCtl };
  }
  const initdb = onPath('initdb');
  const pgCtl = onPath('pg_ctl');
  return initdb && pgCtl ? { initdb, pgCtl } : null;
}

function onPath(name: string): string | null {
  for (const folder of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!folder) continue;
    const candidate = path.join(folder, name);
    if (isExecutable(candidate)) return candidate;
  }
  return null;
}

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

async function startCluster(binaries: Binaries): Promise<Cluster> {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'closer-pg-'));
  const dataDir = path.join(folder, 'data');
  // PostgreSQL refuses to run as root, so root hands the folder to the postgres user.
  const asPostgres = process.getuid?.() === 0;
  const cluster: Cluster = { binaries, folder, dataDir, url: '', asPostgres };
  try {
    if (asPostgres) {
      const { uid, gid } = postgresUser();
      fs.chownSync(folder, uid, gid);
    }
    await command(cluster, binaries.initdb, [
      '-D',
      dataDir,
      '-A',
      'trust',
      '-U',
      'postgres',
      '--no-sync',
      '-E',
      'UTF8',
    ]);
    const port = await freePort();
    const serverOptions = [
      `-p ${port}`,
      `-k ${folder}`,
      '-c listen_addresses=127.0.0.1',
      '-c fsync=off',
      '-c synchronous_commit=off',
      '-c full_page_writes=off',
      // Every test app opens its own pool; parallel files must not run out of connections.
      '-c max_connections=300',
    ].join(' ');
    await command(cluster, binaries.pgCtl, [
      '-w',
      '-t',
      '60',
      '-D',
      dataDir,
      // A log file, not our stdout: pg_ctl would otherwise keep our pipes open.
      '-l',
      path.join(folder, 'server.log'),
      '-o',
      serverOptions,
      'start',
    ]);
    await checkConnection(`postgres://postgres@127.0.0.1:${port}/postgres`);
    cluster.url = `postgres://postgres@127.0.0.1:${port}/postgres`;
    return cluster;
  } catch (error) {
    const log = logTail(cluster);
    await stopCluster(cluster);
    throw new Error(`${describe(error)}\n${log}`, { cause: error });
  }
}

async function stopCluster(cluster: Cluster): Promise<void> {
  const running = fs.existsSync(path.join(cluster.dataDir, 'postmaster.pid'));
  if (!running && cluster.url) {
    // It stopped by itself during the run: say why, since every test of the tier then failed.
    console.warn(
      `[int-postgres] the throwaway cluster stopped during the run; its log ends:\n${logTail(cluster)}`,
    );
  }
  if (running) {
    try {
      await command(cluster, cluster.binaries.pgCtl, [
        '-D',
        cluster.dataDir,
        '-m',
        'immediate',
        '-w',
        'stop',
      ]);
    } catch (error) {
      console.warn(`[int-postgres] could not stop the throwaway cluster: ${describe(error)}`);
    }
  }
  fs.rmSync(cluster.folder, { recursive: true, force: true });
}

/** Last resort when Vitest exits without running teardown (for example on a broken pipe). */
function stopClusterSync(cluster: Cluster): void {
  try {
    const pid = Number(
      fs.readFileSync(path.join(cluster.dataDir, 'postmaster.pid'), 'utf8').split('\n')[0],
    );
    // SIGQUIT is what "pg_ctl -m immediate stop" sends.
    if (Number.isInteger(pid) && pid > 0) process.kill(pid, 'SIGQUIT');
  } catch {
    // Already gone.
  }
  fs.rmSync(cluster.folder, { recursive: true, force: true });
}

async function command(cluster: Cluster, file: string, args: string[]): Promise<void> {
  const [program, programArgs] = cluster.asPostgres
    ? ['runuser', ['-u', 'postgres', '--', file, ...args]]
    : [file, args];
  try {
    await run(program, programArgs, { cwd: cluster.folder, timeout: 90_000 });
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr?.trim();
    throw new Error(
      `${path.basename(file)} failed${stderr ? `: ${stderr}` : `: ${describe(error)}`}`,
    );
  }
}

function postgresUser(): { uid: number; gid: number } {
  const line = fs
    .readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((entry) => entry.startsWith('postgres:'));
  const [, , uid, gid] = line?.split(':') ?? [];
  if (uid === undefined || gid === undefined)
    throw new Error('running as root, but there is no postgres user');
  return { uid: Number(uid), gid: Number(gid) };
}

async function checkConnection(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
    await client.query('select 1');
  } finally {
    await client.end().catch(() => undefined);
  }
}

function logTail(cluster: Cluster): string {
  try {
    return fs
      .readFileSync(path.join(cluster.folder, 'server.log'), 'utf8')
      .split('\n')
      .slice(-15)
      .join('\n');
  } catch {
    return '(no log)';
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
