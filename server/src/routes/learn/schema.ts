import { Type } from 'typebox';
import { TOPIC_IDS } from '../../../../core/content/topics';
import { errorResponses } from '../schemas';

const Topic = Type.Union(TOPIC_IDS.map((id) => Type.Literal(id)));

const ArticleSummary = Type.Object({
  slug: Type.String(),
  title: Type.String(),
  summary: Type.String(),
  topics: Type.Array(Type.String()),
  minutes: Type.Integer(),
});

export const listArticlesSchema = {
  summary: 'The learning library, optionally searched (q) or filtered by topic',
  tags: ['learn'],
  querystring: Type.Object(
    {
      q: Type.Optional(Type.String({ maxLength: 200 })),
      topic: Type.Optional(Topic),
    },
    { additionalProperties: false },
  ),
  response: { 200: Type.Array(ArticleSummary), ...errorResponses(400) },
};

export const getArticleSchema = {
  summary: 'One article, its body in Markdown',
  tags: ['learn'],
  params: Type.Object({ slug: Type.String({ maxLength: 120 }) }),
  response: {
    200: Type.Object({
      slug: Type.String(),
      title: Type.String(),
      summary: Type.String(),
      topics: Type.Array(Type.String()),
      minutes: Type.Integer(),
      body: Type.String(),
    }),
    ...errorResponses(404),
  },
};
