/**
 * The shape of an exercise in the library (PRODUCT.md, section 3). Exercises are data: the
 * planner reads their modality, targets, length and intensity; the exercise screens read
 * their steps and fields; the worked example shows a finished version before the person
 * starts. The exercises themselves live in `catalogue.<modality>.ts`, gathered in
 * `catalogue.ts`.
 */
import type { ScoredSubscaleId } from '../assessment/closeness-check.definition';

/** The schools of thought an integrative plan mixes. */
export const MODALITIES = ['cbt', 'humanistic', 'psychodynamic', 'body', 'relational'] as const;
export type Modality = (typeof MODALITIES)[number];

/** How a modality is named to the person: its key in the interface text (core/i18n). */
export function modalityLabelKey(modality: Modality) {
  return `exercises.modality.${modality}` as const;
}

/**
 * How much an exercise asks of a person, so a plan can start gently and climb:
 * 1 gentle (short, calming, little stirred up), 2 steady (looks at something that hurts),
 * 3 stretching (faces a fear or an old hurt head on).
 */
export type Intensity = 1 | 2 | 3;

/** How an intensity is named to the person: its key in the interface text (core/i18n). */
export function intensityLabelKey(intensity: Intensity) {
  return `exercises.intensity.${intensity}` as const;
}

/** Every exercise id, in the order the library lists them. The API depends on these strings. */
export const EXERCISE_IDS = [
  'thought-record',
  'behavioural-experiment',
  'closeness-ladder',
  'confidence-builders',
  'i-statement-builder',
  'boundary-script-builder',
  'speaker-listener',
  'values-compass',
  'self-compassion-break',
  'self-compassion-letter',
  'relationship-pattern',
  'attachment-history',
  'paced-breathing',
  'stress-relaxation',
] as const;
export type ExerciseId = (typeof EXERCISE_IDS)[number];

/**
 * Things a person may ask their plan to leave out, whatever their scores say. An exercise
 * lists every topic it touches, so an avoided topic removes it from the plan.
 */
export const EXERCISE_TOPICS = [
  'childhood-memories',
  'past-relationships',
  'body-focus',
  'facing-fears',
  'talking-to-someone',
] as const;
export type ExerciseTopic = (typeof EXERCISE_TOPICS)[number];

/** How a topic is named to the person: its key in the interface text (core/i18n). */
export function topicLabelKey(topic: ExerciseTopic) {
  return `exercises.topic.${topic}` as const;
}

/** A field in another step, for suggestions drawn from it or for keeping it in view. */
export interface FieldRef {
  step: string;
  field: string;
}

interface FieldBase {
  /** Unique within its step. */
  id: string;
  label: string;
  help?: string;
}

export interface TextField extends FieldBase {
  /** `text` is a line or two; `long-text` is room to write. */
  kind: 'text' | 'long-text';
  /**
   * `blame-words`: the screen points out words that can sound like blame ("always", "never",
   * "you make me"). The person decides whether to change them.
   */
  checks?: 'blame-words';
}

export interface RatingField extends FieldBase {
  /** Whole numbers from 0 to 100, or from 0 to 10. */
  kind: 'rating-0-100' | 'rating-0-10';
  /** What the lowest and the highest end mean, in a few words. */
  lowLabel: string;
  highLabel: string;
}

export interface ChoiceOption {
  id: string;
  label: string;
}

export interface ChoiceField extends FieldBase {
  /** `choice` takes one option; `multi-choice` one or more. */
  kind: 'choice' | 'multi-choice';
  options: readonly ChoiceOption[];
}

export interface ListField extends FieldBase {
  /** A list of short lines the person can add to. */
  kind: 'list';
  minItems: number;
  maxItems: number;
}

/** A column of a `rows` field: a line of text, a rating or one choice. */
export type ColumnField =
  (TextField & { kind: 'text' }) | RatingField | (ChoiceField & { kind: 'choice' });

export interface RowsField extends FieldBase {
  /** A small table: one row per item (a feeling, a rung of a ladder, an activity). */
  kind: 'rows';
  columns: readonly ColumnField[];
  minRows: number;
  maxRows: number;
  /** Rows that start filled in: the values of the first column (the person can change them). */
  presetRows?: readonly string[];
}

