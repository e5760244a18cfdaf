/**
 * The strict reading of a week's plan as it is stored, exported and imported. A plan is rebuilt
 * from the fields a plan has (planner.ts `WeeklyPlan`) and nothing else, each checked for its
 * type and bounds; so whatever comes back can be stored, shown and sent in the plan's answer
 * (whose OpenAPI schema is strict) without surprises. The same reading serves the server's
 * stored weeks (a week that does not read is made again) and the import of an export (a week
 * that does not read refuses the file, naming the place): docs/decisions/0013.
 *
 * Accepted: exactly what the planner makes, and what plans stored before reasons became
 * message descriptors look like (a reason in English is wrapped as `plan.legacy`). Reasons are
 * descriptors whose keys are sentences of the plan (`plan.*` in the message table), nested at
 * most MAX_REASON_DEPTH deep; texts and counts are bounded, so no stored week can be large or
 * deep enough to trouble anything that reads it.
 *
 * Never throws: a week that does not read is answered as a problem (where, and why), or null.
 */
import {
  SCORED_SUBSCALE_IDS,
  type ScoredSubscaleId,
} from '../assessment/closeness-check.definition';
import { isExerciseId, type ExerciseId } from '../exercises/catalogue';
import { MODALITIES, type Intensity, type Modality } from '../exercises/catalogue.model';
import { isMessageKey, type MessageKey } from '../i18n/translate';
import { message, type PlanMessage } from './plan-messages';
import type { PlanStep, SupportAction, SupportKind, WeeklyPlan } from './planner';
import {
  CARE_LEVELS,
  STEPPED_CARE_RULES,
  type CareLevel,
  type SteppedCareRuleId,
} from './stepped-care';

/** How deep reasons may nest (a list of needs inside a sentence inside sentences…). */
export const MAX_REASON_DEPTH = 24;

export const STORED_PLAN_LIMITS = {
  /** Characters in any one text: a legacy reason, a value inside a reason, the pace's label. */
  text: 2_000,
  /** Characters of all texts in one week together. */
  weekText: 50_000,
  /** Descriptors and values in one week together. */
  weekNodes: 5_000,
  /** Values in one descriptor. */
  values: 16,
  steps: 50,
  support: 10,
  reasons: 20,
  exerciseIds: 500,
  stepId: 100,
  checkId: 100,
  stepMinutes: 10_000,
  weekMinutes: 100_000,
} as const;

/** A week's plan as the server stores it: the plan and the Check it was made from. */
export interface StoredPlan {
  checkId: string;
  plan: WeeklyPlan;
}

/** Where a week does not read, as a path inside the plan (`steps[2].intensity`), and why. */
export interface StoredWeekProblem {
  path: string;
  problem: string;
}

export type StoredWeekReading =
  { plan: WeeklyPlan; problem?: undefined } | { plan?: undefined; problem: StoredWeekProblem };

export interface StoredWeekOptions {
  /**
   * What to do with a field a plan does not have: `drop` it (reading a stored week), or
   * `refuse` the week (importing a file, which must be exactly what an export writes).
   */
  unknownKeys?: 'drop' | 'refuse';
}

export const ISO_WEEK = /^\d{4}-W(0[1-9]|[1-4]\d|5[0-3])$/;

const SUPPORT_KINDS: readonly SupportKind[] = [
  'get-help-now',
  'safety-plan',
  'safeguarding-help',
  'professional-help',
];
const RULE_IDS: readonly string[] = STEPPED_CARE_RULES.map((rule) => rule.id);
const VALUE_NAME = /^[A-Za-z][A-Za-z0-9]{0,39}$/;

/** A week that does not read: thrown inside this module only, and always caught here. */
class Unreadable {
  constructor(readonly problem: StoredWeekProblem) {}
}

type Row = Record<string, unknown>;

const isRecord = (value: unknown): value is Row =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const at = (path: string, key: string | number) =>
  typeof key === 'number' ? `${path}[${key}]` : path === '' ? key : `${path}.${key}`;

