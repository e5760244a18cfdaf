import { sql, type QueryExecutorProvider, type SelectQueryBuilder } from 'kysely';
import pg from 'pg';

/**
 * The few places where SQLite and PostgreSQL differ. Everything else is the same Kysely code.
 */
export type DialectName = 'sqlite' | 'postgres';

export interface Dialect {
  name: DialectName;
  /** Column type for instants: ISO 8601 text on SQLite, timestamptz on PostgreSQL. */
  timestampType: 'text' | 'timestamptz';
}

export const SQLITE: Dialect = { name: 'sqlite', timestampType: 'text' };
export const POSTGRES: Dialect = { name: 'postgres', timestampType: 'timestamptz' };

const TIMESTAMPTZ_OID = 1184;
const TIMESTAMP_OID = 1114;
const INT8_OID = 20;

/**
 * pg type parsers so PostgreSQL hands back the same plain values as SQLite: instants as
 * ISO strings, counts as numbers (counts never approach 2^53).
 */
export const postgresTypes = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === TIMESTAMPTZ_OID || oid === TIMESTAMP_OID) {
      return (value: string) => new Date(oid === TIMESTAMP_OID ? `${value}Z` : value).toISOString();
    }
    if (oid === INT8_OID) return (value: string) => Number(value);
    return pg.types.getTypeParser(oid, format as 'text');
  },
} as pg.CustomTypesConfig;

/** True when an insert failed because a unique key already exists, on either database. */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const code = (error as { code?: unknown }).code;
  return (
    code === '23505' ||
    code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    code === 'SQLITE_CONSTRAINT_PRIMARYKEY'
  );
}

/**
 * Inside a transaction, waits until no other transaction holds the same `key`, until this one
 * ends. For read-modify-write sequences such as extending a hash chain: on PostgreSQL, two
 * instances (or two pooled connections) could otherwise read the same head at once; an
 * advisory lock serialises them without needing a row to lock. On SQLite a write
 * transaction already excludes every other, so nothing is needed.
 */
export async function lockForTransaction(
  trx: QueryExecutorProvider,
  dialect: Dialect,
  key: string,
): Promise<void> {
  if (dialect.name !== 'postgres') return;
  await sql`select pg_advisory_xact_lock(hashtextextended(${key}, 0))`.execute(trx);
}

/**
 * Makes a select that picks rows to claim (queued jobs) skip rows another transaction has
 * locked: `FOR UPDATE SKIP LOCKED` on PostgreSQL, so several instances claim disjoint rows
 * without waiting on each other. SQLite has no row locks and one process owns the file, so
 * a single `UPDATE … RETURNING` claim is already exclusive: the query is left as it is.
 */
export function skipLockedRows<DB, TB extends keyof DB, O>(
  query: SelectQueryBuilder<DB, TB, O>,
  dialect: Dialect,
): SelectQueryBuilder<DB, TB, O> {
  return dialect.name === 'postgres' ? query.forUpdate().skipLocked() : query;
}
