import { sql, type CompiledQuery, type Kysely } from 'kysely';
import { compileOnce } from '../db/compiled-query';
import type { DatabaseHandle } from '../db/database';
import type { Database } from '../db/schema';

/** The counters the progress cache is checked against (docs/decisions/0014). */
export interface ProgressVersions {
  /** The person's counter; 0 while they have none (no data yet). */
  person: number;
  /** Raised whenever the research pool grows. */
  shared: number;
}

/** What the progress page reads straight from the database: only the columns it needs. */
export class ProgressRepository {
  private readonly db: Kysely<Database>;
  private readonly versionsQuery: (parameters: readonly unknown[]) => Promise<unknown[]>;
  private readonly versionsCompiled: (values: { userId: unknown }) => CompiledQuery;

  constructor(database: DatabaseHandle) {
    this.db = database.db;
    // Runs on every GET /api/progress: compiled once, and a direct prepared read on SQLite.
    this.versionsCompiled = compileOnce(['userId'], (standIn) =>
      sql`select
            (select version from progress_versions where account_id = ${standIn.userId}) as person,
            (select version from progress_shared_version where id = 1) as shared`.compile(this.db),
    );
    this.versionsQuery = database.prepareRead(this.versionsCompiled({ userId: '' }));
  }

  async versions(userId: string): Promise<ProgressVersions> {
    const [row] = (await this.versionsQuery(this.versionsCompiled({ userId }).parameters)) as {
      person: number | string | null;
      shared: number | string | null;
    }[];
    return { person: Number(row?.person ?? 0), shared: Number(row?.shared ?? 0) };
  }

  /** The owner's check-in ratings from a local day on (inclusive); notes are never read. */
  async checkinRatings(
    ownerId: string,
    fromDate: string,
  ): Promise<{ date: string; mood: number; closeness: number; stress: number }[]> {
    const rows = await this.db
      .selectFrom('checkins')
      .select(['local_date', 'mood', 'closeness', 'stress'])
      .where('user_id', '=', ownerId)
      .where('local_date', '>=', fromDate)
      .execute();
    return rows.map((row) => ({
      date: row.local_date,
      mood: Number(row.mood),
      closeness: Number(row.closeness),
      stress: Number(row.stress),
    }));
  }

  /** Which exercises the owner completed, and when, since an instant: no values are read. */
  async completedExercises(
    ownerId: string,
    since: string,
  ): Promise<{ id: string; exerciseId: string; completedAt: string }[]> {
    const rows = await this.db
      .selectFrom('exercise_entries')
      .select(['id', 'exercise_id', 'completed_at'])
      .where('user_id', '=', ownerId)
      .where('status', '=', 'completed')
      .where('completed_at', '>=', since)
      .orderBy('completed_at', 'desc')
      .execute();
    return rows.flatMap((row) =>
      row.completed_at === null
        ? []
        : [{ id: row.id, exerciseId: row.exercise_id, completedAt: String(row.completed_at) }],
    );
  }
}
