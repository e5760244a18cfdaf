/**
 * The exercise library (PRODUCT.md, section 3), as data. Each exercise declares its modality,
 * the signs and roots it targets, how long it takes, how much it asks of a person, its steps
 * and fields, its safety notes and a finished worked example. The planner (core/plan) reads
 * it; `GET /api/exercises` lists `exerciseSummaries()`.
 */
import { DomainError } from '../errors/domain-error';
import {
  BEHAVIOURAL_EXPERIMENT,
  CLOSENESS_LADDER,
  CONFIDENCE_BUILDERS,
  THOUGHT_RECORD,
} from './catalogue.cbt';
import { PACED_BREATHING, STRESS_RELAXATION } from './catalogue.body';
import {
  SELF_COMPASSION_BREAK,
  SELF_COMPASSION_LETTER,
  VALUES_COMPASS,
} from './catalogue.humanistic';
import { EXERCISE_IDS, type Exercise, type ExerciseId, type Modality } from './catalogue.model';
import { ATTACHMENT_HISTORY, RELATIONSHIP_PATTERN } from './catalogue.psychodynamic';
import {
  BOUNDARY_SCRIPT_BUILDER,
  I_STATEMENT_BUILDER,
  SPEAKER_LISTENER,
} from './catalogue.relational';
import type { ScoredSubscaleId } from '../assessment/closeness-check.definition';

export * from './catalogue.model';
export { BREATHING_PATTERNS } from './catalogue.body';

/** Stable code when an exercise id is not in the library. */
export const EXERCISE_NOT_FOUND = 'exercise_not_found';

/** Freezes all the way down, so no caller can change the library. */
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

const BY_ID: Readonly<Record<ExerciseId, Exercise>> = {
  'thought-record': THOUGHT_RECORD,
  'behavioural-experiment': BEHAVIOURAL_EXPERIMENT,
  'closeness-ladder': CLOSENESS_LADDER,
  'confidence-builders': CONFIDENCE_BUILDERS,
  'i-statement-builder': I_STATEMENT_BUILDER,
  'boundary-script-builder': BOUNDARY_SCRIPT_BUILDER,
  'speaker-listener': SPEAKER_LISTENER,
  'values-compass': VALUES_COMPASS,
  'self-compassion-break': SELF_COMPASSION_BREAK,
  'self-compassion-letter': SELF_COMPASSION_LETTER,
  'relationship-pattern': RELATIONSHIP_PATTERN,
  'attachment-history': ATTACHMENT_HISTORY,
  'paced-breathing': PACED_BREATHING,
  'stress-relaxation': STRESS_RELAXATION,
};

/** Every exercise, in library order (the order of EXERCISE_IDS). Frozen. */
export const CATALOGUE: readonly Exercise[] = deepFreeze(EXERCISE_IDS.map((id) => BY_ID[id]));

const ID_SET: ReadonlySet<string> = new Set(EXERCISE_IDS);

export function isExerciseId(value: unknown): value is ExerciseId {
  return typeof value === 'string' && ID_SET.has(value);
}

/** The exercise with this id; throws `exercise_not_found` for an id the library does not have. */
export function exerciseById(id: string): Exercise {
  if (!isExerciseId(id)) {
    throw new DomainError(EXERCISE_NOT_FOUND, 'There is no exercise with that id.', {
      exerciseId: id.length > 60 ? `${id.slice(0, 60)}…` : id,
    });
  }
  return BY_ID[id];
}

/** What `GET /api/exercises` returns for each exercise. */
export interface ExerciseSummary {
  id: ExerciseId;
  title: string;
  modality: Modality;
  targets: ScoredSubscaleId[];
  minutes: number;
}

/** The library as a list for the API: id, title, modality, targets and minutes. */
export function exerciseSummaries(): ExerciseSummary[] {
  return CATALOGUE.map((exercise) => ({
    id: exercise.id,
    title: exercise.title,
    modality: exercise.modality,
    targets: [...exercise.targets],
    minutes: exercise.minutes,
  }));
}
