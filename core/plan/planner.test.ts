import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { answersAt, SAFETY } from '../../tests/factories/closeness-check.factory';
import {
  CURRENT_CLOSENESS_CHECK,
  SCORED_SUBSCALE_IDS,
  SIGN_IDS,
  type ScoredSubscaleId,
} from '../assessment/closeness-check.definition';
import type { ChangeLabel } from '../assessment/psychometrics';
import { scoreClosenessCheck } from '../assessment/scoring';
import { DomainError } from '../errors/domain-error';
import {
  CATALOGUE,
  EXERCISE_IDS,
  EXERCISE_TOPICS,
  exerciseById,
  type Exercise,
  type ExerciseId,
} from '../exercises/catalogue';
import { NEED_PHRASES } from './need-words';
import { renderPlanMessage, type PlanMessage } from './plan-messages';
import {
  MAX_STEPS,
  MIN_MODALITIES,
  MIN_STEPS,
  NO_SWAP_AVAILABLE,
  PLAN_STEP_NOT_FOUND,
  PLAN_STEP_NOT_SKIPPABLE,
  PLAN_STEP_NOT_SWAPPABLE,
  planWeek,
  skipStep,
  stepIdFor,
  swapStep,
  type CompletedStep,
  type PlannerInput,
  type WeeklyPlan,
} from './planner';
import { recommendCare, type ChangeSinceStart } from './stepped-care';
import { addDays, addWeeks, weekStart } from './week';

/** A reason as the person reads it (en-GB). */
const say = (reason: PlanMessage | undefined): string =>
  reason === undefined ? '' : renderPlanMessage(reason);

const WEEK = '2027-W10';
const MONDAY = weekStart(WEEK);

type Levels = Partial<Record<ScoredSubscaleId, number>>;

/** A scored Check where each subscale sits at a difficulty of 1–5 (2 unless given). */
function checkAt(levels: Levels, safety: Record<string, number> = {}) {
  const all = Object.fromEntries(SCORED_SUBSCALE_IDS.map((id) => [id, levels[id] ?? 2]));
  return scoreClosenessCheck(answersAt(all, safety));
}

function plannerInput(overrides: Partial<PlannerInput> = {}): PlannerInput {
  return {
    week: WEEK,
    check: checkAt({ sharing: 5, trust: 4, 'self-esteem': 4 }),
    preferences: { minutesPerWeek: 60 },
    ...overrides,
  };
}

/** `count` finished steps on the days before the plan's Monday, each with this distress. */
function finished(count: number, distress: number, helpfulness = 5): CompletedStep[] {
  return Array.from({ length: count }, (_, index) => ({
    exerciseId: 'paced-breathing',
    completedOn: addDays(MONDAY, -(count - index)),
    distress,
    helpfulness,
  }));
}

function codeOf(call: () => unknown): string | null {
  try {
    call();
    return null;
  } catch (error) {
    return error instanceof DomainError ? error.code : 'not a DomainError';
  }
}

const exercisesOf = (plan: WeeklyPlan) => plan.steps.map((step) => exerciseById(step.exerciseId));
const modalitiesOf = (plan: WeeklyPlan) => new Set(plan.steps.map((step) => step.modality));

// ---------------------------------------------------------------------------------------------
// What the test expects the planner to leave out, worked out independently of it.

function isAvoided(exercise: Exercise, input: PlannerInput): boolean {
  return (
    (input.preferences.avoidExercises ?? []).includes(exercise.id) ||
    exercise.topics.some((topic) => (input.preferences.avoidTopics ?? []).includes(topic))
  );
}

/** A safeguarding flag from the Check's answers or from recent writing. */
function isSafeguarding(input: PlannerInput): boolean {
  return (
    input.check.safety.flags.some((flag) => flag.level === 'safeguarding') ||
    input.writing?.safeguarding === true
  );
}

function isPaused(exercise: Exercise, input: PlannerInput): boolean {
  const urgent =
    recommendCare({ check: input.check, retakes: input.retakes ?? [], writing: input.writing })
      .level === 'urgent';
  const safeguarding = isSafeguarding(input);
  return (
    (urgent && (exercise.exposure || exercise.pausedWhenUnsafe)) ||
    (safeguarding &&
      (exercise.exposure ||
        exercise.needsPartner ||
        exercise.pausedWhenUnsafe ||
        exercise.questionsFears))
  );
}

/** These exercises are in the plan's paused list, unless the person asked to avoid them. */
function expectPaused(plan: WeeklyPlan, ids: readonly ExerciseId[], input: PlannerInput): void {
  const expected = ids.filter((id) => !isAvoided(exerciseById(id), input));
  expect(plan.paused?.exerciseIds ?? []).toEqual(expect.arrayContaining(expected));
}

/** Stretching steps the planner chose (homework aside): at most one a week. */
const stretchingChosen = (plan: WeeklyPlan) =>
  plan.steps.filter((step) => step.source === 'plan' && step.intensity === 3).length;

/** Swaps the steps at these positions one after another, skipping those that cannot be swapped. */
function swapInTurn(plan: WeeklyPlan, picks: readonly number[], input: PlannerInput): WeeklyPlan {
  let current = plan;
  for (const pick of picks) {
    const step = current.steps[pick % Math.max(1, current.steps.length)];
    if (!step || step.status !== 'todo') continue;
    try {
      current = swapStep(current, step.id, input).plan;
    } catch (error) {
      expect((error as DomainError).code).toBe(NO_SWAP_AVAILABLE);
    }
  }
  return current;
}

/** Exercises the planner may choose from at some pace. */
function allowed(input: PlannerInput): Exercise[] {
  const urgent =
    recommendCare({ check: input.check, retakes: input.retakes ?? [], writing: input.writing })
      .level === 'urgent';
  return CATALOGUE.filter(
    (exercise) =>
      !isAvoided(exercise, input) &&
      !isPaused(exercise, input) &&
      exercise.intensity <= (urgent ? 2 : 3),
  );
}

/**
 * The fewest modalities a week must mix: three, unless the allowed exercises have fewer, or
 * homework fills the short week an urgent plan allows (three steps) with fewer.
 */