export interface PickRowField extends FieldBase {
  /** Choose one row of an earlier `rows` field; the value is that row's first column. */
  kind: 'pick-row';
  from: FieldRef;
}

export interface ThinkingTrapsField extends FieldBase {
  /**
   * Thinking traps that might fit the text of another field. The screen suggests some from
   * the words (core/exercises/thinking-traps); the person chooses. The value is trap ids.
   */
  kind: 'thinking-traps';
  from: FieldRef;
}

export type ExerciseField =
  TextField | RatingField | ChoiceField | ListField | RowsField | PickRowField | ThinkingTrapsField;

export type FieldKind = ExerciseField['kind'];

export interface ExerciseStep {
  /** Unique within the exercise. */
  id: string;
  title: string;
  /** What to do on this step, in a sentence or two. */
  prompt: string;
  fields: readonly ExerciseField[];
}

/** One phase of a breathing pattern, with a text cue for people who turn motion or sound off. */
export interface BreathingPhase {
  action: 'in' | 'hold' | 'out';
  seconds: number;
  cue: string;
}

export interface BreathingPattern {
  id: string;
  title: string;
  description: string;
  /** One full breath, in order; the guide repeats it. */
  phases: readonly BreathingPhase[];
}

/**
 * A value in a worked example: text, a rating, an option id, a list of lines or option ids,
 * or rows (column id → value).
 */
export type ExampleValue =
  string | number | readonly string[] | readonly Readonly<Record<string, string | number>>[];

export interface WorkedExample {
  /** Who the example is about, in a sentence: a made-up person. */
  intro: string;
  /** Step id → field id → value. Every field of every step is filled in. */
  answers: Readonly<Record<string, Readonly<Record<string, ExampleValue>>>>;
}

export interface Exercise {
  id: ExerciseId;
  /**
   * The version of the exercise's fields (step ids, field ids and kinds, options, columns,
   * limits): what a saved entry's values depend on. Entries record it. Changing any of these
   * means a new version, with the old one kept in `catalogue.versions.ts` so that entries
   * made with it stay readable, editable and exportable; a fingerprint test enforces it.
   * Wording may change without a new version.
   */
  version: number;
  title: string;
  /** The name as it reads inside a sentence: "this week starts with {the values compass}". */
  nameInSentence: string;
  modality: Modality;
  /** The signs and roots it works on, the main one first. */
  targets: readonly ScoredSubscaleId[];
  /** About how long one go takes. */
  minutes: number;
  intensity: Intensity;
  /**
   * Graded exposure: stepping towards something feared. Paused when the plan's
   * recommendation is `urgent`, and while a person feels unsafe with someone.
   */
  exposure: boolean;
  /** Questions whether a fear is realistic. Left out while a person feels unsafe with someone,
   * because then the fear may be right. */
  questionsFears: boolean;
  /** Meant to be done with a partner (for now as a solo rehearsal). */
  needsPartner: boolean;
  /** Practised by saying something to a real person (anyone the person chooses). */
  involvesSomeone: boolean;
  /**
   * Practised with a partner, or easily aimed at one: couples techniques (a gentle start-up,
   * speaker–listener), saying a need or setting a boundary, stepping towards closeness or
   * testing a fear with someone. Paused while a person feels unsafe with someone, because
   * practising these with a frightening or controlling partner can raise the risk, and when
   * the plan's recommendation is `urgent`, as exposure is.
   */
  pausedWhenUnsafe: boolean;
  topics: readonly ExerciseTopic[];
  /** One or two sentences: what it is and what it helps with. */
  summary: string;
  steps: readonly ExerciseStep[];
  /** Fields that stay visible on every later step (the situation, the original thought). */
  keepInView: readonly FieldRef[];
  safetyNotes: readonly string[];
  workedExample: WorkedExample;
  /** Paced breathing only: the patterns the animated guide follows. */
  breathingPatterns?: readonly BreathingPattern[];
}
