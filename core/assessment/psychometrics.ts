/**
 * Honest measurement of change (PRODUCT.md, section 5): Cronbach's alpha and the standard
 * deviation of each subscale, computed from the anonymised responses of people who agreed to
 * research use, and the Reliable Change Index of Jacobson & Truax (1991) built on them.
 *
 * - Alpha is computed per subscale after reverse-keying, on the respondents who answered
 *   every item of that subscale (listwise deletion): alpha needs a complete matrix, and
 *   filling gaps would invent agreement between items. `n` reports how many were used.
 * - SD is the sample standard deviation (n − 1) of the subscale scores of the same
 *   respondents, on the 1–5 score scale, so it is on the same scale as the change it judges.
 * - Below `RELIABILITY_MIN_RESPONSES` complete respondents, alpha and SD are `null`: change is
 *   then shown as a plain difference and never called reliable.
 * - SEM = SD · √(1 − alpha); RCI = (x2 − x1) / (√2 · SEM); a change is reliable only when
 *   |RCI| > 1.96. Higher scores mean more difficulty, so a reliable *drop* is an improvement.
 * - Responses of different versions are never pooled: compute from responses of one version,
 *   and judge change only between two responses of that version.
 */
import { DomainError } from '../errors/domain-error';
import {
  SCORED_SUBSCALE_IDS,
  type ClosenessCheckDefinition,
  type ScoredSubscaleId,
} from './closeness-check.definition';
import { keyedValue, roundScore, validateAnswers, type Answers } from './scoring';

/** Complete responses per subscale needed before alpha and SD are trusted (issue 4). */
export const RELIABILITY_MIN_RESPONSES = 100;

/** The two-tailed 5 % critical value of the RCI. */
export const RELIABLE_CHANGE_Z = 1.96;

/**
 * Higher scores on every Closeness Check subscale mean more difficulty, so change is judged
 * with this direction: a fall in score is an improvement.
 */
export const LOWER_SCORE_IS_BETTER = true;

function mean(values: readonly number[]): number {
  let sum = 0;
  for (const value of values) sum += value;
  return sum / values.length;
}

/** Sample variance (divides by n − 1); null with fewer than two values. Two-pass for accuracy. */
export function sampleVariance(values: readonly number[]): number | null {
  if (values.length < 2) return null;
  const centre = mean(values);
  let squares = 0;
  for (const value of values) squares += (value - centre) ** 2;
  return squares / (values.length - 1);
}

/** Sample standard deviation (n − 1); null with fewer than two values. */
export function sampleStandardDeviation(values: readonly number[]): number | null {
  const variance = sampleVariance(values);
  return variance === null ? null : Math.sqrt(variance);
}

/**
 * Cronbach's alpha of a complete matrix (one row per respondent, one column per item, items
 * already reverse-keyed): k/(k − 1) · (1 − Σ item variances / variance of the row totals).
 * Null when there are fewer than two items or two respondents, or when the totals do not vary
 * (alpha is then undefined). Alpha can be negative; it is returned as it is.
 */
export function cronbachAlpha(matrix: readonly (readonly number[])[]): number | null {
  const respondents = matrix.length;
  const items = matrix[0]?.length ?? 0;
  if (respondents < 2 || items < 2) return null;
  if (matrix.some((row) => row.length !== items)) {
    throw new DomainError('invalid_matrix', 'Every respondent must have the same number of items.');
  }
  let itemVariances = 0;
  for (let column = 0; column < items; column += 1) {
    itemVariances += sampleVariance(matrix.map((row) => row[column] as number)) as number;
  }
  const totalVariance = sampleVariance(matrix.map((row) => row.reduce((a, b) => a + b, 0)));
  if (totalVariance === null || totalVariance <= 0) return null;
  return (items / (items - 1)) * (1 - itemVariances / totalVariance);
}

/**
 * One subscale's reverse-keyed answers, one row per respondent who answered all its items
 * (listwise deletion), columns in the definition's item order.
 */
