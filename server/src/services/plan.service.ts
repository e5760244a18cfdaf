import { DEFAULT_TIME_ZONE, localDate } from '../../../core/checkins/local-date';
import { DomainError } from '../../../core/errors/domain-error';
import {
  isExerciseId,
  type ExerciseId,
  type ExerciseTopic,
} from '../../../core/exercises/catalogue';
import {
  planWeek,
  swapStep,
  type CompletedStep,
  type Pace,
  type PlannerInput,
  type PlanPreferences,
  type PlanStep,
  type PlanStepStatus,
  type SupportAction,
  type WeeklyPlan,
} from '../../../core/plan/planner';
import type { CareLevel } from '../../../core/plan/stepped-care';
import { addWeeks, isoWeekAt } from '../../../core/plan/week';
import type { AccessPolicy, Actor } from '../policies/access.policy';
import type { PlanRepository } from '../repositories/plan.repository';
import type { Clock } from './clock';
import type { ClosenessCheckService } from './closeness-check.service';
import type { ExerciseDraft, ExerciseService, FinishedExercise } from './exercise.service';
import type { FieldLocation, TextVault } from './privacy/text-vault';

/** The preferences a person has before they set any: about an hour a week, nothing avoided. */
export const DEFAULT_PLAN_PREFERENCES: Readonly<Required<PlanPreferences>> = Object.freeze({
  minutesPerWeek: 60,
  avoidExercises: [],
  avoidTopics: [],
});

export interface PlanPreferencesView {
  minutesPerWeek: number;
  avoidExercises: ExerciseId[];
  avoidTopics: ExerciseTopic[];
}

/**
 * A step as the app sees it. `started` is never stored: a step still to do shows as started
 * while a draft of its exercise was begun or saved in the plan's week, so "Carry on" works on
 * any device, not only the one that holds the draft.
 */
export type PlanStepView = Omit<PlanStep, 'status'> & { status: PlanStepStatus | 'started' };

/** What `GET /api/plan` answers. Before the first Closeness Check only the week and "take it". */
export interface PlanView {
  week: string;
  /** True until the person has taken the Closeness Check: the plan is made from it. */
  checkNeeded: boolean;
  recommendation: { level: CareLevel; reasons: string[] } | null;
  support: SupportAction[];
  steps: PlanStepView[];
  minutes: { planned: number; budget: number };
  pace: Pace | null;
  paused: WeeklyPlan['paused'];
}

/** A week's plan as stored: the plan and the Check it was made from. */
interface StoredPlan {
  checkId: string;
  plan: WeeklyPlan;
}

interface BuiltPlan {
  plan: WeeklyPlan;
  /** The planner's input, with the plan just made as the previous one (for a swap). */
  input: PlannerInput;
  checkId: string;
  /** Exercises with a draft begun or saved in the plan's week. */
  started: ReadonlySet<string>;
}

/**
 * The weekly plan. Each time it is read, the current ISO week's plan is made with core's
 * planner from the latest Closeness Check, the completed exercises (with how they felt), the
 * person's preferences and the plan already stored for this week (or, at the start of a
 * week, last week's), so it stays the same all week, changes only to take in a finished step,
 * a swap or a new Check, and the next week can build on it. Plans are stored encrypted: their
 * reasons describe the person's profile.
 *
 * Weeks run Monday to Sunday on the person's own calendar: the app sends its IANA time zone
 * (checked by the route) and without one the week is counted in `DEFAULT_TIME_ZONE`
 * (Europe/London, the product's default region). So a step finished at 23:30 on a Sunday in
 * New York counts for that Sunday's week, not the next.
 */
export class PlanService {
  constructor(
    private readonly plans: PlanRepository,
    private readonly checks: ClosenessCheckService,
    private readonly exercises: ExerciseService,
    private readonly vault: TextVault,
    private readonly policy: AccessPolicy,
    private readonly clock: Clock,
    /** Told about a stored plan that failed its integrity check: an incident, not a bug. */
    private readonly reportError: (error: unknown) => void = () => undefined,
  ) {}

