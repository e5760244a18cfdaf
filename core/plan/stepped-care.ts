/**
 * Stepped care: how much support the plan recommends, from explicit rules kept in one table.
 *
 * Levels, from least to most: `self-help` (the plan on its own), `guided` (the plan with a
 * professional alongside), `professional` (a professional first, the plan alongside if it
 * helps) and `urgent` (Get help now and the safety plan before anything else; exposure-type
 * and partner exercises paused). Every rule that matches adds its reason in plain words; the highest
 * level among the matching rules wins. When no rule matches, the level is `self-help`.
 *
 * Bands are the Check's provisional bands ("marked" = an index of 62.5 or more). Change is
 * judged only with the Reliable Change Index (core/assessment/psychometrics): a change that
 * was not assessed is never read as "no improvement", so this table never steps anyone up on
 * a plain difference.
 */
import {
  SIGN_IDS,
  type RootId,
  type ScoredSubscaleId,
  type SignId,
} from '../assessment/closeness-check.definition';
import type { ChangeLabel } from '../assessment/psychometrics';
import type { ClosenessCheckResult } from '../assessment/scoring';
import { message, needsMessage, type PlanMessage } from './plan-messages';

export const CARE_LEVELS = ['self-help', 'guided', 'professional', 'urgent'] as const;
export type CareLevel = (typeof CARE_LEVELS)[number];

/** What the planner needs from a scored Check. A full `ClosenessCheckResult` fits. */
export type CheckForPlanning = Pick<
  ClosenessCheckResult,
  'scores' | 'index' | 'bands' | 'highest' | 'safety'
>;

/**
 * The change from the person's first Check to one later Check, per subscale: the labels of
 * `describeChange(first, later, psychometrics)`. A full `describeChange` result fits.
 */
export type ChangeSinceStart = Readonly<Record<ScoredSubscaleId, { label: ChangeLabel }>>;

/**
 * What the risk check found in the person's own recent writing (journal entries, check-in
 * notes, exercise entries): only whether a crisis or a safeguarding flag was raised, never
 * what was written. The server decides the window (docs/decisions/0010).
 */
export interface RecentWritingSafety {
  crisis: boolean;
  safeguarding: boolean;
}

export interface SteppedCareInput {
  check: CheckForPlanning;
  /** One entry per retake, oldest first: the change from the first Check to that retake. */
  retakes: readonly ChangeSinceStart[];
  /** Flags raised by the risk check of recent writing; none when absent. */
  writing?: RecentWritingSafety | null;
}

export interface SteppedCareRule {
  id: string;
  level: CareLevel;
  when: (input: SteppedCareInput) => boolean;
  reason: (input: SteppedCareInput) => PlanMessage;
}

/** The given subscales that are in the "marked" band, in profile order. */
const marked = (input: SteppedCareInput, ids: readonly ScoredSubscaleId[]) =>
  ids.filter((id) => input.check.bands[id] === 'marked');

const markedSigns = (input: SteppedCareInput): SignId[] => marked(input, SIGN_IDS) as SignId[];

const EARLY_HURT_ROOTS: readonly RootId[] = ['childhood', 'relational-trauma'];

const hasFlag = (input: SteppedCareInput, level: 'crisis' | 'safeguarding') =>
  input.check.safety.flags.some((flag) => flag.level === level);

/**
 * Whether someone may be hurt, frightened or controlled by a person close to them: the
 * Check's partner-safety answers, or a safeguarding flag in recent writing. The planner then
 * pauses partner, exposure and fear-questioning exercises and puts safeguarding help first.
 */
export function safeguardingRaised(input: SteppedCareInput): boolean {
  return hasFlag(input, 'safeguarding') || input.writing?.safeguarding === true;
}

const latestRetake = (input: SteppedCareInput) => input.retakes[input.retakes.length - 1];

/** Signs whose change in the latest retake has this label. */
const signsLabelled = (input: SteppedCareInput, label: ChangeLabel): SignId[] => {
  const latest = latestRetake(input);
  return latest ? SIGN_IDS.filter((id) => latest[id]?.label === label) : [];
};

/** Signs whose change in the latest retake was judged with the RCI (not `not-assessed`). */
const assessedSigns = (input: SteppedCareInput): SignId[] => {
  const latest = latestRetake(input);
  return latest
    ? SIGN_IDS.filter((id) => (latest[id]?.label ?? 'not-assessed') !== 'not-assessed')
    : [];
};

/** Retakes needed before "no reliable improvement" can step care up. */
export const RETAKES_BEFORE_STEPPING_UP = 2;

/**
 * The rules, in the order their reasons are shown. Each has its own unit test
 * (stepped-care.test.ts).
 */