function requiredMix(input: PlannerInput): number {
  const urgent =
    recommendCare({ check: input.check, retakes: input.retakes ?? [], writing: input.writing })
      .level === 'urgent';
  const homework = includedHomework(input).map((id) => exerciseById(id));
  const reachable = new Set([...homework, ...allowed(input)].map((exercise) => exercise.modality));
  const freeSlots = Math.max(0, (urgent ? MIN_STEPS : MAX_STEPS) - homework.length);
  const homeworkModalities = new Set(homework.map((exercise) => exercise.modality)).size;
  return Math.min(MIN_MODALITIES, reachable.size, homeworkModalities + freeSlots);
}

/** Homework that should make it into the week, in order. */
function includedHomework(input: PlannerInput): ExerciseId[] {
  const ids: ExerciseId[] = [];
  for (const { exerciseId } of input.homework ?? []) {
    if (!(EXERCISE_IDS as readonly string[]).includes(exerciseId)) continue;
    const exercise = exerciseById(exerciseId);
    if (ids.includes(exercise.id) || isAvoided(exercise, input) || isPaused(exercise, input))
      continue;
    ids.push(exercise.id);
  }
  return ids.slice(0, MAX_STEPS);
}

// ---------------------------------------------------------------------------------------------

describe('a first plan', () => {
  const plan = planWeek(plannerInput());

  it('starts with the gentlest exercise for the highest sign, and says why', () => {
    expect(plan.steps[0]?.exerciseId).toBe('i-statement-builder');
    expect(say(plan.steps[0]?.reason)).toBe(
      'Sharing your thoughts and feelings came out highest of your four signs, so this week starts with the I-statement builder. It is short and gentle.',
    );
    expect(plan.steps[0]?.focus).toBe('sharing');
  });

  it('starts gently: every step is gentle and the pace says so', () => {
    expect(plan.pace.level).toBe(1);
    expect(say(plan.pace.reason)).toMatch(/start gently/);
    expect(plan.steps.every((step) => step.intensity === 1)).toBe(true);
  });

  it('has 3 to 6 steps, three or more modalities, within the budget', () => {
    expect(plan.steps.length).toBeGreaterThanOrEqual(MIN_STEPS);
    expect(plan.steps.length).toBeLessThanOrEqual(MAX_STEPS);
    expect(modalitiesOf(plan).size).toBeGreaterThanOrEqual(MIN_MODALITIES);
    expect(plan.minutes.planned).toBeLessThanOrEqual(60);
    expect(plan.minutes).toEqual({
      planned: plan.steps.reduce((sum, step) => sum + step.minutes, 0),
      budget: 60,
    });
  });

  it('gives each step a stable id from the week and the exercise, and status todo', () => {
    for (const step of plan.steps) {
      expect(step.id).toBe(stepIdFor(WEEK, step.exerciseId));
      expect(step.id).toBe(`2027-W10-${step.exerciseId}`);
      expect(step.status).toBe('todo');
      expect(step.source).toBe('plan');
    }
  });

  it('copies each exercise’s modality and targets onto its step', () => {
    for (const step of plan.steps) {
      const exercise = exerciseById(step.exerciseId);
      expect(step.modality).toBe(exercise.modality);
      expect(step.targets).toEqual(exercise.targets);
      expect(step.focus === null || step.targets.includes(step.focus)).toBe(true);
    }
  });

  it('weights steps by the highest subscales: the top root gets a step of its own', () => {
    expect(plan.steps.some((step) => step.focus === 'self-esteem')).toBe(true);
    expect(say(plan.steps.find((step) => step.focus === 'self-esteem')?.reason)).toMatch(
      /How you see yourself came out highest of your four roots/,
    );
  });

  it('recommends care from the stepped-care table and shows support first when it is not self-help', () => {
    expect(plan.recommendation.level).toBe('guided');
    expect(plan.support.map((action) => action.kind)).toEqual(['professional-help']);
  });
});

describe('the first step follows the highest sign', () => {
  it.each(SIGN_IDS.map((sign) => [sign] as const))('%s', (sign) => {
    const plan = planWeek(plannerInput({ check: checkAt({ [sign]: 5 }) }));
    expect(plan.steps[0]?.targets).toContain(sign);
    expect(say(plan.steps[0]?.reason)).toContain(
      `${NEED_PHRASES[sign].charAt(0).toUpperCase()}${NEED_PHRASES[sign].slice(1)} came out highest of your four signs`,
    );
  });

  it('says kindly when nothing stood out, and still names what the first step helps with', () => {
    const plan = planWeek(
      plannerInput({ check: checkAt({ avoidance: 1, trust: 1, sharing: 1, anxiety: 2 }) }),
    );
    expect(say(plan.steps[0]?.reason)).toMatch(/^None of the four signs stood out for you/);
    expect(say(plan.steps[0]?.reason)).toContain(NEED_PHRASES.anxiety);
  });

  it('names every tied sign', () => {
    const plan = planWeek(plannerInput({ check: checkAt({ trust: 4, anxiety: 4 }) }));
    expect(say(plan.steps[0]?.reason)).toMatch(
      /^Finding it hard to trust, and feeling anxious in close moments came out joint highest/,
    );
  });

  it('explains when the exercises for the highest sign are on the avoid list', () => {
    const plan = planWeek(
      plannerInput({
        check: checkAt({ sharing: 5 }),
        preferences: {
          minutesPerWeek: 60,
          avoidExercises: ['i-statement-builder', 'speaker-listener', 'closeness-ladder'],
        },
      }),
    );
    expect(say(plan.steps[0]?.reason)).toMatch(
      /^Sharing your thoughts and feelings came out highest of your four signs\. The exercises for it are ones you asked to leave out, so this week starts with/,
    );
  });

  it('still plans when no sign could be scored', () => {
    const answers = answersAt(3);
    for (const item of CURRENT_CLOSENESS_CHECK.items)
      if (SIGN_IDS.includes(item.subscale as never)) delete answers[item.id];
    const plan = planWeek(plannerInput({ check: scoreClosenessCheck(answers) }));
    expect(plan.steps.length).toBeGreaterThanOrEqual(MIN_STEPS);
    expect(plan.steps.every((step) => say(step.reason) !== '')).toBe(true);
  });
});

