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
  /**
   * The address Closer is reached at (PUBLIC_URL, e.g. https://closer.example), for links in
   * reminder emails and calendar feeds; null: links use the address of the request, and
   * emails carry no link.
   */
  publicUrl: string | null;
  /** Reminder delivery (docs/decisions/0012). */
  reminders: {
    /** False when REMINDER_SCHEDULER=off: this process then sends nothing. */
    schedulerEnabled: boolean;
    /** The longest wait between two looks for due reminders (REMINDER_TICK_MS). */
    maxWaitMs: number;
    /** SMTP_URL (smtp:// or smtps://); null: no email reminders. */
    smtpUrl: string | null;
    /** The From of reminder emails (REMINDER_EMAIL_FROM). */
    emailFrom: string;
  };
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
    publicUrl: publicUrl(env.PUBLIC_URL),
    reminders: {
      schedulerEnabled: !['off', '0', 'false'].includes(
        (env.REMINDER_SCHEDULER ?? '').toLowerCase(),
      ),
      maxWaitMs: integer(env.REMINDER_TICK_MS, 30_000, 'REMINDER_TICK_MS', 10, 3_600_000),
      smtpUrl: smtpUrl(env.SMTP_URL),
      emailFrom: env.REMINDER_EMAIL_FROM || 'Closer <no-reply@localhost>',
    },
  };
}

function publicUrl(raw: string | undefined): string | null {
  if (!raw) return null;
  if (!/^https?:\/\/[^/\s]+/.test(raw)) {
    throw new Error(`PUBLIC_URL must start with http:// or https://; it is "${raw}".`);
  }
  return raw.replace(/\/+$/, '');
}

function smtpUrl(raw: string | undefined): string | null {
  if (!raw) return null;
  // Never echo the URL: it may hold a password.
  if (!/^smtps?:\/\//.test(raw)) throw new Error('SMTP_URL must start with smtp:// or smtps://.');
  return raw;
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
