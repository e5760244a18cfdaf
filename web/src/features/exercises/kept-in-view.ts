import type { ExerciseField, FieldKind } from '../../../../core/exercises/catalogue';
import type { FieldValue } from './exercises-api';

/** The kinds of field whose answer an exercise can keep in view while the person goes on. */
export const KEPT_IN_VIEW_KINDS: ReadonlySet<FieldKind> = new Set<FieldKind>([
  'text',
  'long-text',
  'choice',
  'pick-row',
  'rating-0-10',
  'rating-0-100',
  'rows',
]);

/** An earlier answer, ready to show beside a later step. */
export type KeptAnswer =
  | { kind: 'text'; text: string }
  | { kind: 'rating'; value: number; max: 10 | 100; lowLabel: string; highLabel: string }
  | { kind: 'rows'; columns: string[]; rows: string[][] };

/**
 * How an earlier answer shows in "What you wrote earlier": text as written, a choice by its
 * label, a rating as the number with what its ends mean, rows as a small table (choices by
 * their labels, empty rows left out). Null when there is nothing to show yet, or when the
 * field is of a kind that is not kept in view.
 */
export function keptAnswer(field: ExerciseField, value: FieldValue | undefined): KeptAnswer | null {
  if (value === undefined) return null;
  switch (field.kind) {
    case 'text':
    case 'long-text':
    case 'pick-row':
      return typeof value === 'string' && value.trim() !== ''
        ? { kind: 'text', text: value }
        : null;
    case 'choice': {
      const option = field.options.find((candidate) => candidate.id === value);
      return option ? { kind: 'text', text: option.label } : null;
    }
    case 'rating-0-10':
    case 'rating-0-100':
      return typeof value === 'number' && Number.isFinite(value)
        ? {
            kind: 'rating',
            value,
            max: field.kind === 'rating-0-10' ? 10 : 100,
            lowLabel: field.lowLabel,
            highLabel: field.highLabel,
          }
        : null;
    case 'rows': {
      if (!Array.isArray(value)) return null;
      const rows = value
        .filter((row): row is Record<string, string | number> => typeof row === 'object')
        .map((row) =>
          field.columns.map((column) => {
            const cell = row[column.id];
            if (cell === undefined) return '';
            if (column.kind === 'choice')
              return column.options.find((option) => option.id === cell)?.label ?? '';
            return String(cell).trim();
          }),
        )
        .filter((cells) => cells.some((cell) => cell !== ''));
      return rows.length > 0
        ? { kind: 'rows', columns: field.columns.map((column) => column.label), rows }
        : null;
    }
    default:
      return null;
  }
}
