import { Type, type TSchema } from 'typebox';
import { SCORED_SUBSCALE_IDS } from '../../../../core/assessment/closeness-check.definition';
import { errorResponses } from '../schemas';
import { QueryInteger, SafetyBody } from '../safety-schema';

/** At most this many answers in one body: the Check has 35 questions. */
const MAX_ANSWERS = 100;

const Nullable = <Schema extends TSchema>(schema: Schema) => Type.Union([schema, Type.Null()]);

/** One property per scored subscale, so the document names each one. */
const PerSubscale = <Schema extends TSchema>(schema: Schema) =>
  Type.Object(Object.fromEntries(SCORED_SUBSCALE_IDS.map((id) => [id, schema])));

const Band = Type.Union([Type.Literal('lower'), Type.Literal('some'), Type.Literal('marked')]);
const SubscaleKind = Type.Union([
  Type.Literal('sign'),
  Type.Literal('root'),
  Type.Literal('safety'),
]);
const SafetyConcern = Type.Union([Type.Literal('crisis'), Type.Literal('safeguarding')]);
const SafetyLevel = Type.Union([
  Type.Literal('none'),
  Type.Literal('crisis'),
  Type.Literal('safeguarding'),
]);

/**
 * The answers a person sends: question id → value. Values are checked by core's
 * `validateAnswers`, not here, so that a wrong one is refused as `invalid_answer` with the
 * question named, instead of a generic schema error.
 */
const AnswersInput = Type.Object(
  {
    answers: Type.Record(Type.String(), Type.Unknown(), { maxProperties: MAX_ANSWERS }),
  },
  { additionalProperties: false },
);

const Answers = Type.Record(Type.String(), Type.Integer());

export const DefinitionBody = Type.Object({
  id: Type.Literal('closeness-check'),
  version: Type.Integer(),
  publishedOn: Type.String(),
  title: Type.String(),
  introduction: Type.String(),
  minutes: Type.Integer(),
  scale: Type.Object({
    min: Type.Integer(),
    max: Type.Integer(),
    labels: Type.Record(Type.String(), Type.String()),
  }),
  subscales: Type.Array(
    Type.Object({ id: Type.String(), kind: SubscaleKind, title: Type.String() }),
  ),
  items: Type.Array(
    Type.Object({
      id: Type.String(),
      text: Type.String(),
      subscale: Type.String(),
      reverse: Type.Boolean(),
    }),
  ),
  safetyIntroduction: Type.String(),
  safetyQuestions: Type.Array(
    Type.Object({
      id: Type.String(),
      text: Type.String(),
      subscale: Type.Literal('safety'),
      concern: SafetyConcern,
      options: Type.Array(
        Type.Object({
          value: Type.Integer(),
          label: Type.String(),
          /** Show help at once when this is chosen. */
          worrying: Type.Boolean(),
          /** "I would rather not say": no alarm, and never read as safe. */
          declined: Type.Boolean(),
        }),
      ),
    }),
  ),
  guides: PerSubscale(
    Type.Object({
      higherMeans: Type.String(),
      whatHelps: Type.String(),
      learnTopics: Type.Array(Type.String()),
    }),
  ),
  bands: Type.Array(Type.Object({ id: Band, label: Type.String(), description: Type.String() })),
  bandThresholds: Type.Object({ someFrom: Type.Number(), markedFrom: Type.Number() }),
  bandNote: Type.String(),
  whatItIsNot: Type.Array(Type.String()),
});

const Completion = Type.Object({
  answered: Type.Integer(),
  total: Type.Integer(),
  bySubscale: PerSubscale(
    Type.Object({ answered: Type.Integer(), total: Type.Integer(), scorable: Type.Boolean() }),
  ),
  safety: Type.Object({ answered: Type.Integer(), total: Type.Integer() }),
  complete: Type.Boolean(),
  nextQuestion: Nullable(Type.String()),
});

const Highest = Nullable(
  Type.Object({
    subscales: Type.Array(Type.String()),
    score: Type.Number(),
    index: Type.Integer(),
    band: Band,
  }),
);

const SubscaleChange = Type.Object({
  before: Nullable(Type.Number()),
  after: Nullable(Type.Number()),
  difference: Nullable(Type.Number()),
  direction: Nullable(Type.Union([Type.Literal('down'), Type.Literal('up'), Type.Literal('same')])),
  rci: Nullable(Type.Number()),
  criticalDifference: Nullable(Type.Number()),
  reliable: Type.Boolean(),
  label: Type.Union([
    Type.Literal('not-assessed'),
    Type.Literal('no-reliable-change'),
    Type.Literal('reliable-improvement'),
    Type.Literal('reliable-deterioration'),
  ]),
  reason: Nullable(Type.String()),
});

