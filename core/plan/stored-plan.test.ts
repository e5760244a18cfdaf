import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { answersAt, SAFETY } from '../../tests/factories/closeness-check.factory';
import { SCORED_SUBSCALE_IDS } from '../assessment/closeness-check.definition';
import { scoreClosenessCheck } from '../assessment/scoring';
import { message, renderPlanMessage } from './plan-messages';
import { planWeek, skipStep, swapStep, type PlannerInput, type WeeklyPlan } from './planner';
import {
  MAX_REASON_DEPTH,
  parseStoredPlan,
  parseStoredWeek,
  readStoredWeek,
  storedWeekTexts,
} from './stored-plan';

const WEEK = '2027-W10';

function check(levels: Record<string, number>, safety: Record<string, number> = {}) {
  const all = Object.fromEntries(SCORED_SUBSCALE_IDS.map((id) => [id, levels[id] ?? 2]));
  return scoreClosenessCheck(answersAt(all, safety));
}

function input(overrides: Partial<PlannerInput> = {}): PlannerInput {
  return {
    week: WEEK,
    check: check({ sharing: 5, trust: 4, 'self-esteem': 4 }),
    preferences: { minutesPerWeek: 60 },
    ...overrides,
  };
}

/** A plan as the planner makes it, as it comes back from storage (JSON). */
const stored = (plan: WeeklyPlan): unknown => JSON.parse(JSON.stringify(plan));

/** A plan made by the real planner: some sign levels, maybe a crisis answer, maybe a swap. */
const plans = fc
  .record({
    levels: fc.dictionary(fc.constantFrom(...SCORED_SUBSCALE_IDS), fc.integer({ min: 1, max: 5 })),
    crisis: fc.boolean(),
    partnerFear: fc.boolean(),
    writing: fc.record({ crisis: fc.boolean(), safeguarding: fc.boolean() }),
    minutes: fc.integer({ min: 0, max: 300 }),
    swap: fc.boolean(),
    skip: fc.boolean(),
  })
  .map(({ levels, crisis, partnerFear, writing, minutes, swap, skip }) => {
    const plannerInput = input({
      check: check(levels, {
        ...(crisis ? { 'safety-self-harm': SAFETY.yes } : {}),
        ...(partnerFear ? { 'safety-partner-fear': SAFETY.yes } : {}),
      }),
      writing,
      preferences: { minutesPerWeek: minutes },
    });
    let plan = planWeek(plannerInput);
    const todo = plan.steps.find((step) => step.status === 'todo');
    if (swap && todo) {
      try {
        plan = swapStep(plan, todo.id, { ...plannerInput, previousPlan: plan }).plan;
      } catch {
        // No swap available: the plan as made.
      }
    }
    const next = plan.steps.find((step) => step.status === 'todo');
    if (skip && next) plan = skipStep(plan, next.id).plan;
    return plan;
  });

