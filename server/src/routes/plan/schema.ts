import { Type } from 'typebox';
import { SCORED_SUBSCALE_IDS } from '../../../../core/assessment/closeness-check.definition';
import { CARE_LEVELS } from '../../../../core/plan/stepped-care';
import { EXERCISE_IDS, EXERCISE_TOPICS, MODALITIES } from '../../../../core/exercises/catalogue';
import { errorResponses } from '../schemas';

const SUPPORT_KINDS = ['get-help-now', 'safety-plan', 'safeguarding-help', 'professional-help'];

/**
 * A sentence as a message descriptor: a key of the app's messages (group `plan.*`) and its
 * values, each a string, a number or another descriptor (a need phrase, a list of them).
 */
const ReasonMessage = Type.Object(
  {
    key: Type.String(),
    values: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
    capitalise: Type.Optional(Type.Literal(true)),
  },
  {
    description:
      'The same sentence as a message descriptor, for the app to render in its own words. ' +
      'Values are strings, numbers or nested descriptors.',
  },
);

const Reason = {
  reason: Type.String({ description: 'In British English, rendered on the server.' }),
  reasonMessage: ReasonMessage,
};

const SupportBody = Type.Object({ kind: Type.Enum(SUPPORT_KINDS), ...Reason });

export const PlanStepBody = Type.Object({
  id: Type.String(),
  exerciseId: Type.Enum(EXERCISE_IDS),
  modality: Type.Enum(MODALITIES),
  targets: Type.Array(Type.Enum(SCORED_SUBSCALE_IDS), {
    description: 'The signs and roots of the Closeness Check the exercise works on.',
  }),
  focus: Type.Union([Type.Enum(SCORED_SUBSCALE_IDS), Type.Null()]),
  minutes: Type.Integer(),
  intensity: Type.Integer(),
  ...Reason,
  status: Type.Union(
    [Type.Literal('todo'), Type.Literal('started'), Type.Literal('done'), Type.Literal('skipped')],
    {
      description:
        'started: still to do, and a draft of its exercise was begun or saved this week. ' +
        'done: an entry of its exercise is completed this week (deleting it makes the step ' +
        'to do again). skipped: left for this week with POST /api/plan/steps/{id}/skip.',
    },
  ),
  source: Type.Union([Type.Literal('homework'), Type.Literal('plan')]),
});

export const PlanBody = Type.Object({
  week: Type.String({
    description:
      'The ISO week, such as 2026-W49, on the calendar of the time zone sent (Europe/London if none).',
  }),
  checkNeeded: Type.Boolean({
    description: 'True until the person has taken the Closeness Check; steps are then empty.',
  }),
  recommendation: Type.Union([
    Type.Object({
      level: Type.Enum(CARE_LEVELS),
      reasons: Type.Array(Type.String()),
      reasonMessages: Type.Array(ReasonMessage),
    }),
    Type.Null(),
  ]),
  support: Type.Array(SupportBody),
  steps: Type.Array(PlanStepBody),
  minutes: Type.Object({ planned: Type.Integer(), budget: Type.Integer() }),
  pace: Type.Union([
    Type.Object({ level: Type.Integer(), label: Type.String(), ...Reason }),
    Type.Null(),
  ]),
  paused: Type.Union([
    Type.Object({ exerciseIds: Type.Array(Type.Enum(EXERCISE_IDS)), ...Reason }),
    Type.Null(),
  ]),
  preferencesUnreadable: Type.Boolean({
    description:
      'True when the saved preferences could not be read: the usual ones were used, and ' +
      'saving preferences replaces them.',
  }),
});

export const PreferencesBody = Type.Object(
  {
    minutesPerWeek: Type.Integer({ minimum: 0, maximum: 1000 }),
    avoidExercises: Type.Array(Type.Enum(EXERCISE_IDS), {
      maxItems: EXERCISE_IDS.length,
    }),
    avoidTopics: Type.Array(Type.Enum(EXERCISE_TOPICS), {
      maxItems: EXERCISE_TOPICS.length,
    }),
  },
  { additionalProperties: false },
);

/** The person's IANA time zone, which decides where their week starts and ends. */
export const PlanQuery = Type.Object(
  {
    timeZone: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 64,
        description:
          'The person’s IANA time zone, such as America/New_York: the week and what was done ' +
          'in it follow their own calendar. Europe/London when absent; unknown zones are refused.',
      }),
    ),
  },
  { additionalProperties: false },
);

export const getPlanSchema = {
  summary: 'This week’s plan: the recommended level of care, help first when needed, and 3–6 steps',
  tags: ['plan'],
  querystring: PlanQuery,
  response: { 200: PlanBody, ...errorResponses(400, 401, 403) },
};

export const swapStepSchema = {
  summary: 'Swap a step still to do for another exercise aimed at the same need',
  tags: ['plan'],
  params: Type.Object({ id: Type.String({ maxLength: 100 }) }),
  querystring: PlanQuery,
  response: {
    200: Type.Object({ step: PlanStepBody, plan: PlanBody }),
    ...errorResponses(400, 401, 403, 404, 409),
  },
};

/** The preferences as read: the usual ones, marked unreadable, when the saved ones are damaged. */
export const PreferencesView = Type.Object({
  minutesPerWeek: Type.Integer({ minimum: 0, maximum: 1000 }),
  avoidExercises: Type.Array(Type.Enum(EXERCISE_IDS)),
  avoidTopics: Type.Array(Type.Enum(EXERCISE_TOPICS)),
  unreadable: Type.Optional(
    Type.Literal(true, {
      description:
        'The saved preferences could not be read; these are the usual ones, and saving replaces them.',
    }),
  ),
});

export const getPreferencesSchema = {
  summary: 'What the person asked of their plan: minutes a week and what to avoid',
  tags: ['plan'],
  response: { 200: PreferencesView, ...errorResponses(401, 403) },
};

export const skipStepSchema = {
  summary: 'Leave a step still to do for this week (“Not this week”)',
  description:
    'The step stays in the week marked skipped and takes no minutes; nothing is brought in ' +
    'instead. It is not chosen again this week, and counts a little against it next week. ' +
    'A step id not in the caller’s plan (missing or someone else’s) is 404 ' +
    'plan_step_not_found; a step already done or skipped is 409 plan_step_not_skippable.',
  tags: ['plan'],
  params: Type.Object({ id: Type.String({ maxLength: 100 }) }),
  querystring: PlanQuery,
  response: {
    200: Type.Object({ step: PlanStepBody, plan: PlanBody }),
    ...errorResponses(400, 401, 403, 404, 409),
  },
};

export const putPreferencesSchema = {
  summary: 'Change the plan’s preferences',
  tags: ['plan'],
  body: PreferencesBody,
  response: { 200: PreferencesBody, ...errorResponses(400, 401, 403) },
};
