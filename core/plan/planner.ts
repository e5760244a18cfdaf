/**
 * The weekly plan: deterministic and explainable. The same input always gives the same plan;
 * there is no randomness and no clock (the week comes in as input).
 *
 * How a week is built, in order:
 * 1. Stepped care (stepped-care.ts) gives the level and its reasons. Support actions come
 *    before every exercise: Get help now and the safety plan when the level is `urgent`,
 *    safeguarding help when a partner-safety answer was worrying (or recent writing raised a
 *    safeguarding flag: `writing`), a professional when the level is `guided` or higher.
 *    Every reason is a message descriptor (plan-messages.ts), rendered by each side.
 * 2. Eligible exercises: everything in the library except those the person asked to avoid
 *    (by id or by topic) and those paused for safety: exposure-type exercises and those
 *    practised with (or aimed at) a partner (`pausedWhenUnsafe`) when the level is `urgent`;
 *    those, partner and fear-questioning exercises while a partner-safety answer is worrying
 *    or recent writing raised a safeguarding flag. A step left for the week (`skipStep`)
 *    keeps its place, marked skipped, and is not replaced.
 *    Safeguarding means never a couples exercise: no gentle start-up, no boundary script.
 * 3. Pace (start gently, then climb): level 1 (gentle) at first; one level up for every three
 *    steps finished in the last eight weeks with manageable distress (6 or less out of 10), up
 *    to 3; one level down if either of the last two felt very hard (8 or more). `urgent` keeps
 *    the pace gentle and never goes beyond steady. Only exercises at or below the pace are
 *    chosen, unless that leaves fewer than three, or fewer modalities than the rest of the
 *    library could give; then the pace is raised just enough.
 * 4. Homework set by a professional comes first (unless avoided or paused for safety; the
 *    pace does not limit it). When the plan for the same week is updated, finished steps stay;
 *    with `sameWeek: 'keep'` (after a finished step or a swap) so do the steps still to do,
 *    and only gaps are filled; with `'rebuild'` (after a new Check) the rest is chosen again.
 *    Exercises skipped or swapped away earlier in the week are not chosen again that week.
 * 5. The first step the planner chooses is the gentlest (then shortest) exercise for the
 *    highest sign. Each later step goes to the exercise with the highest need score: the 0–100
 *    index of the subscale it targets (its main target counts fully, others at 0.8), divided
 *    by one more than the number of steps already aimed at that subscale, plus or minus small
 *    adjustments: +10 for an exercise found helpful last time (7+ out of 10), −10 for one
 *    found unhelpful (3 or less), +10 for an exercise at the current pace when the pace has
 *    climbed, −15 for one skipped or swapped away last week.
 * 6. At most one stretching (intensity 3) step a week, homework aside, so the climb is
 *    gradual. Every choice must keep a valid week reachable: at least 3 steps (at most 6), at
 *    least three modalities (or as many as the eligible exercises allow), and the total minutes
 *    within the weekly budget. When even the cheapest valid week goes over the budget, the plan
 *    is that cheapest week. Extra steps beyond three are added only while they fit the budget.
 *    Every week mixing three modalities means any two weeks in a row do too. When the level
 *    is `urgent` the week has three steps only. A swap keeps to the same limits: never a
 *    paused exercise, never a second stretching step.
 * 7. Order: homework, finished steps, the first chosen step, then the rest from gentlest to
 *    most stretching (then shortest first). Step ids are `<week>-<exercise id>`.
 */
import {
  SIGN_IDS,
  ROOT_IDS,
  type ScoredSubscaleId,
} from '../assessment/closeness-check.definition';
import { DomainError } from '../errors/domain-error';
import { t } from '../i18n/translate';
import {
  CATALOGUE,
  intensityLabelKey,
  exerciseById,
  isExerciseId,
  type Exercise,
  type ExerciseId,
  type Intensity,
  type Modality,
} from '../exercises/catalogue';
import { capitalise, isSign } from './need-words';
import {
  capitalised,
  message,
  needMessage,
  needsMessage,
  sentences,
  type PlanMessage,
} from './plan-messages';
import {
  recommendCare,
  type CareLevel,
  type CareRecommendation,
  type ChangeSinceStart,
  type CheckForPlanning,
  type RecentWritingSafety,
  safeguardingRaised,
} from './stepped-care';
import { addDays, isCalendarDate, weekStart } from './week';

export const MIN_STEPS = 3;
export const MAX_STEPS = 6;
export const MIN_MODALITIES = 3;
/** Distress ratings (0–10) at or below this count as manageable. */
export const MANAGEABLE_DISTRESS_MAX = 6;
/** Distress ratings (0–10) at or above this count as very hard. */
export const VERY_HARD_DISTRESS_FROM = 8;
/** Manageable steps needed for each level the pace climbs. */
export const STEPS_PER_PACE_LEVEL = 3;
/** Completed steps older than this (before the plan's Monday) no longer count towards the pace. */
export const PACE_WINDOW_DAYS = 56;

const SECONDARY_TARGET_WEIGHT = 0.8;
const HELPFUL_FROM = 7;
const UNHELPFUL_UP_TO = 3;
const FEEDBACK_POINTS = 10;
const STRETCH_POINTS = 10;
const SET_ASIDE_POINTS = 15;

export const INVALID_PLAN_INPUT = 'invalid_plan_input';
export const PLAN_STEP_NOT_FOUND = 'plan_step_not_found';
export const PLAN_STEP_NOT_SWAPPABLE = 'plan_step_not_swappable';
export const NO_SWAP_AVAILABLE = 'plan_no_swap_available';
export const PLAN_STEP_NOT_SKIPPABLE = 'plan_step_not_skippable';