/** One reading of one week: the options, and what it has used of the week's budgets. */
class Reader {
  private nodes = 0;
  private text = 0;

  constructor(private readonly unknownKeys: 'drop' | 'refuse') {}

  fail(path: string, problem: string): never {
    throw new Unreadable({ path: path === '' ? '(the plan)' : path, problem });
  }

  record(value: unknown, path: string, known: readonly string[]): Row {
    if (!isRecord(value)) this.fail(path, 'must be an object');
    if (this.unknownKeys === 'refuse')
      for (const key of Object.keys(value))
        if (!known.includes(key)) this.fail(at(path, shown(key)), 'is not something a plan holds');
    return value;
  }

  list(value: unknown, path: string, max: number): unknown[] {
    if (!Array.isArray(value)) this.fail(path, 'must be a list');
    if (value.length > max) this.fail(path, `must have at most ${max} items`);
    return value;
  }

  string(value: unknown, path: string, max: number, min = 0): string {
    if (typeof value !== 'string') this.fail(path, 'must be text');
    if (value.length < min) this.fail(path, 'must not be empty');
    if (value.length > max) this.fail(path, `must be at most ${max} characters`);
    this.text += value.length;
    if (this.text > STORED_PLAN_LIMITS.weekText)
      this.fail(path, `takes the plan's text beyond ${STORED_PLAN_LIMITS.weekText} characters`);
    return value;
  }

