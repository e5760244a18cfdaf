import type { Kysely } from 'kysely';
import { skipLockedRows, type Dialect } from '../db/dialect';
import type { Database } from '../db/schema';

/** A person's reminder settings as stored; `items` is still JSON. */
export interface StoredReminderSettings {
  ownerId: string;
  timeZone: string;
  itemsJson: string;
  email: boolean;
  scannedUntil: string;
  nextDueAt: string | null;
  updatedAt: string;
}

export type DeliveryChannel = 'app' | 'email';

export interface NewReminderDelivery {
  id: string;
  ownerId: string;
  itemKey: string;
  kind: string;
  occurrenceAt: string;
  channel: DeliveryChannel;
  /** `due` for the app; `pending` (with `nextAttemptAt`) for email. */
  status: 'due' | 'pending';
  nextAttemptAt: string | null;
  createdAt: string;
}

/** An email delivery this instance has claimed until `claimedUntil`. */
export interface ClaimedEmail {
  id: string;
  ownerId: string;
  occurrenceAt: string;
  /** Counting this one. */
  attempts: number;
  claimedUntil: string;
}

/** An in-app reminder still to show. */
export interface DueReminderRow {
  id: string;
  kind: string;
  occurrenceAt: string;
}

/** Where an email would go, and whether the person still wants it. */
export interface EmailContact {
  ownerId: string;
  email: string | null;
  wantsEmail: boolean;
}

type SettingsRow = Database['reminder_settings'];

function toSettings(row: SettingsRow): StoredReminderSettings {
  return {
    ownerId: row.user_id,
    timeZone: row.time_zone,
    itemsJson: row.items,
    email: Number(row.email) === 1,
    scannedUntil: row.scanned_until,
    nextDueAt: row.next_due_at,
    updatedAt: row.updated_at,
  };
}

/**
 * Reminder settings and deliveries. Every query a person's request makes names the owner;
 * the scheduler's scans (`dueSettings`, `claimEmails`) look across people by design.
 */
