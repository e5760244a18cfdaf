import {
  mergeEntryValues,
  type FieldConflict,
} from '../../../../core/exercise-entries/entry-merge';
import type { Exercise, ExerciseField, ExerciseStep } from '../../../../core/exercises/catalogue';
import type { ExerciseEntry, ExerciseValues, FieldValue } from './exercises-api';

/** Whether a field has something in it worth keeping. */
export function hasValue(value: FieldValue | undefined): boolean {
  if (value === undefined) return false;
  if (typeof value === 'string') return value.trim().length > 0;
  if (typeof value === 'number') return true;
  if (value.length === 0) return false;
  return value.some((item) =>
    typeof item === 'string'
      ? item.trim().length > 0
      : Object.values(item).some((cell) => (typeof cell === 'string' ? cell.trim() !== '' : true)),
  );
}

function acceptedValue(field: ExerciseField, value: unknown): FieldValue | undefined {
  switch (field.kind) {
    case 'text':
    case 'long-text':
    case 'pick-row':
      return typeof value === 'string' ? value : undefined;
    case 'choice':
      return typeof value === 'string' && field.options.some((option) => option.id === value)
        ? value
        : undefined;
    case 'rating-0-100':
    case 'rating-0-10': {
      const max = field.kind === 'rating-0-100' ? 100 : 10;
      return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= max
        ? value
        : undefined;
    }
    case 'multi-choice':
    case 'list':
    case 'thinking-traps':
      return Array.isArray(value) ? value.filter((item) => typeof item === 'string') : undefined;
    case 'rows':
      if (!Array.isArray(value)) return undefined;
      return value
        .filter((row): row is Record<string, unknown> => row !== null && typeof row === 'object')
        .map((row) => {
          const kept: Record<string, string | number> = {};
          for (const column of field.columns) {
            const cell = row[column.id];
            if (typeof cell === 'string' || typeof cell === 'number') kept[column.id] = cell;
          }
          return kept;
        });
  }
}

/**
 * Only the values this exercise has fields for, of the right kind: a copy kept on the device
 * from an older version of the exercise, or tampered with, never reaches the server.
 */
export function acceptedValues(exercise: Exercise, raw: unknown): ExerciseValues {
  const accepted: ExerciseValues = {};
  if (raw === null || typeof raw !== 'object') return accepted;
  const steps = raw as Record<string, unknown>;
  for (const step of exercise.steps) {
    const stored = Object.hasOwn(steps, step.id) ? steps[step.id] : undefined;
    if (stored === null || typeof stored !== 'object') continue;
    const fields = stored as Record<string, unknown>;
    for (const field of step.fields) {
      if (!Object.hasOwn(fields, field.id)) continue;
      const value = acceptedValue(field, fields[field.id]);
      if (value !== undefined) (accepted[step.id] ??= {})[field.id] = value;
    }
  }
  return accepted;
}

/** The values with one field changed (a new object, the old one untouched). */
export function withValue(
  values: ExerciseValues,
  stepId: string,
  fieldId: string,
  value: FieldValue,
): ExerciseValues {
  return { ...values, [stepId]: { ...(values[stepId] ?? {}), [fieldId]: value } };
}

export function valueOf(values: ExerciseValues, stepId: string, fieldId: string) {
  return values[stepId]?.[fieldId];
}

/** The step to carry on from: the first with an empty field after the last one filled in. */
export function resumeStep(exercise: Exercise, values: ExerciseValues): number {
  let last = -1;
  exercise.steps.forEach((step: ExerciseStep, index) => {
    if (step.fields.some((field) => hasValue(values[step.id]?.[field.id]))) last = index;
  });
  if (last < 0) return 0;
  const step = exercise.steps[last];
  const complete = step?.fields.every((field) => hasValue(values[step.id]?.[field.id])) ?? false;
  return complete ? Math.min(last + 1, exercise.steps.length - 1) : last;
}

/** The copy of an exercise in progress kept on this device. */
export interface LocalExerciseDraft {
  /** The server's id for the entry, once it has one. */
  entryId: string | null;
  values: ExerciseValues;
  /** The step last shown (0-based). */
  step: number | null;
  /** True once the server has confirmed it holds exactly these values. */
  synced: boolean;
  /**
   * The server's revision this copy grew from, and the values it had then: the base of a
   * merge when the server has moved on (another device). Null when not known (a copy kept
   * before revisions, or never saved): then every difference is shown, nothing is assumed.
   */
  baseRevision?: number | null;
  baseValues?: ExerciseValues | null;
}

