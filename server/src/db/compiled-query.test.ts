import { Kysely, SqliteDialect } from 'kysely';
import SqliteDatabase from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { compileOnce, insertOnce } from './compiled-query';
import type { Database } from './schema';

const db = new Kysely<Database>({
  dialect: new SqliteDialect({ database: new SqliteDatabase(':memory:') }),
});

describe('compileOnce', () => {
  it('fills each named value where its stand-in was and keeps the constants', () => {
    const fill = compileOnce(['userId'], (standIn) =>
      db
        .selectFrom('consents')
        .select('id')
        .where('user_id', '=', standIn.userId)
        .where('kind', '=', 'health-data')
        .compile(),
    );
    const query = fill({ userId: 'person-1' });
    expect(query.parameters).toEqual(['person-1', 'health-data']);
    expect(query.sql).toBe(
      db
        .selectFrom('consents')
        .select('id')
        .where('user_id', '=', 'x')
        .where('kind', '=', 'y')
        .compile().sql,
    );
    // Each call is independent.
    expect(fill({ userId: 'person-2' }).parameters).toEqual(['person-2', 'health-data']);
  });

  it('refuses a build that drops a named value', () => {
    expect(() =>
      compileOnce(['userId', 'kind'], (standIn) =>
        db.selectFrom('consents').select('id').where('user_id', '=', standIn.userId).compile(),
      ),
    ).toThrow(/kind did not reach the compiled query/);
  });
});

describe('insertOnce', () => {
  it('gives the same SQL and parameters as building the insert each time', () => {
    const row = {
      id: 'c1',
      user_id: 'u1',
      mood: 3,
      closeness: 4,
      stress: 5,
      note_ciphertext: null,
      risk_level: 'none',
      time_zone: 'Europe/London',
      local_date: '2026-11-26',
      created_at: '2026-11-26T10:00:00.000Z',
      updated_at: '2026-11-26T10:00:00.000Z',
    };
    const insert = insertOnce(db, 'checkins', {
      id: true,
      user_id: true,
      mood: true,
      closeness: true,
      stress: true,
      note_ciphertext: true,
      risk_level: true,
      time_zone: true,
      local_date: true,
      created_at: true,
      updated_at: true,
    });
    const expected = db.insertInto('checkins').values(row).compile();
    const actual = insert(row);
    expect(actual.sql).toBe(expected.sql);
    expect(actual.parameters).toEqual(expected.parameters);
  });
});
