import { localDate } from '../../../core/checkins/local-date';
import { ladderPoints, LADDER_EXERCISE } from '../../../core/exercises/ladder-progress';
import { renderPlanMessage } from '../../../core/plan/plan-messages';
import { addDays, addWeeks, isoWeekAt, weekStart } from '../../../core/plan/week';
import { progressReadFrom, progressView } from '../../../core/progress/progress-view';
import type { AccessPolicy, Actor } from '../policies/access.policy';
import type { ProgressRepository, ProgressVersions } from '../repositories/progress.repository';
import type { Clock } from './clock';
import type { ClosenessCheckService } from './closeness-check.service';
import type { ExerciseService } from './exercise.service';
import type { PlanService } from './plan.service';

/** How many people's progress answers one instance keeps (about 10–60 KB each). */
export const PROGRESS_CACHE_ENTRIES = 500;

interface CachedProgress {
  versions: ProgressVersions;
  /** The request it answers: zone, weeks and the person's own today. */
  key: string;
  /** The answer, serialised and encoded once. */
  body: Buffer;
}

/**
 * The progress page's data (`GET /api/progress`): check-in trends, each Closeness Check with
 * the history's change labels, the closeness ladder's predicted and actual distress, plan
 * steps per week and this week's summary in plain words. Assembled by core's `progressView`
 * from the same services the other pages use (the Check history for change, the exercise
 * entries for the ladder, the stored plans), plus two narrow reads of ratings and completion
 * times that decrypt nothing.
 *
 * Cached per person as the finished JSON, and checked on every request against the person's
 * data version and the research pool's version (one indexed read): database triggers raise
 * them in the same transaction as every relevant write, so a write through any instance is
 * seen by the next read through any other (docs/decisions/0014). The versions are read
 * BEFORE the data, so a write landing mid-build leaves an entry that is already out of date,
 * never one that looks current and is not. Only ever the actor's own data: reading someone
 * else's progress (through a grant) is left for later.
 */
export class ProgressService {
  private readonly cache = new Map<string, CachedProgress>();

  constructor(
    private readonly progress: ProgressRepository,
    private readonly checks: ClosenessCheckService,
    private readonly exercises: ExerciseService,
    private readonly plans: PlanService,
    private readonly policy: AccessPolicy,
    private readonly clock: Clock,
    private readonly maxEntries = PROGRESS_CACHE_ENTRIES,
  ) {}

  /** Drops the person's cached answer (their account was deleted). */
  forget(ownerId: string): void {
    this.cache.delete(ownerId);
  }

  /** Whether this instance holds an answer for the person in memory (for tests and diagnostics). */
  holdsAnswerFor(ownerId: string): boolean {
    return this.cache.has(ownerId);
  }

  /** The answer as UTF-8 JSON (the cache holds it serialised and encoded, so a hit costs no work). */
  async viewJson(actor: Actor, timeZone: string, weeks: number): Promise<Buffer> {
    const ownerId = actor.userId;
    const now = this.clock.now();
    const key = `${timeZone}\n${weeks}\n${localDate(now, timeZone)}`;
    const versions = await this.progress.versions(ownerId);
    const cached = this.cache.get(ownerId);
    if (
      cached &&
      cached.key === key &&
      cached.versions.person === versions.person &&
      cached.versions.shared === versions.shared
    ) {
      // Most recently used last, so the oldest entry is the first to go.
      this.cache.delete(ownerId);
      this.cache.set(ownerId, cached);
      return cached.body;
    }
    const body = Buffer.from(JSON.stringify(await this.build(actor, now, timeZone, weeks)));
    this.cache.delete(ownerId);
    this.cache.set(ownerId, { versions, key, body });
    if (this.cache.size > this.maxEntries) {
      const oldest = this.cache.keys().next().value;
      if (oldest !== undefined) this.cache.delete(oldest);
    }
    return body;
  }

  /** Forgets everything cached (tests; a process that wants its memory back). */
  clearCache(): void {
    this.cache.clear();
  }

  private async build(actor: Actor, now: Date, timeZone: string, weeks: number) {
    const ownerId = actor.userId;
    await this.policy.requireCollection(actor, 'read', 'checkin', ownerId);
    const firstWeek = addWeeks(isoWeekAt(now, timeZone), 1 - weeks);
    // Completion instants from two days before the first Monday: no zone is further off UTC.
    const since = `${addDays(weekStart(firstWeek), -2)}T00:00:00.000Z`;
    const [checkins, history, ladder, plans, completed] = await Promise.all([
      this.progress.checkinRatings(ownerId, progressReadFrom(now, timeZone, weeks)),
      this.checks.history(actor),
      this.exercises.list(actor, LADDER_EXERCISE),
      this.plans.plannedWeeks(actor, firstWeek),
      this.progress.completedExercises(ownerId, since),
    ]);
    const view = progressView({
      now,
      timeZone,
      weeks,
      checkins,
      checks: history.responses,
      // A damaged entry has no values to draw; the others still show.
      ladder: ladderPoints(ladder.filter((entry) => !entry.unreadable)),
      plans,
      completedExercises: completed,
    });
    return {
      ...view,
      summary: {
        ...view.summary,
        sentences: view.summary.messages.map((text) => renderPlanMessage(text)),
      },
    };
  }
}