describe('pace: start gently and climb', () => {
  it('climbs one level for every three manageable steps in the last eight weeks', () => {
    expect(planWeek(plannerInput({ history: finished(2, 4) })).pace.level).toBe(1);
    expect(planWeek(plannerInput({ history: finished(3, 4) })).pace.level).toBe(2);
    expect(planWeek(plannerInput({ history: finished(6, 6) })).pace.level).toBe(3);
    expect(planWeek(plannerInput({ history: finished(12, 2) })).pace.level).toBe(3);
  });

  it('does not count steps that felt too hard to call manageable, or that were not rated', () => {
    expect(planWeek(plannerInput({ history: finished(6, 7) })).pace.level).toBe(1);
    const unrated = finished(6, 0).map((entry) => ({ ...entry, distress: null }));
    expect(planWeek(plannerInput({ history: unrated })).pace.level).toBe(1);
  });

  it('steps back one level when one of the last two steps felt very hard', () => {
    const history = [
      ...finished(6, 3),
      { exerciseId: 'values-compass', completedOn: MONDAY, distress: 9 },
    ];
    const plan = planWeek(plannerInput({ history }));
    expect(plan.pace.level).toBe(2);
    expect(say(plan.pace.reason)).toMatch(/very hard/);
  });

  it('forgets steps from more than eight weeks before the plan', () => {
    const old = finished(6, 3).map((entry) => ({
      ...entry,
      completedOn: addDays(entry.completedOn, -60),
    }));
    expect(planWeek(plannerInput({ history: old })).pace.level).toBe(1);
  });

  it('offers steadier and stretching exercises once the pace has climbed, one stretching step at most', () => {
    const plan = planWeek(
      plannerInput({ history: finished(6, 3), preferences: { minutesPerWeek: 120 } }),
    );
    expect(plan.steps.some((step) => step.intensity > 1)).toBe(true);
    expect(plan.steps.filter((step) => step.intensity === 3)).toHaveLength(1);
    expect(say(plan.steps.find((step) => step.intensity === 3)?.reason)).toMatch(
      /asks a little more/,
    );
  });

  it('orders the steps after the first from gentlest to most stretching', () => {
    const plan = planWeek(
      plannerInput({ history: finished(6, 3), preferences: { minutesPerWeek: 120 } }),
    );
    const rest = plan.steps.slice(1).map((step) => [step.intensity, step.minutes]);
    const sorted = [...rest].sort((a, b) => (a[0] ?? 0) - (b[0] ?? 0) || (a[1] ?? 0) - (b[1] ?? 0));
    expect(rest).toEqual(sorted);
  });

  it('mentions exercises the person found helpful', () => {
    const plan = planWeek(
      plannerInput({ check: checkAt({ anxiety: 5 }), history: finished(1, 2, 9) }),
    );
    expect(say(plan.steps.find((step) => step.exerciseId === 'paced-breathing')?.reason)).toMatch(
      /You found it helpful last time/,
    );
  });
});

describe('time and choices', () => {
  it('keeps to a small budget with three short steps in three modalities', () => {
    const plan = planWeek(plannerInput({ preferences: { minutesPerWeek: 25 } }));
    expect(plan.steps).toHaveLength(3);
    expect(plan.minutes.planned).toBeLessThanOrEqual(25);
    expect(modalitiesOf(plan).size).toBe(3);
  });

  it('when even the shortest week is over the budget, plans that shortest week', () => {
    const plan = planWeek(plannerInput({ preferences: { minutesPerWeek: 0 } }));
    expect(plan.steps).toHaveLength(3);
    expect(plan.minutes.planned).toBe(20);
    expect(modalitiesOf(plan).size).toBe(3);
  });

  it('adds steps up to six while the budget allows', () => {
    expect(planWeek(plannerInput({ preferences: { minutesPerWeek: 300 } })).steps).toHaveLength(6);
  });

  it('never suggests an avoided exercise or one touching an avoided topic', () => {
    const plan = planWeek(
      plannerInput({
        check: checkAt({ anxiety: 5, coping: 5 }),
        preferences: {
          minutesPerWeek: 120,
          avoidTopics: ['body-focus'],
          avoidExercises: ['self-compassion-break'],
        },
      }),
    );
    const ids = plan.steps.map((step) => step.exerciseId);
    expect(ids).not.toContain('paced-breathing');
    expect(ids).not.toContain('stress-relaxation');
    expect(ids).not.toContain('self-compassion-break');
  });

  it('rejects a week that does not exist and a budget that is not a number of minutes', () => {
    expect(codeOf(() => planWeek(plannerInput({ week: '2027-W53' })))).toBe('invalid_week');
    expect(codeOf(() => planWeek(plannerInput({ preferences: { minutesPerWeek: -5 } })))).toBe(
      'invalid_plan_input',
    );
    expect(
      codeOf(() => planWeek(plannerInput({ preferences: { minutesPerWeek: Number.NaN } }))),
    ).toBe('invalid_plan_input');
  });
});

describe('homework from a professional', () => {
  it('comes first, in the order it was set, and the start step says it follows the homework', () => {
    const plan = planWeek(
      plannerInput({
        homework: [{ exerciseId: 'relationship-pattern' }, { exerciseId: 'thought-record' }],
      }),
    );
    expect(plan.steps.slice(0, 2).map((step) => [step.exerciseId, step.source])).toEqual([
      ['relationship-pattern', 'homework'],
      ['thought-record', 'homework'],
    ]);
    expect(say(plan.steps[0]?.reason)).toMatch(/A professional you work with set this for you/);
    expect(say(plan.steps[2]?.reason)).toMatch(/after your homework, this week starts with/);
  });

  it('ignores unknown ids and repeats, and leaves out avoided or paused homework', () => {
    const plan = planWeek(
      plannerInput({
        check: checkAt({ sharing: 5 }, { 'safety-self-harm': SAFETY.yes }),
        homework: [
          { exerciseId: 'no-such-exercise' },
          { exerciseId: 'closeness-ladder' },
          { exerciseId: 'values-compass' },
          { exerciseId: 'values-compass' },
        ],
        preferences: { minutesPerWeek: 60, avoidExercises: ['values-compass'] },
      }),
    );
    expect(plan.steps.some((step) => step.source === 'homework')).toBe(false);
  });
});

