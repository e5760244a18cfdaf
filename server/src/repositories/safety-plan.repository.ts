import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';

export interface StoredSafetyPlan {
  ownerId: string;
  sectionsCiphertext: string;
  updatedAt: string;
}

export class SafetyPlanRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async find(ownerId: string): Promise<StoredSafetyPlan | null> {
    const row = await this.db
      .selectFrom('safety_plans')
      .selectAll()
      .where('user_id', '=', ownerId)
      .executeTakeFirst();
    return row
      ? {
          ownerId: row.user_id,
          sectionsCiphertext: row.sections_ciphertext,
          updatedAt: row.updated_at,
        }
      : null;
  }

  /** One plan per person: saving replaces it. */
  async save(plan: StoredSafetyPlan): Promise<void> {
    await this.db
      .insertInto('safety_plans')
      .values({
        user_id: plan.ownerId,
        sections_ciphertext: plan.sectionsCiphertext,
        updated_at: plan.updatedAt,
      })
      .onConflict((conflict) =>
        conflict.column('user_id').doUpdateSet({
          sections_ciphertext: plan.sectionsCiphertext,
          updated_at: plan.updatedAt,
        }),
      )
      .execute();
  }
}
