import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';

export interface StoredReminderFeed {
  ownerId: string;
  id: string;
  createdAt: string;
}

/** Each person's calendar feed: one at most, found by the SHA-256 of its token. */
export class ReminderFeedRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async find(ownerId: string): Promise<StoredReminderFeed | null> {
    const row = await this.db
      .selectFrom('reminder_feeds')
      .select(['user_id', 'id', 'created_at'])
      .where('user_id', '=', ownerId)
      .executeTakeFirst();
    return row ? { ownerId: row.user_id, id: row.id, createdAt: row.created_at } : null;
  }

  async findByTokenHash(tokenHash: string): Promise<StoredReminderFeed | null> {
    const row = await this.db
      .selectFrom('reminder_feeds')
      .select(['user_id', 'id', 'created_at'])
      .where('token_hash', '=', tokenHash)
      .executeTakeFirst();
    return row ? { ownerId: row.user_id, id: row.id, createdAt: row.created_at } : null;
  }

  /** Replaces the owner's feed: the old token stops working in the same statement. */
  async replace(feed: StoredReminderFeed, tokenHash: string): Promise<void> {
    const values = { id: feed.id, token_hash: tokenHash, created_at: feed.createdAt };
    await this.db
      .insertInto('reminder_feeds')
      .values({ user_id: feed.ownerId, ...values })
      .onConflict((conflict) => conflict.column('user_id').doUpdateSet(values))
      .execute();
  }

  async remove(ownerId: string): Promise<void> {
    await this.db.deleteFrom('reminder_feeds').where('user_id', '=', ownerId).execute();
  }
}