  async get(actor: Actor, timeZone: string = DEFAULT_TIME_ZONE): Promise<PlanView> {
    await this.policy.requireCollection(actor, 'read', 'plan', actor.userId);
    const built = await this.build(actor, timeZone);
    if (built === null) {
      const preferences = await this.preferencesOf(actor.userId);
      return {
        week: this.currentWeek(timeZone),
        checkNeeded: true,
        recommendation: null,
        support: [],
        steps: [],
        minutes: { planned: 0, budget: preferences.minutesPerWeek },
        pace: null,
        paused: null,
      };
    }
    return viewOf(built.plan, built.started);
  }

  /** Swaps a step still to do for another exercise aimed at the same need. */
  async swap(
    actor: Actor,
    stepId: string,
    timeZone: string = DEFAULT_TIME_ZONE,
  ): Promise<{ step: PlanStepView; plan: PlanView }> {
    await this.policy.requireCollection(actor, 'update', 'plan', actor.userId);
    const built = await this.build(actor, timeZone);
    if (built === null) {
      throw new DomainError('plan_step_not_found', 'That step is not in this week’s plan.', {
        stepId,
      });
    }
    const { plan, step } = swapStep(built.plan, stepId, {
      ...built.input,
      previousPlan: built.plan,
      sameWeek: 'keep',
    });
    await this.save(actor.userId, { checkId: built.checkId, plan });
    return { step: stepView(step, built.started), plan: viewOf(plan, built.started) };
  }

  async preferences(actor: Actor): Promise<PlanPreferencesView> {
    await this.policy.requireCollection(actor, 'read', 'plan', actor.userId);
    return this.preferencesOf(actor.userId);
  }

  /** Replaces the preferences; ids and topics were checked by the route's schema. */
  async setPreferences(actor: Actor, input: PlanPreferencesView): Promise<PlanPreferencesView> {
    await this.policy.requireCollection(actor, 'update', 'plan', actor.userId);
    const preferences: PlanPreferencesView = {
      minutesPerWeek: input.minutesPerWeek,
      avoidExercises: [...new Set(input.avoidExercises.filter(isExerciseId))],
      avoidTopics: [...new Set(input.avoidTopics)],
    };
    await this.plans.savePreferences({
      ownerId: actor.userId,
      preferencesCiphertext: await this.vault.seal(
        preferencesLocation(actor.userId),
        JSON.stringify(preferences),
      ),
      updatedAt: this.clock.now().toISOString(),
    });
    return preferences;
  }

  /** Every stored week's plan and the preferences, decrypted: for export. */
  async exportWeeks(actor: Actor): Promise<{ week: string; plan: WeeklyPlan }[]> {
    await this.policy.requireCollection(actor, 'read', 'plan', actor.userId, 'exported');
    const weeks = await this.plans.listWeeks(actor.userId);
    return Promise.all(
      weeks.map(async (stored) => ({
        week: stored.week,
        plan: (
          JSON.parse(
            await this.vault.open(weekLocation(actor.userId, stored.week), stored.planCiphertext),
          ) as StoredPlan
        ).plan,
      })),
    );
  }

  private currentWeek(timeZone: string): string {
    return isoWeekAt(this.clock.now(), timeZone);
  }

  /** This week's plan, made afresh from everything the planner reads and stored if it changed. */
  private async build(actor: Actor, timeZone: string): Promise<BuiltPlan | null> {
    const check = await this.checks.forPlanning(actor);
    if (check === null) return null;
    const ownerId = actor.userId;
    const week = this.currentWeek(timeZone);
    const preferences = await this.preferencesOf(ownerId);
    const finished = await this.exercises.finished(actor);
    const doneThisWeek = new Set(
      finished
        .filter((entry) => isoWeekAt(new Date(entry.completedAt), timeZone) === week)
        .map((entry) => entry.exerciseId),
    );
    const drafts = await this.exercises.drafts(actor);
    const started = new Set(
      drafts
        .filter((draft) => draftWeeks(draft, timeZone).includes(week))
        .map((draft) => draft.exerciseId),
    );
    const thisWeek = await this.openWeek(ownerId, week);
    const lastWeek = thisWeek ? null : await this.openWeek(ownerId, addWeeks(week, -1));
    const input: PlannerInput = {
      week,
      check: check.latest,
      retakes: check.retakes,
      history: finished.map((entry) => historyOf(entry, timeZone)),
      preferences,
      previousPlan: thisWeek ? markDone(thisWeek.plan, doneThisWeek) : (lastWeek?.plan ?? null),
      // After a new Check the steps still to do are chosen again; otherwise they stay.
      sameWeek: thisWeek && thisWeek.checkId !== check.responseId ? 'rebuild' : 'keep',
    };
    const plan = markDone(planWeek(input), doneThisWeek);
    const stored: StoredPlan = { checkId: check.responseId, plan };
    if (!thisWeek || JSON.stringify(thisWeek) !== JSON.stringify(stored)) {
      await this.save(ownerId, stored);
    }
    return {
      plan,
      input: { ...input, previousPlan: plan },
      checkId: check.responseId,
      started,
    };
  }

