import { closenessCheckVersion } from '../../../core/assessment/scoring';
import { localDate } from '../../../core/checkins/local-date';
import { exerciseById, isExerciseId } from '../../../core/exercises/catalogue';
import { addDays, isoWeekOf } from '../../../core/plan/week';
import type { StepsInWeek } from '../../../core/progress/plan-steps';
import {
  excerptOf,
  inPeriod,
  reportCheckins,
  reportChecks,
  reportStart,
  reportStepsPerWeek,
  type ReportCheckins,
  type ReportChecks,
} from '../../../core/report/session-report';
import type { AccessPolicy, Actor } from '../policies/access.policy';
import type { ProgressRepository } from '../repositories/progress.repository';
import type { ReportRepository } from '../repositories/report.repository';
import type { Clock } from './clock';
import type { ClosenessCheckService } from './closeness-check.service';
import type { ExerciseService } from './exercise.service';
import type { JournalService } from './journal.service';
import type { PlanService } from './plan.service';

/** A completed exercise entry in the period: what the report lists and offers to include. */
export interface ReportEntry {
  id: string;
  exerciseId: string;
  title: string;
  completedAt: string;
}

export interface SessionReport {
  from: string;
  to: string;
  timeZone: string;
  /** When the person last said they printed or shared a report; null if never. */
  lastReportAt: string | null;
  checks: ReportChecks;
  checkins: ReportCheckins;
  steps: { completed: ReportEntry[]; perWeek: StepsInWeek[] };
  /**
   * The period's newest journal entries (at most REPORT_JOURNAL_LISTED), newest first, to
   * choose from (the full text is not sent).
   */
  journal: { id: string; createdAt: string; excerpt: string }[];
  /** How many more of the period's entries there are, older than those listed. */
  journalMore: number;
  /** The period's completed exercise entries, newest first, to choose from. */
  exercises: ReportEntry[];
}

/** Journal entries read per page while looking back to the start of the period. */
const JOURNAL_PAGE = 50;
/**
 * The most journal entries the report offers (the newest of the period): a long period of a
 * keen writer would otherwise open and send hundreds (docs/decisions/0015).
 */
export const REPORT_JOURNAL_LISTED = 100;

/**
 * The printable session report (`GET /api/report`, docs/decisions/0015): the person's own
 * Checks, check-ins, finished steps and the writing they may choose to include, for a
 * period that ends today in their time zone. Loads through the services the other pages use
 * (the Check history for change, the journal, the plan) and works the figures out with core's
 * report functions, which call the progress page's own. Only ever the actor's own data.
 */
export class ReportService {
  constructor(
    private readonly reports: ReportRepository,
    private readonly progress: ProgressRepository,
    private readonly checks: ClosenessCheckService,
    private readonly exercises: ExerciseService,
    private readonly journal: JournalService,
    private readonly plans: PlanService,
    private readonly policy: AccessPolicy,
    private readonly clock: Clock,
  ) {}

  async view(actor: Actor, options: { from?: string; timeZone: string }): Promise<SessionReport> {
    const ownerId = actor.userId;
    const { timeZone } = options;
    const today = localDate(this.clock.now(), timeZone);
    const lastReportAt = await this.reports.lastReportAt(ownerId);
    const from = reportStart({
      requested: options.from,
      today,
      lastReportDate: lastReportAt === null ? null : localDate(new Date(lastReportAt), timeZone),
    });
    const period = { from, to: today, timeZone };

    await this.policy.requireCollection(actor, 'read', 'checkin', ownerId);
    await this.policy.requireCollection(actor, 'read', 'exercise-entry', ownerId);
    // Instants from two days before the first day: no zone is further off UTC.
    const since = `${addDays(from, -2)}T00:00:00.000Z`;
    const [history, checkins, completed, plans, journal] = await Promise.all([
      this.checks.history(actor),
      this.progress.checkinRatings(ownerId, from),
      this.progress.completedExercises(ownerId, since),
      this.plans.plannedWeeks(actor, isoWeekOf(from)),
      this.journalInPeriod(actor, period, since),
    ]);

    const readable = history.responses.filter((response) => !response.unreadable);
    const newest = readable[0];
    const figures = newest ? await this.checks.psychometrics(newest.version) : null;
    const psychometrics =
      figures === null
        ? null
        : { instrument: closenessCheckVersion(figures.version).id, ...figures };

    const entries = completed
      .filter((entry) => inPeriod(entry.completedAt, period))
      .map((entry): ReportEntry => ({
        id: entry.id,
        exerciseId: entry.exerciseId,
        title: isExerciseId(entry.exerciseId)
          ? exerciseById(entry.exerciseId).title
          : entry.exerciseId,
        completedAt: entry.completedAt,
      }));
    return {
      from,
      to: today,
      timeZone,
      lastReportAt,
      checks: reportChecks(readable, period, psychometrics),
      checkins: reportCheckins(checkins, period),
      steps: {
        completed: entries,
        perWeek: reportStepsPerWeek(plans, entries, period),
      },
      journal: journal.listed,
      journalMore: journal.more,
      exercises: entries,
    };
  }

  /** Records that the person printed or shared a report now; the next one starts today. */
  async recordPrinted(actor: Actor): Promise<{ lastReportAt: string }> {
    const at = this.clock.now().toISOString();
    await this.reports.recordPrinted(actor.userId, at);
    return { lastReportAt: at };
  }

  /**
   * The newest journal entries of the period (at most REPORT_JOURNAL_LISTED), reading pages
   * until the period's start or the cap, and how many more of the period's entries there are
   * (counted from their times alone, nothing opened). `since` is an instant before the period.
   */
  private async journalInPeriod(
    actor: Actor,
    period: { from: string; to: string; timeZone: string },
    since: string,
  ): Promise<{ listed: SessionReport['journal']; more: number }> {
    const listed: SessionReport['journal'] = [];
    // Entries of the period looked at, listed or not (a damaged one is looked at, not listed).
    let seen = 0;
    for (let offset: number | null = 0; offset !== null;) {
      const page = await this.journal.list(actor, { offset, limit: JOURNAL_PAGE });
      for (const entry of page.entries) {
        if (localDate(new Date(entry.createdAt), period.timeZone) < period.from)
          return { listed, more: 0 };
        if (!inPeriod(entry.createdAt, period)) continue;
        if (listed.length === REPORT_JOURNAL_LISTED) {
          const times = await this.reports.journalTimes(actor.userId, since);
          const total = times.filter((time) => inPeriod(time, period)).length;
          return { listed, more: Math.max(0, total - seen) };
        }
        seen += 1;
        // A damaged entry has no words to offer; the journal page still shows it as damaged.
        if (entry.unreadable) continue;
        listed.push({ id: entry.id, createdAt: entry.createdAt, excerpt: excerptOf(entry.text) });
      }
      offset = page.nextOffset;
    }
    return { listed, more: 0 };
  }
}
