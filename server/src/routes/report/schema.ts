import { Type, type TSchema } from 'typebox';
import { SCORED_SUBSCALE_IDS } from '../../../../core/assessment/closeness-check.definition';
import { errorResponses } from '../schemas';

const tags = ['report'];
const Nullable = <Schema extends TSchema>(schema: Schema) => Type.Union([schema, Type.Null()]);
const PerSubscale = <Schema extends TSchema>(schema: Schema) =>
  Type.Object(Object.fromEntries(SCORED_SUBSCALE_IDS.map((id) => [id, schema])), {
    additionalProperties: false,
  });
const LocalDate = Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' });
const IsoWeek = Type.String({ pattern: '^[0-9]{4}-W[0-9]{2}$' });
const Instant = Type.String({ description: 'ISO 8601 instant.' });
const Tenth = Type.Number({ minimum: 0, maximum: 10, description: 'One decimal place.' });

const ReportCheck = Type.Object({
  id: Type.String(),
  createdAt: Instant,
  version: Type.Integer(),
  index: PerSubscale(Nullable(Type.Integer({ minimum: 0, maximum: 100 }))),
});

const SubscaleChange = Type.Object({
  before: Nullable(Type.Number({ minimum: 1, maximum: 5 })),
  after: Nullable(Type.Number({ minimum: 1, maximum: 5 })),
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

const MeasureOverPeriod = Nullable(
  Type.Object({
    first: { ...Tenth, description: 'The first day’s value (the mean of that day’s check-ins).' },
    last: { ...Tenth, description: 'The last day’s value.' },
    average: {
      ...Tenth,
      description:
        'Mean of the daily values over the days with a check-in (never counting a missed day as zero).',
    },
  }),
);

const ReportEntry = Type.Object({
  id: Type.String(),
  exerciseId: Type.String(),
  title: Type.String(),
  completedAt: Instant,
});

export const ReportBody = Type.Object({
  from: { ...LocalDate, description: 'The first day of the report, in the person’s calendar.' },
  to: { ...LocalDate, description: 'Today, in the person’s time zone.' },
  timeZone: Type.String(),
  lastReportAt: Nullable({
    ...Instant,
    description: 'When the person last said they printed or shared a report.',
  }),
  checks: Type.Object({
    count: Type.Integer({ minimum: 0, description: 'Closeness Checks taken in the period.' }),
    first: Nullable(ReportCheck),
    latest: Nullable(ReportCheck),
    firstBeforePeriod: Type.Boolean({
      description:
        'True when `first` is the last Check before the period (how things were last time); otherwise it is the first Check in the period.',
    }),
    changes: Type.Union([PerSubscale(SubscaleChange), Type.Null()], {
      description:
        'Change per part from `first` to `latest`, labelled as the Check history labels it (Reliable Change Index; "not-assessed" until the research figures exist). Null without two Checks.',
    }),
  }),
  checkins: Type.Object({
    count: Type.Integer({ minimum: 0 }),
    days: Type.Integer({ minimum: 0, description: 'Days with at least one check-in.' }),
    measures: Type.Object({
      mood: MeasureOverPeriod,
      closeness: MeasureOverPeriod,
      stress: MeasureOverPeriod,
    }),
    weeks: Type.Array(
      Type.Object({
        week: IsoWeek,
        days: Type.Integer({ minimum: 0 }),
        mood: Nullable(Tenth),
        closeness: Nullable(Tenth),
        stress: Nullable(Tenth),
      }),
      { description: 'Each ISO week the period touches, oldest first: the mean of its days.' },
    ),
  }),
  steps: Type.Object({
    completed: Type.Array(ReportEntry, {
      description: 'Exercises finished in the period, newest first.',
    }),
    perWeek: Type.Array(
      Type.Object({
        week: IsoWeek,
        completed: Type.Integer({ minimum: 0 }),
        planned: Type.Integer({ minimum: 0 }),
      }),
      { description: 'Plan steps done per week of the period, oldest first.' },
    ),
  }),
  journal: Type.Array(
    Type.Object({ id: Type.String(), createdAt: Instant, excerpt: Type.String() }),
    {
      description:
        'The period’s newest journal entries (at most 100), newest first, to choose from. Nothing is included unless the person chooses it.',
    },
  ),
  journalMore: Type.Integer({
    minimum: 0,
    description: 'How many more journal entries the period has, older than those listed.',
  }),
  exercises: Type.Array(ReportEntry, {
    description: 'Completed exercise entries of the period, newest first, to choose from.',
  }),
});

export const getReportSchema = {
  summary:
    'The printable session report: Check change, check-in figures, finished steps and the writing to choose from, since a day',
  tags,
  querystring: Type.Object(
    {
      from: Type.Optional(
        Type.String({
          maxLength: 32,
          description:
            'First day (YYYY-MM-DD), not after today and at most 5 years ago; default: the day of the last report marked printed, else 4 weeks ago. Otherwise 400 report_from_invalid, report_from_in_future or report_from_too_early.',
        }),
      ),
      timeZone: Type.Optional(
        Type.String({
          minLength: 1,
          maxLength: 64,
          description: 'IANA time zone the days are counted in; default Europe/London.',
        }),
      ),
    },
    { additionalProperties: false },
  ),
  response: { 200: ReportBody, ...errorResponses(400, 401, 403) },
};

export const reportPrintedSchema = {
  summary: 'Record that I printed or shared my session report now (the next one starts from today)',
  tags,
  response: {
    200: Type.Object({ lastReportAt: Instant }),
    ...errorResponses(401, 403),
  },
};
