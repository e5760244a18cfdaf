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
import { needPhrases } from './need-words';

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
  reason: (input: SteppedCareInput) => string;
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
    reason: () =>
      'You told us you have had thoughts of hurting yourself or ending your life. You deserve support with that straight away, so Get help now and your safety plan come first.',
  },
  {
    id: 'crisis-in-writing',
    level: 'urgent',
    // The risk check of something the person wrote recently raised a crisis flag. Not repeated
    // when the Check's own answer already said so (crisis-answer gives the reason then).
    when: (input) => input.writing?.crisis === true && !hasFlag(input, 'crisis'),
    reason: () =>
      'Something you wrote recently sounded like things may be very hard for you right now. You deserve support with that straight away, so Get help now and your safety plan come first.',
  },
  {
    id: 'partner-safety',
    level: 'professional',
    // Fear of, or control by, a partner or ex-partner. The planner also leaves out partner and
    // couples exercises (a gentle start-up, a boundary script), exposure and fear-questioning
    // exercises while this flag is raised.
    when: (input) => hasFlag(input, 'safeguarding'),
    reason: () =>
      'You told us you feel afraid of, or controlled by, a partner or an ex-partner. That is not your fault. A specialist service can help you think about your safety, so we have put that first. For now, the plan leaves out exercises to do with a partner or about saying hard things to someone, and ones that test your fears.',
  },
  {
    id: 'safeguarding-in-writing',
    level: 'professional',
    // The risk check of something the person wrote recently raised a safeguarding flag (abuse,
    // coercion, threats). Pauses as partner-safety does; never a CBT exercise as the answer to
    // abuse. Not repeated when the Check's own answers already said so.
    when: (input) => input.writing?.safeguarding === true && !hasFlag(input, 'safeguarding'),
    reason: () =>
      'Something you wrote recently sounded like someone may be hurting, frightening or controlling you. That is never your fault. A specialist service can help you think about your safety, so we have put that first. For now, the plan leaves out exercises to do with a partner or about saying hard things to someone, and ones that test your fears.',
  },
  {
    id: 'most-signs-marked',
    level: 'professional',
    when: (input) => markedSigns(input).length >= 3,
    reason: (input) =>
      `Most of the four signs came out high for you: ${needPhrases(markedSigns(input))}. That is a lot to carry on your own. A counsellor or therapist could help you most, and you can keep using this plan alongside them.`,
  },
  {
    id: 'two-signs-marked',
    level: 'guided',
    when: (input) => markedSigns(input).length === 2,
    reason: (input) =>
      `Two of the four signs came out high for you: ${needPhrases(markedSigns(input))}. This plan can help, and it may be easier with a counsellor or therapist alongside you.`,
  },
  {
    id: 'early-hurt-marked',
    level: 'guided',
    when: (input) => marked(input, EARLY_HURT_ROOTS).length > 0,
    reason: (input) =>
      `Your answers about ${needPhrases(marked(input, EARLY_HURT_ROOTS))} came out high. Old hurts like these are often easier to work through with a professional alongside you.`,
  },
  {
    id: 'reliable-worsening',
    level: 'professional',
    // The latest retake shows a rise on a sign beyond what measurement error explains.
    when: (input) => signsLabelled(input, 'reliable-deterioration').length > 0,
    reason: (input) =>
      `Your latest Closeness Check shows that things have got harder since you started, by more than the usual ups and downs, for ${needPhrases(signsLabelled(input, 'reliable-deterioration'))}. A professional can help you work out what is going on.`,
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
      `You have taken the Closeness Check ${input.retakes.length} more times since you started, and none of the signs has clearly improved yet. That is not your fault. It often means it is time for more support than an app can give, and a professional can offer that.`,
  },
] as const satisfies readonly SteppedCareRule[];

export type SteppedCareRuleId = (typeof STEPPED_CARE_RULES)[number]['id'];

export interface CareRecommendation {
  level: CareLevel;
  /** One plain-words reason per matching rule, in table order; one gentle line if none. */
  reasons: string[];
  /** The ids of the rules that matched, in table order. */
  rules: SteppedCareRuleId[];
}

/** Said when no rule matches. */
export const SELF_HELP_REASON =
  'Your answers suggest this plan is a good place to start, on your own and at your own pace. You can ask for more help at any time.';

/** What each level means, for the plan page. */
export const CARE_LEVEL_DESCRIPTIONS: Readonly<
  Record<CareLevel, { title: string; description: string }>
> = {
  'self-help': {
    title: 'Self-help',
    description: 'You work through the plan on your own, at your own pace.',
  },
  guided: {
    title: 'Self-help with support',
    description:
      'You work through the plan with a counsellor or therapist alongside you, who you check in with now and then.',
  },
  professional: {
    title: 'Talking to a professional',
    description:
      'We think a counsellor, therapist or your GP could help you most. Keep using the plan alongside them if it helps.',
  },
  urgent: {
    title: 'Your safety first',
    description:
      'Please use Get help now and your safety plan before anything else. Some exercises are paused until things feel calmer.',
  },
};

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
