import { Type } from 'typebox';
import { CARE_LEVELS } from '../../../../core/plan/stepped-care';
import { EXERCISE_IDS, EXERCISE_TOPICS } from '../../../../core/exercises/catalogue';
import { errorResponses } from '../schemas';

const SupportBody = Type.Object({ kind: Type.String(), reason: Type.String() });

export const PlanStepBody = Type.Object({
  id: Type.String(),
  exerciseId: Type.String(),
  modality: Type.String(),
  targets: Type.Array(Type.String()),
  focus: Type.Union([Type.String(), Type.Null()]),
  minutes: Type.Integer(),
  intensity: Type.Integer(),
  reason: Type.String(),
  status: Type.Union(
    [Type.Literal('todo'), Type.Literal('started'), Type.Literal('done'), Type.Literal('skipped')],
    {
      description:
        'started: still to do, and a draft of its exercise was begun or saved this week. ' +
        'done: an entry of its exercise was completed this week.',
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
    }),
    Type.Null(),
  ]),
  support: Type.Array(SupportBody),
  steps: Type.Array(PlanStepBody),
  minutes: Type.Object({ planned: Type.Integer(), budget: Type.Integer() }),
  pace: Type.Union([
    Type.Object({ level: Type.Integer(), label: Type.String(), reason: Type.String() }),
    Type.Null(),
  ]),
  paused: Type.Union([
    Type.Object({ exerciseIds: Type.Array(Type.String()), reason: Type.String() }),
    Type.Null(),
  ]),
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

export const getPreferencesSchema = {
  summary: 'What the person asked of their plan: minutes a week and what to avoid',
  tags: ['plan'],
  response: { 200: PreferencesBody, ...errorResponses(401, 403) },
};

export const putPreferencesSchema = {
  summary: 'Change the plan’s preferences',
  tags: ['plan'],
  body: PreferencesBody,
  response: { 200: PreferencesBody, ...errorResponses(400, 401, 403) },
};
