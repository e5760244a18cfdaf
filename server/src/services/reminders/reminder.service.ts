import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { DomainError } from '../../../../core/errors/domain-error';
import { t } from '../../../../core/i18n/translate';
import { plannedDeliveries } from '../../../../core/reminders/delivery';
import { calendarFeed, FEED_WEEKS } from '../../../../core/reminders/icalendar';
import {
  nextOccurrence,
  occurrencesBetween,
  parseReminderSettings,
  type ReminderItem,
  type ReminderKind,
  type ReminderSettings,
} from '../../../../core/reminders/schedule';
import type { Actor } from '../../policies/access.policy';
import type { ReminderFeedRepository } from '../../repositories/reminder-feed.repository';
import type {
  ReminderRepository,
  StoredReminderSettings,
} from '../../repositories/reminder.repository';
import type { Clock } from '../clock';

const WEEK_MS = 7 * 86_400_000;
const DAY_MS = 86_400_000;
/** 256 random bits, base64url: 43 characters. */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** The person asking, with the email address of their account (if any). */
export interface ReminderActor extends Actor {
  email: string | null;
}

export interface ReminderSettingsView {
  /** Null until the person first saves reminders. */
  timeZone: string | null;
  items: ReminderItem[];
  /** Whether reminders also go by email. */
  email: boolean;
  /** Whether email is possible: the account has an address and this server can send email. */
  emailAvailable: boolean;
  calendarFeed: { active: boolean; createdAt: string | null };
}

export interface DueReminder {
  id: string;
  kind: ReminderKind;
  at: string;
}

export interface ReminderServiceOptions {
  /** True when an SMTP server is configured. */
  canSendEmail: boolean;
  /** Called with anything stored that cannot be read (never expected). */
  onDamaged?: (error: unknown, ownerId: string) => void;
}

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * Reminder settings, the calendar feed and in-app reminders. Settings hold no free text and
 * no health content (kinds, weekdays, times, a zone), so they are stored as plain JSON that
 * the scheduler can read without anyone's key (docs/decisions/0012). Only the owner ever
 * reads or changes them: every query names the signed-in person.
 */
export class ReminderService {
  constructor(
    private readonly repository: ReminderRepository,
    private readonly feeds: ReminderFeedRepository,
    private readonly clock: Clock,
    private readonly options: ReminderServiceOptions,
  ) {}

  private emailAvailable(actor: ReminderActor): boolean {
    return this.options.canSendEmail && actor.email !== null && actor.email !== '';
  }

  async get(actor: ReminderActor): Promise<ReminderSettingsView> {
    const stored = await this.repository.findSettings(actor.userId);
    const settings = stored ? this.read(stored) : null;
    const feed = await this.feeds.find(actor.userId);
    return {
      timeZone: settings?.timeZone ?? null,
      items: settings?.items ?? [],
      email: (stored?.email ?? false) && this.emailAvailable(actor),
      emailAvailable: this.emailAvailable(actor),
      calendarFeed: { active: feed !== null, createdAt: feed?.createdAt ?? null },
    };
  }

  /**
   * Replaces the person's reminders. Reminders of the old settings already due are turned
   * into deliveries first, so saving in the seconds after one falls due never loses it. New
   * settings start from now: nothing earlier is delivered for them.
   */
  async save(
    actor: ReminderActor,
    body: { timeZone: unknown; items: unknown; email?: boolean | undefined },
  ): Promise<ReminderSettingsView> {
    const settings = parseReminderSettings({ timeZone: body.timeZone, items: body.items });
    const existing = await this.repository.findSettings(actor.userId);
    const wantsEmail = body.email ?? existing?.email ?? false;
    if (body.email === true && !this.emailAvailable(actor))
      throw new DomainError('reminders_email_unavailable', t('api.reminders_email_unavailable'));
    const now = this.clock.now().getTime();
    if (existing?.nextDueAt && Date.parse(existing.nextDueAt) <= now)
      await this.deliverDue(existing, now);
    const next = nextOccurrence(settings, now);
    await this.repository.saveSettings({
      ownerId: actor.userId,
      timeZone: settings.timeZone,
      itemsJson: JSON.stringify(settings.items),
      // The person's wish is kept as it is: an instance that cannot send email (no SMTP_URL)
      // must not switch it off for good when the settings are saved through it.
      email: wantsEmail,
      scannedUntil: new Date(now).toISOString(),
      nextDueAt: next ? new Date(next.at).toISOString() : null,
      updatedAt: new Date(now).toISOString(),
    });
    return this.get(actor);
  }

