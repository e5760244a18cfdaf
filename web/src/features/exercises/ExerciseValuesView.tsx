import type { Exercise, ExerciseField } from '../../../../core/exercises/catalogue';
import { THINKING_TRAPS } from '../../../../core/exercises/thinking-traps';
import { t } from '../../i18n';
import { hasValue } from './exercise-progress';
import type { ExerciseValues, FieldValue } from './exercises-api';

type AnyValue = FieldValue | readonly unknown[] | undefined;

/**
 * A finished (or example) exercise, read only: each step's title, then each field's label
 * and what was written or chosen. Used for the worked example and for past entries.
 */
export function ExerciseValuesView(props: {
  exercise: Exercise;
  values: ExerciseValues | Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  headingLevel: 3 | 4;
}) {
  const Heading = props.headingLevel === 3 ? 'h3' : 'h4';
  return (
    <div className="values-view">
      {props.exercise.steps.map((step) => {
        const stepValues = props.values[step.id] ?? {};
        const filled = step.fields.filter((field) =>
          hasValue(stepValues[field.id] as FieldValue | undefined),
        );
        if (filled.length === 0) return null;
        return (
          <section key={step.id} className="values-view__step">
            <Heading>{step.title}</Heading>
            <dl>
              {filled.map((field) => (
                <div key={field.id} className="values-view__item">
                  <dt>{field.label}</dt>
                  <dd>
                    <ValueText field={field} value={stepValues[field.id] as AnyValue} />
                  </dd>
                </div>
              ))}
            </dl>
          </section>
        );
      })}
    </div>
  );
}

function ValueText({ field, value }: { field: ExerciseField; value: AnyValue }) {
  if (value === undefined) return null;
  switch (field.kind) {
    case 'rating-0-100':
      return <>{t('exercise.view.outOf', { value: String(value), max: 100 })}</>;
    case 'rating-0-10':
      return <>{t('exercise.view.outOf', { value: String(value), max: 10 })}</>;
    case 'choice':
      return <>{field.options.find((option) => option.id === value)?.label ?? String(value)}</>;
    case 'multi-choice':
      return (
        <ul>
          {(value as string[]).map((id) => (
            <li key={id}>{field.options.find((option) => option.id === id)?.label ?? id}</li>
          ))}
        </ul>
      );
    case 'thinking-traps':
      return (
        <ul>
          {(value as string[]).map((id) => (
            <li key={id}>{THINKING_TRAPS.find((trap) => trap.id === id)?.name ?? id}</li>
          ))}
        </ul>
      );
    case 'list':
      return (
        <ul>
          {(value as string[])
            .filter((line) => line.trim() !== '')
            .map((line, index) => (
              <li key={index}>{line}</li>
            ))}
        </ul>
      );
    case 'rows':
      return (
        <ul>
          {(value as Record<string, string | number>[]).map((row, index) => (
            <li key={index}>
              {field.columns
                .filter((column) => row[column.id] !== undefined && row[column.id] !== '')
                .map((column) => {
                  const cell = row[column.id];
                  const shown =
                    column.kind === 'choice'
                      ? (column.options.find((option) => option.id === cell)?.label ?? cell)
                      : cell;
                  return `${column.label}: ${String(shown)}`;
                })
                .join(' · ')}
            </li>
          ))}
        </ul>
      );
    default:
      return <span className="values-view__text">{String(value as string)}</span>;
  }
}
