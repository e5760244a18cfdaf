import { CURRENT_CLOSENESS_CHECK } from '../../../../core/assessment/closeness-check.definition';
import {
  CATALOGUE,
  isExerciseId,
  MODALITIES,
  modalityLabelKey,
  type Exercise,
  type Modality,
} from '../../../../core/exercises/catalogue';
import { t } from '../../i18n';
import { joinNames } from '../closeness-check/check-words';

/** The exercise with this id, or null for an id the library does not have. */
export function findExercise(id: string | undefined): Exercise | null {
  return id !== undefined && isExerciseId(id)
    ? (CATALOGUE.find((exercise) => exercise.id === id) ?? null)
    : null;
}

export function modalityLabel(modality: string): string {
  return (MODALITIES as readonly string[]).includes(modality)
    ? t(modalityLabelKey(modality as Modality))
    : modality;
}

/** "Difficulty trusting and anxiety in intimate situations": what an exercise helps with. */
export function targetNames(targets: readonly string[]): string {
  const names = targets.map(
    (id) => CURRENT_CLOSENESS_CHECK.subscales.find((subscale) => subscale.id === id)?.title ?? id,
  );
  return joinNames(
    names.map((name, index) =>
      index === 0 ? name : `${name.charAt(0).toLowerCase()}${name.slice(1)}`,
    ),
  );
}
