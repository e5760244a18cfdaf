import type { Static } from 'typebox';
import type { App } from '../../app';
import { requestRegion } from '../../http/region';
import { healthDataGuard, requireSignedIn } from '../../policies/session.policy';
import {
  completeEntrySchema,
  createEntrySchema,
  deleteEntrySchema,
  getEntrySchema,
  getExerciseSchema,
  listEntriesSchema,
  listExercisesSchema,
  updateEntrySchema,
  type ExerciseBody,
} from './schema';

const BASE = '/api/exercises';

export function exerciseRoutes(app: App): void {
  const { exercises, consent } = app.services;
  const guard = { preHandler: healthDataGuard(consent) };

  // The library is public: anyone may see what they would be asked to do before joining.
  app.get(BASE, { schema: listExercisesSchema }, async () => exercises.summaries());

  app.get(
    `${BASE}/:exerciseId`,
    { schema: getExerciseSchema },
    async (request) =>
      // The frozen catalogue as the response schema types it (mutable arrays, plain records).
      exercises.exercise(request.params.exerciseId) as unknown as Static<typeof ExerciseBody>,
  );

  app.post(
    `${BASE}/:exerciseId/entries`,
    { ...guard, schema: createEntrySchema },
    async (request, reply) => {
      const saved = await exercises.create(
        requireSignedIn(request),
        request.params.exerciseId,
        request.body.values,
        requestRegion(request),
      );
      return reply.status(201).send(saved);
    },
  );

  app.get(
    `${BASE}/:exerciseId/entries`,
    { ...guard, schema: listEntriesSchema },
    async (request) => ({
      entries: await exercises.list(requireSignedIn(request), request.params.exerciseId),
    }),
  );

  app.get(
    `${BASE}/:exerciseId/entries/:id`,
    { ...guard, schema: getEntrySchema },
    async (request) => ({
      entry: await exercises.get(
        requireSignedIn(request),
        request.params.exerciseId,
        request.params.id,
      ),
    }),
  );

  app.put(
    `${BASE}/:exerciseId/entries/:id`,
    { ...guard, schema: updateEntrySchema },
    async (request) =>
      exercises.update(
        requireSignedIn(request),
        request.params.exerciseId,
        request.params.id,
        request.body.values,
        requestRegion(request),
        request.body.baseRevision,
      ),
  );

  app.post(
    `${BASE}/:exerciseId/entries/:id/complete`,
    {
      ...guard,
      // The body is optional: finishing needs nothing more than the request itself.
      preValidation: async (request) => {
        request.body ??= {};
      },
      schema: completeEntrySchema,
    },
    async (request) =>
      exercises.complete(
        requireSignedIn(request),
        request.params.exerciseId,
        request.params.id,
        request.body,
        requestRegion(request),
      ),
  );

  app.delete(
    `${BASE}/:exerciseId/entries/:id`,
    { ...guard, schema: deleteEntrySchema },
    async (request, reply) => {
      await exercises.delete(
        requireSignedIn(request),
        request.params.exerciseId,
        request.params.id,
      );
      return reply.status(204).send(null);
    },
  );
}
