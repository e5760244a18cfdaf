/**
 * Scoring of the Closeness Check: pure functions from a person's answers to the scores, the
 * 0–100 index, the provisional bands, the safety result and how far a draft has got.
 *
 * Rules (each is also in the person-facing explanation of the profile):
 * - A subscale score is the mean of its answered items on the 1–5 scale, after reverse-keying
 *   (a reverse-keyed answer v counts as min + max − v). Higher always means more difficulty.
 * - If fewer than 80 % of a subscale's items are answered, its score is `null`: 4 of 5 for a
 *   sign, and all 3 for a root (2 of 3 is only 67 %).
 * - Index = (mean − min) / (max − min) × 100, rounded to a whole number (halves up). The score
 *   is rounded to 2 decimal places. Bands are decided on the exact value, never on a rounded
 *   one; because the band cut-offs are 37.5 and 62.5, the rounded index always falls in the
 *   same band as the exact one (x ≥ 37.5 exactly when Math.round(x) ≥ 38).
 * - The overall "closeness fear" index is the mean of the four sign indices, each sign
 *   weighted equally. It is `null` unless all four signs have a score: leaving out a sign
 *   could hide the very sign that matters most, and each sign already tolerates one
 *   unanswered item.
 * - Safety answers are never averaged into any score.
 */
import { DomainError } from '../errors/domain-error';
import type { RiskLevel } from '../safety/risk';
import {
  type CLOSENESS_CHECK_ID,
  CLOSENESS_CHECK_VERSIONS,
  CURRENT_CLOSENESS_CHECK,
  ROOT_IDS,
  SCORED_SUBSCALE_IDS,
  SIGN_IDS,
  type AgreementScale,
  type Band,
  type BandThresholds,
  type ClosenessCheckDefinition,
  type RootId,
  type SafetyConcern,
  type SafetyQuestion,
  type ScoredItem,
  type ScoredSubscaleId,
  type SignId,
} from './closeness-check.definition';

/** Validated answers: question id → the chosen value. Partial answers are allowed (drafts). */
export type Answers = Readonly<Record<string, number>>;

/** A subscale needs at least this share of its items answered (4/5 = 80 %) to be scored. */
export const MIN_ANSWERED_SHARE = { numerator: 4, denominator: 5 } as const;

/** The stable error code for a bad answer; `details.reason` says what was wrong. */
export const INVALID_ANSWER = 'invalid_answer';
export const UNKNOWN_VERSION = 'assessment_version_unknown';

export type InvalidAnswerReason =
  'not_an_object' | 'unknown_question' | 'not_a_whole_number' | 'out_of_range';

/**
 * The published definition a response answered. Throws `assessment_version_unknown` for a
 * version that was never published.
 */
export function closenessCheckVersion(version: unknown): ClosenessCheckDefinition {
  const definition =
    typeof version === 'number' && Object.hasOwn(CLOSENESS_CHECK_VERSIONS, version)
      ? CLOSENESS_CHECK_VERSIONS[version]
      : undefined;
  if (!definition) {
    throw new DomainError(
      UNKNOWN_VERSION,
      `There is no version ${shorten(String(version))} of the Closeness Check.`,
      { version: typeof version === 'number' ? version : null },
    );
  }
  return definition;
}

/** An id as it appears in a message: quoted, and cut short so a huge key cannot flood a log. */
function shorten(text: string): string {
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}

/** `details.item` is the answers key at fault (an item or safety question id), cut short. */
function invalid(item: string | null, reason: InvalidAnswerReason, message: string): DomainError {
  return new DomainError(INVALID_ANSWER, message, {
    item: item === null ? null : shorten(item),
    reason,
  });
}

/** The values a question accepts, in order. */
function allowedValues(definition: ClosenessCheckDefinition, question: QuestionRef): number[] {
  if (question.kind === 'item') {
    const values: number[] = [];
    for (let value = definition.scale.min; value <= definition.scale.max; value += 1)
      values.push(value);
    return values;
  }
  return question.safety.options.map((option) => option.value);
}

type QuestionRef = { kind: 'item'; item: ScoredItem } | { kind: 'safety'; safety: SafetyQuestion };

const questionIndexes = new WeakMap<ClosenessCheckDefinition, Map<string, QuestionRef>>();

