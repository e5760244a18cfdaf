import { describe, expect, it } from 'vitest';
import { validateEntryValues } from '../exercise-entries/entry-values';
import { DomainError } from '../errors/domain-error';
import { CATALOGUE, exerciseById } from './catalogue';
import type { Exercise, ExerciseStep } from './catalogue.model';
import {
  allExerciseVersions,
  EXERCISE_VERSION_UNKNOWN,
  EXERCISE_VERSIONS,
  exerciseVersions,
  fieldShape,
  RETIRED_EXERCISE_VERSIONS,
} from './catalogue.versions';

/** FNV-1a, 32 bits (as the Check's definition test): enough to notice any change. */
function fingerprint(text: string): string {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/**
 * The fields of every published version, pinned. Changing a step id, a field id or kind, an
 * option, a column or a limit of an exercise changes its fingerprint: then give the exercise a
 * new `version`, move the old steps into RETIRED_EXERCISE_VERSIONS unchanged, and add the new
 * version's fingerprint here. Never change a fingerprint that is already here.
 */
const PUBLISHED: Record<string, Record<number, string>> = {
  'thought-record': { 1: 'c67a8808' },
  'behavioural-experiment': { 1: '3bac5cc0' },
  'closeness-ladder': { 1: 'e95403f4' },
  'confidence-builders': { 1: '079363ac' },
  'i-statement-builder': { 1: 'bbd8387e' },
  'boundary-script-builder': { 1: '133b3564' },
  'speaker-listener': { 1: '3a9e4a80' },
  'values-compass': { 1: '2e216dca' },
  'self-compassion-break': { 1: '4729a412' },
  'self-compassion-letter': { 1: '218e49f8' },
  'relationship-pattern': { 1: 'f43aeb40' },
  'attachment-history': { 1: 'b310594a' },
  'paced-breathing': { 1: 'ce004e4f' },
  'stress-relaxation': { 1: 'bfcdee8f' },
};

describe('exercise versions', () => {
  it('pins the fields of every version of every exercise (a fingerprint of each)', () => {
    const found: Record<string, Record<number, string>> = {};
    for (const { exerciseId, version, steps } of allExerciseVersions()) {
      (found[exerciseId] ??= {})[version] = fingerprint(JSON.stringify(fieldShape(steps)));
    }
    expect(found, 'fields changed without a new version, or a kept version was edited').toEqual(
      PUBLISHED,
    );
  });

  it('gives every exercise a whole version, above each retired one', () => {
    for (const exercise of CATALOGUE) {
      expect(Number.isInteger(exercise.version) && exercise.version >= 1).toBe(true);
      const retired = RETIRED_EXERCISE_VERSIONS[exercise.id] ?? [];
      for (const old of retired) expect(old.version).toBeLessThan(exercise.version);
    }
  });

  it('ignores wording: a clearer label needs no new version', () => {
    const steps = exerciseById('thought-record').steps;
    const reworded: ExerciseStep[] = steps.map((step) => ({
      ...step,
      title: `${step.title}!`,
      fields: step.fields.map((field) => ({ ...field, label: `${field.label}?` })),
    }));
    expect(fieldShape(reworded)).toEqual(fieldShape(steps));
    const renamed = steps.map((step, index) =>
      index === 0
        ? { ...step, fields: step.fields.map((field) => ({ ...field, id: `${field.id}-2` })) }
        : step,
    );
    expect(fieldShape(renamed)).not.toEqual(fieldShape(steps));
  });

  it('answers the current version, and refuses one never published with a clear code', () => {
    expect(EXERCISE_VERSIONS.at('thought-record', 1)).toBe(exerciseById('thought-record'));
    const refusal = (() => {
      try {
        EXERCISE_VERSIONS.at('thought-record', 7);
      } catch (error) {
        return error;
      }
      return null;
    })();
    expect(refusal).toBeInstanceOf(DomainError);
    expect((refusal as DomainError).code).toBe(EXERCISE_VERSION_UNKNOWN);
  });

  it('checks an old entry against its own version after a field is renamed', () => {
    const v1 = exerciseById('thought-record');
    const [first, ...rest] = v1.steps;
    const renamedStep: ExerciseStep = {
      ...(first as ExerciseStep),
      fields: (first as ExerciseStep).fields.map((field) =>
        field.id === 'situation' ? { ...field, id: 'what-happened' } : field,
      ),
    };
    const v2: Exercise = { ...v1, version: 2, steps: [renamedStep, ...rest] };
    const versions = exerciseVersions((id) => (id === 'thought-record' ? v2 : exerciseById(id)), {
      'thought-record': [{ version: 1, steps: v1.steps, keepInView: v1.keepInView }],
    });
    const old = { situation: { situation: 'At the party' } };
    expect(validateEntryValues(versions.at('thought-record', 1), old)).toEqual(old);
    expect(() => validateEntryValues(versions.at('thought-record', 2), old)).toThrow(/no field/);
    expect(
      validateEntryValues(versions.at('thought-record', 2), {
        situation: { 'what-happened': 'At the party' },
      }),
    ).toEqual({ situation: { 'what-happened': 'At the party' } });
    // The retired version keeps the current wording around its own steps.
    expect(versions.at('thought-record', 1).title).toBe(v2.title);
    expect(versions.at('thought-record', 1).version).toBe(1);
  });
});
