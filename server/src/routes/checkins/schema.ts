import { Type } from 'typebox';
import { errorResponses } from '../schemas';
import { SafetyBody } from '../safety-schema';

const Rating = Type.Integer({ minimum: 0, maximum: 10 });
const LocalDate = Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' });

export const CheckinInputBody = Type.Object(
  {
    mood: Rating,
    closeness: Rating,
    stress: Rating,
    note: Type.Optional(Type.Union([Type.String({ maxLength: 5_000 }), Type.Null()])),
    timeZone: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
  },
  { additionalProperties: false },
);

export const CheckinBody = Type.Object({
  id: Type.String(),
  mood: Rating,
  closeness: Rating,
  stress: Rating,
  note: Type.Union([Type.String(), Type.Null()]),
  date: Type.String(),
  timeZone: Type.String(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  unreadable: Type.Optional(Type.Boolean()),
});

const Saved = Type.Object({ checkin: CheckinBody, safety: SafetyBody });
const IdParams = Type.Object({ id: Type.String({ maxLength: 64 }) });

export const createCheckinSchema = {
  summary: 'Check in: mood, closeness and stress from 0 to 10, and an optional note',
  tags: ['checkins'],
  body: CheckinInputBody,
  response: { 201: Saved, ...errorResponses(400, 401, 403) },
};

export const listCheckinsSchema = {
  summary: 'Check-ins between two days (YYYY-MM-DD, inclusive), oldest first',
  tags: ['checkins'],
  querystring: Type.Object(
    { from: Type.Optional(LocalDate), to: Type.Optional(LocalDate) },
    { additionalProperties: false },
  ),
  response: {
    200: Type.Object({ checkins: Type.Array(CheckinBody) }),
    ...errorResponses(400, 401, 403),
  },
};

export const getCheckinSchema = {
  summary: 'One check-in',
  tags: ['checkins'],
  params: IdParams,
  response: { 200: Type.Object({ checkin: CheckinBody }), ...errorResponses(401, 403, 404) },
};

export const updateCheckinSchema = {
  summary: 'Change a check-in, on the day it was made',
  tags: ['checkins'],
  params: IdParams,
  body: CheckinInputBody,
  response: { 200: Saved, ...errorResponses(400, 401, 403, 404, 409) },
};