  private async save(ownerId: string, stored: StoredPlan): Promise<void> {
    await this.plans.saveWeek({
      ownerId,
      week: stored.plan.week,
      planCiphertext: await this.vault.seal(
        weekLocation(ownerId, stored.plan.week),
        JSON.stringify(stored),
      ),
      updatedAt: this.clock.now().toISOString(),
    });
  }

  private async openWeek(ownerId: string, week: string): Promise<StoredPlan | null> {
    const stored = await this.plans.findWeek(ownerId, week);
    if (!stored) return null;
    try {
      return JSON.parse(
        await this.vault.open(weekLocation(ownerId, week), stored.planCiphertext),
      ) as StoredPlan;
    } catch (error) {
      // A damaged stored plan is made again: the person loses only this week's swaps. The
      // failure is still reported as an integrity incident.
      if (!(error instanceof DomainError) || !UNREADABLE_CODES.has(error.code)) throw error;
      this.reportError(error);
      return null;
    }
  }

  private async preferencesOf(ownerId: string): Promise<PlanPreferencesView> {
    const stored = await this.plans.findPreferences(ownerId);
    if (!stored) return { ...DEFAULT_PLAN_PREFERENCES, avoidExercises: [], avoidTopics: [] };
    return JSON.parse(
      await this.vault.open(preferencesLocation(ownerId), stored.preferencesCiphertext),
    ) as PlanPreferencesView;
  }
}

const UNREADABLE_CODES: ReadonlySet<string> = new Set(['ciphertext_invalid', 'person_key_invalid']);

/** The weeks a draft was begun and last saved in (the same week, mostly). */
function draftWeeks(draft: ExerciseDraft, timeZone: string): string[] {
  return [
    isoWeekAt(new Date(draft.createdAt), timeZone),
    isoWeekAt(new Date(draft.updatedAt), timeZone),
  ];
}

function historyOf(entry: FinishedExercise, timeZone: string): CompletedStep {
  return {
    exerciseId: entry.exerciseId,
    completedOn: localDate(new Date(entry.completedAt), timeZone),
    distress: entry.feeling?.distress ?? null,
    helpfulness: entry.feeling?.helpful ?? null,
  };
}

/** A step is done once an entry of its exercise is completed in the plan's week. */
function markDone(plan: WeeklyPlan, done: ReadonlySet<string>): WeeklyPlan {
  return {
    ...plan,
    steps: plan.steps.map((step) =>
      step.status === 'todo' && done.has(step.exerciseId) ? { ...step, status: 'done' } : step,
    ),
  };
}

/** A step still to do shows as started while a draft of its exercise is open this week. */
function stepView(step: PlanStep, started: ReadonlySet<string>): PlanStepView {
  return step.status === 'todo' && started.has(step.exerciseId)
    ? { ...step, status: 'started' }
    : step;
}

function viewOf(plan: WeeklyPlan, started: ReadonlySet<string>): PlanView {
  return {
    week: plan.week,
    checkNeeded: false,
    recommendation: { level: plan.recommendation.level, reasons: plan.recommendation.reasons },
    support: plan.support,
    steps: plan.steps.map((step) => stepView(step, started)),
    minutes: plan.minutes,
    pace: plan.pace,
    paused: plan.paused,
  };
}

function weekLocation(ownerId: string, week: string): FieldLocation {
  return { table: 'plan_weeks', column: 'plan_ciphertext', recordId: week, ownerId };
}

/** One set of preferences per person: the record is the person. */
function preferencesLocation(ownerId: string): FieldLocation {
  return {
    table: 'plan_preferences',
    column: 'preferences_ciphertext',
    recordId: ownerId,
    ownerId,
  };
}
