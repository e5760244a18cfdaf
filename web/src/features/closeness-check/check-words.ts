import type {
  Band,
  ScoredSubscaleId,
} from '../../../../core/assessment/closeness-check.definition';
import type { NotAssessedReason } from '../../../../core/assessment/psychometrics';
import { closenessCheckVersion, completionOf } from '../../../../core/assessment/scoring';
import type { CheckAnswers, CheckChange, CheckDefinition, CheckScores } from '../../api/types';
import { LOCALE, t, type MessageKey } from '../../i18n';

/** The scored subscales of a definition, signs first, as the profile shows them. */
export function scoredSubscales(definition: CheckDefinition) {
  const signs = definition.subscales.filter((subscale) => subscale.kind === 'sign');
  const roots = definition.subscales.filter((subscale) => subscale.kind === 'root');
  return {
    signs: signs as { id: ScoredSubscaleId; kind: 'sign'; title: string }[],
    roots: roots as { id: ScoredSubscaleId; kind: 'root'; title: string }[],
  };
}

export function subscaleTitle(definition: CheckDefinition, id: string): string {
  return definition.subscales.find((subscale) => subscale.id === id)?.title ?? id;
}

export function bandOf(definition: CheckDefinition, band: Band | null | undefined) {
  return band ? (definition.bands.find((candidate) => candidate.id === band) ?? null) : null;
}

/** "A", "A and B", "A, B and C", in the interface's language. */
export function joinNames(names: string[]): string {
  return new Intl.ListFormat(LOCALE, { style: 'long', type: 'conjunction' }).format(names);
}

/**
 * The titles of the parts that would get no score with these answers: a part needs most of
 * its questions answered (the 80 % rule in core/assessment/scoring.ts, applied by the same
 * function the server uses).
 */
export function unscoredParts(definition: CheckDefinition, answers: CheckAnswers): string[] {
  let completion;
  try {
    completion = completionOf(answers, closenessCheckVersion(definition.version));
  } catch {
    return [];
  }
  return definition.subscales
    .filter(
      (subscale) =>
        subscale.kind !== 'safety' &&
        completion.bySubscale[subscale.id as ScoredSubscaleId]?.scorable === false,
    )
    .map((subscale) => subscale.title);
}

type Highest = CheckScores['highest']['sign'] | CheckScores['highest']['root'];

/** The parts of a kind that have a score in this response. */
function scoredOfKind(definition: CheckDefinition, scores: CheckScores, kind: 'sign' | 'root') {
  const ofKind = definition.subscales.filter((subscale) => subscale.kind === kind);
  const scored = ofKind.filter((subscale) => {
    const index = scores.index[subscale.id as ScoredSubscaleId];
    return index !== null && index !== undefined;
  });
  return { all: ofKind.length, scored: scored.length };
}

/** Whether the highest sign or root singles something out (not a low score, not all tied). */
export function standsOut(
  definition: CheckDefinition,
  scores: CheckScores,
  kind: 'sign' | 'root',
): boolean {
  const highest: Highest = scores.highest[kind];
  const { scored } = scoredOfKind(definition, scores, kind);
  return highest !== null && highest.band !== 'lower' && highest.subscales.length < scored;
}

/**
 * "The sign that stood out most was…", kindly, with ties and "nothing stands out" handled.
 * When a part of that kind has no score, the sentence says it speaks only of the parts that
 * could be scored: the missing one may have stood out more.
 */
export function highestSentence(
  definition: CheckDefinition,
  scores: CheckScores,
  kind: 'sign' | 'root',
): string {
  const highest: Highest = scores.highest[kind];
  if (!highest) return t(`check.results.${kind}.unknown`);
  const { all, scored } = scoredOfKind(definition, scores, kind);
  const partial = scored < all ? 'Partial' : '';
  if (highest.band === 'lower') return t(`check.results.${kind}.noneStandsOut${partial}`);
  if (highest.subscales.length > 1 && highest.subscales.length === scored)
    return t(`check.results.${kind}.allSame${partial}`);
  const names = highest.subscales.map((id) => `“${subscaleTitle(definition, id)}”`);
  if (names.length === 1) return t(`check.results.${kind}.one${partial}`, { name: names[0] ?? '' });
  return t(`check.results.${kind}.tie${partial}`, { names: joinNames(names) });
}

/** Why a change was not judged, in words, for each reason that is really there. */
const WHY_NOT: Record<NotAssessedReason, MessageKey> = {
  'score-missing': 'check.change.whyNotMissing',
  'different-versions': 'check.change.versions',
  'no-psychometrics': 'check.change.whyNot',
  'psychometrics-for-another-version': 'check.change.whyNot',
  'too-few-responses': 'check.change.whyNot',
  'no-variance': 'check.change.whyNotSteadiness',
  'alpha-not-positive': 'check.change.whyNotSteadiness',
  'alpha-is-one': 'check.change.whyNotSteadiness',
};

/**
 * The explanations for the parts whose change was not judged, one per true reason, in a
 * steady order. Different versions are said on their own (see the results page).
 */
export function whyNotReliable(change: CheckChange): MessageKey[] {
  if (!change) return [];
  const keys = new Set<MessageKey>();
  for (const part of Object.values(change)) {
    if (!part || part.label !== 'not-assessed' || !part.reason) continue;
    if (part.reason === 'different-versions') continue;
    keys.add(WHY_NOT[part.reason]);
  }
  const order: MessageKey[] = [
    'check.change.whyNot',
    'check.change.whyNotSteadiness',
    'check.change.whyNotMissing',
  ];
  return order.filter((key) => keys.has(key));
}