/** Every question of a definition by id (scored items and safety questions), cached. */
function questionsById(definition: ClosenessCheckDefinition): Map<string, QuestionRef> {
  let index = questionIndexes.get(definition);
  if (!index) {
    index = new Map();
    for (const item of definition.items) index.set(item.id, { kind: 'item', item });
    for (const safety of definition.safetyQuestions)
      index.set(safety.id, { kind: 'safety', safety });
    questionIndexes.set(definition, index);
  }
  return index;
}

/**
 * Checks some answers against a definition and returns them as a fresh plain object. Any
 * subset of the questions may be answered (drafts). Throws a DomainError with code
 * `invalid_answer`, a message naming the question, and `details: {item, reason}` when the
 * answers are not an object, name a question the definition does not have, or give a value
 * that is not a whole number or not one the question offers.
 */
export function validateAnswers(
  input: unknown,
  definition: ClosenessCheckDefinition = CURRENT_CLOSENESS_CHECK,
): Answers {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    throw invalid(
      null,
      'not_an_object',
      'The answers must be an object that maps each question id to a number.',
    );
  }
  const questions = questionsById(definition);
  const answers: Record<string, number> = {};
  for (const [id, value] of Object.entries(input)) {
    const question = questions.get(id);
    if (!question) {
      throw invalid(
        id,
        'unknown_question',
        `"${shorten(id)}" is not a question in version ${definition.version} of the Closeness Check.`,
      );
    }
    const allowed = allowedValues(definition, question);
    if (typeof value !== 'number' || !Number.isInteger(value)) {
      throw invalid(
        id,
        'not_a_whole_number',
        `The answer to "${shorten(id)}" must be a whole number: one of ${allowed.join(', ')}.`,
      );
    }
    if (!allowed.includes(value)) {
      throw invalid(
        id,
        'out_of_range',
        `The answer to "${shorten(id)}" must be one of ${allowed.join(', ')}, not ${value}.`,
      );
    }
    // defineProperty, not assignment: an id such as "__proto__" must stay a plain key.
    Object.defineProperty(answers, id, { value, enumerable: true, writable: true });
  }
  return answers;
}

/** The value an answer counts as: reverse-keyed answers are mirrored (min + max − value). */
export function keyedValue(value: number, reverse: boolean, scale: AgreementScale): number {
  return reverse ? scale.min + scale.max - value : value;
}

/** Index 0–100 from an exact mean on the scale; not rounded. */
export function exactIndex(mean: number, scale: AgreementScale): number {
  return ((mean - scale.min) / (scale.max - scale.min)) * 100;
}

/** The provisional band of an index (exact or rounded: both give the same band). */
export function bandForIndex(index: number, thresholds: BandThresholds): Band {
  if (index >= thresholds.markedFrom) return 'marked';
  if (index >= thresholds.someFrom) return 'some';
  return 'lower';
}

/** Rounds to 2 decimal places; exact for the means this instrument can give (k/3, k/4, k/5). */
export function roundScore(score: number): number {
  return Math.round(score * 100) / 100;
}

/** The running totals of one subscale: kept as integers so comparisons are exact. */
interface SubscaleTally {
  sum: number;
  answered: number;
  total: number;
}

function tallies(
  answers: Answers,
  definition: ClosenessCheckDefinition,
): Record<ScoredSubscaleId, SubscaleTally> {
  const result = Object.fromEntries(
    SCORED_SUBSCALE_IDS.map((id) => [id, { sum: 0, answered: 0, total: 0 }]),
  ) as Record<ScoredSubscaleId, SubscaleTally>;
  for (const item of definition.items) {
    const tally = result[item.subscale];
    tally.total += 1;
    const value = Object.hasOwn(answers, item.id) ? answers[item.id] : undefined;
    if (value === undefined) continue;
    tally.sum += keyedValue(value, item.reverse, definition.scale);
    tally.answered += 1;
  }
  return result;
}

function isScorable(tally: SubscaleTally): boolean {
  return (
    tally.total > 0 &&
    tally.answered * MIN_ANSWERED_SHARE.denominator >= tally.total * MIN_ANSWERED_SHARE.numerator
  );
}

export interface SubscaleResult {
  /** Mean on the 1–5 scale after reverse-keying, 2 decimal places; null below 80 % answered. */
  score: number | null;
  /** 0–100, whole number; null when the score is null. */
  index: number | null;
  band: Band | null;
  answered: number;
  total: number;
}

/** The highest sign or root. Ties name every tied subscale, in profile order. */
export interface Highest<Id extends ScoredSubscaleId> {
  subscales: Id[];
  score: number;
  index: number;
  /**
   * When this is 'lower', nothing stands out: the profile should say so kindly rather than
   * call a low score "your highest".
   */
  band: Band;
}