export function subscaleMatrix(
  responses: readonly Answers[],
  definition: ClosenessCheckDefinition,
  subscale: ScoredSubscaleId,
): number[][] {
  const items = definition.items.filter((item) => item.subscale === subscale);
  const rows: number[][] = [];
  for (const answers of responses) {
    const row: number[] = [];
    for (const item of items) {
      const value = Object.hasOwn(answers, item.id) ? answers[item.id] : undefined;
      if (value === undefined) break;
      row.push(keyedValue(value, item.reverse, definition.scale));
    }
    if (row.length === items.length) rows.push(row);
  }
  return rows;
}

export type ReliabilityStatus = 'ok' | 'too-few-responses' | 'no-variance';

export interface SubscalePsychometrics {
  /** Respondents who answered every item of the subscale. */
  n: number;
  /** Null below the threshold or when scores do not vary. */
  alpha: number | null;
  /** Sample SD of subscale scores (1–5 scale); null whenever alpha is null. */
  sd: number | null;
  status: ReliabilityStatus;
}

export interface PsychometricsReport {
  instrument: ClosenessCheckDefinition['id'];
  /** The version the responses answered; change is judged only within this version. */
  version: number;
  minimumResponses: number;
  subscales: Record<ScoredSubscaleId, SubscalePsychometrics>;
}

/**
 * Alpha, SD and n per subscale from research responses that all answered `definition`'s
 * version. Each response is validated (a DomainError names the first bad answer).
 * `minimumResponses` exists for tests of the threshold; production uses the default.
 */
export function computePsychometrics(
  responses: readonly unknown[],
  definition: ClosenessCheckDefinition,
  minimumResponses: number = RELIABILITY_MIN_RESPONSES,
): PsychometricsReport {
  const valid = responses.map((answers) => validateAnswers(answers, definition));
  const subscales = {} as Record<ScoredSubscaleId, SubscalePsychometrics>;
  for (const id of SCORED_SUBSCALE_IDS) {
    const matrix = subscaleMatrix(valid, definition, id);
    const n = matrix.length;
    if (n < minimumResponses || n < 2) {
      subscales[id] = { n, alpha: null, sd: null, status: 'too-few-responses' };
      continue;
    }
    const scores = matrix.map((row) => mean(row));
    const sd = sampleStandardDeviation(scores) as number;
    const alpha = cronbachAlpha(matrix);
    subscales[id] =
      alpha === null || sd === 0
        ? { n, alpha: null, sd: null, status: 'no-variance' }
        : { n, alpha, sd, status: 'ok' };
  }
  return { instrument: definition.id, version: definition.version, minimumResponses, subscales };
}

/**
 * SEM = SD · √(1 − reliability). Null when it would be meaningless: SD not above 0, or
 * reliability not strictly between 0 and 1 (at 0 or below the measure tells nothing; at 1 the
 * SEM is 0 and every change, however small, would be "reliable").
 */
export function standardErrorOfMeasurement(sd: number, reliability: number): number | null {
  if (!Number.isFinite(sd) || !Number.isFinite(reliability)) return null;
  if (sd <= 0 || reliability <= 0 || reliability >= 1) return null;
  return sd * Math.sqrt(1 - reliability);
}

/** Jacobson & Truax (1991): RCI = (after − before) / (√2 · SEM). SEM must be above 0. */
export function reliableChangeIndex(before: number, after: number, sem: number): number {
  return (after - before) / (Math.SQRT2 * sem);
}

/** Reliable only beyond 1.96 in size: exactly 1.96 is not enough. */
export function isReliableChange(rci: number): boolean {
  return Math.abs(rci) > RELIABLE_CHANGE_Z;
}

/** The smallest change that would count as reliable, on the score scale: 1.96 · √2 · SEM. */
export function criticalDifference(sem: number): number {
  return RELIABLE_CHANGE_Z * Math.SQRT2 * sem;
}

/**
 * - `not-assessed`: shown as a plain difference; never called reliable.
 * - `no-reliable-change`: assessed, but within what measurement error alone could explain.
 * - `reliable-improvement`: the score fell (less difficulty) by more than measurement error.
 * - `reliable-deterioration`: the score rose (more difficulty) by more than measurement error.
 */
export type ChangeLabel =
  'not-assessed' | 'no-reliable-change' | 'reliable-improvement' | 'reliable-deterioration';

/** Why change was not assessed. */
export type NotAssessedReason =
  | 'score-missing'
  | 'different-versions'
  | 'no-psychometrics'
  | 'psychometrics-for-another-version'
  | 'too-few-responses'
  | 'no-variance'
  | 'alpha-not-positive'
  | 'alpha-is-one';

