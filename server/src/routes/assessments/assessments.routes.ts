import type { Static } from 'typebox';
import type { ClosenessCheckDefinition } from '../../../../core/assessment/closeness-check.definition';
import type { App } from '../../app';
import { requestRegion } from '../../http/region';
import { healthDataGuard, requireSignedIn } from '../../policies/session.policy';
import type { DefinitionBody } from './schema';
import {
  deleteDraftSchema,
  getDefinitionSchema,
  getDefinitionVersionSchema,
  getDraftSchema,
  getResponseSchema,
  listResponsesSchema,
  psychometricsSchema,
  saveDraftSchema,
  submitSchema,
} from './schema';

const BASE = '/api/assessments/closeness-check';

/** The frozen definition as the response schema types it (mutable arrays, plain records). */
const asBody = (definition: ClosenessCheckDefinition) =>
  definition as unknown as Static<typeof DefinitionBody>;

export function assessmentRoutes(app: App): void {
  const { closenessCheck, consent } = app.services;
  const guard = { preHandler: healthDataGuard(consent) };

  // The questions are public: anyone may read what they would be asked before joining.
  app.get(BASE, { schema: getDefinitionSchema }, async () => asBody(closenessCheck.definition()));

  app.get(`${BASE}/definitions/:version`, { schema: getDefinitionVersionSchema }, async (request) =>
    asBody(closenessCheck.definition(Number(request.params.version))),
  );

  // Anonymous aggregate figures, public like the questions they describe.
  app.get(`${BASE}/psychometrics`, { schema: psychometricsSchema }, async (request) =>
    closenessCheck.psychometrics(
      request.query.version === undefined ? undefined : Number(request.query.version),
    ),
  );

  app.get(`${BASE}/draft`, { ...guard, schema: getDraftSchema }, async (request) => ({
    draft: await closenessCheck.getDraft(requireSignedIn(request)),
  }));

  app.put(`${BASE}/draft`, { ...guard, schema: saveDraftSchema }, async (request) => ({
    draft: await closenessCheck.saveDraft(requireSignedIn(request), request.body.answers),
  }));

  app.delete(`${BASE}/draft`, { ...guard, schema: deleteDraftSchema }, async (request, reply) => {
    await closenessCheck.deleteDraft(requireSignedIn(request));
    return reply.status(204).send(null);
  });

  app.post(`${BASE}/responses`, { ...guard, schema: submitSchema }, async (request, reply) => {
    const actor = requireSignedIn(request);
    const saved = await closenessCheck.submit(actor, request.body.answers, requestRegion(request));
    return reply.status(201).send(saved);
  });

  app.get(`${BASE}/responses`, { ...guard, schema: listResponsesSchema }, async (request) =>
    closenessCheck.history(requireSignedIn(request)),
  );

  app.get(`${BASE}/responses/:id`, { ...guard, schema: getResponseSchema }, async (request) => ({
    response: await closenessCheck.get(requireSignedIn(request), request.params.id),
  }));
}