  /**
   * Turns the occurrences of `stored` that fell due by `now` into deliveries (in the app,
   * and by email when wanted and not too late) and moves the scan point on. Safe to run on
   * several instances at once: deliveries are unique, and the scan point only moves from
   * the value that was read. Used by the scheduler.
   */
  async deliverDue(stored: StoredReminderSettings, now: number): Promise<number> {
    const settings = this.read(stored);
    if (!settings) {
      // Never expected: stop scanning this row rather than fail on it every tick.
      await this.repository.advanceScan(stored, new Date(now).toISOString(), null);
      return 0;
    }
    const scannedUntil = Date.parse(stored.scannedUntil);
    const planned = plannedDeliveries(
      settings,
      scannedUntil,
      now,
      stored.email && this.options.canSendEmail,
    );
    const createdAt = new Date(now).toISOString();
    await this.repository.insertDeliveries(
      planned.map((delivery) => ({
        id: randomUUID(),
        ownerId: stored.ownerId,
        itemKey: delivery.itemKey,
        kind: delivery.kind,
        occurrenceAt: new Date(delivery.at).toISOString(),
        channel: delivery.channel,
        status: delivery.channel === 'app' ? 'due' : 'pending',
        nextAttemptAt: delivery.channel === 'email' ? new Date(delivery.at).toISOString() : null,
        createdAt,
      })),
    );
    const next = nextOccurrence(settings, Math.max(now, scannedUntil));
    await this.repository.advanceScan(
      stored,
      new Date(Math.max(now, scannedUntil)).toISOString(),
      next ? new Date(next.at).toISOString() : null,
    );
    return planned.length;
  }

  /** In-app reminders of the last day that the person has not dismissed, newest first. */
  async due(actor: Actor): Promise<DueReminder[]> {
    const now = this.clock.now().getTime();
    const rows = await this.repository.dueInApp(
      actor.userId,
      new Date(now - DAY_MS).toISOString(),
      new Date(now).toISOString(),
    );
    return rows.map((row) => ({
      id: row.id,
      kind: row.kind as ReminderKind,
      at: row.occurrenceAt,
    }));
  }

  async dismiss(actor: Actor, id: string): Promise<void> {
    if (!(await this.repository.dismiss(actor.userId, id)))
      throw new DomainError('not_found', t('api.not_found'));
  }

  /**
   * A new secret calendar feed address; any earlier one stops working. The token is shown
   * only here: only its SHA-256 is stored.
   */
  async newCalendarFeed(actor: Actor, baseUrl: string): Promise<{ url: string }> {
    const token = randomBytes(32).toString('base64url');
    await this.feeds.replace(
      {
        ownerId: actor.userId,
        id: randomBytes(8).toString('hex'),
        createdAt: this.clock.now().toISOString(),
      },
      hashToken(token),
    );
    return { url: `${baseUrl}/api/reminders/calendar/${token}.ics` };
  }

  async stopCalendarFeed(actor: Actor): Promise<void> {
    await this.feeds.remove(actor.userId);
  }

  /**
   * The feed behind a token (with or without ".ics"), or null alike for a malformed,
   * unknown or revoked one. The token is looked up by its hash, so timing says nothing
   * about how much of a guess was right.
   */
  async calendar(
    tokenParameter: string,
    uidDomain: string,
    homeUrl: string,
  ): Promise<string | null> {
    const token = tokenParameter.replace(/\.ics$/, '');
    if (!TOKEN_PATTERN.test(token)) return null;
    const feed = await this.feeds.findByTokenHash(hashToken(token));
    if (!feed) return null;
    const stored = await this.repository.findSettings(feed.ownerId);
    const settings = stored ? this.read(stored) : null;
    const now = this.clock.now().getTime();
    const occurrences = settings
      ? occurrencesBetween(settings, now - DAY_MS, now + FEED_WEEKS * WEEK_MS)
      : [];
    const title = t('reminders.calendar.title');
    return calendarFeed({
      occurrences,
      now,
      uidPrefix: feed.id,
      uidDomain,
      url: homeUrl,
      text: {
        calendarName: t('reminders.calendar.name'),
        titles: { checkin: title, plan: title, retake: title },
        description: t('reminders.calendar.description'),
      },
    });
  }

  private read(stored: StoredReminderSettings): ReminderSettings | null {
    try {
      return parseReminderSettings({
        timeZone: stored.timeZone,
        items: JSON.parse(stored.itemsJson) as unknown,
      });
    } catch (error) {
      this.options.onDamaged?.(error, stored.ownerId);
      return null;
    }
  }
}
