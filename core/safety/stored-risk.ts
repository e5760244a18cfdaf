/**
 * What is kept with a piece of writing (a journal entry, a check-in note, an exercise entry)
 * about its risk check, so the plan can read recent flags without opening the words again.
 *
 * The highest level alone is not enough: words that raise a crisis and also mention abuse or
 * coercion would be kept as "crisis", and the plan would lose the safeguarding help and
 * pauses that abuse calls for (never a thought-challenging exercise as the answer to abuse).
 * So that one combination is kept as its own value.
 */
import type { RiskAssessment } from './risk';

export const CRISIS_AND_SAFEGUARDING = 'crisis+safeguarding';

export type StoredRiskLevel =
  'none' | 'concern' | 'crisis' | 'safeguarding' | typeof CRISIS_AND_SAFEGUARDING;

/** The stored values that carry a crisis or safeguarding flag. */
export const FLAGGED_STORED_RISK_LEVELS: readonly StoredRiskLevel[] = [
  'crisis',
  'safeguarding',
  CRISIS_AND_SAFEGUARDING,
];

/** The value to keep for an assessment: its level, or both flags when a crisis also named abuse. */
export function storedRiskLevel(
  assessment: Pick<RiskAssessment, 'level' | 'reasons'>,
): StoredRiskLevel {
  if (
    assessment.level === 'crisis' &&
    assessment.reasons.some((reason) => reason.level === 'safeguarding')
  )
    return CRISIS_AND_SAFEGUARDING;
  return assessment.level;
}

/** The crisis and safeguarding flags of some stored values (unknown values raise none). */
export function flagsOfStoredRiskLevels(levels: readonly (string | null)[]): {
  crisis: boolean;
  safeguarding: boolean;
} {
  return {
    crisis: levels.some((level) => level === 'crisis' || level === CRISIS_AND_SAFEGUARDING),
    safeguarding: levels.some(
      (level) => level === 'safeguarding' || level === CRISIS_AND_SAFEGUARDING,
    ),
  };
}
