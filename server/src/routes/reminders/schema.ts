import { Type } from 'typebox';
import { REMINDER_KINDS, WEEKDAY_NAMES } from '../../../../core/reminders/schedule';
import { errorResponses } from '../schemas';

const tags = ['reminders'];

const ReminderItemBody = Type.Object(
  {
    kind: Type.Enum([...REMINDER_KINDS], {
      description: 'checkin: a check-in; plan: a step of the weekly plan; retake: the Check.',
    }),
    days: Type.Array(Type.Enum([...WEEKDAY_NAMES]), {
      minItems: 1,
      maxItems: 7,
      description: 'Weekdays, such as ["mon", "thu"].',
    }),
    time: Type.String({
      pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$',
      description: 'HH:MM (24-hour) on the clock of timeZone.',
    }),
  },
  { additionalProperties: false },
);

const SettingsBody = Type.Object({
  timeZone: Type.Union([Type.String(), Type.Null()], {
    description: 'IANA time zone of the times; null until reminders are first saved.',
  }),
  items: Type.Array(ReminderItemBody),
  email: Type.Boolean({ description: 'Whether reminders also go by email.' }),
  emailAvailable: Type.Boolean({
    description: 'Whether email is possible: the account has an address and SMTP is configured.',
  }),
  calendarFeed: Type.Object({
    active: Type.Boolean({ description: 'A calendar feed address exists (it is shown once).' }),
    createdAt: Type.Union([Type.String(), Type.Null()]),
  }),
});

export const getRemindersSchema = {
  summary: 'My reminder settings',
  tags,
  response: { 200: SettingsBody, ...errorResponses(401) },
};

export const putRemindersSchema = {
  summary: 'Set my reminders (replaces them all)',
  description:
    'An unknown time zone is 400 invalid_time_zone; a repeated reminder is 400 invalid_reminders ' +
    'with details.field; email: true without an email address or SMTP is 400 ' +
    'reminders_email_unavailable. Leaving email out keeps the earlier choice.',
  tags,
  body: Type.Object(
    {
      timeZone: Type.String({
        maxLength: 64,
        description: 'An IANA time zone such as Europe/London.',
      }),
      items: Type.Array(ReminderItemBody, { maxItems: 21 }),
      email: Type.Optional(
        Type.Boolean({ description: 'Also by email (opt-in; default: the earlier choice, off).' }),
      ),
    },
    { additionalProperties: false },
  ),
  response: { 200: SettingsBody, ...errorResponses(400, 401, 403) },
};

export const dueRemindersSchema = {
  summary: 'My reminders that fell due in the last 24 hours and are not dismissed',
  tags,
  response: {
    200: Type.Object({
      reminders: Type.Array(
        Type.Object({
          id: Type.String(),
          kind: Type.Enum([...REMINDER_KINDS]),
          at: Type.String({ description: 'When it fell due (UTC).' }),
        }),
      ),
    }),
    ...errorResponses(401),
  },
};

export const dismissReminderSchema = {
  summary: 'Hide one of my due reminders',
  tags,
  params: Type.Object({ id: Type.String({ maxLength: 64 }) }),
  response: { 204: Type.Null(), ...errorResponses(401, 403, 404) },
};

export const newFeedSchema = {
  summary: 'A new secret calendar feed address (any earlier one stops working)',
  description: 'The address is shown only in this answer: Closer keeps only a hash of it.',
  tags,
  response: { 201: Type.Object({ url: Type.String() }), ...errorResponses(401, 403) },
};

export const stopFeedSchema = {
  summary: 'Stop my calendar feed without making a new one',
  tags,
  response: { 204: Type.Null(), ...errorResponses(401, 403) },
};

export const calendarSchema = {
  summary: 'A calendar feed (text/calendar), by its secret address; no cookie needed',
  description:
    'Events for the next 8 weeks at their UTC instants, with plain titles that never name a ' +
    'topic. An unknown or stopped address is 404.',
  tags,
  params: Type.Object({ token: Type.String({ maxLength: 64 }) }),
  response: { ...errorResponses(404) },
};
