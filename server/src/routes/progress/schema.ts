import { Type, type TSchema } from 'typebox';
import { SCORED_SUBSCALE_IDS } from '../../../../core/assessment/closeness-check.definition';
import { errorResponses } from '../schemas';

const Nullable = <Schema extends TSchema>(schema: Schema) => Type.Union([schema, Type.Null()]);
const PerSubscale = <Schema extends TSchema>(schema: Schema) =>
  Type.Object(Object.fromEntries(SCORED_SUBSCALE_IDS.map((id) => [id, schema])), {
    additionalProperties: false,
  });
const LocalDate = Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' });
const IsoWeek = Type.String({ pattern: '^[0-9]{4}-W[0-9]{2}$' });
const Tenth = Type.Number({ minimum: 0, maximum: 10, description: 'One decimal place.' });

const TrendPoint = Type.Object({
  date: LocalDate,
  value: { ...Tenth, description: 'The day’s rating (the mean of the day’s check-ins).' },
  average: {
    ...Tenth,
    description:
      'Mean over this day and the six before it that have a check-in; days without one are left out, never counted as zero.',
  },
});

const ChangeLabel = Type.Union([
  Type.Literal('not-assessed'),
  Type.Literal('no-reliable-change'),
  Type.Literal('reliable-improvement'),
  Type.Literal('reliable-deterioration'),
]);

const ProgressCheck = Type.Object({
  id: Type.String(),
  createdAt: Type.String({ description: 'ISO 8601 instant.' }),
  version: Type.Integer(),
  scores: PerSubscale(Nullable(Type.Number({ minimum: 1, maximum: 5 }))),
  index: {
    ...PerSubscale(Nullable(Type.Integer({ minimum: 0, maximum: 100 }))),
    description:
      'The same scores on the 0–100 index the Check history and the session report show (higher: that part was harder). The page draws these.',
  },
  changes: Type.Union([PerSubscale(ChangeLabel), Type.Null()], {
    description:
      'The change label per subscale since the Check before, exactly as the Check history gives it (Reliable Change Index; "not-assessed" until the research figures exist). Null for the first Check.',
  }),
});

const Message = Type.Object(
  {
    key: Type.String({ description: 'A message key, group progress.summary.*' }),
    values: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
    capitalise: Type.Optional(Type.Literal(true)),
  },
  { description: 'A sentence as a message descriptor, for the app to render in its own words.' },
);

const MeasureChange = Nullable(
  Type.Object({
    from: Tenth,
    to: Tenth,
    direction: Type.Union([Type.Literal('rose'), Type.Literal('fell'), Type.Literal('same')]),
  }),
);

export const ProgressBody = Type.Object({
  range: Type.Object({
    from: { ...LocalDate, description: 'The Monday the range starts on.' },
    to: { ...LocalDate, description: 'Today, in the person’s time zone.' },
    weeks: Type.Integer(),
  }),
  checkins: Type.Object({
    mood: Type.Array(TrendPoint),
    closeness: Type.Array(TrendPoint),
    stress: Type.Array(TrendPoint),
  }),
  checks: Type.Array(ProgressCheck, { description: 'Every Closeness Check, oldest first.' }),
  ladder: Type.Array(
    Type.Object({
      id: Type.String(),
      date: LocalDate,
      step: Type.String(),
      predicted: Nullable(Type.Integer({ minimum: 0, maximum: 100 })),
      actual: Nullable(Type.Integer({ minimum: 0, maximum: 100 })),
    }),
    { description: 'Completed closeness-ladder goes, oldest first: expected and real distress.' },
  ),
  steps: Type.Array(
    Type.Object({
      week: IsoWeek,
      completed: Type.Integer({ minimum: 0 }),
      planned: Type.Integer({
        minimum: 0,
        description: 'Steps in the stored plan, not counting those left for the week.',
      }),
    }),
    { description: 'One point per week of the range, oldest first.' },
  ),
  summary: Type.Object({
    week: IsoWeek,
    from: LocalDate,
    to: LocalDate,
    checkins: Type.Integer({ minimum: 0 }),
    daysCheckedIn: Type.Integer({ minimum: 0 }),
    changes: Type.Object({ mood: MeasureChange, closeness: MeasureChange, stress: MeasureChange }),
    stepsCompleted: Type.Integer({ minimum: 0 }),
    checksTaken: Type.Integer({ minimum: 0 }),
    messages: Type.Array(Message),
    sentences: Type.Array(Type.String(), {
      description: 'The same sentences in British English, rendered on the server.',
    }),
  }),
});

export const getProgressSchema = {
  summary:
    'The progress page: check-in trends, Closeness Checks with reliable change, the closeness ladder, plan steps per week and this week in plain words',
  tags: ['progress'],
  querystring: Type.Object(
    {
      timeZone: Type.Optional(
        Type.String({
          minLength: 1,
          maxLength: 64,
          description: 'IANA time zone the days and weeks are counted in; default Europe/London.',
        }),
      ),
      weeks: Type.Optional(
        Type.String({
          pattern: '^([1-9]|[1-9][0-9]|1[0-5][0-9]|160)$',
          description: 'Weeks of check-ins and plan steps, 1 to 160; default 12.',
        }),
      ),
    },
    { additionalProperties: false },
  ),
  response: { 200: ProgressBody, ...errorResponses(400, 401, 403) },
};