describe('safety', () => {
  it('urgent: Get help now and the safety plan come first, exposure is paused, the week is short and gentle', () => {
    const plan = planWeek(
      plannerInput({
        check: checkAt({ avoidance: 5, sharing: 5 }, { 'safety-self-harm': SAFETY.yes }),
        history: finished(9, 2),
        preferences: { minutesPerWeek: 120 },
      }),
    );
    expect(plan.recommendation.level).toBe('urgent');
    expect(plan.support.slice(0, 2).map((action) => action.kind)).toEqual([
      'get-help-now',
      'safety-plan',
    ]);
    expect(plan.paused?.exerciseIds).toEqual([
      'behavioural-experiment',
      'closeness-ladder',
      'i-statement-builder',
      'boundary-script-builder',
      'speaker-listener',
    ]);
    expect(say(plan.paused?.reason)).toMatch(/face fears step by step, or to practise hard talks/);
    expect(plan.steps).toHaveLength(MIN_STEPS);
    expect(plan.pace.level).toBe(1);
    expect(plan.steps.every((step) => !exerciseById(step.exerciseId).exposure)).toBe(true);
    expect(plan.steps.every((step) => step.intensity === 1)).toBe(true);
  });

  it('a crisis flag in recent writing: urgent, Get help now and the safety plan first, exposure paused', () => {
    const plan = planWeek(
      plannerInput({
        check: checkAt({ avoidance: 5, sharing: 5 }),
        writing: { crisis: true, safeguarding: false },
        history: finished(9, 2),
        preferences: { minutesPerWeek: 120 },
      }),
    );
    expect(plan.recommendation.level).toBe('urgent');
    expect(plan.recommendation.rules).toContain('crisis-in-writing');
    expect(plan.support.slice(0, 2).map((action) => action.kind)).toEqual([
      'get-help-now',
      'safety-plan',
    ]);
    expect(plan.paused?.exerciseIds).toEqual(
      expect.arrayContaining(['behavioural-experiment', 'closeness-ladder']),
    );
    expect(plan.steps).toHaveLength(MIN_STEPS);
    for (const exercise of exercisesOf(plan))
      expect(exercise.exposure || exercise.pausedWhenUnsafe).toBe(false);
  });

  it('a safeguarding flag in recent writing pauses as the partner-safety answer does, help first', () => {
    const plan = planWeek(
      plannerInput({
        check: checkAt({ trust: 5, sharing: 4 }),
        writing: { crisis: false, safeguarding: true },
        history: finished(6, 2),
        preferences: { minutesPerWeek: 200 },
      }),
    );
    expect(plan.recommendation.level).toBe('professional');
    expect(plan.recommendation.rules).toEqual(expect.arrayContaining(['safeguarding-in-writing']));
    expect(plan.support[0]?.kind).toBe('safeguarding-help');
    expect(plan.paused?.exerciseIds).toEqual([
      'thought-record',
      'behavioural-experiment',
      'closeness-ladder',
      'i-statement-builder',
      'boundary-script-builder',
      'speaker-listener',
    ]);
    for (const exercise of exercisesOf(plan))
      expect(
        exercise.exposure ||
          exercise.needsPartner ||
          exercise.pausedWhenUnsafe ||
          exercise.questionsFears,
      ).toBe(false);
  });

  it('partner safety: support first, and no partner, exposure or fear-questioning exercises', () => {
    const plan = planWeek(
      plannerInput({
        check: checkAt({ trust: 5, sharing: 4 }, { 'safety-partner-control': SAFETY.yes }),
        history: finished(6, 2),
        preferences: { minutesPerWeek: 200 },
      }),
    );
    expect(plan.recommendation.level).toBe('professional');
    expect(plan.support.map((action) => action.kind)).toEqual([
      'safeguarding-help',
      'professional-help',
    ]);
    expect(plan.paused?.exerciseIds).toEqual([
      'thought-record',
      'behavioural-experiment',
      'closeness-ladder',
      'i-statement-builder',
      'boundary-script-builder',
      'speaker-listener',
    ]);
    expect(say(plan.paused?.reason)).toMatch(/saying hard things to someone/);
    for (const exercise of exercisesOf(plan)) {
      expect(
        exercise.exposure ||
          exercise.needsPartner ||
          exercise.pausedWhenUnsafe ||
          exercise.questionsFears,
      ).toBe(false);
      if (exercise.involvesSomeone)
        expect(say(plan.steps.find((step) => step.exerciseId === exercise.id)?.reason)).toMatch(
          /only with someone who feels safe/,
        );
    }
  });

  it('partner safety: never a couples exercise, not the gentle start-up nor the boundary script, and says why the start is elsewhere', () => {
    // Sharing highest: without the pause, the I-statement builder would start the week.
    const input = plannerInput({
      check: checkAt(
        { sharing: 5, trust: 4, 'self-esteem': 4 },
        { 'safety-partner-fear': SAFETY.yes },
      ),
      history: finished(6, 2),
      preferences: { minutesPerWeek: 200 },
      homework: [{ exerciseId: 'i-statement-builder' }, { exerciseId: 'boundary-script-builder' }],
    });
    const plan = planWeek(input);
    const couples = ['i-statement-builder', 'boundary-script-builder', 'speaker-listener'];
    expect(plan.steps.filter((step) => couples.includes(step.exerciseId))).toEqual([]);
    expect(plan.steps.some((step) => step.source === 'homework')).toBe(false);
    expect(say(plan.steps[0]?.reason)).toMatch(
      /^Sharing your thoughts and feelings came out highest .*paused for now, to keep you safe/,
    );
    for (const step of plan.steps) {
      if (step.status !== 'todo') continue;
      try {
        const { step: swapped } = swapStep(plan, step.id, input);
        expect(couples).not.toContain(swapped.exerciseId);
      } catch (error) {
        expect((error as DomainError).code).toBe(NO_SWAP_AVAILABLE);
      }
    }
  });

  it('urgent: a swap never brings back the closeness ladder or the behavioural experiment', () => {
    const input = plannerInput({
      check: checkAt({ avoidance: 5, anxiety: 5 }, { 'safety-self-harm': SAFETY.yes }),
      history: finished(9, 2),
      preferences: { minutesPerWeek: 120 },
    });
    const plan = planWeek(input);
    expect(plan.paused?.exerciseIds).toEqual(
      expect.arrayContaining(['closeness-ladder', 'behavioural-experiment']),
    );
    const swapped = swapInTurn(plan, [0, 1, 2, 0, 1, 2, 0, 1, 2], input);
    for (const exercise of exercisesOf(swapped)) expect(exercise.exposure).toBe(false);
  });

  it('a plain self-help plan has no support actions and nothing paused', () => {
    const plan = planWeek(plannerInput({ check: checkAt({ sharing: 4 }) }));
    expect(plan.recommendation.level).toBe('self-help');
    expect(plan.support).toEqual([]);
    expect(plan.paused).toBeNull();
  });
});

