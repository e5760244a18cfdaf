import { Type } from 'typebox';
import { SCORED_SUBSCALE_IDS } from '../../../../core/assessment/closeness-check.definition';
import { EXERCISE_TOPICS, MODALITIES } from '../../../../core/exercises/catalogue';
import { errorResponses } from '../schemas';
import { SafetyBody } from '../safety-schema';

const Modality = Type.Enum(MODALITIES, { description: 'The school of thought it comes from.' });
const Targets = Type.Array(Type.Enum(SCORED_SUBSCALE_IDS), {
  description: 'The signs and roots of the Closeness Check it works on, the main one first.',
});
const FieldRef = Type.Object({ step: Type.String(), field: Type.String() });
const Option = Type.Object({ id: Type.String(), label: Type.String() });

/** A field of a step; which properties it has depends on its kind (core/exercises). */
const FieldBody = Type.Object({
  id: Type.String(),
  kind: Type.String({
    description:
      'text, long-text, rating-0-100, rating-0-10, choice, multi-choice, list, rows, pick-row or thinking-traps',
  }),
  label: Type.String(),
  help: Type.Optional(Type.String()),
  checks: Type.Optional(Type.String()),
  lowLabel: Type.Optional(Type.String()),
  highLabel: Type.Optional(Type.String()),
  options: Type.Optional(Type.Array(Option)),
  minItems: Type.Optional(Type.Integer()),
  maxItems: Type.Optional(Type.Integer()),
  columns: Type.Optional(
    Type.Array(
      Type.Object({
        id: Type.String(),
        kind: Type.String(),
        label: Type.String(),
        help: Type.Optional(Type.String()),
        lowLabel: Type.Optional(Type.String()),
        highLabel: Type.Optional(Type.String()),
        options: Type.Optional(Type.Array(Option)),
      }),
    ),
  ),
  minRows: Type.Optional(Type.Integer()),
  maxRows: Type.Optional(Type.Integer()),
  presetRows: Type.Optional(Type.Array(Type.String())),
  from: Type.Optional(FieldRef),
});

/** A value as an entry (or a worked example) holds it. */
const ValueBody = Type.Union([
  Type.String(),
  Type.Number(),
  Type.Array(Type.String()),
  Type.Array(Type.Record(Type.String(), Type.Union([Type.String(), Type.Number()]))),
]);
const ValuesBody = Type.Record(Type.String(), Type.Record(Type.String(), ValueBody), {
  description: 'Step id → field id → value.',
});

export const ExerciseSummaryBody = Type.Object({
  id: Type.String(),
  title: Type.String(),
  modality: Modality,
  targets: Targets,
  minutes: Type.Integer(),
});

export const ExerciseBody = Type.Object({
  id: Type.String(),
  version: Type.Integer({
    minimum: 1,
    description: 'The version of its fields; each entry records the version it was made with.',
  }),
  title: Type.String(),
  nameInSentence: Type.String(),
  modality: Modality,
  targets: Targets,
  minutes: Type.Integer(),
  intensity: Type.Integer({ minimum: 1, maximum: 3 }),
  exposure: Type.Boolean(),
  questionsFears: Type.Boolean(),
  needsPartner: Type.Boolean(),
  involvesSomeone: Type.Boolean(),
  pausedWhenUnsafe: Type.Boolean(),
  topics: Type.Array(Type.Enum(EXERCISE_TOPICS)),
  summary: Type.String(),
  steps: Type.Array(
    Type.Object({
      id: Type.String(),
      title: Type.String(),
      prompt: Type.String(),
      fields: Type.Array(FieldBody),
    }),
  ),
  keepInView: Type.Array(FieldRef),
  safetyNotes: Type.Array(Type.String()),
  workedExample: Type.Object({ intro: Type.String(), answers: ValuesBody }),
  breathingPatterns: Type.Optional(
    Type.Array(
      Type.Object({
        id: Type.String(),
        title: Type.String(),
        description: Type.String(),
        phases: Type.Array(
          Type.Object({
            action: Type.Union([Type.Literal('in'), Type.Literal('hold'), Type.Literal('out')]),
            seconds: Type.Number(),
            cue: Type.String(),
          }),
        ),
      }),
    ),
  ),
});

const Rating = Type.Union([Type.Integer({ minimum: 0, maximum: 10 }), Type.Null()]);

