/**
 * Table shapes as Kysely sees them. Timestamps cross this boundary as ISO 8601 strings in
 * UTC on both databases (dialect.ts makes PostgreSQL return them that way).
 */

export interface UsersTable {
  id: string;
  email: string | null;
  username: string | null;
  password_hash: string;
  created_at: string;
  updated_at: string;
}

export interface SessionsTable {
  /** SHA-256 of the session token: the token itself is never stored. */
  id: string;
  user_id: string;
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
}

export interface LoginThrottlesTable {
  /** "account:<sha-256 of the login>" or "client:<address>". */
  key: string;
  failures: number;
  window_started_at: string;
}

export interface ConsentsTable {
  id: string;
  user_id: string;
  kind: string;
  version: string;
  given_at: string;
  withdrawn_at: string | null;
}

export interface Database {
  users: UsersTable;
  sessions: SessionsTable;
  login_throttles: LoginThrottlesTable;
  consents: ConsentsTable;
}