export class ReminderRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly dialect: Dialect,
  ) {}

  async findSettings(ownerId: string): Promise<StoredReminderSettings | null> {
    const row = await this.db
      .selectFrom('reminder_settings')
      .selectAll()
      .where('user_id', '=', ownerId)
      .executeTakeFirst();
    return row ? toSettings(row) : null;
  }

  /** One row per person: saving replaces it. */
  async saveSettings(settings: StoredReminderSettings): Promise<void> {
    const values = {
      time_zone: settings.timeZone,
      items: settings.itemsJson,
      email: settings.email ? 1 : 0,
      scanned_until: settings.scannedUntil,
      next_due_at: settings.nextDueAt,
      updated_at: settings.updatedAt,
    };
    await this.db
      .insertInto('reminder_settings')
      .values({ user_id: settings.ownerId, ...values })
      .onConflict((conflict) => conflict.column('user_id').doUpdateSet(values))
      .execute();
  }

  /** Settings with a reminder due by `now`, the longest waiting first. */
  async dueSettings(now: string, limit: number): Promise<StoredReminderSettings[]> {
    const rows = await this.db
      .selectFrom('reminder_settings')
      .selectAll()
      .where('next_due_at', 'is not', null)
      .where('next_due_at', '<=', now)
      .orderBy('next_due_at', 'asc')
      .limit(limit)
      .execute();
    return rows.map(toSettings);
  }

  /**
   * Moves the scan point on, only if nobody changed the row since it was read (the person
   * saving new settings, or another instance already moving it): true when it moved.
   */
  async advanceScan(
    read: StoredReminderSettings,
    scannedUntil: string,
    nextDueAt: string | null,
  ): Promise<boolean> {
    const result = await this.db
      .updateTable('reminder_settings')
      .set({ scanned_until: scannedUntil, next_due_at: nextDueAt })
      .where('user_id', '=', read.ownerId)
      .where('updated_at', '=', read.updatedAt)
      .where('scanned_until', '=', read.scannedUntil)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  /** Inserts each delivery unless it already exists (any instance may try the same ones). */
  async insertDeliveries(deliveries: readonly NewReminderDelivery[]): Promise<void> {
    if (deliveries.length === 0) return;
    await this.db
      .insertInto('reminder_deliveries')
      .values(
        deliveries.map((delivery) => ({
          id: delivery.id,
          user_id: delivery.ownerId,
          item_key: delivery.itemKey,
          kind: delivery.kind,
          occurrence_at: delivery.occurrenceAt,
          channel: delivery.channel,
          status: delivery.status,
          attempts: 0,
          next_attempt_at: delivery.nextAttemptAt,
          claimed_until: null,
          sent_at: null,
          created_at: delivery.createdAt,
        })),
      )
      .onConflict((conflict) =>
        conflict.columns(['user_id', 'item_key', 'occurrence_at', 'channel']).doNothing(),
      )
      .execute();
  }

  /**
   * Claims up to `limit` emails ready to send (pending and due, or claimed by an instance
   * whose lease ran out) until `leaseUntil`, in one statement. On PostgreSQL rows another
   * instance is claiming at the same moment are skipped, not waited for.
   */
  async claimEmails(now: string, leaseUntil: string, limit: number): Promise<ClaimedEmail[]> {
    const ready = skipLockedRows(
      this.db
        .selectFrom('reminder_deliveries')
        .select('id')
        .where('channel', '=', 'email')
        .where((where) =>
          where.or([
            where.and([where('status', '=', 'pending'), where('next_attempt_at', '<=', now)]),
            where.and([where('status', '=', 'sending'), where('claimed_until', '<=', now)]),
          ]),
        )
        .orderBy('occurrence_at', 'asc')
        .limit(limit),
      this.dialect,
    );
    const rows = await this.db
      .updateTable('reminder_deliveries')
      .set((update) => ({
        status: 'sending',
        claimed_until: leaseUntil,
        attempts: update('attempts', '+', 1),
      }))
      .where('id', 'in', ready)
      .returning(['id', 'user_id', 'occurrence_at', 'attempts', 'claimed_until'])
      .execute();
    return rows.map((row) => ({
      id: row.id,
      ownerId: row.user_id,
      occurrenceAt: row.occurrence_at,
      attempts: Number(row.attempts),
      claimedUntil: row.claimed_until ?? leaseUntil,
    }));
  }

  /**
   * Ends a claim: sent, to try again later, failed for good or skipped. Only the holder of
   * the lease can end it; false when the lease was lost (another instance took over).
   */
  async finishEmail(
    claim: ClaimedEmail,
    outcome:
      | { status: 'sent'; at: string }
      | { status: 'pending'; nextAttemptAt: string }
      | { status: 'failed' | 'skipped' },
  ): Promise<boolean> {
    const result = await this.db
      .updateTable('reminder_deliveries')
      .set({
        status: outcome.status,
        claimed_until: null,
        ...(outcome.status === 'sent' ? { sent_at: outcome.at } : {}),
        ...(outcome.status === 'pending' ? { next_attempt_at: outcome.nextAttemptAt } : {}),
      })
      .where('id', '=', claim.id)
      .where('status', '=', 'sending')
      .where('claimed_until', '=', claim.claimedUntil)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  /** Email addresses and the email choice of these people. */
  async emailContacts(ownerIds: readonly string[]): Promise<Map<string, EmailContact>> {
    if (ownerIds.length === 0) return new Map();
    const rows = await this.db
      .selectFrom('users')
      .leftJoin('reminder_settings', 'reminder_settings.user_id', 'users.id')
      .select(['users.id as id', 'users.email as email', 'reminder_settings.email as wants'])
      .where('users.id', 'in', [...ownerIds])
      .execute();
    return new Map(
      rows.map((row) => [
        row.id,
        { ownerId: row.id, email: row.email, wantsEmail: Number(row.wants ?? 0) === 1 },
      ]),
    );
  }

  /** The earliest instant the scheduler has work: a scan or an email to (re)try. */
  async nextWork(): Promise<string | null> {
    const scan = await this.db
      .selectFrom('reminder_settings')
      .select((select) => select.fn.min('next_due_at').as('at'))
      .executeTakeFirst();
    const retry = await this.db
      .selectFrom('reminder_deliveries')
      .select((select) => select.fn.min('next_attempt_at').as('at'))
      .where('channel', '=', 'email')
      .where('status', '=', 'pending')
      .executeTakeFirst();
    const lease = await this.db
      .selectFrom('reminder_deliveries')
      .select((select) => select.fn.min('claimed_until').as('at'))
      .where('channel', '=', 'email')
      .where('status', '=', 'sending')
      .executeTakeFirst();
    const times = [scan?.at, retry?.at, lease?.at].filter(
      (at): at is string => typeof at === 'string',
    );
    return times.length === 0 ? null : times.sort()[0]!;
  }

  /** The owner's in-app reminders from `since` to `now`, not dismissed, newest first. */
  async dueInApp(ownerId: string, since: string, now: string): Promise<DueReminderRow[]> {
    const rows = await this.db
      .selectFrom('reminder_deliveries')
      .select(['id', 'kind', 'occurrence_at'])
      .where('user_id', '=', ownerId)
      .where('channel', '=', 'app')
      .where('status', '=', 'due')
      .where('occurrence_at', '>', since)
      .where('occurrence_at', '<=', now)
      .orderBy('occurrence_at', 'desc')
      .execute();
    return rows.map((row) => ({ id: row.id, kind: row.kind, occurrenceAt: row.occurrence_at }));
  }

  /** Marks one of the owner's in-app reminders as seen: false when it is not theirs. */
  async dismiss(ownerId: string, id: string): Promise<boolean> {
    const result = await this.db
      .updateTable('reminder_deliveries')
      .set({ status: 'dismissed' })
      .where('id', '=', id)
      .where('user_id', '=', ownerId)
      .where('channel', '=', 'app')
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }
}
