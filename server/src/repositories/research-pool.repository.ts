import type { Kysely } from 'kysely';
import { isUniqueViolation } from '../db/dialect';
import type { Database } from '../db/schema';

/** A response waiting to join the research pool. */
export interface QueuedContribution {
  id: string;
  ownerId: string;
  responseId: string;
  version: number;
  answersCiphertext: string;
}

/** One anonymous copy, as it goes into the pool. */
export interface ResearchPoolRow {
  id: string;
  version: number;
  /** The scored answers, as JSON. */
  answers: string;
  /** YYYY-MM. */
  contributedMonth: string;
}

/**
 * The research queue (personal: each row names its owner) and the research pool (anonymous:
 * no owner, no time finer than a month). Moving a group from one to the other happens in one
 * transaction that claims exactly the queued rows it read, so two instances moving at once
 * can never add the same copy twice.
 */
export class ResearchPoolRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /**
   * Queues a copy. Answers false, and queues nothing, when the owner already has a copy of
   * this version waiting (one per person and version, a unique key since two saves at once
   * could both get this far).
   */
  async enqueue(entry: QueuedContribution): Promise<boolean> {
    try {
      await this.db
        .insertInto('research_pool_queue')
        .values({
          id: entry.id,
          user_id: entry.ownerId,
          response_id: entry.responseId,
          version: entry.version,
          answers_ciphertext: entry.answersCiphertext,
        })
        .execute();
      return true;
    } catch (error) {
      if (isUniqueViolation(error)) return false;
      throw error;
    }
  }

  async queued(): Promise<QueuedContribution[]> {
    const rows = await this.db.selectFrom('research_pool_queue').selectAll().execute();
    return rows.map((row) => ({
      id: row.id,
      ownerId: row.user_id,
      responseId: row.response_id,
      version: Number(row.version),
      answersCiphertext: row.answers_ciphertext,
    }));
  }

  async queuedCount(): Promise<number> {
    const row = await this.db
      .selectFrom('research_pool_queue')
      .select((eb) => eb.fn.countAll<number | string>().as('count'))
      .executeTakeFirst();
    return Number(row?.count ?? 0);
  }

  /** Removes the owner's queued contributions and answers the responses they were for. */
  async withdrawQueued(ownerId: string): Promise<string[]> {
    return this.db.transaction().execute(async (trx) => {
      const rows = await trx
        .selectFrom('research_pool_queue')
        .select('response_id')
        .where('user_id', '=', ownerId)
        .execute();
      await trx.deleteFrom('research_pool_queue').where('user_id', '=', ownerId).execute();
      return rows.map((row) => row.response_id);
    });
  }

  /**
   * Deletes exactly the queued rows named and adds the copies to the pool, in one
   * transaction, in the order given (the caller shuffles it). If any named row is already gone
   * (another instance moved it, or its owner withdrew), nothing changes and it answers false.
   */
  async moveToPool(
    queueIds: readonly string[],
    copies: readonly ResearchPoolRow[],
  ): Promise<boolean> {
    if (queueIds.length === 0) return false;
    try {
      await this.db.transaction().execute(async (trx) => {
        const deleted = await trx
          .deleteFrom('research_pool_queue')
          .where('id', 'in', queueIds)
          .executeTakeFirst();
        if (Number(deleted.numDeletedRows) !== queueIds.length) throw new ClaimLost();
        if (copies.length === 0) return;
        // One statement for the whole group: on PostgreSQL every row then shares one
        // transaction id, and rows sit on disk in the shuffled order they are listed in.
        await trx
          .insertInto('research_pool')
          .values(
            copies.map((copy) => ({
              id: copy.id,
              version: copy.version,
              answers: copy.answers,
              contributed_month: copy.contributedMonth,
            })),
          )
          .execute();
      });
      return true;
    } catch (error) {
      if (error instanceof ClaimLost) return false;
      throw error;
    }
  }

  /** How many copies of a version the pool holds. */
  async count(version: number): Promise<number> {
    const row = await this.db
      .selectFrom('research_pool')
      .select((eb) => eb.fn.countAll<number | string>().as('count'))
      .where('version', '=', version)
      .executeTakeFirst();
    return Number(row?.count ?? 0);
  }

  /** Every copy's answers (JSON) of a version, in id order: random, so no order of arrival. */
  async answersOf(version: number): Promise<string[]> {
    const rows = await this.db
      .selectFrom('research_pool')
      .select('answers')
      .where('version', '=', version)
      .orderBy('id')
      .execute();
    return rows.map((row) => row.answers);
  }
}

class ClaimLost extends Error {}