describe('updating the plan', () => {
  it('within the same week, keeps finished and still-allowed steps and fills the gaps', () => {
    const first = planWeek(plannerInput());
    const done = first.steps[1];
    const updated = planWeek(
      plannerInput({
        previousPlan: {
          ...first,
          steps: first.steps.map((step) => (step === done ? { ...step, status: 'done' } : step)),
        },
        preferences: { minutesPerWeek: 60, avoidExercises: [first.steps[2]?.exerciseId ?? ''] },
        history: [{ exerciseId: done?.exerciseId ?? '', completedOn: MONDAY, distress: 2 }],
      }),
    );
    expect(updated.steps.find((step) => step.id === done?.id)?.status).toBe('done');
    expect(updated.steps.map((step) => step.exerciseId)).not.toContain(first.steps[2]?.exerciseId);
    for (const step of first.steps)
      if (step !== first.steps[2]) expect(updated.steps.map((kept) => kept.id)).toContain(step.id);
  });

  it('after a new Check in the same week, keeps only the finished steps', () => {
    const first = planWeek(plannerInput());
    const previousPlan: WeeklyPlan = {
      ...first,
      steps: first.steps.map((step, index) => (index === 0 ? { ...step, status: 'done' } : step)),
    };
    const rebuilt = planWeek(
      plannerInput({
        check: checkAt({ anxiety: 5, coping: 5 }),
        previousPlan,
        sameWeek: 'rebuild',
      }),
    );
    expect(rebuilt.steps[0]).toEqual(previousPlan.steps[0]);
    expect(say(rebuilt.steps[1]?.reason)).toMatch(
      /^Feeling anxious in close moments came out highest of your four signs, so the rest of this week starts with/,
    );
  });

  it('does not bring back, in the same week, an exercise the person swapped away', () => {
    const input = plannerInput();
    const first = planWeek(input);
    const { plan } = swapStep(first, first.steps[1]?.id ?? '', input);
    const updated = planWeek({ ...input, previousPlan: plan, sameWeek: 'rebuild' });
    expect(updated.swappedOut).toEqual([first.steps[1]?.exerciseId]);
    expect(updated.steps.map((step) => step.exerciseId)).not.toContain(first.steps[1]?.exerciseId);
  });

  it('starts a new week without last week’s swaps, and sets a skipped exercise aside when there is another choice', () => {
    // Setting aside is a small penalty, not a ban: with room for every gentle exercise, a
    // skipped one can come back. A tight budget forces a choice.
    const input = plannerInput({ preferences: { minutesPerWeek: 25 } });
    const first = planWeek(input);
    const skipped = first.steps.at(-1);
    expect(skipped?.exerciseId).toBe('confidence-builders');
    const next = planWeek({
      ...input,
      week: addWeeks(WEEK, 1),
      previousPlan: {
        ...first,
        steps: first.steps.map((step) =>
          step === skipped ? { ...step, status: 'skipped' as const } : step,
        ),
        swappedOut: ['values-compass'],
      },
    });
    expect(next.swappedOut).toEqual([]);
    expect(next.steps.every((step) => step.id.startsWith('2027-W11-'))).toBe(true);
    expect(next.steps.map((step) => step.exerciseId)).not.toContain('confidence-builders');
    expect(next.steps).toHaveLength(3);
  });
});

describe('leaving a step for this week', () => {
  const input = plannerInput({ history: finished(3, 3), preferences: { minutesPerWeek: 90 } });
  const plan = planWeek(input);

  it('marks the step skipped in its place, takes its minutes off and brings nothing in', () => {
    const old = plan.steps[1];
    const { plan: after, step } = skipStep(plan, old?.id ?? '');
    expect(step).toEqual({ ...old, status: 'skipped' });
    expect(after.steps[1]).toEqual(step);
    expect(after.steps).toHaveLength(plan.steps.length);
    expect(after.minutes.planned).toBe(plan.minutes.planned - (old?.minutes ?? 0));
    expect(plan.steps[1]?.status).toBe('todo');
  });

  it('stays skipped when the week is made again (kept or rebuilt), and is not chosen again', () => {
    const old = plan.steps[1];
    const { plan: after } = skipStep(plan, old?.id ?? '');
    for (const sameWeek of ['keep', 'rebuild'] as const) {
      const again = planWeek({ ...input, previousPlan: after, sameWeek });
      const same = again.steps.filter((step) => step.exerciseId === old?.exerciseId);
      expect(
        same.map((step) => step.status),
        sameWeek,
      ).toEqual(['skipped']);
      expect(again.steps.length, sameWeek).toBeLessThanOrEqual(plan.steps.length);
    }
    expect(planWeek({ ...input, previousPlan: after, sameWeek: 'keep' }).steps).toHaveLength(
      plan.steps.length,
    );
  });

  it('is not swapped back in by a swap of another step', () => {
    const old = plan.steps[0];
    let current = skipStep(plan, old?.id ?? '').plan;
    for (const step of current.steps) {
      if (step.status !== 'todo') continue;
      try {
        current = swapStep(current, step.id, { ...input, previousPlan: current }).plan;
      } catch (error) {
        expect((error as DomainError).code).toBe(NO_SWAP_AVAILABLE);
      }
    }
    expect(current.steps.filter((step) => step.exerciseId === old?.exerciseId)).toHaveLength(1);
  });

  it('throws for a step that is not in the plan, or already done or skipped', () => {
    expect(codeOf(() => skipStep(plan, 'nope'))).toBe(PLAN_STEP_NOT_FOUND);
    const id = plan.steps[0]?.id ?? '';
    const skipped = skipStep(plan, id).plan;
    expect(codeOf(() => skipStep(skipped, id))).toBe(PLAN_STEP_NOT_SKIPPABLE);
    const done = {
      ...plan,
      steps: plan.steps.map((step) => ({ ...step, status: 'done' as const })),
    };
    expect(codeOf(() => skipStep(done, id))).toBe(PLAN_STEP_NOT_SKIPPABLE);
    expect(codeOf(() => swapStep(skipped, id, input))).toBe(PLAN_STEP_NOT_SWAPPABLE);
  });
});

