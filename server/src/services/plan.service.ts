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
  type SupportAction,
  type WeeklyPlan,
} from '../../../core/plan/planner';
import type { CareLevel } from '../../../core/plan/stepped-care';
import { addWeeks, isoWeekOf } from '../../../core/plan/week';
import type { AccessPolicy, Actor } from '../policies/access.policy';
import type { PlanRepository } from '../repositories/plan.repository';
import type { Clock } from './clock';
import type { ClosenessCheckService } from './closeness-check.service';
import type { ExerciseService, FinishedExercise } from './exercise.service';
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

/** What `GET /api/plan` answers. Before the first Closeness Check only the week and "take it". */
export interface PlanView {
  week: string;
  /** True until the person has taken the Closeness Check: the plan is made from it. */
  checkNeeded: boolean;
  recommendation: { level: CareLevel; reasons: string[] } | null;
  support: SupportAction[];
  steps: PlanStep[];
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
}

/**
 * The weekly plan. Each time it is read, the current ISO week's plan is made with core's
 * planner from the latest Closeness Check, the completed exercises (with how they felt), the
 * person's preferences and the plan already stored for this week (or, at the start of a
 * week, last week's), so it stays the same all week, changes only to take in a finished step,
 * a swap or a new Check, and the next week can build on it. Plans are stored encrypted: their
 * reasons describe the person's profile.
 *
 * Weeks are counted in UTC: the server does not know the person's time zone here, so a step
 * finished late on a Sunday evening west of Greenwich may count towards the next week.
 */
export class PlanService {
  constructor(
    private readonly plans: PlanRepository,
    private readonly checks: ClosenessCheckService,
    private readonly exercises: ExerciseService,
    private readonly vault: TextVault,
    private readonly policy: AccessPolicy,
    private readonly clock: Clock,
  ) {}

  async get(actor: Actor): Promise<PlanView> {
    await this.policy.requireCollection(actor, 'read', 'plan', actor.userId);
    const built = await this.build(actor);
    if (built === null) {
      const preferences = await this.preferencesOf(actor.userId);
      return {
        week: this.currentWeek(),
        checkNeeded: true,
        recommendation: null,
        support: [],
        steps: [],
        minutes: { planned: 0, budget: preferences.minutesPerWeek },
        pace: null,
        paused: null,
      };
    }
    return viewOf(built.plan);
  }

  /** Swaps a step still to do for another exercise aimed at the same need. */
  async swap(actor: Actor, stepId: string): Promise<{ step: PlanStep; plan: PlanView }> {
    await this.policy.requireCollection(actor, 'update', 'plan', actor.userId);
    const built = await this.build(actor);
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
    return { step, plan: viewOf(plan) };
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

  private currentWeek(): string {
    return isoWeekOf(this.clock.now().toISOString().slice(0, 10));
  }

  /** This week's plan, made afresh from everything the planner reads and stored if it changed. */
  private async build(actor: Actor): Promise<BuiltPlan | null> {
    const check = await this.checks.forPlanning(actor);
    if (check === null) return null;
    const ownerId = actor.userId;
    const week = this.currentWeek();
    const preferences = await this.preferencesOf(ownerId);
    const finished = await this.exercises.finished(actor);
    const doneThisWeek = new Set(
      finished.filter((entry) => weekOf(entry) === week).map((entry) => entry.exerciseId),
    );
    const thisWeek = await this.openWeek(ownerId, week);
    const lastWeek = thisWeek ? null : await this.openWeek(ownerId, addWeeks(week, -1));
    const input: PlannerInput = {
      week,
      check: check.latest,
      retakes: check.retakes,
      history: finished.map(historyOf),
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
    return { plan, input: { ...input, previousPlan: plan }, checkId: check.responseId };
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
      // A damaged stored plan is made again: the person loses only this week's swaps.
      if (error instanceof DomainError && UNREADABLE_CODES.has(error.code)) return null;
      throw error;
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

function weekOf(entry: FinishedExercise): string {
  return isoWeekOf(entry.completedAt.slice(0, 10));
}

function historyOf(entry: FinishedExercise): CompletedStep {
  return {
    exerciseId: entry.exerciseId,
    completedOn: entry.completedAt.slice(0, 10),
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

function viewOf(plan: WeeklyPlan): PlanView {
  return {
    week: plan.week,
    checkNeeded: false,
    recommendation: { level: plan.recommendation.level, reasons: plan.recommendation.reasons },
    support: plan.support,
    steps: plan.steps,
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
