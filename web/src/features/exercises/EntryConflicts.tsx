import { useState, type FormEvent } from 'react';
import {
  combineValues,
  conflictField,
  isEmptyValue,
  type FieldConflict,
} from '../../../../core/exercise-entries/entry-merge';
import type { Exercise, ExerciseField } from '../../../../core/exercises/catalogue';
import { THINKING_TRAPS } from '../../../../core/exercises/thinking-traps';
import { t } from '../../i18n';
import type { FieldValue } from './exercises-api';

/** What the person chose for one conflicting field. */
export type ConflictChoice = 'mine' | 'theirs' | 'both';

export const conflictKey = (conflict: Pick<FieldConflict, 'step' | 'field'>) =>
  `${conflict.step}.${conflict.field}`;

/** The value a choice keeps (undefined: the field is left empty). */
export function chosenValue(
  exercise: Exercise,
  conflict: FieldConflict,
  choice: ConflictChoice,
): FieldValue | undefined {
  if (choice === 'mine') return conflict.mine;
  if (choice === 'theirs') return conflict.theirs;
  const field = conflictField(exercise, conflict);
  return field
    ? (combineValues(field, conflict.mine, conflict.theirs) ?? conflict.mine)
    : conflict.mine;
}

/** A value as lines a person can read: labels for choices, "7 out of 10" for ratings. */
function valueLines(field: ExerciseField | undefined, value: FieldValue | undefined): string[] {
  if (value === undefined || isEmptyValue(value)) return [t('exercise.conflict.empty')];
  if (typeof value === 'number') {
    const max = field?.kind === 'rating-0-100' ? 100 : 10;
    return [t('exercise.view.outOf', { value: String(value), max })];
  }
  const optionLabel = (id: string) => {
    if (field?.kind === 'choice' || field?.kind === 'multi-choice')
      return field.options.find((option) => option.id === id)?.label ?? id;
    if (field?.kind === 'thinking-traps')
      return THINKING_TRAPS.find((trap) => trap.id === id)?.name ?? id;
    return id;
  };
  if (typeof value === 'string') {
    return field?.kind === 'choice' ? [optionLabel(value)] : value.split('\n');
  }
  return value.map((item) => {
    if (typeof item === 'string') return optionLabel(item);
    const columns = field?.kind === 'rows' ? field.columns : [];
    return Object.entries(item)
      .map(([id, cell]) => {
        const column = columns.find((candidate) => candidate.id === id);
        const shown =
          column?.kind === 'choice'
            ? (column.options.find((option) => option.id === cell)?.label ?? String(cell))
            : String(cell);
        return column ? `${column.label}: ${shown}` : shown;
      })
      .join(' · ');
  });
}

function ValueShown(props: { field: ExerciseField | undefined; value: FieldValue | undefined }) {
  return (
    <span className="hint">
      {valueLines(props.field, props.value).map((line, index) => (
        <span key={index}>
          {index > 0 ? <br /> : null}
          {line}
        </span>
      ))}
    </span>
  );
}

/**
 * The answers changed both on this device and on another, each with both versions, for the
 * person to choose one or keep both (where a field can hold both). Plain radio buttons in
 * fieldsets, so it works with a keyboard and a screen reader; the page announces it politely
 * and does not move focus while someone may be typing.
 */
export function EntryConflicts(props: {
  exercise: Exercise;
  conflicts: readonly FieldConflict[];
  onResolve: (values: Map<string, FieldValue | undefined>) => void;
}) {
  const { exercise, conflicts } = props;
  const [choices, setChoices] = useState<Record<string, ConflictChoice>>({});
  const choiceOf = (conflict: FieldConflict): ConflictChoice => {
    const chosen = choices[conflictKey(conflict)];
    if (chosen) return chosen;
    const field = conflictField(exercise, conflict);
    return field && combineValues(field, conflict.mine, conflict.theirs) !== undefined
      ? 'both'
      : 'mine';
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    props.onResolve(
      new Map(
        conflicts.map((conflict) => [
          conflictKey(conflict),
          chosenValue(exercise, conflict, choiceOf(conflict)),
        ]),
      ),
    );
  };
  return (
    <section className="card card--attention" aria-labelledby="exercise-conflict-title">
      <h2 id="exercise-conflict-title">{t('exercise.conflict.title')}</h2>
      <p>{t('exercise.conflict.intro')}</p>
      <form onSubmit={submit} noValidate>
        {conflicts.map((conflict, index) => {
          const step = exercise.steps.find((candidate) => candidate.id === conflict.step);
          const field = conflictField(exercise, conflict);
          const combinable =
            field !== undefined &&
            combineValues(field, conflict.mine, conflict.theirs) !== undefined;
          const name = `conflict-${index}`;
          const options: [ConflictChoice, string, FieldValue | undefined][] = [
            ['mine', t('exercise.conflict.mine'), conflict.mine],
            ['theirs', t('exercise.conflict.theirs'), conflict.theirs],
            ...(combinable
              ? ([
                  ['both', t('exercise.conflict.both'), chosenValue(exercise, conflict, 'both')],
                ] as [ConflictChoice, string, FieldValue | undefined][])
              : []),
          ];
          return (
            <fieldset
              key={conflictKey(conflict)}
              className="field choice-field"
              data-conflict={conflictKey(conflict)}
            >
              <legend>
                {t('exercise.conflict.field', {
                  step: step?.title ?? conflict.step,
                  field: field?.label ?? conflict.field,
                })}
              </legend>
              {options.map(([choice, label, value]) => (
                <label key={choice} className="choice-field__option">
                  <input
                    type="radio"
                    name={name}
                    value={choice}
                    checked={choiceOf(conflict) === choice}
                    onChange={() =>
                      setChoices((now) => ({ ...now, [conflictKey(conflict)]: choice }))
                    }
                  />
                  <span>
                    {label}
                    <br />
                    <ValueShown field={field} value={value} />
                  </span>
                </label>
              ))}
            </fieldset>
          );
        })}
        <p className="actions">
          <button type="submit" className="button button--primary">
            {t('exercise.conflict.apply')}
          </button>
        </p>
      </form>
    </section>
  );
}