describe('swapping a step', () => {
  const input = plannerInput({ history: finished(3, 3), preferences: { minutesPerWeek: 90 } });
  const plan = planWeek(input);

  it('gives a different exercise for the same need, in the same place, and records the swap', () => {
    const old = plan.steps[0];
    const { plan: swapped, step } = swapStep(plan, old?.id ?? '', input);
    expect(step.exerciseId).not.toBe(old?.exerciseId);
    expect(step.targets).toContain(old?.focus);
    expect(step.focus).toBe(old?.focus);
    expect(step.id).toBe(stepIdFor(WEEK, step.exerciseId));
    expect(swapped.steps[0]).toEqual(step);
    expect(swapped.swappedOut).toEqual([old?.exerciseId]);
    expect(say(step.reason)).toMatch(/^You swapped the I-statement builder for/);
    expect(plan.steps[0]).toBe(old);
  });

  it('is deterministic', () => {
    const id = plan.steps[1]?.id ?? '';
    expect(swapStep(plan, id, input)).toEqual(swapStep(plan, id, input));
  });

  it('throws for a step that is not in the plan, or that is done', () => {
    expect(codeOf(() => swapStep(plan, 'nope', input))).toBe(PLAN_STEP_NOT_FOUND);
    const done = {
      ...plan,
      steps: plan.steps.map((step) => ({ ...step, status: 'done' as const })),
    };
    expect(codeOf(() => swapStep(done, plan.steps[0]?.id ?? '', input))).toBe(
      PLAN_STEP_NOT_SWAPPABLE,
    );
  });

  it('never swaps in a second stretching step: the climb stays gradual', () => {
    // Avoidance highest and a climbed pace: the week already has the closeness ladder, and the
    // behavioural experiment also targets avoidance.
    const climbed = plannerInput({
      check: checkAt({ avoidance: 5 }),
      history: finished(9, 2),
      preferences: { minutesPerWeek: 90 },
    });
    const week = planWeek(climbed);
    expect(stretchingChosen(week)).toBe(1);
    const gentle = week.steps.find((step) => step.exerciseId === 'confidence-builders');
    const { plan: swapped, step } = swapStep(week, gentle?.id ?? '', climbed);
    expect(step.intensity).toBeLessThan(3);
    expect(stretchingChosen(swapped)).toBe(1);
  });

  it('throws when nothing else targets the need', () => {
    const step = plan.steps[0];
    const others = CATALOGUE.filter(
      (exercise) =>
        exercise.id !== step?.exerciseId && exercise.targets.includes(step?.focus ?? 'sharing'),
    ).map((exercise) => exercise.id);
    const avoiding = { ...input, preferences: { minutesPerWeek: 90, avoidExercises: others } };
    expect(codeOf(() => swapStep(plan, step?.id ?? '', avoiding))).toBe(NO_SWAP_AVAILABLE);
  });
});

// ---------------------------------------------------------------------------------------------
// Properties over many simulated people.

const safetyAnswer = fc.oneof(
  { arbitrary: fc.constant(SAFETY.no), weight: 6 },
  { arbitrary: fc.constant(SAFETY.yes), weight: 1 },
  { arbitrary: fc.constant(SAFETY.ratherNotSay), weight: 1 },
);

/** Item-level answers (a few left out), so scores, ties and missing subscales all occur. */
const checkArbitrary = fc
  .record({
    items: fc.tuple(
      ...CURRENT_CLOSENESS_CHECK.items.map(() =>
        fc.option(fc.integer({ min: 1, max: 5 }), { freq: 12, nil: undefined }),
      ),
    ),
    safety: fc.tuple(...CURRENT_CLOSENESS_CHECK.safetyQuestions.map(() => safetyAnswer)),
  })
  .map(({ items, safety }) => {
    const answers: Record<string, number> = {};
    CURRENT_CLOSENESS_CHECK.items.forEach((item, index) => {
      const value = items[index];
      if (value !== undefined) answers[item.id] = value;
    });
    CURRENT_CLOSENESS_CHECK.safetyQuestions.forEach((question, index) => {
      answers[question.id] = safety[index] as number;
    });
    return scoreClosenessCheck(answers);
  });

const labelArbitrary = fc.constantFrom<ChangeLabel>(
  'not-assessed',
  'no-reliable-change',
  'reliable-improvement',
  'reliable-deterioration',
);

const retakeArbitrary = fc
  .tuple(...SCORED_SUBSCALE_IDS.map(() => labelArbitrary))
  .map(
    (labels) =>
      Object.fromEntries(
        SCORED_SUBSCALE_IDS.map((id, index) => [id, { label: labels[index] }]),
      ) as ChangeSinceStart,
  );

const weekArbitrary = fc
  .integer({ min: 0, max: 3_000 })
  .map((offset) => addWeeks('2026-W01', offset));

function historyArbitrary(week: string) {
  return fc.array(
    fc
      .record({
        exerciseId: fc.constantFrom<string>(...EXERCISE_IDS, 'retired-exercise'),
        daysBefore: fc.integer({ min: -6, max: 90 }),
        distress: fc.option(fc.integer({ min: 0, max: 10 }), { nil: null }),
        helpfulness: fc.option(fc.integer({ min: 0, max: 10 }), { nil: null }),
      })
      .map(({ daysBefore, ...rest }) => ({
        ...rest,
        completedOn: addDays(weekStart(week), -daysBefore),
      })),
    { maxLength: 14 },
  );
}

const inputArbitrary: fc.Arbitrary<PlannerInput> = weekArbitrary.chain((week) =>
  fc.record({
    week: fc.constant(week),
    check: checkArbitrary,
    retakes: fc.array(retakeArbitrary, { maxLength: 3 }),
    history: historyArbitrary(week),
    // Flags from the risk check of recent writing, on their own or with the Check's answers.
    writing: fc.option(fc.record({ crisis: fc.boolean(), safeguarding: fc.boolean() }), {
      nil: undefined,
    }),
    preferences: fc.record({
      minutesPerWeek: fc.integer({ min: 0, max: 240 }),
      avoidExercises: fc.subarray([...EXERCISE_IDS], { maxLength: 6 }),
      avoidTopics: fc.subarray([...EXERCISE_TOPICS], { maxLength: 2 }),
    }),
    homework: fc.oneof(
      { arbitrary: fc.constant([]), weight: 3 },
      {
        arbitrary: fc
          .subarray([...EXERCISE_IDS], { maxLength: 2 })
          .map((ids) => ids.map((exerciseId) => ({ exerciseId }))),
        weight: 1,
      },
    ),
  }),
);

