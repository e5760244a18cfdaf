import { DEFAULT_TIME_ZONE, localDate } from '../../../core/checkins/local-date';
import { DomainError } from '../../../core/errors/domain-error';
import {
  isExerciseId,
  type ExerciseId,
  type ExerciseTopic,
} from '../../../core/exercises/catalogue';
import { entryTexts } from '../../../core/exercise-entries/entry-values';
import { exerciseById } from '../../../core/exercises/catalogue';
import {
  planWeek,
  skipStep,
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
import { renderPlanMessage, type PlanMessage } from '../../../core/plan/plan-messages';
import type { CareLevel, RecentWritingSafety } from '../../../core/plan/stepped-care';
import { parseStoredPlan, storedWeekTexts, type StoredPlan } from '../../../core/plan/stored-plan';
import type { RiskAssessment } from '../../../core/safety/risk';
import { addWeeks, isoWeekAt } from '../../../core/plan/week';
import type { AccessPolicy, Actor } from '../policies/access.policy';
import type {
  PlanRepository,
  StoredPlanPreferences,
  StoredPlanWeek,
} from '../repositories/plan.repository';
import type { Clock } from './clock';
import type { ClosenessCheckService } from './closeness-check.service';
import type { ExerciseDraft, ExerciseService, FinishedExercise } from './exercise.service';
import { isUnreadableText, type FieldLocation, type TextVault } from './privacy/text-vault';
import { flagsOfStoredRiskLevels } from '../../../core/safety/stored-risk';
import { inlineRiskChecker, type RiskChecker } from './safety/risk-checker';

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
  /**
   * Set when the saved preferences could not be read (damaged): these are the usual ones
   * instead, and saving replaces what was stored.
   */
  unreadable?: true;
}

/**
 * How far back the plan reads the risk check of the person's own writing (journal entries,
 * check-in notes, exercise entries saved or changed in that time): decision 0010.
 */
export const RECENT_WRITING_DAYS = 14;

/**
 * A step as the app sees it. `started` is never stored: a step still to do shows as started
 * while a draft of its exercise was begun or saved in the plan's week, so "Carry on" works on
 * any device, not only the one that holds the draft.
 */
export type PlanStepView = Omit<PlanStep, 'status' | 'reason'> & {
  status: PlanStepStatus | 'started';
  /** The reason in British English, rendered on the server. */
  reason: string;
  /** The same reason as a message descriptor, for the app to render with its own words. */
  reasonMessage: PlanMessage;
};

/** A reason both ways: rendered (en-GB) and as a descriptor. */
export interface ReasonView {
  reason: string;
  reasonMessage: PlanMessage;
}

/** What `GET /api/plan` answers. Before the first Closeness Check only the week and "take it". */
export interface PlanView {
  week: string;
  /** True until the person has taken the Closeness Check: the plan is made from it. */
  checkNeeded: boolean;
  recommendation: { level: CareLevel; reasons: string[]; reasonMessages: PlanMessage[] } | null;
  support: ({ kind: SupportAction['kind'] } & ReasonView)[];
  steps: PlanStepView[];
  minutes: { planned: number; budget: number };
  pace: ({ level: Pace['level']; label: string } & ReasonView) | null;
  paused: ({ exerciseIds: ExerciseId[] } & ReasonView) | null;
  /** True when the saved preferences could not be read, so the usual ones were used. */
  preferencesUnreadable: boolean;
}

