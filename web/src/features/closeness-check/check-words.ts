import type {
  Band,
  ScoredSubscaleId,
} from '../../../../core/assessment/closeness-check.definition';
import { closenessCheckVersion, completionOf } from '../../../../core/assessment/scoring';
import type { CheckAnswers, CheckDefinition } from '../../api/types';
import { LOCALE } from '../../i18n';

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