  number(value: unknown, path: string, max: number): number {
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > max)
      this.fail(path, `must be a number from 0 to ${max}`);
    return value;
  }

  oneOf<T>(value: unknown, path: string, allowed: readonly T[]): T {
    if (!allowed.includes(value as T))
      this.fail(path, `must be one of ${allowed.map((item) => JSON.stringify(item)).join(', ')}`);
    return value as T;
  }

  exerciseId(value: unknown, path: string): ExerciseId {
    if (!isExerciseId(value)) this.fail(path, 'is not an exercise Closer has');
    return value;
  }

  exerciseIds(value: unknown, path: string): ExerciseId[] {
    return this.list(value, path, STORED_PLAN_LIMITS.exerciseIds).map((item, index) =>
      this.exerciseId(item, at(path, index)),
    );
  }

  subscale(value: unknown, path: string): ScoredSubscaleId {
    return this.oneOf(value, path, SCORED_SUBSCALE_IDS);
  }

  count(path: string): void {
    this.nodes += 1;
    if (this.nodes > STORED_PLAN_LIMITS.weekNodes)
      this.fail(path, `takes the plan beyond ${STORED_PLAN_LIMITS.weekNodes} reasons and values`);
  }

  /** A reason: a descriptor, or an English string from before descriptors (`plan.legacy`). */
  reason(value: unknown, path: string): PlanMessage {
    if (typeof value === 'string') {
      this.count(path);
      return message('plan.legacy', { text: this.string(value, path, STORED_PLAN_LIMITS.text) });
    }
    return this.descriptor(value, path, 1);
  }

  descriptor(value: unknown, path: string, depth: number): PlanMessage {
    if (depth > MAX_REASON_DEPTH) this.fail(path, `nests deeper than ${MAX_REASON_DEPTH} levels`);
    this.count(path);
    const row = this.record(value, path, ['key', 'values', 'capitalise']);
    const key = row.key;
    if (typeof key !== 'string' || !key.startsWith('plan.') || !isMessageKey(key))
      this.fail(at(path, 'key'), 'is not a sentence of the plan');
    const rebuilt: { key: MessageKey; values?: Record<string, string | number | PlanMessage> } = {
      key,
    };
    if (row.values !== undefined) {
      const valuesPath = at(path, 'values');
      if (!isRecord(row.values)) this.fail(valuesPath, 'must be an object');
      const entries = Object.entries(row.values);
      if (entries.length > STORED_PLAN_LIMITS.values)
        this.fail(valuesPath, `must have at most ${STORED_PLAN_LIMITS.values} values`);
      const values: Record<string, string | number | PlanMessage> = {};
      for (const [name, item] of entries) {
        const itemPath = at(valuesPath, shown(name));
        if (!VALUE_NAME.test(name)) this.fail(itemPath, 'is not a name a value can have');
        if (typeof item === 'number') {
          this.count(itemPath);
          if (!Number.isFinite(item)) this.fail(itemPath, 'must be a finite number');
          values[name] = item;
        } else if (typeof item === 'string') {
          this.count(itemPath);
          values[name] = this.string(item, itemPath, STORED_PLAN_LIMITS.text);
        } else {
          values[name] = this.descriptor(item, itemPath, depth + 1);
        }
      }
      rebuilt.values = values;
    }
    if (row.capitalise !== undefined) {
      if (row.capitalise !== true)
        this.fail(at(path, 'capitalise'), 'must be true when it is there');
      return { ...rebuilt, capitalise: true };
    }
    return rebuilt;
  }

  step(value: unknown, path: string): PlanStep {
    const row = this.record(value, path, STEP_KEYS);
    const targetsPath = at(path, 'targets');
    return {
      id: this.string(row.id, at(path, 'id'), STORED_PLAN_LIMITS.stepId, 1),
      exerciseId: this.exerciseId(row.exerciseId, at(path, 'exerciseId')),
      modality: this.oneOf<Modality>(row.modality, at(path, 'modality'), MODALITIES),
      targets: this.list(row.targets, targetsPath, SCORED_SUBSCALE_IDS.length).map(
        (target, index) => this.subscale(target, at(targetsPath, index)),
      ),
      focus: row.focus === null ? null : this.subscale(row.focus, at(path, 'focus')),
      minutes: this.number(row.minutes, at(path, 'minutes'), STORED_PLAN_LIMITS.stepMinutes),
      intensity: this.oneOf<Intensity>(row.intensity, at(path, 'intensity'), [1, 2, 3]),
      reason: this.reason(row.reason, at(path, 'reason')),
      status: this.oneOf(row.status, at(path, 'status'), ['todo', 'done', 'skipped'] as const),
      source: this.oneOf(row.source, at(path, 'source'), ['plan', 'homework'] as const),
    };
  }

  support(value: unknown, path: string): SupportAction {
    const row = this.record(value, path, ['kind', 'reason']);
    return {
      kind: this.oneOf(row.kind, at(path, 'kind'), SUPPORT_KINDS),
      reason: this.reason(row.reason, at(path, 'reason')),
    };
  }

  week(value: unknown): WeeklyPlan {
    const plan = this.record(value, '', PLAN_KEYS);
    const week = plan.week;
    if (typeof week !== 'string' || !ISO_WEEK.test(week))
      this.fail('week', 'must be a week like 2026-W05');

    const recommendation = this.record(plan.recommendation, 'recommendation', [
      'level',
      'reasons',
      'rules',
    ]);
    const reasons = this.list(
      recommendation.reasons,
      'recommendation.reasons',
      STORED_PLAN_LIMITS.reasons,
    ).map((reason, index) => this.reason(reason, `recommendation.reasons[${index}]`));
    const rules =
      recommendation.rules === undefined
        ? []
        : this.list(recommendation.rules, 'recommendation.rules', STORED_PLAN_LIMITS.reasons).map(
            (rule, index) =>
              this.oneOf(rule, `recommendation.rules[${index}]`, RULE_IDS) as SteppedCareRuleId,
          );

    const support =
      plan.support === undefined
        ? []
        : this.list(plan.support, 'support', STORED_PLAN_LIMITS.support).map((action, index) =>
            this.support(action, `support[${index}]`),
          );

    const pace = this.record(plan.pace, 'pace', ['level', 'label', 'reason']);

    const steps = this.list(plan.steps, 'steps', STORED_PLAN_LIMITS.steps).map((step, index) =>
      this.step(step, `steps[${index}]`),
    );
    const ids = new Set<string>();
    steps.forEach((step, index) => {
      if (ids.has(step.id)) this.fail(`steps[${index}].id`, 'repeats that of an earlier step');
      ids.add(step.id);
    });

    let paused: WeeklyPlan['paused'] = null;
    if (plan.paused !== undefined && plan.paused !== null) {
      const row = this.record(plan.paused, 'paused', ['exerciseIds', 'reason']);
      paused = {
        exerciseIds: this.exerciseIds(row.exerciseIds, 'paused.exerciseIds'),
        reason: this.reason(row.reason, 'paused.reason'),
      };
    }

    const minutes = this.record(plan.minutes, 'minutes', ['planned', 'budget']);
    return {
      week,
      recommendation: {
        level: this.oneOf<CareLevel>(recommendation.level, 'recommendation.level', CARE_LEVELS),
        reasons,
        rules,
      },
      support,
      pace: {
        level: this.oneOf<Intensity>(pace.level, 'pace.level', [1, 2, 3]),
        label: this.string(pace.label, 'pace.label', 200),
        reason: this.reason(pace.reason, 'pace.reason'),
      },
      steps,
      paused,
      swappedOut: this.exerciseIds(plan.swappedOut, 'swappedOut'),
      minutes: {
        planned: this.number(minutes.planned, 'minutes.planned', STORED_PLAN_LIMITS.weekMinutes),
        budget: this.number(minutes.budget, 'minutes.budget', STORED_PLAN_LIMITS.weekMinutes),
      },
    };
  }
}