interface BuiltPlan {
  plan: WeeklyPlan;
  /** The planner's input, with the plan just made as the previous one (for a swap). */
  input: PlannerInput;
  checkId: string;
  /** Exercises with a draft begun or saved in the plan's week. */
  started: ReadonlySet<string>;
  preferencesUnreadable: boolean;
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
    /** The risk check of free text, for exercise entries (their level is not stored). */
    private readonly risk: RiskChecker = inlineRiskChecker,
  ) {}

  async get(actor: Actor, timeZone: string = DEFAULT_TIME_ZONE): Promise<PlanView> {
    await this.policy.requireCollection(actor, 'read', 'plan', actor.userId);
    const built = await this.build(actor, timeZone);
    if (built === null) {
      const preferences = (await this.preferencesOf(actor.userId)) ?? defaultPreferences();
      return {
        week: this.currentWeek(timeZone),
        checkNeeded: true,
        recommendation: null,
        support: [],
        steps: [],
        minutes: { planned: 0, budget: preferences.minutesPerWeek },
        pace: null,
        paused: null,
        preferencesUnreadable: preferences.unreadable === true,
      };
    }
    return viewOf(built);
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
    return { step: stepView(step, built.started), plan: viewOf({ ...built, plan }) };
  }

  /**
   * Leaves a step still to do for this week ("Not this week"): it stays in the week, marked
   * skipped. Another person's step id is simply not in this person's plan (404).
   */
  async skip(
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
    const { plan, step } = skipStep(built.plan, stepId);
    await this.save(actor.userId, { checkId: built.checkId, plan });
    return { step: stepView(step, built.started), plan: viewOf({ ...built, plan }) };
  }

  async preferences(actor: Actor): Promise<PlanPreferencesView> {
    await this.policy.requireCollection(actor, 'read', 'plan', actor.userId);
    return (await this.preferencesOf(actor.userId)) ?? defaultPreferences();
  }

  /** The stored preferences for export: none, them, or `{ unreadable: true }` when damaged. */
  async exportPreferences(actor: Actor): Promise<unknown[]> {
    await this.policy.requireCollection(actor, 'read', 'plan', actor.userId, 'exported');
    const preferences = await this.preferencesOf(actor.userId);
    if (preferences === null) return [];
    return [preferences.unreadable ? { unreadable: true } : preferences];
  }

  /** Replaces the preferences; ids and topics were checked by the route's schema. */
  async setPreferences(
    actor: Actor,
    input: Omit<PlanPreferencesView, 'unreadable'>,
  ): Promise<PlanPreferencesView> {
    await this.policy.requireCollection(actor, 'update', 'plan', actor.userId);
    const preferences = tidyPreferences(input);
    await this.plans.savePreferences(await this.sealPreferences(actor.userId, preferences));
    return preferences;
  }

  /**
   * Every stored week's plan, decrypted: for export. A damaged week is listed as unreadable
   * (and reported), so the rest of the export still leaves with the person.
   */
  async exportWeeks(
    actor: Actor,
  ): Promise<
    ({ week: string; checkId: string; plan: WeeklyPlan } | { week: string; unreadable: true })[]
  > {
    await this.policy.requireCollection(actor, 'read', 'plan', actor.userId, 'exported');
    const weeks = await this.plans.listWeeks(actor.userId);
    return Promise.all(
      weeks.map(async (stored) => {
        const opened = await this.openWeek(actor.userId, stored.week, stored.planCiphertext);
        return opened === null
          ? { week: stored.week, unreadable: true as const }
          : { week: stored.week, checkId: opened.checkId, plan: opened.plan };
      }),
    );
  }

  /**
   * For the progress page (ProgressService): each stored week from `fromWeek` on, with the
   * exercises of its steps not left for the week. A damaged week is left out (and reported).
   */
  async plannedWeeks(
    actor: Actor,
    fromWeek: string,
  ): Promise<{ week: string; exerciseIds: string[] }[]> {
    await this.policy.requireCollection(actor, 'read', 'plan', actor.userId);
    const weeks = (await this.plans.listWeeks(actor.userId)).filter(
      (stored) => stored.week >= fromWeek,
    );
    const opened = await Promise.all(
      weeks.map((stored) => this.openWeek(actor.userId, stored.week, stored.planCiphertext)),
    );
    return opened.flatMap((stored) =>
      stored === null
        ? []
        : [
            {
              week: stored.plan.week,
              exerciseIds: stored.plan.steps
                .filter((step) => step.status !== 'skipped')
                .map((step) => step.exerciseId),
            },
          ],
    );
  }

  /**
   * A week's plan brought in from an export (ImportService), sealed for the actor, with the
   * risk check of its free texts (a file can put any words there). The plan was read strictly
   * by the import's parser (core/plan/stored-plan), so it is exactly a plan's shape. `checkId`
   * is the id the imported Check it was made from has in this account (empty if unknown: the
   * week is then made again when it is next shown). Not saved here: the import saves
   * everything together, in one transaction.
   */
  async sealWeekForImport(
    actor: Actor,
    week: { week: string; checkId: string; plan: WeeklyPlan },
  ): Promise<{ stored: StoredPlanWeek; risk: RiskAssessment }> {
    await this.policy.requireCollection(actor, 'update', 'plan', actor.userId);
    const stored: StoredPlan = { checkId: week.checkId, plan: week.plan };
    const risk = await this.risk.assess(storedWeekTexts(week.plan).join('\n'));
    return {
      stored: {
        ownerId: actor.userId,
        week: week.week,
        planCiphertext: await this.vault.seal(
          weekLocation(actor.userId, week.week),
          JSON.stringify(stored),
        ),
        updatedAt: this.clock.now().toISOString(),
      },
      risk,
    };
  }

  /** Plan preferences brought in from an export, sealed for the actor (see above). */
  async sealPreferencesForImport(
    actor: Actor,
    input: Omit<PlanPreferencesView, 'unreadable'>,
  ): Promise<StoredPlanPreferences> {
    await this.policy.requireCollection(actor, 'update', 'plan', actor.userId);
    return this.sealPreferences(actor.userId, tidyPreferences(input));
  }

  private async sealPreferences(
    ownerId: string,
    preferences: PlanPreferencesView,
  ): Promise<StoredPlanPreferences> {
    return {
      ownerId,
      preferencesCiphertext: await this.vault.seal(
        preferencesLocation(ownerId),
        JSON.stringify(preferences),
      ),
      updatedAt: this.clock.now().toISOString(),
    };
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
    const { unreadable: preferencesUnreadable, ...preferences } =
      (await this.preferencesOf(ownerId)) ?? defaultPreferences();
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
    const writing = await this.recentWriting(actor);
    const thisWeek = await this.findWeek(ownerId, week);
    const lastWeek = thisWeek ? null : await this.findWeek(ownerId, addWeeks(week, -1));
    const input: PlannerInput = {
      week,
      check: check.latest,
      retakes: check.retakes,
      writing,
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
      preferencesUnreadable: preferencesUnreadable === true,
    };
  }

  /**
   * Whether the risk check raised a crisis or safeguarding flag on anything the person wrote
   * in the last RECENT_WRITING_DAYS days: journal entries, check-in notes and exercise entries
   * keep the level the check gave them at save. Exercise entries saved before that level was
   * kept have none: only those are opened and checked here, until their next save.
   * Only the flags reach the planner, never the words; it is the person's own data, read for
   * the person's own plan, and shown to no one else.
   */
  private async recentWriting(actor: Actor): Promise<RecentWritingSafety> {
    const since = new Date(
      this.clock.now().getTime() - RECENT_WRITING_DAYS * 86_400_000,
    ).toISOString();
    const [stored, unassessed] = await Promise.all([
      this.plans.recentWritingRiskLevels(actor.userId, since),
      this.plans.recentExerciseEntriesWithoutRiskLevel(actor.userId, since),
    ]);
    const flags = flagsOfStoredRiskLevels(stored);
    // Entries saved before their level was kept: only those are opened and checked.
    for (const { id, exerciseId } of unassessed) {
      if (flags.crisis && flags.safeguarding) break;
      if (!isExerciseId(exerciseId)) continue;
      const entry = await this.exercises.get(actor, exerciseId, id);
      if (entry.unreadable) continue;
      const text = entryTexts(exerciseById(exerciseId), entry.values).join('\n');
      if (text.trim() === '') continue;
      const assessment = await this.risk.assess(text);
      for (const level of [assessment.level, ...assessment.reasons.map((reason) => reason.level)]) {
        if (level === 'crisis') flags.crisis = true;
        if (level === 'safeguarding') flags.safeguarding = true;
      }
    }
    return flags;
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

  private async findWeek(ownerId: string, week: string): Promise<StoredPlan | null> {
    const stored = await this.plans.findWeek(ownerId, week);
    return stored ? this.openWeek(ownerId, week, stored.planCiphertext) : null;
  }

  /**
   * A stored week, or null when it cannot be used: it fails its integrity check, is not JSON,
   * or is not exactly a plan (core/plan/stored-plan: the same strict reading an import uses;
   * fields a plan does not have are dropped, reasons in English from older weeks kept as
   * `plan.legacy`). A damaged stored plan is made again: the person loses only
   * this week's swaps and skips. The failure is still reported as an integrity incident.
   */
  private async openWeek(
    ownerId: string,
    week: string,
    ciphertext: string,
  ): Promise<StoredPlan | null> {
    try {
      const stored = parseStoredPlan(
        JSON.parse(await this.vault.open(weekLocation(ownerId, week), ciphertext)),
      );
      if (stored === null) this.reportError(new DomainError('plan_unreadable', 'plan: bad shape'));
      return stored;
    } catch (error) {
      if (!isUnreadable(error)) throw error;
      this.reportError(error);
      return null;
    }
  }

  /**
   * The saved preferences; null when none were saved; the usual ones, marked unreadable, when
   * they cannot be read.
   */
  private async preferencesOf(ownerId: string): Promise<PlanPreferencesView | null> {
    const stored = await this.plans.findPreferences(ownerId);
    if (!stored) return null;
    try {
      const preferences = readPreferences(
        JSON.parse(
          await this.vault.open(preferencesLocation(ownerId), stored.preferencesCiphertext),
        ),
      );
      if (preferences) return preferences;
      this.reportError(new DomainError('plan_unreadable', 'plan preferences: bad shape'));
    } catch (error) {
      if (!isUnreadable(error)) throw error;
      this.reportError(error);
    }
    return { ...defaultPreferences(), unreadable: true };
  }
}

