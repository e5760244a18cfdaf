/**
 * Every version of every exercise's fields, so an entry is always checked, shown and exported
 * with the fields it was written with (docs/decisions/0011). The library holds each exercise
 * at its current version; when a version's fields change (a step or field renamed or removed,
 * a kind, an option or a limit changed), the old steps move here, whole, under their version
 * number, and the exercise's `version` goes up. A fingerprint test
 * (`catalogue.versions.test.ts`) fails the build when fields change without a new version, or
 * when a kept version is edited.
 */
import { DomainError } from '../errors/domain-error';
import { t } from '../i18n/translate';
import { CATALOGUE, exerciseById } from './catalogue';
import type {
  ColumnField,
  Exercise,
  ExerciseField,
  ExerciseId,
  ExerciseStep,
  FieldRef,
} from './catalogue.model';

/** Stable code when an entry names a version of its exercise that this library does not have. */
export const EXERCISE_VERSION_UNKNOWN = 'exercise_version_unknown';

/** An earlier version of an exercise: its steps and what stayed in view, as they were. */
export interface RetiredExerciseVersion {
  version: number;
  steps: readonly ExerciseStep[];
  keepInView: readonly FieldRef[];
}

/**
 * Earlier versions, by exercise, oldest first. Empty while every exercise is at version 1.
 * Never edit a version here: entries written with it depend on it exactly.
 */
export const RETIRED_EXERCISE_VERSIONS: Readonly<
  Partial<Record<ExerciseId, readonly RetiredExerciseVersion[]>>
> = {};

/** Finds an exercise at the version an entry was made with. Injectable, so tests can add one. */
export interface ExerciseVersions {
  /** The exercise as the library has it now; throws `exercise_not_found` for an unknown id. */
  current(exerciseId: string): Exercise;
  /**
   * The exercise with the steps of `version`: the current one, or a retired one with the
   * current wording around it. Throws `exercise_version_unknown` for a version never published.
   */
  at(exerciseId: string, version: number): Exercise;
}

/** The versions of a library: its current exercises plus the retired versions given. */
export function exerciseVersions(
  current: (exerciseId: string) => Exercise,
  retired: Readonly<Partial<Record<string, readonly RetiredExerciseVersion[]>>>,
): ExerciseVersions {
  return {
    current,
    at(exerciseId, version) {
      const exercise = current(exerciseId);
      if (version === exercise.version) return exercise;
      const old = Object.hasOwn(retired, exerciseId)
        ? retired[exerciseId]?.find((candidate) => candidate.version === version)
        : undefined;
      if (!old) {
        throw new DomainError(EXERCISE_VERSION_UNKNOWN, t('exercise.error.versionUnknown'), {
          exerciseId: exercise.id,
          version,
        });
      }
      return { ...exercise, version: old.version, steps: old.steps, keepInView: old.keepInView };
    },
  };
}

/** The library's versions: what the server and the browser use. */
export const EXERCISE_VERSIONS: ExerciseVersions = exerciseVersions(
  exerciseById,
  RETIRED_EXERCISE_VERSIONS,
);

/** The exercise at the version an entry was made with (see `ExerciseVersions.at`). */
export function exerciseAtVersion(exerciseId: string, version: number): Exercise {
  return EXERCISE_VERSIONS.at(exerciseId, version);
}

/**
 * What an entry's saved values depend on, as plain data: each step's id and its fields' ids,
 * kinds, options, columns and limits. Wording is left out on purpose: a clearer label or prompt
 * needs no new version. The fingerprint test hashes this.
 */
export function fieldShape(steps: readonly ExerciseStep[]): unknown {
  const column = (field: ColumnField) => ({
    id: field.id,
    kind: field.kind,
    ...(field.kind === 'choice' ? { options: field.options.map((option) => option.id) } : {}),
  });
  const shapeOf = (field: ExerciseField) => {
    switch (field.kind) {
      case 'choice':
      case 'multi-choice':
        return { options: field.options.map((option) => option.id) };
      case 'list':
        return { minItems: field.minItems, maxItems: field.maxItems };
      case 'rows':
        return {
          columns: field.columns.map(column),
          minRows: field.minRows,
          maxRows: field.maxRows,
        };
      case 'pick-row':
      case 'thinking-traps':
        return { from: `${field.from.step}.${field.from.field}` };
      default:
        return {};
    }
  };
  return steps.map((step) => ({
    step: step.id,
    fields: step.fields.map((field) => ({ id: field.id, kind: field.kind, ...shapeOf(field) })),
  }));
}

/** Every version of every exercise, current and retired: for the fingerprint test. */
export function allExerciseVersions(): {
  exerciseId: ExerciseId;
  version: number;
  steps: readonly ExerciseStep[];
}[] {
  return CATALOGUE.flatMap((exercise) => [
    ...(RETIRED_EXERCISE_VERSIONS[exercise.id] ?? []).map((old) => ({
      exerciseId: exercise.id,
      version: old.version,
      steps: old.steps,
    })),
    { exerciseId: exercise.id, version: exercise.version, steps: exercise.steps },
  ]);
}
