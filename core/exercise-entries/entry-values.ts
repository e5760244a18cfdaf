/**
 * What a person has written in an exercise: `{[stepId]: {[fieldId]: value}}`, checked against
 * the exercise's definition in the library. Pure, so the browser can check a draft the same
 * way the server does before saving it.
 *
 * A draft may be partial: any step or field may be missing, and lists and tables may be
 * shorter than the exercise asks for in the end. What is there must fit its field exactly.
 */
import { DomainError } from '../errors/domain-error';
import type { ColumnField, ExerciseField, ExerciseStep } from '../exercises/catalogue.model';
import { THINKING_TRAP_IDS } from '../exercises/thinking-traps';

export const INVALID_EXERCISE_VALUES = 'invalid_exercise_values';

/** A long letter, well past what anyone writes in one field at one sitting. */
export const ENTRY_TEXT_MAX = 10_000;
/** The most rows a table or items a list may hold when the exercise sets no lower limit. */
export const ENTRY_ITEMS_MAX = 50;
/** Thinking traps: there are only so many, and each once. */
const TRAP_IDS: ReadonlySet<string> = new Set(THINKING_TRAP_IDS);

export type CellValue = string | number;
export type EntryValue = string | number | string[] | Record<string, CellValue>[];
export type EntryValues = Record<string, Record<string, EntryValue>>;

/**
 * The steps an entry is checked against: an exercise at the version the entry was made with
 * (core/exercises/catalogue.versions), so a later version never refuses an older entry.
 */
export interface EntryFields {
  steps: readonly ExerciseStep[];
}

/** Why a value was refused, for `details.reason`. */
export type ValueProblem =
  | 'not-an-object'
  | 'unknown-step'
  | 'unknown-field'
  | 'wrong-type'
  | 'too-long'
  | 'out-of-range'
  | 'not-whole'
  | 'unknown-option'
  | 'too-many'
  | 'duplicate'
  | 'unknown-column';

