import { emailTooLate, reminderEmail, retryAt } from '../../../../core/reminders/delivery';
import type { ClaimedEmail, ReminderRepository } from '../../repositories/reminder.repository';
import type { Clock } from '../clock';
import type { ReminderMailer } from './reminder-mailer';
import type { ReminderService } from './reminder.service';

/** How long an instance holds a claimed email before another may take it over. */
export const EMAIL_LEASE_MS = 2 * 60_000;
/** Settings rows and emails handled per query. */
const BATCH = 50;
/** Batches per tick at most, so one tick never runs unbounded. */
const MOST_BATCHES = 40;
/** The shortest wait between ticks, so a row that cannot move on never spins the loop. */
const SHORTEST_WAIT_MS = 20;

export interface TickReport {
  /** Deliveries planned (in the app and by email), counting ones another instance made. */
  planned: number;
  sent: number;
  retried: number;
  failed: number;
  skipped: number;
}

export interface ReminderSchedulerOptions {
  repository: ReminderRepository;
  reminders: ReminderService;
  /** Null when no SMTP server is configured: emails are then never planned. */
  mailer: ReminderMailer | null;
  clock: Clock;
  /** Closer's home page, the one link an email carries (PUBLIC_URL); null: no link. */
  homeUrl: string | null;
  /** The longest wait between ticks. */
  maxWaitMs: number;
  onError: (error: unknown, what: string) => void;
}

/**
 * Delivers reminders from inside the server process (docs/decisions/0012). Each tick turns
 * settings with a reminder due into deliveries, then claims, sends and settles due emails.
 * Every instance may run one: inserts are idempotent and claims exclusive (a lease, and on
 * PostgreSQL `FOR UPDATE SKIP LOCKED`), so each email goes to one instance. The timer waits
 * for the earliest known work, never longer than `maxWaitMs`.
 */
export class ReminderScheduler {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;
  private started = false;

  constructor(private readonly options: ReminderSchedulerOptions) {}

  start(): void {
    if (this.started) return;
    this.started = true;
    this.schedule(0);
  }

  /** Stops the timer and waits for a tick under way to finish. */
  async stop(): Promise<void> {
    this.started = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running?.catch(() => undefined);
  }

  /** One pass: plan due reminders, then send due emails. Tests call it directly. */
  async tick(): Promise<TickReport> {
    const report: TickReport = { planned: 0, sent: 0, retried: 0, failed: 0, skipped: 0 };
    const { repository, reminders, clock } = this.options;
    const now = clock.now().getTime();
    const nowIso = new Date(now).toISOString();
    for (let batch = 0; batch < MOST_BATCHES; batch++) {
      const due = await repository.dueSettings(nowIso, BATCH);
      for (const settings of due) {
        try {
          report.planned += await reminders.deliverDue(settings, now);
        } catch (error) {
          this.options.onError(error, 'reminders: planning one person’s reminders failed');
        }
      }
      if (due.length < BATCH) break;
    }
    if (!this.options.mailer) return report;
    for (let batch = 0; batch < MOST_BATCHES; batch++) {
      const sendNow = clock.now().getTime();
      const claims = await repository.claimEmails(
        new Date(sendNow).toISOString(),
        new Date(sendNow + EMAIL_LEASE_MS).toISOString(),
        BATCH,
      );
      if (claims.length === 0) break;
      const contacts = await repository.emailContacts([
        ...new Set(claims.map((claim) => claim.ownerId)),
      ]);
      for (const claim of claims) {
        const contact = contacts.get(claim.ownerId);
        const outcome = await this.send(claim, contact?.wantsEmail ? contact.email : null);
        report[outcome] += 1;
      }
    }
    return report;
  }

  private async send(
    claim: ClaimedEmail,
    to: string | null,
  ): Promise<'sent' | 'retried' | 'failed' | 'skipped'> {
    const { repository, clock, mailer } = this.options;
    const now = clock.now().getTime();
    // Email turned off (or the address removed) since it was planned, or too late to help.
    if (!to || !mailer || emailTooLate(Date.parse(claim.occurrenceAt), now)) {
      await repository.finishEmail(claim, { status: 'skipped' });
      return 'skipped';
    }
    try {
      await mailer.send({ to, ...reminderEmail(this.options.homeUrl) });
    } catch (error) {
      this.options.onError(error, 'reminders: an email could not be sent');
      const again = retryAt(claim.attempts, clock.now().getTime());
      await repository.finishEmail(
        claim,
        again === null
          ? { status: 'failed' }
          : { status: 'pending', nextAttemptAt: new Date(again).toISOString() },
      );
      return again === null ? 'failed' : 'retried';
    }
    await repository.finishEmail(claim, { status: 'sent', at: clock.now().toISOString() });
    return 'sent';
  }

  private schedule(waitMs: number): void {
    if (!this.started) return;
    this.timer = setTimeout(() => void this.run(), waitMs);
    this.timer.unref();
  }

  private async run(): Promise<void> {
    let wait = this.options.maxWaitMs;
    const tick = this.tick().then(async () => {
      const next = await this.options.repository.nextWork();
      if (next !== null) wait = Date.parse(next) - this.options.clock.now().getTime();
    });
    this.running = tick;
    try {
      await tick;
    } catch (error) {
      this.options.onError(error, 'reminders: a scheduler tick failed');
      wait = this.options.maxWaitMs;
    } finally {
      this.running = null;
    }
    this.schedule(Math.min(this.options.maxWaitMs, Math.max(SHORTEST_WAIT_MS, wait)));
  }
}