export const ExerciseEntryBody = Type.Object({
  id: Type.String(),
  exerciseId: Type.String(),
  exerciseVersion: Type.Integer({
    minimum: 1,
    description: 'The version of the exercise the entry was made with; its values follow it.',
  }),
  revision: Type.Integer({
    minimum: 1,
    description: 'Counted up on every save. Send it back as `baseRevision` with the next save.',
  }),
  status: Type.Union([Type.Literal('draft'), Type.Literal('completed')]),
  values: ValuesBody,
  feeling: Type.Union([Type.Object({ distress: Rating, helpful: Rating }), Type.Null()]),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  completedAt: Type.Union([Type.String(), Type.Null()]),
  unreadable: Type.Optional(Type.Boolean()),
});

/**
 * The values are checked against the exercise by the service (core/exercise-entries), which
 * names the step and field at fault; here only their outer shape is fixed.
 */
const ValuesInput = Type.Record(Type.String({ maxLength: 64 }), Type.Unknown(), {
  description: 'Step id → field id → value; partial drafts are fine.',
});

const ExerciseParams = Type.Object({ exerciseId: Type.String({ maxLength: 64 }) });
const EntryParams = Type.Object({
  exerciseId: Type.String({ maxLength: 64 }),
  id: Type.String({ maxLength: 64 }),
});
const Saved = Type.Object({ entry: ExerciseEntryBody, safety: SafetyBody });

const BaseRevision = Type.Integer({
  minimum: 1,
  description:
    'The `revision` of the entry this copy was based on. If the entry has been saved since ' +
    '(on another device), nothing is saved and the answer is 409 `entry_changed_elsewhere` ' +
    'with `details.entry`: the entry as stored now, with its values and revision, to merge ' +
    'with. Left out, the save is based on whatever is stored (last save wins); the app always ' +
    'sends it.',
});

const CONFLICTS =
  ' 409 `entry_changed_elsewhere` (the entry was saved elsewhere after `baseRevision`; ' +
  '`details.entry` is the stored entry) or `exercise_version_unknown` (the entry was made ' +
  'with a version of the exercise this server does not know).';

export const listExercisesSchema = {
  summary: 'The exercise library: id, title, modality, targets and minutes of each',
  tags: ['exercises'],
  response: { 200: Type.Array(ExerciseSummaryBody) },
};

export const getExerciseSchema = {
  summary: 'One exercise, whole: steps, fields, worked example and safety notes',
  tags: ['exercises'],
  params: ExerciseParams,
  response: { 200: ExerciseBody, ...errorResponses(404) },
};

export const createEntrySchema = {
  summary: 'Start an exercise: saves a draft; the answer carries the risk check of its text',
  tags: ['exercises'],
  params: ExerciseParams,
  body: Type.Object({ values: ValuesInput }, { additionalProperties: false }),
  response: { 201: Saved, ...errorResponses(400, 401, 403, 404) },
};

export const updateEntrySchema = {
  summary: 'Save what is written so far (autosave), replacing the saved values',
  description:
    'The values are checked against the fields of the version of the exercise the entry was ' +
    'made with.' +
    CONFLICTS,
  tags: ['exercises'],
  params: EntryParams,
  body: Type.Object(
    { values: ValuesInput, baseRevision: Type.Optional(BaseRevision) },
    { additionalProperties: false },
  ),
  response: { 200: Saved, ...errorResponses(400, 401, 403, 404, 409) },
};

export const completeEntrySchema = {
  summary: 'Finish an exercise, optionally with its last values and how it felt',
  description: 'Also 409 `entry_unreadable` when finishing damaged values as saved.' + CONFLICTS,
  tags: ['exercises'],
  params: EntryParams,
  body: Type.Object(
    {
      values: Type.Optional(ValuesInput),
      distress: Type.Optional(Type.Integer({ minimum: 0, maximum: 10 })),
      helpful: Type.Optional(Type.Integer({ minimum: 0, maximum: 10 })),
      baseRevision: Type.Optional(BaseRevision),
    },
    { additionalProperties: false, description: 'Optional: an empty request finishes as saved.' },
  ),
  response: { 200: Saved, ...errorResponses(400, 401, 403, 404, 409) },
};

export const listEntriesSchema = {
  summary: 'The person’s entries of one exercise, newest first, drafts and completed',
  tags: ['exercises'],
  params: ExerciseParams,
  response: {
    200: Type.Object({ entries: Type.Array(ExerciseEntryBody) }),
    ...errorResponses(401, 403, 404),
  },
};

export const getEntrySchema = {
  summary: 'One entry of an exercise',
  tags: ['exercises'],
  params: EntryParams,
  response: { 200: Type.Object({ entry: ExerciseEntryBody }), ...errorResponses(401, 403, 404) },
};

export const deleteEntrySchema = {
  summary: 'Delete an entry of an exercise',
  tags: ['exercises'],
  params: EntryParams,
  response: { 204: Type.Null(), ...errorResponses(401, 403, 404) },
};