describe('stored plan weeks', () => {
  it('a plan made by the real planner reads back exactly as it was, strictly too', () => {
    fc.assert(
      fc.property(plans, (plan) => {
        expect(parseStoredWeek(stored(plan))).toEqual(plan);
        // Unchanged to the byte, so a week read and made again is not saved again for nothing.
        expect(JSON.stringify(parseStoredWeek(stored(plan)))).toBe(JSON.stringify(plan));
        expect(readStoredWeek(stored(plan), { unknownKeys: 'refuse' })).toEqual({ plan });
        expect(parseStoredPlan({ checkId: 'c1', plan: stored(plan) })).toEqual({
          checkId: 'c1',
          plan,
        });
      }),
      { numRuns: 60 },
    );
  });

  it('reads a plan stored before reasons became descriptors, wrapping each reason as it was', () => {
    const plan = planWeek(input());
    const old: any = stored(plan);
    old.recommendation.reasons = ['Some signs stand out.'];
    delete old.recommendation.rules;
    old.pace.reason = 'Start gently.';
    old.steps[0].reason = 'Because it helps.';
    old.support = old.support.map((action: any) => ({ ...action, reason: 'Talk to someone.' }));
    const read = parseStoredWeek(old)!;
    expect(read).not.toBeNull();
    expect(read.recommendation.reasons).toEqual([
      message('plan.legacy', { text: 'Some signs stand out.' }),
    ]);
    expect(read.recommendation.rules).toEqual([]);
    expect(renderPlanMessage(read.pace.reason)).toBe('Start gently.');
    expect(renderPlanMessage(read.steps[0]!.reason)).toBe('Because it helps.');
    expect(read.steps.slice(1)).toEqual(plan.steps.slice(1));
  });

  it('drops fields a plan does not have when reading a stored week, and refuses them on import', () => {
    const plan = planWeek(input());
    const extra: any = stored(plan);
    extra.padding = 'x'.repeat(1_000_000);
    extra.recommendation.note = 'hello';
    extra.steps[1].colour = 'red';
    expect(parseStoredWeek(extra)).toEqual(plan);
    expect(readStoredWeek(extra, { unknownKeys: 'refuse' }).problem).toEqual({
      path: 'padding',
      problem: 'is not something a plan holds',
    });
    delete extra.padding;
    expect(readStoredWeek(extra, { unknownKeys: 'refuse' }).problem?.path).toBe(
      'recommendation.note',
    );
  });

  it('refuses each kind of junk, naming where it is', () => {
    const plan = planWeek(input());
    const problemOf = (change: (week: any) => void) => {
      const week: any = stored(plan);
      change(week);
      expect(parseStoredWeek(week)).toBeNull();
      return readStoredWeek(week).problem?.path;
    };
    expect(problemOf((week) => (week.swappedOut = [1, 'a']))).toBe('swappedOut[0]');
    expect(problemOf((week) => (week.swappedOut = ['not-an-exercise']))).toBe('swappedOut[0]');
    expect(problemOf((week) => (week.steps[2].intensity = 4))).toBe('steps[2].intensity');
    expect(problemOf((week) => (week.steps[0].targets = ['nope']))).toBe('steps[0].targets[0]');
    expect(problemOf((week) => (week.steps[1].id = week.steps[0].id))).toBe('steps[1].id');
    expect(problemOf((week) => (week.minutes.planned = -1))).toBe('minutes.planned');
    expect(problemOf((week) => (week.minutes = { planned: 1 }))).toBe('minutes.budget');
    expect(problemOf((week) => (week.recommendation.level = 'mild'))).toBe('recommendation.level');
    expect(problemOf((week) => (week.recommendation.rules = ['made-up']))).toBe(
      'recommendation.rules[0]',
    );
    expect(problemOf((week) => (week.pace.reason = { key: 'api.not_found' }))).toBe(
      'pace.reason.key',
    );
    expect(problemOf((week) => (week.pace.reason = { key: 'plan.no-such-sentence' }))).toBe(
      'pace.reason.key',
    );
    expect(problemOf((week) => (week.steps[0].reason = 'x'.repeat(2_001)))).toBe('steps[0].reason');
    expect(problemOf((week) => (week.support = [{ kind: 'call-a-friend', reason: 'x' }]))).toBe(
      'support[0].kind',
    );
    expect(problemOf((week) => (week.week = '2027-10'))).toBe('week');
    expect(problemOf((week) => (week.paused = { exerciseIds: [3], reason: 'x' }))).toBe(
      'paused.exerciseIds[0]',
    );
    expect(readStoredWeek([]).problem).toEqual({
      path: '(the plan)',
      problem: 'must be an object',
    });
  });

  it('refuses reasons nested too deep, or too many of them, however deep the input goes', () => {
    const plan = planWeek(input());
    const nested = (depth: number): unknown => {
      let reason: unknown = message('plan.legacy', { text: 'bottom' });
      for (let level = 1; level < depth; level += 1)
        reason = { key: 'plan.join.sentences', values: { first: reason, second: 'x' } };
      return reason;
    };
    const at = (depth: number) => ({
      ...(stored(plan) as object),
      pace: { ...plan.pace, reason: nested(depth) },
    });
    expect(parseStoredWeek(at(MAX_REASON_DEPTH))).not.toBeNull();
    expect(parseStoredWeek(at(MAX_REASON_DEPTH + 1))).toBeNull();
    // Twenty thousand levels, as a file could hold: refused, never a stack overflow.
    expect(readStoredWeek(at(20_000)).problem?.problem).toMatch(/nests deeper than/);
    // Wide instead of deep: the week's budget of reasons and values stops it.
    const wide: any = stored(plan);
    const branch = (depth: number): unknown =>
      depth === 0
        ? 'leaf'
        : {
            key: 'plan.join.sentences',
            values: Object.fromEntries(
              Array.from({ length: 16 }, (_, index) => [`v${index}`, branch(depth - 1)]),
            ),
          };
    wide.pace.reason = branch(4);
    expect(readStoredWeek(wide).problem?.problem).toMatch(/beyond 5000 reasons and values/);
  });

  it('never throws, and answers a plan or null, whatever it is given', () => {
    const plan = stored(planWeek(input()));
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const read = parseStoredWeek(value);
        expect(read === null || typeof read === 'object').toBe(true);
        expect(parseStoredPlan(value)).toBeNull();
      }),
      { numRuns: 300 },
    );
    // Any one value of a real plan replaced by junk: a plan (rebuilt) or null, never a throw.
    const paths: (string | number)[][] = [];
    const walk = (value: unknown, path: (string | number)[]) => {
      paths.push(path);
      if (Array.isArray(value)) value.forEach((item, index) => walk(item, [...path, index]));
      else if (value && typeof value === 'object')
        for (const [key, item] of Object.entries(value)) walk(item, [...path, key]);
    };
    walk(plan, []);
    fc.assert(
      fc.property(
        fc.constantFrom(...paths.filter((path) => path.length > 0)),
        fc.jsonValue(),
        (path, replacement) => {
          const week: any = structuredClone(plan);
          let parent = week;
          for (const key of path.slice(0, -1)) parent = parent[key];
          parent[path[path.length - 1]!] = replacement;
          const read = readStoredWeek(week, { unknownKeys: 'refuse' });
          if (read.plan) expect(JSON.parse(JSON.stringify(read.plan))).toEqual(read.plan);
          else expect(read.problem.path).toMatch(/\S/);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('lists the free texts of a week: legacy reasons, values and the label, not the sentences', () => {
    const plan = planWeek(input());
    const texts = storedWeekTexts(plan);
    expect(texts).toContain(plan.pace.label);
    const withLegacy = parseStoredWeek({
      ...(stored(plan) as object),
      recommendation: { ...plan.recommendation, reasons: ['I want to end it all'] },
    })!;
    expect(storedWeekTexts(withLegacy)).toContain('I want to end it all');
  });
});
