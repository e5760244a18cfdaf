import { Type } from 'typebox';
import { errorResponses } from '../schemas';
import { QueryInteger, SafetyBody } from '../safety-schema';

/** About 100,000 characters: a long letter, well past what anyone writes in one sitting. */
export const JOURNAL_TEXT_MAX = 100_000;

const Mood = Type.Union([Type.Integer({ minimum: 0, maximum: 10 }), Type.Null()]);
const Tags = Type.Array(Type.String({ maxLength: 50 }), { maxItems: 20 });

export const JournalInputBody = Type.Object(
  {
    text: Type.String({ minLength: 1, maxLength: JOURNAL_TEXT_MAX }),
    mood: Type.Optional(Mood),
    tags: Type.Optional(Tags),
  },
  { additionalProperties: false },
);

export const JournalEntryBody = Type.Object({
  id: Type.String(),
  text: Type.String(),
  mood: Mood,
  tags: Type.Array(Type.String()),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  unreadable: Type.Optional(Type.Boolean()),
});

const IdParams = Type.Object({ id: Type.String({ maxLength: 64 }) });
const Saved = Type.Object({ entry: JournalEntryBody, safety: SafetyBody });

export const createEntrySchema = {
  summary: 'Write a journal entry; the answer carries the risk check of its text',
  tags: ['journal'],
  body: JournalInputBody,
  response: { 201: Saved, ...errorResponses(400, 401, 403) },
};

export const listEntriesSchema = {
  summary: 'The journal, newest first, optionally searched',
  tags: ['journal'],
  querystring: Type.Object(
    {
      q: Type.Optional(Type.String({ maxLength: 200 })),
      offset: Type.Optional(QueryInteger),
      limit: Type.Optional(Type.String({ pattern: '^([1-9]|[1-9][0-9]|100)$' })),
    },
    { additionalProperties: false },
  ),
  response: {
    200: Type.Object({
      entries: Type.Array(JournalEntryBody),
      total: Type.Integer(),
      nextOffset: Type.Union([Type.Integer(), Type.Null()]),
    }),
    ...errorResponses(400, 401, 403),
  },
};

export const getEntrySchema = {
  summary: 'One journal entry',
  tags: ['journal'],
  params: IdParams,
  response: { 200: Type.Object({ entry: JournalEntryBody }), ...errorResponses(401, 403, 404) },
};

export const updateEntrySchema = {
  summary: 'Change a journal entry',
  tags: ['journal'],
  params: IdParams,
  body: JournalInputBody,
  response: { 200: Saved, ...errorResponses(400, 401, 403, 404) },
};

export const deleteEntrySchema = {
  summary: 'Delete a journal entry',
  tags: ['journal'],
  params: IdParams,
  response: { 204: Type.Null(), ...errorResponses(401, 403, 404) },
};