function refuse(
  problem: ValueProblem,
  message: string,
  where: { step?: string; field?: string; column?: string } = {},
): DomainError {
  return new DomainError(INVALID_EXERCISE_VALUES, message, { ...where, reason: problem });
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Shortens a name the person sent before it goes back in an error. */
const shown = (name: string) => (name.length > 60 ? `${name.slice(0, 60)}…` : name);

function checkText(value: unknown, where: { step: string; field: string; column?: string }) {
  if (typeof value !== 'string') throw refuse('wrong-type', 'This answer must be text.', where);
  if (value.length > ENTRY_TEXT_MAX)
    throw refuse('too-long', `This answer can have at most ${ENTRY_TEXT_MAX} characters.`, where);
  return value;
}

function checkRating(
  value: unknown,
  max: number,
  where: { step: string; field: string; column?: string },
): number {
  if (typeof value !== 'number' || !Number.isFinite(value))
    throw refuse('wrong-type', 'This answer must be a number.', where);
  if (!Number.isInteger(value))
    throw refuse('not-whole', 'This answer must be a whole number.', where);
  if (value < 0 || value > max)
    throw refuse('out-of-range', `This answer must be from 0 to ${max}.`, where);
  return value;
}

function checkOption(
  value: unknown,
  options: readonly { id: string }[],
  where: { step: string; field: string; column?: string },
): string {
  if (typeof value !== 'string') throw refuse('wrong-type', 'This answer must be a choice.', where);
  if (!options.some((option) => option.id === value))
    throw refuse('unknown-option', 'That is not one of the choices.', where);
  return value;
}

function checkArray(
  value: unknown,
  max: number,
  where: { step: string; field: string },
): unknown[] {
  if (!Array.isArray(value)) throw refuse('wrong-type', 'This answer must be a list.', where);
  if (value.length > max)
    throw refuse('too-many', `This answer can have at most ${max} items.`, where);
  return value;
}

function checkCell(column: ColumnField, value: unknown, where: { step: string; field: string }) {
  const at = { ...where, column: column.id };
  switch (column.kind) {
    case 'text':
      return checkText(value, at);
    case 'rating-0-100':
      return checkRating(value, 100, at);
    case 'rating-0-10':
      return checkRating(value, 10, at);
    case 'choice':
      return checkOption(value, column.options, at);
  }
}

function checkField(field: ExerciseField, value: unknown, step: ExerciseStep): EntryValue {
  const where = { step: step.id, field: field.id };
  switch (field.kind) {
    case 'text':
    case 'long-text':
      return checkText(value, where);
    case 'rating-0-100':
      return checkRating(value, 100, where);
    case 'rating-0-10':
      return checkRating(value, 10, where);
    case 'choice':
      return checkOption(value, field.options, where);
    case 'pick-row':
      // The first column of a row of another field: text the person wrote there.
      return checkText(value, where);
    case 'multi-choice':
    case 'thinking-traps': {
      const items = checkArray(
        value,
        field.kind === 'multi-choice' ? field.options.length : TRAP_IDS.size,
        where,
      );
      const chosen = items.map((item) =>
        field.kind === 'multi-choice'
          ? checkOption(item, field.options, where)
          : checkOption(
              item,
              THINKING_TRAP_IDS.map((id) => ({ id })),
              where,
            ),
      );
      if (new Set(chosen).size !== chosen.length)
        throw refuse('duplicate', 'Each choice can be chosen once.', where);
      return chosen;
    }
    case 'list':
      return checkArray(value, field.maxItems, where).map((item) => checkText(item, where));
    case 'rows':
      return checkArray(value, field.maxRows, where).map((row) => {
        if (!isRecord(row)) throw refuse('wrong-type', 'Each row must be a set of answers.', where);
        const cells: Record<string, CellValue> = {};
        for (const [columnId, cell] of Object.entries(row)) {
          const column = field.columns.find((candidate) => candidate.id === columnId);
          if (!column)
            throw refuse('unknown-column', `This table has no column “${shown(columnId)}”.`, {
              ...where,
              column: shown(columnId),
            });
          cells[columnId] = checkCell(column, cell, where);
        }
        return cells;
      });
  }
}

/**
 * Checks what a person sent for an exercise and answers a clean copy of it. Anything that does
 * not fit throws `invalid_exercise_values` with `details: {step, field, column?, reason}`, so
 * the screen can point at the field; nothing is dropped silently.
 */
export function validateEntryValues(exercise: EntryFields, input: unknown): EntryValues {
  if (!isRecord(input)) throw refuse('not-an-object', 'The answers must be grouped by step.');
  const values: EntryValues = {};
  for (const [stepId, stepInput] of Object.entries(input)) {
    const step = exercise.steps.find((candidate) => candidate.id === stepId);
    if (!step)
      throw refuse('unknown-step', `This exercise has no step “${shown(stepId)}”.`, {
        step: shown(stepId),
      });
    if (!isRecord(stepInput))
      throw refuse('not-an-object', 'The answers of a step must be grouped by field.', {
        step: step.id,
      });
    const stepValues: Record<string, EntryValue> = {};
    for (const [fieldId, value] of Object.entries(stepInput)) {
      const field = step.fields.find((candidate) => candidate.id === fieldId);
      if (!field)
        throw refuse('unknown-field', `This step has no field “${shown(fieldId)}”.`, {
          step: step.id,
          field: shown(fieldId),
        });
      stepValues[field.id] = checkField(field, value, step);
    }
    values[step.id] = stepValues;
  }
  return values;
}

/**
 * Every piece of text the person wrote in an entry, in the order of the exercise, for the
 * risk check: text fields, list items, text cells and picked rows. Choices and ratings are
 * the exercise's own words or numbers, so they are left out.
 */
export function entryTexts(exercise: EntryFields, values: EntryValues): string[] {
  const texts: string[] = [];
  for (const step of exercise.steps) {
    const stepValues = values[step.id];
    if (!stepValues) continue;
    for (const field of step.fields) {
      const value = stepValues[field.id];
      if (value === undefined) continue;
      switch (field.kind) {
        case 'text':
        case 'long-text':
        case 'pick-row':
          if (typeof value === 'string') texts.push(value);
          break;
        case 'list':
          if (Array.isArray(value))
            for (const item of value) if (typeof item === 'string') texts.push(item);
          break;
        case 'rows':
          if (!Array.isArray(value)) break;
          for (const row of value) {
            if (!isRecord(row)) continue;
            for (const column of field.columns)
              if (column.kind === 'text' && typeof row[column.id] === 'string')
                texts.push(row[column.id] as string);
          }
          break;
        default:
          break;
      }
    }
  }
  return texts.filter((text) => text.trim() !== '');
}
