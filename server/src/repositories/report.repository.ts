import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';

/**
 * The session report's own data (docs/decisions/0015): the moment a person last said they
 * printed or shared it, and a narrow list of their completed exercise entries (ids and times
 * only, so the report can offer them without opening what was written).
 */
export class ReportRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async lastReportAt(ownerId: string): Promise<string | null> {
    const row = await this.db
      .selectFrom('session_reports')
      .select('last_report_at')
      .where('user_id', '=', ownerId)
      .executeTakeFirst();
    return row ? String(row.last_report_at) : null;
  }

  async recordPrinted(ownerId: string, at: string): Promise<void> {
    await this.db
      .insertInto('session_reports')
      .values({ user_id: ownerId, last_report_at: at })
      .onConflict((conflict) => conflict.column('user_id').doUpdateSet({ last_report_at: at }))
      .execute();
  }

  /**
   * When each of the owner's journal entries since an instant was written, newest first: the
   * report counts the entries it does not list without opening any of them.
   */
  async journalTimes(ownerId: string, since: string): Promise<string[]> {
    const rows = await this.db
      .selectFrom('journal_entries')
      .select('created_at')
      .where('user_id', '=', ownerId)
      .where('created_at', '>=', since)
      .orderBy('created_at', 'desc')
      .execute();
    return rows.map((row) => String(row.created_at));
  }
}