export interface SubscaleChange {
  before: number | null;
  after: number | null;
  /** after − before on the 1–5 score scale, 2 decimal places; null if either score is null. */
  difference: number | null;
  /** `down` means fewer difficulties, which for this instrument is the better direction. */
  direction: 'down' | 'up' | 'same' | null;
  /** Null unless assessed. */
  rci: number | null;
  /** The smallest change that would be reliable (1.96 · √2 · SEM); null unless assessed. */
  criticalDifference: number | null;
  reliable: boolean;
  label: ChangeLabel;
  reason: NotAssessedReason | null;
}

/** What a stored, scored response needs for change to be judged. */
export interface ScoredSnapshot {
  version: number;
  scores: Readonly<Record<ScoredSubscaleId, number | null>>;
}

function notAssessed(
  before: number | null,
  after: number | null,
  reason: NotAssessedReason,
): SubscaleChange {
  const difference = before === null || after === null ? null : roundScore(after - before);
  return {
    before,
    after,
    difference,
    direction: directionOf(difference),
    rci: null,
    criticalDifference: null,
    reliable: false,
    label: 'not-assessed',
    reason,
  };
}

function directionOf(difference: number | null): SubscaleChange['direction'] {
  if (difference === null) return null;
  if (difference < 0) return 'down';
  if (difference > 0) return 'up';
  return 'same';
}

/** Why the psychometrics of one subscale cannot support an RCI, or null if they can. */
function psychometricsProblem(stats: SubscalePsychometrics): NotAssessedReason | null {
  if (stats.status === 'too-few-responses') return 'too-few-responses';
  if (stats.alpha === null || stats.sd === null || stats.sd <= 0) return 'no-variance';
  if (stats.alpha <= 0) return 'alpha-not-positive';
  if (stats.alpha >= 1) return 'alpha-is-one';
  return null;
}

/**
 * Labels the change from one Check to a later one, per subscale. Without psychometrics for the
 * same version (or below the threshold, or in a degenerate case) the change is a plain
 * difference labelled `not-assessed`, never reliable. With them, the RCI decides: a reliable
 * fall is `reliable-improvement`, a reliable rise `reliable-deterioration`.
 */
export function describeChange(
  before: ScoredSnapshot,
  after: ScoredSnapshot,
  psychometrics: PsychometricsReport | null = null,
): Record<ScoredSubscaleId, SubscaleChange> {
  const result = {} as Record<ScoredSubscaleId, SubscaleChange>;
  for (const id of SCORED_SUBSCALE_IDS) {
    const x1 = before.scores[id] ?? null;
    const x2 = after.scores[id] ?? null;
    if (x1 === null || x2 === null) {
      result[id] = notAssessed(x1, x2, 'score-missing');
      continue;
    }
    if (before.version !== after.version) {
      result[id] = notAssessed(x1, x2, 'different-versions');
      continue;
    }
    if (psychometrics === null) {
      result[id] = notAssessed(x1, x2, 'no-psychometrics');
      continue;
    }
    if (psychometrics.version !== after.version) {
      result[id] = notAssessed(x1, x2, 'psychometrics-for-another-version');
      continue;
    }
    const stats = psychometrics.subscales[id];
    const problem = psychometricsProblem(stats);
    const sem =
      problem === null ? standardErrorOfMeasurement(stats.sd ?? 0, stats.alpha ?? 0) : null;
    if (problem !== null || sem === null) {
      result[id] = notAssessed(x1, x2, problem ?? 'no-variance');
      continue;
    }
    const difference = roundScore(x2 - x1);
    const rci = reliableChangeIndex(0, difference, sem);
    const reliable = isReliableChange(rci);
    const improved = LOWER_SCORE_IS_BETTER ? difference < 0 : difference > 0;
    result[id] = {
      before: x1,
      after: x2,
      difference,
      direction: directionOf(difference),
      rci,
      criticalDifference: criticalDifference(sem),
      reliable,
      label: !reliable
        ? 'no-reliable-change'
        : improved
          ? 'reliable-improvement'
          : 'reliable-deterioration',
      reason: null,
    };
  }
  return result;
}