export const STEPPED_CARE_RULES = [
  {
    id: 'crisis-answer',
    level: 'urgent',
    // Any crisis flag: the Check's question about thoughts of hurting yourself or ending your life.
    when: (input) => hasFlag(input, 'crisis'),
    reason: () => message('plan.care.crisis-answer'),
  },
  {
    id: 'crisis-in-writing',
    level: 'urgent',
    // The risk check of something the person wrote recently raised a crisis flag. Not repeated
    // when the Check's own answer already said so (crisis-answer gives the reason then).
    when: (input) => input.writing?.crisis === true && !hasFlag(input, 'crisis'),
    reason: () => message('plan.care.crisis-in-writing'),
  },
  {
    id: 'partner-safety',
    level: 'professional',
    // Fear of, or control by, a partner or ex-partner. The planner also leaves out partner and
    // couples exercises (a gentle start-up, a boundary script), exposure and fear-questioning
    // exercises while this flag is raised.
    when: (input) => hasFlag(input, 'safeguarding'),
    reason: () => message('plan.care.partner-safety'),
  },
  {
    id: 'safeguarding-in-writing',
    level: 'professional',
    // The risk check of something the person wrote recently raised a safeguarding flag (abuse,
    // coercion, threats). Pauses as partner-safety does; never a CBT exercise as the answer to
    // abuse. Not repeated when the Check's own answers already said so.
    when: (input) => input.writing?.safeguarding === true && !hasFlag(input, 'safeguarding'),
    reason: () => message('plan.care.safeguarding-in-writing'),
  },
  {
    id: 'most-signs-marked',
    level: 'professional',
    when: (input) => markedSigns(input).length >= 3,
    reason: (input) =>
      message('plan.care.most-signs-marked', { needs: needsMessage(markedSigns(input)) }),
  },
  {
    id: 'two-signs-marked',
    level: 'guided',
    when: (input) => markedSigns(input).length === 2,
    reason: (input) =>
      message('plan.care.two-signs-marked', { needs: needsMessage(markedSigns(input)) }),
  },
  {
    id: 'early-hurt-marked',
    level: 'guided',
    when: (input) => marked(input, EARLY_HURT_ROOTS).length > 0,
    reason: (input) =>
      message('plan.care.early-hurt-marked', {
        needs: needsMessage(marked(input, EARLY_HURT_ROOTS)),
      }),
  },
  {
    id: 'reliable-worsening',
    level: 'professional',
    // The latest retake shows a rise on a sign beyond what measurement error explains.
    when: (input) => signsLabelled(input, 'reliable-deterioration').length > 0,
    reason: (input) =>
      message('plan.care.reliable-worsening', {
        needs: needsMessage(signsLabelled(input, 'reliable-deterioration')),
      }),
  },
  {
    id: 'no-reliable-improvement',
    level: 'professional',
    // At least two retakes; the latest was judged with the RCI and no sign has reliably
    // improved since the first Check; and at least one sign is still "some" or "marked"
    // (with every sign low there is nothing to step up for).
    when: (input) =>
      input.retakes.length >= RETAKES_BEFORE_STEPPING_UP &&
      assessedSigns(input).length > 0 &&
      signsLabelled(input, 'reliable-improvement').length === 0 &&
      SIGN_IDS.some((id) => {
        const band = input.check.bands[id];
        return band === 'some' || band === 'marked';
      }),
    reason: (input) =>
      message('plan.care.no-reliable-improvement', { count: input.retakes.length }),
  },
] as const satisfies readonly SteppedCareRule[];

export type SteppedCareRuleId = (typeof STEPPED_CARE_RULES)[number]['id'];

export interface CareRecommendation {
  level: CareLevel;
  /** One reason per matching rule, in table order; one gentle line if none. */
  reasons: PlanMessage[];
  /** The ids of the rules that matched, in table order. */
  rules: SteppedCareRuleId[];
}

/** Said when no rule matches. */
export const SELF_HELP_REASON: PlanMessage = message('plan.care.self-help');

export function levelRank(level: CareLevel): number {
  return CARE_LEVELS.indexOf(level);
}

/** The recommended level and every reason for it. Pure: the same input always gives the same answer. */
export function recommendCare(input: SteppedCareInput): CareRecommendation {
  const matching = STEPPED_CARE_RULES.filter((rule) => rule.when(input));
  if (matching.length === 0) return { level: 'self-help', reasons: [SELF_HELP_REASON], rules: [] };
  let level: CareLevel = 'self-help';
  for (const rule of matching) if (levelRank(rule.level) > levelRank(level)) level = rule.level;
  return {
    level,
    reasons: matching.map((rule) => rule.reason(input)),
    rules: matching.map((rule) => rule.id),
  };
}

/** For tests and documentation: the table as plain rows. */
export function steppedCareTable(): { id: SteppedCareRuleId; level: CareLevel }[] {
  return STEPPED_CARE_RULES.map((rule) => ({ id: rule.id, level: rule.level }));
}
