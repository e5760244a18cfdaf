import { FLAGGED_STORED_RISK_LEVELS } from '../../../core/safety/stored-risk';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';

/** A week's plan as stored: the plan still encrypted. */
export interface StoredPlanWeek {
  ownerId: string;
  week: string;
  planCiphertext: string;
  updatedAt: string;
}

/** The person's plan preferences as stored, encrypted. */
export interface StoredPlanPreferences {
  ownerId: string;
  preferencesCiphertext: string;
  updatedAt: string;
}

/** Weekly plans and plan preferences. Every query names the owner. */
export class PlanRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async findWeek(ownerId: string, week: string): Promise<StoredPlanWeek | null> {
    const row = await this.db
      .selectFrom('plan_weeks')
      .selectAll()
      .where('user_id', '=', ownerId)
      .where('week', '=', week)
      .executeTakeFirst();
    return row
      ? {
          ownerId: row.user_id,
          week: row.week,
          planCiphertext: row.plan_ciphertext,
          updatedAt: row.updated_at,
        }
      : null;
  }

  /** The owner's stored weeks, oldest first. */
  async listWeeks(ownerId: string): Promise<StoredPlanWeek[]> {
    const rows = await this.db
      .selectFrom('plan_weeks')
      .selectAll()
      .where('user_id', '=', ownerId)
      .orderBy('week', 'asc')
      .execute();
    return rows.map((row) => ({
      ownerId: row.user_id,
      week: row.week,
      planCiphertext: row.plan_ciphertext,
      updatedAt: row.updated_at,
    }));
  }

  /** One plan per person and week: saving replaces it. */
  async saveWeek(plan: StoredPlanWeek): Promise<void> {
    await this.db
      .insertInto('plan_weeks')
      .values({
        user_id: plan.ownerId,
        week: plan.week,
        plan_ciphertext: plan.planCiphertext,
        updated_at: plan.updatedAt,
      })
      .onConflict((conflict) =>
        conflict.columns(['user_id', 'week']).doUpdateSet((update) => ({
          plan_ciphertext: update.ref('excluded.plan_ciphertext'),
          updated_at: update.ref('excluded.updated_at'),
        })),
      )
      .execute();
  }

  /**
   * The risk levels the risk check gave the owner's journal entries and check-in notes saved
   * (or changed) since `since` (ISO), when they are `crisis` or `safeguarding`: only the
   * levels, never the text. What the plan reads as recent writing (decision 0010).
   */
  async recentWritingRiskLevels(ownerId: string, since: string): Promise<string[]> {
    const flagged = [...FLAGGED_STORED_RISK_LEVELS];
    const levels = await Promise.all(
      WRITING_TABLES.map((table) =>
        this.db
          .selectFrom(table)
          .select('risk_level')
          .distinct()
          .where('user_id', '=', ownerId)
          .where('updated_at', '>=', since)
          .where('risk_level', 'in', flagged)
          .execute(),
      ),
    );
    return [
      ...new Set(levels.flat().flatMap((row) => (row.risk_level === null ? [] : [row.risk_level]))),
    ];
  }

  /**
   * Ids of the owner's exercise entries saved since `since` that have no stored risk level
   * (saved before the level was kept): the only ones the plan still has to check itself.
   */
  async recentExerciseEntriesWithoutRiskLevel(
    ownerId: string,
    since: string,
  ): Promise<{ id: string; exerciseId: string }[]> {
    const rows = await this.db
      .selectFrom('exercise_entries')
      .select(['id', 'exercise_id'])
      .where('user_id', '=', ownerId)
      .where('updated_at', '>=', since)
      .where('risk_level', 'is', null)
      .execute();
    return rows.map((row) => ({ id: row.id, exerciseId: row.exercise_id }));
  }

  async findPreferences(ownerId: string): Promise<StoredPlanPreferences | null> {
    const row = await this.db
      .selectFrom('plan_preferences')
      .selectAll()
      .where('user_id', '=', ownerId)
      .executeTakeFirst();
    return row
      ? {
          ownerId: row.user_id,
          preferencesCiphertext: row.preferences_ciphertext,
          updatedAt: row.updated_at,
        }
      : null;
  }

  async savePreferences(preferences: StoredPlanPreferences): Promise<void> {
    await this.db
      .insertInto('plan_preferences')
      .values({
        user_id: preferences.ownerId,
        preferences_ciphertext: preferences.preferencesCiphertext,
        updated_at: preferences.updatedAt,
      })
      .onConflict((conflict) =>
        conflict.column('user_id').doUpdateSet((update) => ({
          preferences_ciphertext: update.ref('excluded.preferences_ciphertext'),
          updated_at: update.ref('excluded.updated_at'),
        })),
      )
      .execute();
  }
}

/** The tables of the person's own writing whose risk level is kept at each save. */
const WRITING_TABLES = ['journal_entries', 'checkins', 'exercise_entries'] as const;
