import type { App } from '../../app';
import { requestRegion } from '../../http/region';
import { healthDataGuard, requireSignedIn } from '../../policies/session.policy';
import {
  createEntrySchema,
  deleteEntrySchema,
  getEntrySchema,
  listEntriesSchema,
  updateEntrySchema,
} from './schema';

export function journalRoutes(app: App): void {
  const { journal, consent } = app.services;
  const guard = { preHandler: healthDataGuard(consent) };

  app.post('/api/journal', { ...guard, schema: createEntrySchema }, async (request, reply) => {
    const actor = requireSignedIn(request);
    const saved = await journal.create(actor, request.body, requestRegion(request));
    return reply.status(201).send(saved);
  });

  app.get('/api/journal', { ...guard, schema: listEntriesSchema }, async (request) => {
    const actor = requireSignedIn(request);
    return journal.list(actor, {
      query: request.query.q ?? '',
      offset: Number(request.query.offset ?? 0),
      limit: Number(request.query.limit ?? 20),
    });
  });

  app.get('/api/journal/:id', { ...guard, schema: getEntrySchema }, async (request) => ({
    entry: await journal.get(requireSignedIn(request), request.params.id),
  }));

  app.put('/api/journal/:id', { ...guard, schema: updateEntrySchema }, async (request) =>
    journal.update(
      requireSignedIn(request),
      request.params.id,
      request.body,
      requestRegion(request),
    ),
  );

  app.delete(
    '/api/journal/:id',
    { ...guard, schema: deleteEntrySchema },
    async (request, reply) => {
      await journal.delete(requireSignedIn(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
}