/** One finished exercise, with how it felt. */
export interface CompletedStep {
  exerciseId: string;
  /** The local calendar day it was finished, YYYY-MM-DD. */
  completedOn: string;
  /** How hard it felt, 0 (easy) to 10 (too much). Missing or out of range: not counted. */
  distress?: number | null;
  /** How helpful it felt, 0 (not at all) to 10 (very). */
  helpfulness?: number | null;
}

export interface PlanPreferences {
  /** About how many minutes a week the person wants to spend. */
  minutesPerWeek: number;
  /** Exercises never to suggest. Unknown ids are ignored. */
  avoidExercises?: readonly string[];
  /** Topics never to touch (see EXERCISE_TOPICS): every exercise touching one is left out. */
  avoidTopics?: readonly string[];
}

/** An exercise a professional asked the person to do. */
export interface Homework {
  exerciseId: string;
}

export interface PlannerInput {
  /** The ISO week the plan is for, such as "2027-W05". */
  week: string;
  /** The latest Closeness Check. */
  check: CheckForPlanning;
  /** One entry per retake, oldest first: describeChange(first Check, that retake). */
  retakes?: readonly ChangeSinceStart[];
  /**
   * Crisis or safeguarding flags from the risk check of the person's recent writing: they
   * count like the Check's safety answers (stepped-care rules `crisis-in-writing` and
   * `safeguarding-in-writing`).
   */
  writing?: RecentWritingSafety | null;
  history?: readonly CompletedStep[];
  preferences: PlanPreferences;
  homework?: readonly Homework[];
  /** The last plan made: last week's, or this week's when the plan is being updated. */
  previousPlan?: WeeklyPlan | null;
  /**
   * When `previousPlan` is for the same week: `keep` (after a step is finished or swapped)
   * keeps its steps that are still allowed and only fills gaps; `rebuild` (after a new Check)
   * keeps the finished steps and chooses the rest again. Default `keep`.
   */
  sameWeek?: 'keep' | 'rebuild';
}

export type PlanStepStatus = 'todo' | 'done' | 'skipped';

export interface PlanStep {
  /** `<week>-<exercise id>`: stable, and unique within a week. */
  id: string;
  exerciseId: ExerciseId;
  modality: Modality;
  targets: ScoredSubscaleId[];
  /** The need this step was chosen for: the subscale a swap must keep. */
  focus: ScoredSubscaleId | null;
  minutes: number;
  intensity: Intensity;
  /** Why this step, in plain words tied to the person's profile (a message to render). */
  reason: PlanMessage;
  status: PlanStepStatus;
  source: 'homework' | 'plan';
}

export type SupportKind =
  'get-help-now' | 'safety-plan' | 'safeguarding-help' | 'professional-help';

/** Help shown before the exercise steps, in this order. */
export interface SupportAction {
  kind: SupportKind;
  reason: PlanMessage;
}

export interface Pace {
  level: Intensity;
  label: string;
  reason: PlanMessage;
}

export interface WeeklyPlan {
  week: string;
  recommendation: CareRecommendation;
  /** Shown before the steps, in order. Empty at `self-help` with no safety flag. */
  support: SupportAction[];
  pace: Pace;
  steps: PlanStep[];
  /** Exercises left out for safety (not those the person chose to avoid), and why. */
  paused: { exerciseIds: ExerciseId[]; reason: PlanMessage } | null;
  /** Exercises swapped away this week. */
  swappedOut: ExerciseId[];
  minutes: { planned: number; budget: number };
}

/** The stable id of a week's step for an exercise. */
export function stepIdFor(week: string, exerciseId: ExerciseId): string {
  return `${week}-${exerciseId}`;
}

// ---------------------------------------------------------------------------------------------
// Context: everything derived from the input once.

interface Context {
  week: string;
  check: CheckForPlanning;
  recommendation: CareRecommendation;
  urgent: boolean;
  safeguarding: boolean;
  avoidIds: ReadonlySet<string>;
  avoidTopics: ReadonlySet<string>;
  pace: Pace;
  /** The highest intensity ever chosen: `urgent` never goes beyond steady. */
  maxIntensity: Intensity;
  budget: number;
  /** The latest helpfulness rating of each exercise. */
  helpfulness: ReadonlyMap<string, number>;
  /** Skipped or swapped away last week: a small penalty, never a ban. */
  setAside: ReadonlySet<string>;
}

function validRating(value: number | null | undefined): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 10;
}