export type SafetyLevel = Extract<RiskLevel, 'none' | 'crisis' | 'safeguarding'>;

export interface SafetyFlag {
  question: string;
  level: SafetyConcern;
}

export interface SafetyResult {
  /** `crisis` if any crisis question is worrying, else `safeguarding` if any is, else `none`. */
  level: SafetyLevel;
  /** Every worrying answer, crisis first, then in question order. */
  flags: SafetyFlag[];
  /** Questions answered "I would rather not say". */
  declined: string[];
  /** Questions not answered yet. */
  unanswered: string[];
}

export interface SubscaleCompletion {
  answered: number;
  total: number;
  /** Enough items answered (80 %) for a score. */
  scorable: boolean;
}

export interface Completion {
  /** Scored items and safety questions together. */
  answered: number;
  total: number;
  bySubscale: Record<ScoredSubscaleId, SubscaleCompletion>;
  safety: { answered: number; total: number };
  /** Every question answered. */
  complete: boolean;
  /** The first unanswered question in the order shown, so a draft resumes where it stopped. */
  nextQuestion: string | null;
}

export interface ClosenessCheckResult {
  instrument: typeof CLOSENESS_CHECK_ID;
  /** The version answered; a response must store it with the answers. */
  version: number;
  subscales: Record<ScoredSubscaleId, SubscaleResult>;
  scores: Record<ScoredSubscaleId, number | null>;
  index: Record<ScoredSubscaleId, number | null>;
  bands: Record<ScoredSubscaleId, Band | null>;
  /** Mean of the four sign indices; null unless all four signs are scored. */
  closenessFear: { index: number | null; band: Band | null };
  highest: { sign: Highest<SignId> | null; root: Highest<RootId> | null };
  safety: SafetyResult;
  completion: Completion;
}

function highestOf<Id extends ScoredSubscaleId>(
  ids: readonly Id[],
  talliesById: Record<ScoredSubscaleId, SubscaleTally>,
  definition: ClosenessCheckDefinition,
): Highest<Id> | null {
  let best: { ids: Id[]; sum: number; answered: number } | null = null;
  for (const id of ids) {
    const tally = talliesById[id];
    if (!isScorable(tally)) continue;
    // Compare sum/answered exactly by cross-multiplying whole numbers: no float ties missed.
    const comparison = best === null ? 1 : tally.sum * best.answered - best.sum * tally.answered;
    if (best === null || comparison > 0)
      best = { ids: [id], sum: tally.sum, answered: tally.answered };
    else if (comparison === 0) best.ids.push(id);
  }
  if (best === null) return null;
  const mean = best.sum / best.answered;
  const index = exactIndex(mean, definition.scale);
  return {
    subscales: best.ids,
    score: roundScore(mean),
    index: Math.round(index),
    band: bandForIndex(index, definition.bandThresholds),
  };
}

/**
 * The safety result of some (validated) answers. Self-harm thoughts lead to `crisis`, fear of
 * or control by a partner to `safeguarding`; when both are worrying the level is `crisis` (the
 * emergency line first) and both flags are kept, as in core/safety/risk.ts. "I would rather not
 * say" raises no alarm but is listed in `declined`: a gate that needs a clear answer (the
 * couples safety gate) must treat it, and an unanswered question, as not cleared.
 */
export function assessSafetyAnswers(
  answers: Answers,
  definition: ClosenessCheckDefinition = CURRENT_CLOSENESS_CHECK,
): SafetyResult {
  const flags: SafetyFlag[] = [];
  const declined: string[] = [];
  const unanswered: string[] = [];
  for (const question of definition.safetyQuestions) {
    const value = Object.hasOwn(answers, question.id) ? answers[question.id] : undefined;
    if (value === undefined) {
      unanswered.push(question.id);
      continue;
    }
    const option = question.options.find((candidate) => candidate.value === value);
    if (option?.worrying) flags.push({ question: question.id, level: question.concern });
    if (option?.declined) declined.push(question.id);
  }
  flags.sort((a, b) => severity(b.level) - severity(a.level));
  const level: SafetyLevel = flags[0]?.level ?? 'none';
  return { level, flags, declined, unanswered };
}

function severity(level: SafetyConcern): number {
  return level === 'crisis' ? 2 : 1;
}