function defaultPreferences(): PlanPreferencesView {
  return { ...DEFAULT_PLAN_PREFERENCES, avoidExercises: [], avoidTopics: [] };
}

/** Preferences as saved: each exercise and topic once, only exercises the library has. */
function tidyPreferences(input: Omit<PlanPreferencesView, 'unreadable'>): PlanPreferencesView {
  return {
    minutesPerWeek: input.minutesPerWeek,
    avoidExercises: [...new Set(input.avoidExercises.filter(isExerciseId))],
    avoidTopics: [...new Set(input.avoidTopics)],
  };
}

/** Stored data that cannot be used: failed its integrity check, or is not JSON. */
function isUnreadable(error: unknown): boolean {
  return error instanceof SyntaxError || isUnreadableText(error);
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Stored preferences read defensively: null unless every field is as saved. */
function readPreferences(value: unknown): PlanPreferencesView | null {
  if (
    !isRecord(value) ||
    typeof value.minutesPerWeek !== 'number' ||
    !Number.isInteger(value.minutesPerWeek) ||
    value.minutesPerWeek < 0 ||
    !Array.isArray(value.avoidExercises) ||
    !Array.isArray(value.avoidTopics) ||
    !value.avoidTopics.every((topic) => typeof topic === 'string')
  )
    return null;
  return {
    minutesPerWeek: value.minutesPerWeek,
    avoidExercises: value.avoidExercises.filter(isExerciseId),
    avoidTopics: value.avoidTopics as ExerciseTopic[],
  };
}

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

/**
 * A step is done while an entry of its exercise is completed in the plan's week: done is
 * derived on every read, never trusted from the stored plan. So when the person deletes the
 * entry that finished it (and no other completed entry of that exercise in the week is left),
 * the step is to do again. A step left for the week stays skipped.
 */
function markDone(plan: WeeklyPlan, done: ReadonlySet<string>): WeeklyPlan {
  return {
    ...plan,
    steps: plan.steps.map((step): PlanStep => {
      if (step.status === 'skipped') return step;
      const status: PlanStepStatus = done.has(step.exerciseId) ? 'done' : 'todo';
      return status === step.status ? step : { ...step, status };
    }),
  };
}

function reasonView(reason: PlanMessage): ReasonView {
  return { reason: renderPlanMessage(reason), reasonMessage: reason };
}

/** A step still to do shows as started while a draft of its exercise is open this week. */
function stepView(step: PlanStep, started: ReadonlySet<string>): PlanStepView {
  return {
    ...step,
    ...reasonView(step.reason),
    status: step.status === 'todo' && started.has(step.exerciseId) ? 'started' : step.status,
  };
}

function viewOf({
  plan,
  started,
  preferencesUnreadable,
}: Pick<BuiltPlan, 'plan' | 'started' | 'preferencesUnreadable'>): PlanView {
  return {
    week: plan.week,
    checkNeeded: false,
    recommendation: {
      level: plan.recommendation.level,
      reasons: plan.recommendation.reasons.map((reason) => renderPlanMessage(reason)),
      reasonMessages: plan.recommendation.reasons,
    },
    support: plan.support.map((action) => ({ kind: action.kind, ...reasonView(action.reason) })),
    steps: plan.steps.map((step) => stepView(step, started)),
    minutes: plan.minutes,
    pace: { level: plan.pace.level, label: plan.pace.label, ...reasonView(plan.pace.reason) },
    paused: plan.paused
      ? { exerciseIds: plan.paused.exerciseIds, ...reasonView(plan.paused.reason) }
      : null,
    preferencesUnreadable,
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