/** What the server held when this device last heard from it. */
export interface ServerBase {
  revision: number;
  values: ExerciseValues;
}

export interface ExerciseStart {
  entryId: string | null;
  values: ExerciseValues;
  step: number | null;
  needsSending: boolean;
  /** The server's copy the values are now based on, once known. */
  base: ServerBase | null;
  /** Fields changed both here and on another device: the person chooses (see entry-merge). */
  conflicts: FieldConflict[];
}

/**
 * Where an exercise starts, from the copy on this device and the server's newest draft.
 * Values the server never confirmed are the newest there are, and are sent, but only when
 * they grew from the server's current revision. If the server has moved on since (another
 * device saved), the two are merged field by field: a field changed in one place takes that
 * change, a field changed in both is a conflict for the person to settle, so newer words on
 * the server are never overwritten silently. A confirmed copy gives way to the server's
 * draft; if the server has none, the draft was finished or deleted elsewhere.
 */
export function exerciseStart(
  exercise: Exercise,
  local: LocalExerciseDraft | null,
  server: ExerciseEntry | null,
): ExerciseStart {
  const serverBase = server ? { revision: server.revision, values: server.values } : null;
  if (local && !local.synced && Object.keys(local.values).length > 0) {
    const mine = acceptedValues(exercise, local.values);
    const sameEntry = server !== null && (local.entryId === null || local.entryId === server.id);
    if (server && sameEntry && (local.baseRevision ?? null) !== server.revision) {
      const merge = mergeEntryValues(
        acceptedValues(exercise, local.baseValues ?? {}),
        mine,
        acceptedValues(exercise, server.values),
      );
      const values = acceptedValues(exercise, merge.values);
      return {
        entryId: server.id,
        values,
        step: local.step,
        needsSending:
          merge.conflicts.length === 0 &&
          JSON.stringify(values) !== JSON.stringify(acceptedValues(exercise, server.values)),
        base: serverBase,
        conflicts: merge.conflicts,
      };
    }
    const known =
      typeof local.baseRevision === 'number'
        ? { revision: local.baseRevision, values: local.baseValues ?? {} }
        : null;
    return {
      entryId: local.entryId ?? server?.id ?? null,
      values: mine,
      step: local.step,
      needsSending: true,
      base: sameEntry ? serverBase : known,
      conflicts: [],
    };
  }
  if (server) {
    const values = acceptedValues(exercise, server.values);
    const sameAsLocal =
      local !== null &&
      local.entryId === server.id &&
      JSON.stringify(acceptedValues(exercise, local.values)) === JSON.stringify(values);
    return {
      entryId: server.id,
      values,
      step: sameAsLocal ? local.step : null,
      needsSending: false,
      base: serverBase,
      conflicts: [],
    };
  }
  return {
    entryId: null,
    values: {},
    step: null,
    needsSending: false,
    base: null,
    conflicts: [],
  };
}

/** The newest draft among the entries, if any. */
export function newestDraft(entries: readonly ExerciseEntry[]): ExerciseEntry | null {
  let newest: ExerciseEntry | null = null;
  for (const entry of entries) {
    if (entry.status !== 'draft') continue;
    if (!newest || entry.updatedAt > newest.updatedAt) newest = entry;
  }
  return newest;
}

/** Completed entries, newest first. */
export function completedEntries(entries: readonly ExerciseEntry[]): ExerciseEntry[] {
  return entries
    .filter((entry) => entry.status === 'completed')
    .sort((a, b) => ((b.completedAt ?? b.updatedAt) > (a.completedAt ?? a.updatedAt) ? 1 : -1));
}

export interface BlameWord {
  text: string;
  start: number;
  end: number;
}

/**
 * Words that can sound like blame in an I-statement ("always", "never", "you make me…",
 * "your fault"). Only a gentle hint: the person decides whether to change them.
 */
const BLAME_PATTERN =
  /\b(?:always|never|every single time|you make me|you made me|you never|you always|your fault|you should|you ought to|you're so|you are so)\b/gi;

export function findBlameWords(text: string): BlameWord[] {
  const found: BlameWord[] = [];
  for (const match of text.matchAll(BLAME_PATTERN)) {
    const start = match.index;
    found.push({ text: match[0], start, end: start + match[0].length });
  }
  return found;
}

// The ladder's chart points are computed in core, so the server's progress page draws the
// same points (core/exercises/ladder-progress.ts).
export { ladderPoints, type LadderPoint } from '../../../../core/exercises/ladder-progress';