/** True only when a person has clearly answered "No" to every partner-safety question. */
export function partnerQuestionsCleared(
  answers: Answers,
  definition: ClosenessCheckDefinition = CURRENT_CLOSENESS_CHECK,
): boolean {
  return definition.safetyQuestions
    .filter((question) => question.concern === 'safeguarding')
    .every((question) => {
      const value = Object.hasOwn(answers, question.id) ? answers[question.id] : undefined;
      const option = question.options.find((candidate) => candidate.value === value);
      return option !== undefined && !option.worrying && !option.declined;
    });
}

/** How far some (validated) answers have got: for drafts and the progress bar. */
export function completionOf(
  answers: Answers,
  definition: ClosenessCheckDefinition = CURRENT_CLOSENESS_CHECK,
): Completion {
  const talliesById = tallies(answers, definition);
  const bySubscale = Object.fromEntries(
    SCORED_SUBSCALE_IDS.map((id) => {
      const tally = talliesById[id];
      return [id, { answered: tally.answered, total: tally.total, scorable: isScorable(tally) }];
    }),
  ) as Record<ScoredSubscaleId, SubscaleCompletion>;
  const isAnswered = (id: string) => Object.hasOwn(answers, id);
  const order = [
    ...definition.items.map((item) => item.id),
    ...definition.safetyQuestions.map((question) => question.id),
  ];
  const answered = order.filter(isAnswered).length;
  const safetyAnswered = definition.safetyQuestions.filter((question) =>
    isAnswered(question.id),
  ).length;
  return {
    answered,
    total: order.length,
    bySubscale,
    safety: { answered: safetyAnswered, total: definition.safetyQuestions.length },
    complete: answered === order.length,
    nextQuestion: order.find((id) => !isAnswered(id)) ?? null,
  };
}

/**
 * Scores some answers to a definition (the current one unless given). Validates first, so
 * anything wrong in the answers throws a DomainError (`invalid_answer`) naming the question;
 * nothing else is ever thrown. Partial answers are scored as far as the 80 % rule allows.
 */
export function scoreClosenessCheck(
  input: unknown,
  definition: ClosenessCheckDefinition = CURRENT_CLOSENESS_CHECK,
): ClosenessCheckResult {
  const answers = validateAnswers(input, definition);
  const talliesById = tallies(answers, definition);

  const subscales = {} as Record<ScoredSubscaleId, SubscaleResult>;
  const exactIndexes = {} as Record<ScoredSubscaleId, number | null>;
  for (const id of SCORED_SUBSCALE_IDS) {
    const tally = talliesById[id];
    if (!isScorable(tally)) {
      exactIndexes[id] = null;
      subscales[id] = {
        score: null,
        index: null,
        band: null,
        answered: tally.answered,
        total: tally.total,
      };
      continue;
    }
    const mean = tally.sum / tally.answered;
    const index = exactIndex(mean, definition.scale);
    exactIndexes[id] = index;
    subscales[id] = {
      score: roundScore(mean),
      index: Math.round(index),
      band: bandForIndex(index, definition.bandThresholds),
      answered: tally.answered,
      total: tally.total,
    };
  }

  const signIndexes = SIGN_IDS.map((id) => exactIndexes[id]);
  const overall = signIndexes.every((index): index is number => index !== null)
    ? signIndexes.reduce((sum, index) => sum + index, 0) / signIndexes.length
    : null;

  const pick = <Value>(select: (result: SubscaleResult) => Value) =>
    Object.fromEntries(SCORED_SUBSCALE_IDS.map((id) => [id, select(subscales[id])])) as Record<
      ScoredSubscaleId,
      Value
    >;

  return {
    instrument: definition.id,
    version: definition.version,
    subscales,
    scores: pick((result) => result.score),
    index: pick((result) => result.index),
    bands: pick((result) => result.band),
    closenessFear:
      overall === null
        ? { index: null, band: null }
        : {
            index: Math.round(overall),
            band: bandForIndex(overall, definition.bandThresholds),
          },
    highest: {
      sign: highestOf(SIGN_IDS, talliesById, definition),
      root: highestOf(ROOT_IDS, talliesById, definition),
    },
    safety: assessSafetyAnswers(answers, definition),
    completion: completionOf(answers, definition),
  };
}

/** Scores a stored response with the version it answered. */
export function scoreResponse(response: {
  version: unknown;
  answers: unknown;
}): ClosenessCheckResult {
  return scoreClosenessCheck(response.answers, closenessCheckVersion(response.version));
}