function contextOf(input: PlannerInput): Context {
  const start = weekStart(input.week); // throws invalid_week
  const budget = input.preferences?.minutesPerWeek;
  if (typeof budget !== 'number' || !Number.isFinite(budget) || budget < 0) {
    throw new DomainError(
      INVALID_PLAN_INPUT,
      'Minutes per week must be a number of minutes, 0 or more.',
      { field: 'minutesPerWeek' },
    );
  }
  const careInput = {
    check: input.check,
    retakes: input.retakes ?? [],
    writing: input.writing ?? null,
  };
  const recommendation = recommendCare(careInput);
  const urgent = recommendation.level === 'urgent';
  const safeguarding = safeguardingRaised(careInput);
  const history = (input.history ?? [])
    .map((entry, order) => ({ entry, order }))
    .filter(({ entry }) => isCalendarDate(entry.completedOn))
    // Oldest first; entries of the same day keep the order they were given in.
    .sort((a, b) =>
      a.entry.completedOn < b.entry.completedOn
        ? -1
        : a.entry.completedOn > b.entry.completedOn
          ? 1
          : a.order - b.order,
    )
    .map(({ entry }) => entry);
  const helpfulness = new Map<string, number>();
  for (const entry of history)
    if (validRating(entry.helpfulness)) helpfulness.set(entry.exerciseId, entry.helpfulness);

  const previous = input.previousPlan ?? null;
  const setAside = new Set<string>();
  if (previous && previous.week !== input.week) {
    for (const id of previous.swappedOut) setAside.add(id);
    for (const step of previous.steps) if (step.status === 'skipped') setAside.add(step.exerciseId);
  }
  return {
    week: input.week,
    check: input.check,
    recommendation,
    urgent,
    safeguarding,
    avoidIds: new Set(input.preferences.avoidExercises ?? []),
    avoidTopics: new Set(input.preferences.avoidTopics ?? []),
    pace: paceOf(history, start, urgent),
    maxIntensity: urgent ? 2 : 3,
    budget,
    helpfulness,
    setAside,
  };
}

function paceOf(history: readonly CompletedStep[], monday: string, urgent: boolean): Pace {
  const pace = (level: Intensity, reason: PlanMessage): Pace => ({
    level,
    label: t(intensityLabelKey(level)),
    reason,
  });
  if (urgent) {
    return pace(1, message('plan.pace.urgent'));
  }
  const from = addDays(monday, -PACE_WINDOW_DAYS);
  const to = addDays(monday, 6);
  const recent = history.filter((entry) => entry.completedOn >= from && entry.completedOn <= to);
  const manageable = recent.filter(
    (entry) => validRating(entry.distress) && entry.distress <= MANAGEABLE_DISTRESS_MAX,
  ).length;
  const climbed = Math.min(2, Math.floor(manageable / STEPS_PER_PACE_LEVEL));
  const veryHard = recent
    .slice(-2)
    .some((entry) => validRating(entry.distress) && entry.distress >= VERY_HARD_DISTRESS_FROM);
  if (veryHard) {
    return pace(Math.max(1, climbed) as Intensity, message('plan.pace.veryHard'));
  }
  const level = (1 + climbed) as Intensity;
  if (level > 1) {
    return pace(level, message('plan.pace.climbed', { count: manageable }));
  }
  if (recent.length === 0) {
    return pace(1, message('plan.pace.start'));
  }
  return pace(1, message('plan.pace.gentle'));
}

type Exclusion = 'avoided' | 'paused';

