/**
 * Brings together two copies of an exercise entry that were changed apart: what this device
 * holds (`mine`) and what the server holds now (`theirs`), both grown from the copy the device
 * last knew the server had (`base`). Pure, so the browser merges and tests prove it.
 *
 * A field is the unit (docs/decisions/0011). A field changed on one side only takes that
 * side's value; a field changed on both sides to different values is a conflict the person
 * settles, seeing both. One exception keeps typed words safe: emptying a field never silently
 * wins over words still in the other copy, so that is a conflict too. So a merge never loses a
 * value that has something in it.
 */
import type { ExerciseField } from '../exercises/catalogue.model';
import type { EntryFields, EntryValue, EntryValues } from './entry-values';

/** A field changed on both sides, or emptied on one side while the other has words in it. */
export interface FieldConflict {
  step: string;
  field: string;
  /** This device's value; undefined when this device has none. */
  mine: EntryValue | undefined;
  /** The server's value; undefined when the server has none. */
  theirs: EntryValue | undefined;
}

export interface EntryMerge {
  /**
   * Every field settled: one side's value where only it changed. A conflicting field holds
   * this device's value until the person chooses, so the screen does not jump under them.
   */
  values: EntryValues;
  conflicts: FieldConflict[];
}

/** Whether a value has anything in it: words (not only spaces), a number, a chosen item. */
export function isEmptyValue(value: EntryValue | undefined): boolean {
  if (value === undefined) return true;
  if (typeof value === 'number') return false;
  if (typeof value === 'string') return value.trim() === '';
  return !value.some((item) =>
    typeof item === 'string'
      ? item.trim() !== ''
      : Object.values(item).some((cell) => typeof cell === 'number' || cell.trim() !== ''),
  );
}

/** JSON with object keys sorted, so two equal rows compare equal whatever their key order. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    return `{${Object.keys(record)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonical(record[key])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

/** Two values are the same when both are empty or they are equal. */
export function sameValue(a: EntryValue | undefined, b: EntryValue | undefined): boolean {
  if (isEmptyValue(a) && isEmptyValue(b)) return true;
  return canonical(a) === canonical(b);
}

const valueAt = (values: EntryValues, step: string, field: string): EntryValue | undefined =>
  Object.hasOwn(values, step) && Object.hasOwn(values[step] ?? {}, field)
    ? values[step]?.[field]
    : undefined;

/**
 * Three-way merge of an entry's values, field by field (see the module comment). The result
 * lists conflicts in the order of the steps and fields as they appear in `mine`, then `theirs`.
 */
export function mergeEntryValues(
  base: EntryValues,
  mine: EntryValues,
  theirs: EntryValues,
): EntryMerge {
  const values: EntryValues = {};
  const conflicts: FieldConflict[] = [];
  const put = (step: string, field: string, value: EntryValue | undefined) => {
    if (value !== undefined) (values[step] ??= {})[field] = value;
  };
  const seen = new Set<string>();
  for (const side of [mine, theirs]) {
    for (const [step, fields] of Object.entries(side)) {
      for (const field of Object.keys(fields)) {
        const key = JSON.stringify([step, field]);
        if (seen.has(key)) continue;
        seen.add(key);
        const was = valueAt(base, step, field);
        const ours = valueAt(mine, step, field);
        const other = valueAt(theirs, step, field);
        if (sameValue(ours, other)) {
          put(step, field, ours ?? other);
          continue;
        }
        // Only one side changed it: take that side, unless that change emptied words the
        // other side still has (never lose words silently).
        const onlyTheirs = sameValue(ours, was);
        const onlyMine = sameValue(other, was);
        const emptied =
          (onlyTheirs && isEmptyValue(other) && !isEmptyValue(ours)) ||
          (onlyMine && isEmptyValue(ours) && !isEmptyValue(other));
        if (onlyTheirs && !emptied) put(step, field, other);
        else if (onlyMine && !emptied) put(step, field, ours);
        else {
          conflicts.push({ step, field, mine: ours, theirs: other });
          put(step, field, ours);
        }
      }
    }
  }
  return { values, conflicts };
}

/** The field of an exercise (at an entry's version) that a conflict is about. */
export function conflictField(
  exercise: EntryFields,
  conflict: Pick<FieldConflict, 'step' | 'field'>,
): ExerciseField | undefined {
  return exercise.steps
    .find((step) => step.id === conflict.step)
    ?.fields.find((field) => field.id === conflict.field);
}

/**
 * Both values in one, where a field can hold both: texts one after the other, lists and rows
 * joined (nothing repeated), choices together. Undefined where it cannot (one rating, one
 * choice, a picked row), or where together they pass the field's limit: then the person
 * chooses one, or writes both into the field themselves.
 */
export function combineValues(
  field: ExerciseField,
  mine: EntryValue | undefined,
  theirs: EntryValue | undefined,
): EntryValue | undefined {
  if (isEmptyValue(mine)) return theirs;
  if (isEmptyValue(theirs)) return mine;
  switch (field.kind) {
    case 'text':
    case 'long-text':
      if (typeof mine !== 'string' || typeof theirs !== 'string') return undefined;
      return `${mine.trimEnd()}${field.kind === 'text' ? ' / ' : '\n\n'}${theirs.trimStart()}`;
    case 'list':
    case 'multi-choice':
    case 'thinking-traps': {
      if (!isStrings(mine) || !isStrings(theirs)) return undefined;
      const joined = [...mine, ...theirs.filter((item) => !mine.includes(item))];
      const limit =
        field.kind === 'list'
          ? field.maxItems
          : field.kind === 'multi-choice'
            ? field.options.length
            : Number.POSITIVE_INFINITY;
      if (joined.length > limit) return undefined;
      if (field.kind === 'multi-choice') {
        return field.options.map((option) => option.id).filter((id) => joined.includes(id));
      }
      return joined;
    }
    case 'rows': {
      if (!isRows(mine) || !isRows(theirs)) return undefined;
      const seen = new Set(mine.map(canonical));
      const joined = [...mine, ...theirs.filter((row) => !seen.has(canonical(row)))];
      return joined.length > field.maxRows ? undefined : joined;
    }
    default:
      return undefined;
  }
}

const isStrings = (value: EntryValue | undefined): value is string[] =>
  Array.isArray(value) && value.every((item) => typeof item === 'string');

const isRows = (value: EntryValue | undefined): value is Record<string, string | number>[] =>
  Array.isArray(value) && value.every((item) => typeof item === 'object' && item !== null);