const summaryProperties = {
  id: Type.String(),
  version: Type.Integer(),
  createdAt: Type.String(),
  scores: PerSubscale(Nullable(Type.Number())),
  index: PerSubscale(Nullable(Type.Integer())),
  bands: PerSubscale(Nullable(Band)),
  closenessFear: Type.Object({ index: Nullable(Type.Integer()), band: Nullable(Band) }),
  highest: Type.Object({ sign: Highest, root: Highest }),
  completion: Completion,
  /** Since the previous response; null for the first. */
  change: Nullable(PerSubscale(SubscaleChange)),
  unreadable: Type.Optional(Type.Boolean()),
};

const safetyProperties = {
  level: SafetyLevel,
  flags: Type.Array(Type.Object({ question: Type.String(), level: SafetyConcern })),
  declined: Type.Array(Type.String()),
};

export const ResponseSummaryBody = Type.Object(summaryProperties);

const SubmittedBody = Type.Object({
  ...summaryProperties,
  safety: Type.Object({
    ...safetyProperties,
    reasons: SafetyBody.properties.reasons,
    resources: SafetyBody.properties.resources,
  }),
});

const ResponseDetailBody = Type.Object({
  ...summaryProperties,
  answers: Answers,
  safety: Type.Object(safetyProperties),
});

const DraftBody = Type.Object({
  version: Type.Integer(),
  answers: Answers,
  updatedAt: Type.String(),
  completion: Completion,
});

const tags = ['closeness-check'];

export const getDefinitionSchema = {
  summary: 'The Closeness Check as it is asked now: questions, answer scale, guides and bands',
  tags,
  response: { 200: DefinitionBody },
};

export const getDefinitionVersionSchema = {
  summary: 'A published version of the Closeness Check, to show old responses in their own words',
  tags,
  params: Type.Object({ version: Type.String({ pattern: '^[0-9]{1,6}$' }) }),
  response: { 200: DefinitionBody, ...errorResponses(400, 404) },
};

export const getDraftSchema = {
  summary: 'My unfinished Closeness Check, if any',
  tags,
  response: {
    200: Type.Object({ draft: Nullable(DraftBody) }),
    ...errorResponses(401, 403),
  },
};

export const saveDraftSchema = {
  summary:
    'Save my unfinished Closeness Check (any subset of answers), replacing the last one; a wrong answer is refused as invalid_answer and nothing changes',
  tags,
  body: AnswersInput,
  response: { 200: Type.Object({ draft: DraftBody }), ...errorResponses(400, 401, 403) },
};

export const deleteDraftSchema = {
  summary: 'Throw away my unfinished Closeness Check',
  tags,
  response: { 204: Type.Null(), ...errorResponses(401, 403) },
};

export const submitSchema = {
  summary:
    'Save a Closeness Check: answers the profile, the change since last time and the safety result with help lines; clears the draft',
  tags,
  body: AnswersInput,
  response: { 201: SubmittedBody, ...errorResponses(400, 401, 403) },
};

export const listResponsesSchema = {
  summary: 'My Closeness Checks, newest first, with change between each and the one before',
  tags,
  response: {
    200: Type.Object({
      responses: Type.Array(ResponseSummaryBody),
      retake: Nullable(
        Type.Object({
          suggestedFrom: Type.String(),
          suggestedBy: Type.String(),
          due: Type.Boolean(),
        }),
      ),
    }),
    ...errorResponses(401, 403),
  },
};

export const getResponseSchema = {
  summary: 'One of my Closeness Checks, with its answers',
  tags,
  params: Type.Object({ id: Type.String({ maxLength: 64 }) }),
  response: {
    200: Type.Object({ response: ResponseDetailBody }),
    ...errorResponses(401, 403, 404),
  },
};

export const psychometricsSchema = {
  summary:
    "Cronbach's alpha and SD per subscale from the anonymous research pool; null below the minimum number of responses",
  tags,
  querystring: Type.Object(
    { version: Type.Optional(QueryInteger) },
    { additionalProperties: false },
  ),
  response: {
    200: Type.Object({
      version: Type.Integer(),
      minimumResponses: Type.Integer(),
      subscales: PerSubscale(
        Type.Object({
          n: Type.Integer(),
          alpha: Nullable(Type.Number()),
          sd: Nullable(Type.Number()),
          status: Type.Union([
            Type.Literal('ok'),
            Type.Literal('too-few-responses'),
            Type.Literal('no-variance'),
          ]),
        }),
      ),
    }),
    ...errorResponses(400, 404),
  },
};
