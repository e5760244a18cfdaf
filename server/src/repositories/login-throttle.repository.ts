import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema';

export interface ThrottleState {
  key: string;
  failures: number;
  windowStartedAt: string;
}

/**
 * Failed sign-in counters, kept in the database so that every app instance behind a load
 * balancer sees the same counts.
 */
export class LoginThrottleRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async find(keys: string[]): Promise<ThrottleState[]> {
    if (keys.length === 0) return [];
    const rows = await this.db
      .selectFrom('login_throttles')
      .selectAll()
      .where('key', 'in', keys)
      .execute();
    return rows.map((row) => ({
      key: row.key,
      failures: Number(row.failures),
      windowStartedAt: row.window_started_at,
    }));
  }

  /**
   * Counts one failure atomically: a single upsert, so two instances failing at once both
   * count. A window that started before `windowCutoff` is restarted at `now`.
   */
  async recordFailure(key: string, now: string, windowCutoff: string): Promise<void> {
    await this.db
      .insertInto('login_throttles')
      .values({ key, failures: 1, window_started_at: now })
      .onConflict((conflict) =>
        conflict.column('key').doUpdateSet({
          failures: sql<number>`case when login_throttles.window_started_at <= ${windowCutoff} then 1 else login_throttles.failures + 1 end`,
          window_started_at: sql<string>`case when login_throttles.window_started_at <= ${windowCutoff} then ${now} else login_throttles.window_started_at end`,
        }),
      )
      .execute();
  }

  async clear(key: string): Promise<void> {
    await this.db.deleteFrom('login_throttles').where('key', '=', key).execute();
  }

  async deleteOlderThan(windowCutoff: string): Promise<void> {
    await this.db
      .deleteFrom('login_throttles')
      .where('window_started_at', '<=', windowCutoff)
      .execute();
  }
}