const PLAN_KEYS = [
  'week',
  'recommendation',
  'support',
  'pace',
  'steps',
  'paused',
  'swappedOut',
  'minutes',
] as const satisfies readonly (keyof WeeklyPlan)[];

const STEP_KEYS = [
  'id',
  'exerciseId',
  'modality',
  'targets',
  'focus',
  'minutes',
  'intensity',
  'reason',
  'status',
  'source',
] as const satisfies readonly (keyof PlanStep)[];

function shown(text: string): string {
  const short = text.length > 40 ? `${text.slice(0, 40)}…` : text;
  return /^[A-Za-z_$][\w$-]*$/.test(short) ? short : JSON.stringify(short);
}

/**
 * Reads a week's plan, rebuilt from its known fields only. Answers the plan, or the first
 * problem with its path inside the plan. Never throws.
 */
export function readStoredWeek(value: unknown, options: StoredWeekOptions = {}): StoredWeekReading {
  try {
    return { plan: new Reader(options.unknownKeys ?? 'drop').week(value) };
  } catch (error) {
    if (error instanceof Unreadable) return { problem: error.problem };
    // Not expected (every check above is bounded); still a week that does not read.
    return { problem: { path: '(the plan)', problem: 'cannot be read' } };
  }
}

/** A week's plan, rebuilt from its known fields (others dropped); null when it does not read. */
export function parseStoredWeek(value: unknown): WeeklyPlan | null {
  return readStoredWeek(value).plan ?? null;
}

/** A stored week as the server keeps it, `{ checkId, plan }`; null when it does not read. */
export function parseStoredPlan(value: unknown): StoredPlan | null {
  if (!isRecord(value) || typeof value.checkId !== 'string') return null;
  if (value.checkId.length > STORED_PLAN_LIMITS.checkId) return null;
  const plan = parseStoredWeek(value.plan);
  return plan === null ? null : { checkId: value.checkId, plan };
}

/**
 * The texts of a week that do not come from the message table: legacy reasons, values inside
 * reasons (exercise names) and the pace's label. An imported week's are risk-checked like
 * any other imported writing, since a file can put any words there.
 */
export function storedWeekTexts(plan: WeeklyPlan): string[] {
  const texts: string[] = [plan.pace.label];
  const walk = (reason: PlanMessage) => {
    for (const value of Object.values(reason.values ?? {})) {
      if (typeof value === 'string') texts.push(value);
      else if (typeof value === 'object') walk(value);
    }
  };
  for (const reason of plan.recommendation.reasons) walk(reason);
  for (const action of plan.support) walk(action.reason);
  walk(plan.pace.reason);
  if (plan.paused) walk(plan.paused.reason);
  for (const step of plan.steps) walk(step.reason);
  return texts.filter((text) => text.trim() !== '');
}
