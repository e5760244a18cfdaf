import type { Kysely, Transaction } from 'kysely';
import { DomainError } from '../../../core/errors/domain-error';
import { t } from '../../../core/i18n/translate';
import { lockForTransaction, type Dialect } from '../db/dialect';
import type { Database } from '../db/schema';
import type { StoredCheckin } from './checkin.repository';
import type {
  StoredClosenessCheckDraft,
  StoredClosenessCheckResponse,
} from './closeness-check.repository';
import type { StoredExerciseEntry } from './exercise-entry.repository';
import type { StoredJournalEntry } from './journal.repository';
import type { StoredPlanPreferences, StoredPlanWeek } from './plan.repository';
import type { StoredSafetyPlan } from './safety-plan.repository';
import { toRow as checkinRow } from './checkin.repository';
import { toDraftRow, toResponseRow } from './closeness-check.repository';
import { toRow as exerciseEntryRow } from './exercise-entry.repository';
import { toRow as journalRow } from './journal.repository';

/** Everything an import writes, already sealed with the importer's key. */
export interface ImportBatch {
  checkins: StoredCheckin[];
  journal: StoredJournalEntry[];
  safetyPlan: StoredSafetyPlan | null;
  closenessCheckResponses: StoredClosenessCheckResponse[];
  closenessCheckDraft: StoredClosenessCheckDraft | null;
  exerciseEntries: StoredExerciseEntry[];
  planWeeks: StoredPlanWeek[];
  planPreferences: StoredPlanPreferences | null;
}

/** The tables an import writes: the account must hold nothing in any of them. */
const IMPORT_TABLES = [
  'checkins',
  'journal_entries',
  'safety_plans',
  'closeness_check_responses',
  'closeness_check_drafts',
  'research_pool_queue',
  'exercise_entries',
  'plan_weeks',
  'plan_preferences',
] as const;

/** Rows per insert statement: well inside both databases' limit on bound values. */
const CHUNK = 100;

export const IMPORT_TARGET_NOT_EMPTY = 'import_target_not_empty';

/** Writes a whole import in one transaction: all of it, or (on any failure) none of it. */
export class ImportRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly dialect: Dialect,
  ) {}

  /** True when the person already has records of the kinds an import brings. */
  async holdsRecords(ownerId: string, db: Kysely<Database> = this.db): Promise<boolean> {
    for (const table of IMPORT_TABLES) {
      const row = await db
        .selectFrom(table)
        .select('user_id')
        .where('user_id', '=', ownerId)
        .limit(1)
        .executeTakeFirst();
      if (row) return true;
    }
    return false;
  }

  /**
   * Inserts the batch for `ownerId`, after checking again, inside the transaction, that the
   * account is still empty: two imports sent at once (to one instance or to two) must not
   * both land. The check alone is not enough on PostgreSQL, where under READ COMMITTED two
   * transactions can both find the account empty before either commits; so each import first
   * takes a lock kept until its transaction ends, keyed by the account. The second waits for
   * the first to commit, then its check (a new statement, so a new snapshot) sees the rows
   * and it is refused. On SQLite a write transaction already excludes every other.
   */
  async insertAll(ownerId: string, batch: ImportBatch): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await lockForTransaction(trx, this.dialect, `import:${ownerId}`);
      if (await this.holdsRecords(ownerId, trx)) {
        throw new DomainError(IMPORT_TARGET_NOT_EMPTY, t('api.import_target_not_empty'));
      }
      await insertChunks(
        trx,
        'closeness_check_responses',
        batch.closenessCheckResponses.map(toResponseRow),
      );
      if (batch.closenessCheckDraft) {
        const draft = batch.closenessCheckDraft;
        await insertChunks(trx, 'closeness_check_drafts', [toDraftRow(draft)]);
      }
      await insertChunks(trx, 'checkins', batch.checkins.map(checkinRow));
      await insertChunks(trx, 'journal_entries', batch.journal.map(journalRow));
      if (batch.safetyPlan) {
        const plan = batch.safetyPlan;
        await insertChunks(trx, 'safety_plans', [
          {
            user_id: plan.ownerId,
            sections_ciphertext: plan.sectionsCiphertext,
            updated_at: plan.updatedAt,
          },
        ]);
      }
      await insertChunks(trx, 'exercise_entries', batch.exerciseEntries.map(exerciseEntryRow));
      await insertChunks(
        trx,
        'plan_weeks',
        batch.planWeeks.map((week) => ({
          user_id: week.ownerId,
          week: week.week,
          plan_ciphertext: week.planCiphertext,
          updated_at: week.updatedAt,
        })),
      );
      if (batch.planPreferences) {
        const preferences = batch.planPreferences;
        await insertChunks(trx, 'plan_preferences', [
          {
            user_id: preferences.ownerId,
            preferences_ciphertext: preferences.preferencesCiphertext,
            updated_at: preferences.updatedAt,
          },
        ]);
      }
    });
  }
}

async function insertChunks<Table extends (typeof IMPORT_TABLES)[number]>(
  trx: Transaction<Database>,
  table: Table,
  rows: Database[Table][],
): Promise<void> {
  for (let start = 0; start < rows.length; start += CHUNK) {
    await trx
      .insertInto(table)
      .values(rows.slice(start, start + CHUNK) as never)
      .execute();
  }
}
