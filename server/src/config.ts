import os from 'node:os';
import path from 'node:path';

export interface Config {
  host: string;
  port: number;
  /** Where the embedded SQLite database (and later key files) live. */
  dataDir: string;
  /** A postgres:// URL selects PostgreSQL; otherwise SQLite in `dataDir`. */
  databaseUrl: string | null;
  /**
   * Where the wrapped person keys live, apart from the main database (crypto-shredding:
   * docs/decisions/0006): a postgres:// URL, or a SQLite file when the main database is
   * SQLite. Unset: `dataDir/keys.sqlite`, or the database `<main database>_keys` next to a
   * PostgreSQL main database (see db/key-store.ts).
   */
  keyStoreUrl: string | null;
  /** Set behind a reverse proxy or load balancer so client addresses and https are seen. */
  trustProxy: boolean;
  /** Built web app; when missing, the API and Get help now still work. */
  webDistDir: string;
  contentDir: string;
  session: {
    idleTimeoutMinutes: number;
    absoluteTimeoutHours: number;
  };
  loginThrottle: {
    windowMinutes: number;
    maxFailuresPerAccount: number;
    maxFailuresPerClient: number;
  };
  logLevel: string;
  /**
   * Worker threads for the risk check (RISK_WORKERS, 0–8). By default one when the machine has
   * more than one core, none under the tests (NODE_ENV=test), where many apps are built.
   */
  riskWorkers: number;
}

const ROOT = path.resolve(import.meta.dirname, '..', '..');

/** Reads configuration from environment variables, with safe defaults for a laptop. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    host: env.HOST || '127.0.0.1',
    port: integer(env.PORT, 3000, 'PORT', 0, 65535),
    dataDir: path.resolve(env.DATA_DIR || path.join(process.cwd(), 'data')),
    databaseUrl: env.DATABASE_URL || null,
    keyStoreUrl: env.KEY_STORE_URL || null,
    trustProxy: env.TRUST_PROXY === '1' || env.TRUST_PROXY === 'true',
    webDistDir: path.resolve(env.WEB_DIST_DIR || path.join(ROOT, 'dist', 'web')),
    contentDir: path.resolve(env.CONTENT_DIR || path.join(ROOT, 'content')),
    session: {
      // A person writing slowly about something hard should not lose their session, but a
      // shared computer left unattended should not stay signed in for long either.
      idleTimeoutMinutes: integer(env.SESSION_IDLE_MINUTES, 60, 'SESSION_IDLE_MINUTES', 1),
      absoluteTimeoutHours: integer(env.SESSION_ABSOLUTE_HOURS, 12, 'SESSION_ABSOLUTE_HOURS', 1),
    },
    loginThrottle: {
      windowMinutes: integer(env.LOGIN_WINDOW_MINUTES, 15, 'LOGIN_WINDOW_MINUTES', 1),
      maxFailuresPerAccount: integer(
        env.LOGIN_MAX_FAILURES_ACCOUNT,
        5,
        'LOGIN_MAX_FAILURES_ACCOUNT',
        1,
      ),
      maxFailuresPerClient: integer(
        env.LOGIN_MAX_FAILURES_CLIENT,
        30,
        'LOGIN_MAX_FAILURES_CLIENT',
        1,
      ),
    },
    logLevel: env.LOG_LEVEL || 'info',
    riskWorkers: integer(
      env.RISK_WORKERS,
      env.NODE_ENV === 'test' || os.availableParallelism() < 2 ? 0 : 1,
      'RISK_WORKERS',
      0,
      8,
    ),
  };
}

function integer(
  raw: string | undefined,
  fallback: number,
  name: string,
  min: number,
  max = Number.MAX_SAFE_INTEGER,
): number {
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`${name} must be a whole number from ${min} to ${max}; it is "${raw}".`);
  }
  return value;
}

export const PROJECT_ROOT = ROOT;