const RUNS = { numRuns: 300 };

describe('properties of every plan', () => {
  it('has 3 to 6 distinct steps whenever three exercises are allowed (3 at most when urgent)', () => {
    fc.assert(
      fc.property(inputArbitrary, (input) => {
        const plan = planWeek(input);
        const homework = includedHomework(input);
        const available = new Set([...homework, ...allowed(input).map((exercise) => exercise.id)]);
        expect(plan.steps.length).toBeGreaterThanOrEqual(Math.min(MIN_STEPS, available.size));
        const most =
          plan.recommendation.level === 'urgent' ? Math.max(MIN_STEPS, homework.length) : MAX_STEPS;
        expect(plan.steps.length).toBeLessThanOrEqual(most);
        expect(new Set(plan.steps.map((step) => step.exerciseId)).size).toBe(plan.steps.length);
        expect(new Set(plan.steps.map((step) => step.id)).size).toBe(plan.steps.length);
        for (const step of plan.steps) {
          expect(step.id).toBe(stepIdFor(input.week, step.exerciseId));
          expect(step.status).toBe('todo');
          expect(say(step.reason).length).toBeGreaterThan(20);
          if (step.focus !== null) expect(step.targets).toContain(step.focus);
        }
      }),
      RUNS,
    );
  });

  it('with any safeguarding flag (answers or writing), puts safeguarding help first among the help and pauses thought-challenging', () => {
    fc.assert(
      fc.property(inputArbitrary, (input) => {
        if (!isSafeguarding(input)) return;
        const plan = planWeek(input);
        expect(plan.support.map((action) => action.kind)).toContain('safeguarding-help');
        for (const exercise of exercisesOf(plan)) {
          expect(exercise.questionsFears, exercise.id).toBe(false);
          expect(exercise.needsPartner, exercise.id).toBe(false);
        }
      }),
      RUNS,
    );
  });

  it('never includes an avoided exercise, or one paused for safety', () => {
    fc.assert(
      fc.property(inputArbitrary, (input) => {
        for (const exercise of exercisesOf(planWeek(input))) {
          expect(isAvoided(exercise, input)).toBe(false);
          expect(isPaused(exercise, input)).toBe(false);
        }
      }),
      RUNS,
    );
  });

  it('puts homework first, in the order it was set', () => {
    fc.assert(
      fc.property(inputArbitrary, (input) => {
        const plan = planWeek(input);
        const homework = includedHomework(input);
        expect(plan.steps.slice(0, homework.length).map((step) => step.exerciseId)).toEqual(
          homework,
        );
        expect(plan.steps.filter((step) => step.source === 'homework')).toHaveLength(
          homework.length,
        );
      }),
      RUNS,
    );
  });

  it('keeps within the budget whenever any valid week could, and goes over only with the smallest valid week', () => {
    fc.assert(
      fc.property(inputArbitrary, (input) => {
        const plan = planWeek(input);
        const budget = input.preferences.minutesPerWeek;
        // No valid week ever needs more than three of the longest exercises (20 minutes each),
        // plus at most two pieces of homework.
        if (budget >= 100) expect(plan.minutes.planned).toBeLessThanOrEqual(budget);
        if (plan.minutes.planned > budget) {
          // Then the week is the smallest valid one: three steps, or the homework plus one
          // new modality per step until the mix is reached.
          const homework = includedHomework(input).map((id) => exerciseById(id));
          const homeworkModalities = new Set(homework.map((exercise) => exercise.modality)).size;
          const deficit = Math.max(0, requiredMix(input) - homeworkModalities);
          const available = new Set([
            ...homework.map((exercise) => exercise.id),
            ...allowed(input).map((exercise) => exercise.id),
          ]).size;
          expect(plan.steps.length).toBe(
            Math.min(available, Math.max(MIN_STEPS, homework.length + deficit)),
          );
        }
      }),
      RUNS,
    );
  });

  it('mixes three modalities in a week whenever the allowed exercises and the homework leave room', () => {
    fc.assert(
      fc.property(inputArbitrary, (input) => {
        const plan = planWeek(input);
        expect(modalitiesOf(plan).size).toBeGreaterThanOrEqual(requiredMix(input));
      }),
      RUNS,
    );
  });

  it('mixes at least three modalities across any two weeks in a row', () => {
    const statuses = fc.array(
      fc.constantFrom('todo' as const, 'done' as const, 'skipped' as const),
      {
        minLength: MAX_STEPS,
        maxLength: MAX_STEPS,
      },
    );
    fc.assert(
      fc.property(
        inputArbitrary,
        statuses,
        fc.array(fc.integer({ min: 0, max: 10 }), { maxLength: 6 }),
        (input, marks, distress) => {
          const first = planWeek(input);
          const previousPlan: WeeklyPlan = {
            ...first,
            steps: first.steps.map((step, index) => ({ ...step, status: marks[index] ?? 'todo' })),
          };
          const nextWeek = addWeeks(input.week, 1);
          const history = [
            ...(input.history ?? []),
            ...previousPlan.steps
              .filter((step) => step.status === 'done')
              .map((step, index) => ({
                exerciseId: step.exerciseId,
                completedOn: addDays(weekStart(input.week), index),
                distress: distress[index] ?? 3,
              })),
          ];
          const second = planWeek({ ...input, week: nextWeek, history, previousPlan });
          const both = new Set([...modalitiesOf(first), ...modalitiesOf(second)]);
          expect(both.size).toBeGreaterThanOrEqual(requiredMix(input));
          expect(second.steps.every((step) => step.id.startsWith(`${nextWeek}-`))).toBe(true);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('is deterministic: the same input gives the same plan', () => {
    fc.assert(
      fc.property(inputArbitrary, (input) => {
        expect(planWeek(structuredClone(input))).toEqual(planWeek(input));
      }),
      { numRuns: 100 },
    );
  });

  it('when urgent, puts Get help now and the safety plan first and has no exposure step', () => {
    fc.assert(
      fc.property(inputArbitrary, (input) => {
        const plan = planWeek(input);
        if (plan.recommendation.level !== 'urgent') return;
        expect(plan.support.slice(0, 2).map((action) => action.kind)).toEqual([
          'get-help-now',
          'safety-plan',
        ]);
        expect(exercisesOf(plan).some((exercise) => exercise.exposure)).toBe(false);
        expectPaused(plan, ['closeness-ladder', 'behavioural-experiment'], input);
        // Homework from a professional is kept unless it is exposure: they know the person.
        expect(plan.steps.every((step) => step.source === 'homework' || step.intensity <= 2)).toBe(
          true,
        );
      }),
      RUNS,
    );
  });

  it('while partner safety is a worry, shows safeguarding help and no partner, exposure or fear-questioning step', () => {
    fc.assert(
      fc.property(inputArbitrary, (input) => {
        const plan = planWeek(input);
        if (!input.check.safety.flags.some((flag) => flag.level === 'safeguarding')) return;
        expect(plan.support.map((action) => action.kind)).toContain('safeguarding-help');
        // Homework included: a professional's homework is left out too while this is a worry.
        for (const exercise of exercisesOf(plan))
          expect(
            exercise.exposure ||
              exercise.needsPartner ||
              exercise.pausedWhenUnsafe ||
              exercise.questionsFears,
          ).toBe(false);
        expectPaused(plan, ['i-statement-builder', 'boundary-script-builder'], input);
      }),
      RUNS,
    );
  });

  it('names the highest sign in the reason of the first step it chose', () => {
    fc.assert(
      fc.property(inputArbitrary, (input) => {
        const plan = planWeek(input);
        const highest = input.check.highest.sign;
        const first = plan.steps.find((step) => step.source === 'plan');
        if (!highest || !first) return;
        const reason = say(first.reason).toLowerCase();
        expect(highest.subscales.some((id) => reason.includes(NEED_PHRASES[id]))).toBe(true);
      }),
      RUNS,
    );
  });

  it('starts gently: with nothing finished yet, only gentle steps unless too few are allowed', () => {
    fc.assert(
      fc.property(inputArbitrary, (input) => {
        const fresh = { ...input, history: [], homework: [] };
        const plan = planWeek(fresh);
        const gentle = allowed(fresh).filter((exercise) => exercise.intensity === 1);
        const modalities = new Set(allowed(fresh).map((exercise) => exercise.modality));
        const gentleModalities = new Set(gentle.map((exercise) => exercise.modality));
        if (
          gentle.length >= MIN_STEPS &&
          gentleModalities.size >= Math.min(MIN_MODALITIES, modalities.size)
        )
          expect(plan.steps.every((step) => step.intensity === 1)).toBe(true);
      }),
      RUNS,
    );
  });

  it('has at most one stretching step a week, homework aside', () => {
    fc.assert(
      fc.property(inputArbitrary, (input) => {
        const plan = planWeek(input);
        expect(stretchingChosen(plan)).toBeLessThanOrEqual(1);
      }),
      RUNS,
    );
  });
});

describe('properties of swapping', () => {
  it('keeps the need, changes the exercise, and never picks an avoided, paused or repeated one', () => {
    fc.assert(
      fc.property(inputArbitrary, fc.nat(), (input, pick) => {
        const plan = planWeek(input);
        const old = plan.steps[pick % Math.max(1, plan.steps.length)];
        if (!old) return;
        let result: ReturnType<typeof swapStep>;
        try {
          result = swapStep(plan, old.id, input);
        } catch (error) {
          expect(error).toBeInstanceOf(DomainError);
          expect((error as DomainError).code).toBe(NO_SWAP_AVAILABLE);
          return;
        }
        const { step, plan: swapped } = result;
        const exercise = exerciseById(step.exerciseId);
        expect(step.exerciseId).not.toBe(old.exerciseId);
        expect(exercise.targets).toContain(old.focus ?? old.targets[0]);
        expect(isAvoided(exercise, input) || isPaused(exercise, input)).toBe(false);
        expect(plan.steps.map((existing) => existing.exerciseId)).not.toContain(step.exerciseId);
        expect(swapped.steps.map((existing) => existing.id)).toEqual(
          plan.steps.map((existing) => (existing.id === old.id ? step.id : existing.id)),
        );
        expect(swapped.swappedOut).toContain(old.exerciseId);
        expect(swapped.minutes.planned).toBe(
          swapped.steps.reduce((sum, entry) => sum + entry.minutes, 0),
        );
      }),
      RUNS,
    );
  });

  const picks = fc.array(fc.nat(), { minLength: 1, maxLength: 8 });

  it('after any sequence of swaps: at most one stretching step a week, and nothing avoided or paused', () => {
    fc.assert(
      fc.property(inputArbitrary, picks, (input, order) => {
        const plan = planWeek(input);
        const swapped = swapInTurn(plan, order, input);
        expect(stretchingChosen(swapped)).toBeLessThanOrEqual(1);
        const paused = new Set<string>(swapped.paused?.exerciseIds ?? []);
        for (const step of swapped.steps) {
          const exercise = exerciseById(step.exerciseId);
          expect(isAvoided(exercise, input) || isPaused(exercise, input)).toBe(false);
          expect(paused.has(step.exerciseId)).toBe(false);
        }
        if (isSafeguarding(input))
          for (const exercise of exercisesOf(swapped))
            expect(exercise.pausedWhenUnsafe || exercise.needsPartner).toBe(false);
      }),
      RUNS,
    );
  });

  it('when urgent, the exposure exercises are paused and no swap brings either back', () => {
    fc.assert(
      fc.property(inputArbitrary, picks, (input, order) => {
        const plan = planWeek(input);
        if (plan.recommendation.level !== 'urgent') return;
        expectPaused(plan, ['closeness-ladder', 'behavioural-experiment'], input);
        const swapped = swapInTurn(plan, order, input);
        for (const step of swapped.steps)
          expect(['closeness-ladder', 'behavioural-experiment']).not.toContain(step.exerciseId);
      }),
      RUNS,
    );
  });
});