function exclusionOf(exercise: Exercise, context: Context): Exclusion | null {
  if (
    context.avoidIds.has(exercise.id) ||
    exercise.topics.some((topic) => context.avoidTopics.has(topic))
  ) {
    return 'avoided';
  }
  if (context.urgent && (exercise.exposure || exercise.pausedWhenUnsafe)) return 'paused';
  // While someone feels afraid of or controlled by a partner: no partner or couples exercises
  // (practising a gentle start-up or a boundary with a controlling partner can raise the risk),
  // no stepping towards feared closeness, and no questioning of a fear that may be right.
  if (
    context.safeguarding &&
    (exercise.exposure ||
      exercise.needsPartner ||
      exercise.pausedWhenUnsafe ||
      exercise.questionsFears)
  ) {
    return 'paused';
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Scoring.

function needOf(context: Context, id: ScoredSubscaleId): number {
  return context.check.index[id] ?? 0;
}

function adjustment(exercise: Exercise, context: Context): number {
  let points = 0;
  const helpful = context.helpfulness.get(exercise.id);
  if (helpful !== undefined && helpful >= HELPFUL_FROM) points += FEEDBACK_POINTS;
  if (helpful !== undefined && helpful <= UNHELPFUL_UP_TO) points -= FEEDBACK_POINTS;
  if (context.pace.level > 1 && exercise.intensity === context.pace.level) points += STRETCH_POINTS;
  if (context.setAside.has(exercise.id)) points -= SET_ASIDE_POINTS;
  return points;
}

/** The target this exercise would serve best now, and how much that is worth. */
function bestFocus(
  exercise: Exercise,
  context: Context,
  served: ReadonlyMap<ScoredSubscaleId, number>,
): { focus: ScoredSubscaleId; value: number } {
  let best: { focus: ScoredSubscaleId; value: number } | null = null;
  for (const [position, target] of exercise.targets.entries()) {
    const weight = position === 0 ? 1 : SECONDARY_TARGET_WEIGHT;
    const value = (needOf(context, target) * weight) / (1 + (served.get(target) ?? 0));
    if (best === null || value > best.value) best = { focus: target, value };
  }
  // Every exercise has at least one target (the catalogue tests check it).
  return best as { focus: ScoredSubscaleId; value: number };
}

const catalogueOrder = (exercise: Exercise) => CATALOGUE.indexOf(exercise);

/** Gentlest first, then shortest, then library order. */
function byGentleness(a: Exercise, b: Exercise): number {
  return (
    a.intensity - b.intensity || a.minutes - b.minutes || catalogueOrder(a) - catalogueOrder(b)
  );
}

/** A stretching exercise: intensity 3. */
function isStretching(exercise: Exercise): boolean {
  return exercise.intensity === 3;
}

function modalityCount(exercises: readonly Exercise[]): number {
  return new Set(exercises.map((exercise) => exercise.modality)).size;
}

function minutesOf(exercises: readonly Exercise[]): number {
  return exercises.reduce((sum, exercise) => sum + exercise.minutes, 0);
}

/**
 * The fewest extra minutes that turn `chosen` into a valid week (at least `minSteps` steps,
 * at most `maxSteps`, at least `mix` modalities, at most `stretchRoom` more stretching steps)
 * using exercises from `rest`; Infinity if none can. Adding more than three exercises never helps (three can add three modalities), so the
 * search is small: at most a few hundred subsets of a library of about fifteen.
 */
function cheapestCompletion(
  chosen: readonly Exercise[],
  rest: readonly Exercise[],
  mix: number,
  minSteps: number,
  maxSteps: number,
  stretchRoom: number,
): number {
  const needed = Math.max(0, minSteps - chosen.length);
  const room = maxSteps - chosen.length;
  const maxExtra = Math.min(room, Math.max(needed, MIN_MODALITIES), rest.length);
  if (needed > maxExtra) return Infinity;
  const sorted = [...rest].sort(
    (a, b) => a.minutes - b.minutes || catalogueOrder(a) - catalogueOrder(b),
  );
  const modalities = new Map<Modality, number>();
  for (const exercise of chosen)
    modalities.set(exercise.modality, (modalities.get(exercise.modality) ?? 0) + 1);
  let best = Infinity;
  const search = (from: number, count: number, minutes: number, stretches: number) => {
    if (count >= needed && modalities.size >= mix) best = Math.min(best, minutes);
    if (count === maxExtra) return;
    for (let index = from; index < sorted.length; index += 1) {
      const exercise = sorted[index] as Exercise;
      // Sorted by minutes: nothing later can be cheaper.
      if (minutes + exercise.minutes >= best) break;
      const stretching = isStretching(exercise) ? 1 : 0;
      if (stretches + stretching > stretchRoom) continue;
      modalities.set(exercise.modality, (modalities.get(exercise.modality) ?? 0) + 1);
      search(index + 1, count + 1, minutes + exercise.minutes, stretches + stretching);
      const left = (modalities.get(exercise.modality) ?? 1) - 1;
      if (left === 0) modalities.delete(exercise.modality);
      else modalities.set(exercise.modality, left);
    }
  };
  search(0, 0, 0, 0);
  return best;
}

// ---------------------------------------------------------------------------------------------
// Choosing the week.

type Role = 'homework' | 'kept' | 'start' | 'fallback-start' | 'need';

interface Choice {
  exercise: Exercise;
  role: Role;
  focus: ScoredSubscaleId | null;
  kept?: PlanStep;
}

function servedBy(choices: readonly Choice[]): Map<ScoredSubscaleId, number> {
  const served = new Map<ScoredSubscaleId, number>();
  for (const choice of choices)
    if (choice.focus) served.set(choice.focus, (served.get(choice.focus) ?? 0) + 1);
  return served;
}

/** The highest of this exercise's targets in the profile (for homework and kept steps). */
function topTargetOf(exercise: Exercise, context: Context): ScoredSubscaleId {
  return bestFocus(exercise, context, new Map()).focus;
}

/** The steps that are fixed before choosing: homework, then steps kept from this week's plan. */
function fixedChoices(input: PlannerInput, context: Context): Choice[] {
  const previous = input.previousPlan ?? null;
  const sameWeek = previous !== null && previous.week === input.week;
  const keepTodo = sameWeek && (input.sameWeek ?? 'keep') === 'keep';
  const keptSteps = sameWeek
    ? (previous?.steps ?? []).filter(
        (step) =>
          isExerciseId(step.exerciseId) &&
          (step.status === 'done' ||
            step.status === 'skipped' ||
            (keepTodo &&
              step.status === 'todo' &&
              exclusionOf(exerciseById(step.exerciseId), context) === null)),
      )
    : [];
  const keptByExercise = new Map(keptSteps.map((step) => [step.exerciseId as string, step]));
  const choices: Choice[] = [];
  const seen = new Set<string>();
  for (const homework of input.homework ?? []) {
    if (!isExerciseId(homework.exerciseId) || seen.has(homework.exerciseId)) continue;
    const exercise = exerciseById(homework.exerciseId);
    const kept = keptByExercise.get(exercise.id);
    // The person's own choices and safety come first, even before a professional's homework.
    if (exclusionOf(exercise, context) !== null && kept?.status !== 'done') continue;
    seen.add(exercise.id);
    choices.push({
      exercise,
      role: 'homework',
      focus: kept?.focus ?? topTargetOf(exercise, context),
      ...(kept ? { kept } : {}),
    });
  }
  // Finished steps first, then the ones still to do or left for this week, each in the order
  // they had. A step left for the week keeps its place in the week (it is not
  // replaced: "not this week" means doing less, not something else), so next week's plan can
  // still see it was skipped.
  for (const finished of [true, false]) {
    for (const step of keptSteps) {
      if ((step.status === 'done') !== finished || seen.has(step.exerciseId)) continue;
      seen.add(step.exerciseId);
      const exercise = exerciseById(step.exerciseId);
      choices.push({ exercise, role: 'kept', focus: step.focus, kept: step });
    }
  }
  return choices.slice(0, MAX_STEPS);
}

interface Selection {
  choices: Choice[];
  /** Exercises that could have been chosen (at the pace used), for explaining a fallback. */
  pool: readonly Exercise[];
}

function choose(input: PlannerInput, context: Context): Selection {
  const fixed = fixedChoices(input, context);
  const fixedIds = new Set(fixed.map((choice) => choice.exercise.id as string));
  const previous = input.previousPlan ?? null;
  const blocked = new Set<string>();
  if (previous && previous.week === input.week) {
    for (const id of previous.swappedOut) blocked.add(id);
    for (const step of previous.steps) if (step.status === 'skipped') blocked.add(step.exerciseId);
  }
  const eligible = CATALOGUE.filter(
    (exercise) =>
      exclusionOf(exercise, context) === null &&
      exercise.intensity <= context.maxIntensity &&
      !fixedIds.has(exercise.id) &&
      !blocked.has(exercise.id),
  );
  const fixedExercises = fixed.map((choice) => choice.exercise);
  const reachableModalities = Math.min(
    MIN_MODALITIES,
    modalityCount([...fixedExercises, ...eligible]),
  );
  // Raise the pace only as far as needed for three steps and the modality mix.
  let level: Intensity = context.pace.level;
  const poolAt = (ceiling: number) => eligible.filter((exercise) => exercise.intensity <= ceiling);
  while (
    level < context.maxIntensity &&
    (fixed.length + poolAt(level).length < MIN_STEPS ||
      modalityCount([...fixedExercises, ...poolAt(level)]) < reachableModalities)
  ) {
    level = (level + 1) as Intensity;
  }
  const pool = poolAt(level);
  const minSteps = Math.min(MIN_STEPS, fixed.length + pool.length);
  // While things are this hard, a short week: the fewest steps a plan has.
  const maxSteps = context.urgent ? MIN_STEPS : MAX_STEPS;

  // One stretching step a week at most (homework aside), so the climb stays gradual.
  const stretchRoomAfter = (choices: readonly Choice[]) =>
    choices.some((choice) => choice.role !== 'homework' && isStretching(choice.exercise)) ? 0 : 1;
  const fixedRoom = stretchRoomAfter(fixed);
  let mix = Math.min(MIN_MODALITIES, modalityCount([...fixedExercises, ...pool]));
  while (
    mix > 0 &&
    cheapestCompletion(fixedExercises, pool, mix, minSteps, maxSteps, fixedRoom) === Infinity
  )
    mix -= 1;
  const budget = Math.max(
    context.budget,
    minutesOf(fixedExercises) +
      cheapestCompletion(fixedExercises, pool, mix, minSteps, maxSteps, fixedRoom),
  );

  const topSigns = context.check.highest.sign?.subscales ?? [];
  const choices = [...fixed];
  // A week kept after a finished step already has its start; a profile with no scored sign
  // has none to make. After a new Check (`rebuild`), only finished steps are kept, and the rest
  // starts again from the (perhaps new) highest sign.
  let startChosen =
    topSigns.length === 0 ||
    fixed.some((choice) => choice.role === 'kept' && choice.kept?.status === 'todo');
  while (choices.length < maxSteps) {
    const chosenIds = new Set(choices.map((choice) => choice.exercise.id as string));
    const room = stretchRoomAfter(choices);
    const remaining = pool.filter(
      (exercise) => !chosenIds.has(exercise.id) && (room > 0 || !isStretching(exercise)),
    );
    if (remaining.length === 0) break;
    const served = servedBy(choices);
    const scored = remaining
      .map((exercise) => {
        const { focus, value } = bestFocus(exercise, context, served);
        return { exercise, focus, score: value + adjustment(exercise, context) };
      })
      .sort(
        (a, b) =>
          b.score - a.score ||
          a.exercise.intensity - b.exercise.intensity ||
          a.exercise.minutes - b.exercise.minutes ||
          catalogueOrder(a.exercise) - catalogueOrder(b.exercise),
      );
    type Candidate = { exercise: Exercise; focus: ScoredSubscaleId; role: Role };
    let candidates: Candidate[];
    if (!startChosen) {
      const firstTopTarget = (exercise: Exercise) =>
        Math.min(
          ...exercise.targets.map((target, position) =>
            (topSigns as readonly string[]).includes(target) ? position : Infinity,
          ),
        );
      const forTopSign = remaining
        .filter((exercise) => Number.isFinite(firstTopTarget(exercise)))
        .sort(
          (a, b) =>
            a.intensity - b.intensity ||
            a.minutes - b.minutes ||
            firstTopTarget(a) - firstTopTarget(b) ||
            adjustment(b, context) - adjustment(a, context) ||
            catalogueOrder(a) - catalogueOrder(b),
        );
      const startIds = new Set(forTopSign.map((exercise) => exercise.id as string));
      candidates = [
        ...forTopSign.map((exercise) => ({
          exercise,
          focus: exercise.targets[firstTopTarget(exercise)] as ScoredSubscaleId,
          role: 'start' as const,
        })),
        ...scored
          .filter((entry) => !startIds.has(entry.exercise.id))
          .map((entry) => ({ ...entry, role: 'fallback-start' as const })),
      ];
    } else {
      candidates = scored.map((entry) => ({ ...entry, role: 'need' as const }));
    }
    const current = choices.map((choice) => choice.exercise);
    const completionCost = (candidate: Candidate) => {
      const next = [...current, candidate.exercise];
      const rest = remaining.filter((exercise) => exercise !== candidate.exercise);
      const roomAfter = room - (isStretching(candidate.exercise) ? 1 : 0);
      return minutesOf(next) + cheapestCompletion(next, rest, mix, minSteps, maxSteps, roomAfter);
    };
    let picked = candidates.find((candidate) => completionCost(candidate) <= budget);
    // A safety net (not expected to be needed): a week never stops short of three steps while
    // three are available.
    if (!picked && choices.length < minSteps) {
      picked =
        candidates.find((candidate) => completionCost(candidate) < Infinity) ?? candidates[0];
    }
    if (!picked) break;
    choices.push({ exercise: picked.exercise, role: picked.role, focus: picked.focus });
    startChosen = true;
  }
  return { choices, pool };
}

// ---------------------------------------------------------------------------------------------
// Words.

/** 1 for the highest of its kind (signs or roots), 2 for the next, and so on; ties share. */
function rankOf(id: ScoredSubscaleId, context: Context): number | null {
  const own = context.check.index[id];
  if (own === null || own === undefined) return null;
  const kind = isSign(id) ? SIGN_IDS : ROOT_IDS;
  return 1 + kind.filter((other) => (context.check.index[other] ?? -1) > own).length;
}

/**
 * The opening of the first step's reason, naming the highest sign. `namesFocus` is false when
 * the opening does not point at one sign (nothing stood out, or all four tie), so the reason
 * names the step's own focus instead.
 */
function highestSignLead(context: Context): {
  text: PlanMessage;
  namesFocus: boolean;
  subject: PlanMessage | string;
} {
  const highest = context.check.highest.sign;
  const tops = highest?.subscales ?? [];
  const names = needsMessage(tops);
  const subject = message(tops.length > 1 ? 'plan.subject.them' : 'plan.subject.it');
  if (!highest || highest.band === 'lower') {
    return { text: message('plan.lead.none'), namesFocus: false, subject: names };
  }
  if (tops.length === SIGN_IDS.length) {
    return { text: message('plan.lead.allFour'), namesFocus: false, subject: names };
  }
  const needs = typeof names === 'string' ? capitalise(names) : capitalised(names);
  return tops.length > 1
    ? { text: message('plan.lead.joint', { needs }), namesFocus: true, subject }
    : { text: message('plan.lead.highest', { needs }), namesFocus: true, subject };
}

/** The notes added after a step's reason, each a sentence. */
function notes(exercise: Exercise, context: Context): PlanMessage[] {
  const added: PlanMessage[] = [];
  if (context.pace.level > 1 && exercise.intensity === context.pace.level) {
    added.push(message('plan.note.stretch'));
  }
  const helpful = context.helpfulness.get(exercise.id);
  if (helpful !== undefined && helpful >= HELPFUL_FROM) added.push(message('plan.note.helpful'));
  if (exercise.needsPartner) added.push(message('plan.note.alone'));
  if (context.safeguarding && exercise.involvesSomeone) added.push(message('plan.note.safePerson'));
  return added;
}

function withNotes(reason: PlanMessage, exercise: Exercise, context: Context): PlanMessage {
  return sentences(reason, ...notes(exercise, context));
}

function needReason(
  exercise: Exercise,
  focus: ScoredSubscaleId | null,
  context: Context,
  alreadyServed: boolean,
): PlanMessage {
  if (
    focus === null ||
    context.check.index[focus] === null ||
    context.check.index[focus] === undefined
  ) {
    return message('plan.reason.variety', { exercise: capitalise(exercise.nameInSentence) });
  }
  const values = { need: needMessage(focus), exercise: exercise.nameInSentence };
  if (alreadyServed) return message('plan.reason.another', values);
  if (context.check.bands[focus] === 'lower') return message('plan.reason.lower', values);
  const rank = rankOf(focus, context);
  const sign = isSign(focus);
  const lead = { ...values, need: capitalised(needMessage(focus)) };
  if (rank === 1)
    return message(sign ? 'plan.reason.highestSign' : 'plan.reason.highestRoot', lead);
  if (rank === 2) return message(sign ? 'plan.reason.secondSign' : 'plan.reason.secondRoot', lead);
  return message('plan.reason.otherArea', lead);
}

/** Why none of the exercises for the highest sign could start the week. */
function fallbackWhy(
  context: Context,
  pool: readonly Exercise[],
  subject: PlanMessage | string,
): PlanMessage {
  const topSigns: readonly string[] = context.check.highest.sign?.subscales ?? [];
  const forTop = CATALOGUE.filter((exercise) =>
    exercise.targets.some((target) => topSigns.includes(target)),
  );
  const exclusions = forTop.map((exercise) => exclusionOf(exercise, context));
  const paused = exclusions.includes('paused');
  const avoided = exclusions.includes('avoided');
  const available = forTop.some(
    (exercise, index) => exclusions[index] === null && pool.includes(exercise),
  );
  if (!available && paused && avoided) return message('plan.fallback.pausedOrAvoided', { subject });
  if (!available && paused) return message('plan.fallback.paused', { subject });
  if (!available && avoided) return message('plan.fallback.avoided', { subject });
  return message('plan.fallback.noFit', { subject });
}

/** What the wording of a chosen step needs to know about the rest of the week. */
interface WeekSoFar {
  /** Exercises that could have been chosen, at the pace used. */
  pool: readonly Exercise[];
  hasHomework: boolean;
  /** Steps already finished this week (kept when the plan is updated). */
  hasFinished: boolean;
}

function reasonFor(
  choice: Choice,
  context: Context,
  week: WeekSoFar,
  alreadyServed: boolean,
): PlanMessage {
  const { exercise, focus } = choice;
  const opening = message(
    week.hasHomework
      ? 'plan.opening.afterHomework'
      : week.hasFinished
        ? 'plan.opening.rest'
        : 'plan.opening.start',
  );
  const helps = focus ? message('plan.helps', { need: needMessage(focus) }) : '';
  switch (choice.role) {
    case 'homework':
      return withNotes(message('plan.reason.homework'), exercise, context);
    case 'kept':
      return choice.kept?.reason ?? needReason(exercise, focus, context, alreadyServed);
    case 'start': {
      const lead = highestSignLead(context);
      const gentle =
        exercise.intensity === 1
          ? message(exercise.minutes <= 10 ? 'plan.gentle.short' : 'plan.gentle.begin')
          : '';
      return withNotes(
        message('plan.reason.start', {
          lead: lead.text,
          opening,
          exercise: exercise.nameInSentence,
          helps: lead.namesFocus ? '' : helps,
          gentle,
        }),
        exercise,
        context,
      );
    }
    case 'fallback-start': {
      const lead = highestSignLead(context);
      return withNotes(
        message('plan.reason.fallbackStart', {
          lead: lead.text,
          why: fallbackWhy(context, week.pool, lead.subject),
          opening,
          exercise: exercise.nameInSentence,
          helps,
        }),
        exercise,
        context,
      );
    }
    case 'need':
      return withNotes(needReason(exercise, focus, context, alreadyServed), exercise, context);
  }
}

function supportFor(context: Context): SupportAction[] {
  const support: SupportAction[] = [];
  if (context.urgent) {
    support.push(
      { kind: 'get-help-now', reason: message('plan.support.reason.get-help-now') },
      { kind: 'safety-plan', reason: message('plan.support.reason.safety-plan') },
    );
  }
  if (context.safeguarding) {
    support.push({
      kind: 'safeguarding-help',
      reason: message('plan.support.reason.safeguarding-help'),
    });
  }
  const level: CareLevel = context.recommendation.level;
  if (level === 'urgent' || level === 'professional') {
    support.push({
      kind: 'professional-help',
      reason: message('plan.support.reason.professional'),
    });
  } else if (level === 'guided') {
    support.push({ kind: 'professional-help', reason: message('plan.support.reason.guided') });
  }
  return support;
}

function pausedFor(context: Context): WeeklyPlan['paused'] {
  const ids = CATALOGUE.filter((exercise) => exclusionOf(exercise, context) === 'paused').map(
    (exercise) => exercise.id,
  );
  if (ids.length === 0) return null;
  const reason = message(context.safeguarding ? 'plan.paused.safeguarding' : 'plan.paused.urgent');
  return { exerciseIds: ids, reason };
}

function stepOf(
  choice: Choice,
  context: Context,
  week: WeekSoFar,
  alreadyServed: boolean,
): PlanStep {
  const { exercise } = choice;
  return {
    id: choice.kept?.id ?? stepIdFor(context.week, exercise.id),
    exerciseId: exercise.id,
    modality: exercise.modality,
    targets: [...exercise.targets],
    focus: choice.focus,
    minutes: exercise.minutes,
    intensity: exercise.intensity,
    reason: choice.kept ? choice.kept.reason : reasonFor(choice, context, week, alreadyServed),
    status: choice.kept?.status ?? 'todo',
    source: choice.role === 'homework' ? 'homework' : 'plan',
  };
}

const ROLE_ORDER: Readonly<Record<Role, number>> = {
  homework: 0,
  kept: 1,
  start: 2,
  'fallback-start': 2,
  need: 3,
};

/**
 * The plan for one week. Throws `invalid_week` for a week that does not exist and
 * `invalid_plan_input` for a negative or missing weekly budget; everything else in the input
 * is read as kindly as it can be (unknown exercise ids and unreadable dates are ignored).
 */
export function planWeek(input: PlannerInput): WeeklyPlan {
  const context = contextOf(input);
  const { choices, pool } = choose(input, context);
  const week: WeekSoFar = {
    pool,
    hasHomework: choices.some((choice) => choice.role === 'homework'),
    hasFinished: choices.some((choice) => choice.kept?.status === 'done'),
  };
  const ordered = choices
    .map((choice, selected) => ({ choice, selected }))
    .sort((a, b) => {
      const role = ROLE_ORDER[a.choice.role] - ROLE_ORDER[b.choice.role];
      if (role !== 0) return role;
      // Homework and kept steps keep the order they came in; chosen ones go gentlest first.
      if (a.choice.role === 'need')
        return byGentleness(a.choice.exercise, b.choice.exercise) || a.selected - b.selected;
      return a.selected - b.selected;
    })
    .map(({ choice }) => choice);
  const served = new Set<ScoredSubscaleId>();
  const steps = ordered.map((choice) => {
    const step = stepOf(choice, context, week, choice.focus !== null && served.has(choice.focus));
    if (choice.focus) served.add(choice.focus);
    return step;
  });
  const previous = input.previousPlan ?? null;
  return {
    week: input.week,
    recommendation: context.recommendation,
    support: supportFor(context),
    pace: context.pace,
    steps,
    paused: pausedFor(context),
    swappedOut: previous && previous.week === input.week ? [...previous.swappedOut] : [],
    minutes: { planned: plannedMinutes(steps), budget: context.budget },
  };
}

/** The minutes of the steps still to do or done: a step left for this week takes none. */
function plannedMinutes(steps: readonly PlanStep[]): number {
  return steps.reduce((sum, step) => sum + (step.status === 'skipped' ? 0 : step.minutes), 0);
}

// ---------------------------------------------------------------------------------------------
// Swapping a step.

export interface SwapResult {
  plan: WeeklyPlan;
  step: PlanStep;
}

/**
 * Swaps one step still to do for a different exercise that targets the same need (the step's
 * focus). Never the same exercise, never one already in the week, never one the person avoids
 * or one paused for safety, at most one level above the pace (or above the step it
 * replaces), and never a stretching exercise when the week already has a stretching step
 * (homework aside), so a swap cannot break the gentle climb. Among those, it prefers, in order: keeping the modality mix, staying within the
 * budget, not bringing back an exercise swapped away earlier this week, staying at the pace,
 * the higher need score, the shorter exercise. Throws `plan_step_not_found`,
 * `plan_step_not_swappable` (already done or skipped) or `plan_no_swap_available`.
 */
export function swapStep(plan: WeeklyPlan, stepId: string, input: PlannerInput): SwapResult {
  const position = plan.steps.findIndex((step) => step.id === stepId);
  const old = plan.steps[position];
  if (!old) {
    throw new DomainError(PLAN_STEP_NOT_FOUND, 'That step is not in this week’s plan.', { stepId });
  }
  if (old.status !== 'todo') {
    throw new DomainError(
      PLAN_STEP_NOT_SWAPPABLE,
      'Only a step that is still to do can be swapped.',
      { stepId, status: old.status },
    );
  }
  const context = contextOf({ ...input, week: plan.week });
  const oldExercise = exerciseById(old.exerciseId);
  const need = old.focus ?? old.targets[0] ?? null;
  const others = plan.steps.filter((step) => step.id !== old.id);
  const inPlan = new Set(plan.steps.map((step) => step.exerciseId as string));
  const ceiling = Math.min(context.maxIntensity, Math.max(context.pace.level, old.intensity) + 1);
  const otherExercises = others.map((step) => exerciseById(step.exerciseId));
  const mixBefore = Math.min(MIN_MODALITIES, modalityCount([...otherExercises, oldExercise]));
  const budgetNow = Math.max(context.budget, plan.minutes.planned);
  const swappedOut = new Set<string>(plan.swappedOut);
  // The same limit as when the week was chosen: one stretching step a week, homework aside.
  const stretchTaken = others.some(
    (step) =>
      step.source !== 'homework' &&
      step.status !== 'skipped' &&
      isStretching(exerciseById(step.exerciseId)),
  );

  const candidates = CATALOGUE.filter(
    (exercise) =>
      need !== null &&
      exercise.targets.includes(need) &&
      !inPlan.has(exercise.id) &&
      exclusionOf(exercise, context) === null &&
      exercise.intensity <= ceiling &&
      !(stretchTaken && isStretching(exercise)),
  ).map((exercise) => {
    const after = [...otherExercises, exercise];
    const value = need === null ? 0 : needOf(context, need);
    const weight = exercise.targets[0] === need ? 1 : SECONDARY_TARGET_WEIGHT;
    return {
      exercise,
      keys: [
        modalityCount(after) >= mixBefore ? 0 : 1,
        minutesOf(after) <= budgetNow ? 0 : 1,
        swappedOut.has(exercise.id) ? 1 : 0,
        exercise.intensity <= context.pace.level ? 0 : 1,
        -(value * weight + adjustment(exercise, context)),
        exercise.minutes,
        catalogueOrder(exercise),
      ],
    };
  });
  candidates.sort((a, b) => {
    for (let index = 0; index < a.keys.length; index += 1) {
      const difference = (a.keys[index] as number) - (b.keys[index] as number);
      if (difference !== 0) return difference;
    }
    return 0;
  });
  const chosen = candidates[0]?.exercise;
  if (!chosen || need === null) {
    throw new DomainError(
      NO_SWAP_AVAILABLE,
      'There is no other exercise for this need that fits your plan right now.',
      { stepId },
    );
  }
  const step: PlanStep = {
    id: stepIdFor(plan.week, chosen.id),
    exerciseId: chosen.id,
    modality: chosen.modality,
    targets: [...chosen.targets],
    focus: need,
    minutes: chosen.minutes,
    intensity: chosen.intensity,
    reason: withNotes(
      message('plan.reason.swapped', {
        old: oldExercise.nameInSentence,
        new: chosen.nameInSentence,
        need: needMessage(need),
      }),
      chosen,
      context,
    ),
    status: 'todo',
    source: 'plan',
  };
  const steps = plan.steps.map((existing, index) => (index === position ? step : existing));
  return {
    step,
    plan: {
      ...plan,
      steps,
      swappedOut: swappedOut.has(old.exerciseId)
        ? [...plan.swappedOut]
        : [...plan.swappedOut, old.exerciseId],
      minutes: { ...plan.minutes, planned: plannedMinutes(steps) },
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Leaving a step for this week.

export interface SkipResult {
  plan: WeeklyPlan;
  step: PlanStep;
}

/**
 * Marks a step still to do as left for this week ("Not this week"). The step stays in the week,
 * marked `skipped`, and takes no minutes; nothing is brought in instead (a swap does that).
 * The planner does not choose it again this week, and gives it −15 next week. Throws
 * `plan_step_not_found`, or `plan_step_not_skippable` when it is already done or skipped.
 */
export function skipStep(plan: WeeklyPlan, stepId: string): SkipResult {
  const position = plan.steps.findIndex((step) => step.id === stepId);
  const old = plan.steps[position];
  if (!old) {
    throw new DomainError(PLAN_STEP_NOT_FOUND, 'That step is not in this week’s plan.', { stepId });
  }
  if (old.status !== 'todo') {
    throw new DomainError(
      PLAN_STEP_NOT_SKIPPABLE,
      'Only a step that is still to do can be left for this week.',
      { stepId, status: old.status },
    );
  }
  const step: PlanStep = { ...old, status: 'skipped' };
  const steps = plan.steps.map((existing, index) => (index === position ? step : existing));
  return {
    step,
    plan: { ...plan, steps, minutes: { ...plan.minutes, planned: plannedMinutes(steps) } },
  };
}
