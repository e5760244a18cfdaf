import type { App } from '../../app';
import { healthDataGuard, requireSignedIn } from '../../policies/session.policy';
import {
  getPlanSchema,
  getPreferencesSchema,
  putPreferencesSchema,
  swapStepSchema,
} from './schema';

export function planRoutes(app: App): void {
  const { plan, consent } = app.services;
  const guard = { preHandler: healthDataGuard(consent) };

  app.get('/api/plan', { ...guard, schema: getPlanSchema }, async (request) =>
    plan.get(requireSignedIn(request)),
  );

  app.get('/api/plan/preferences', { ...guard, schema: getPreferencesSchema }, async (request) =>
    plan.preferences(requireSignedIn(request)),
  );

  app.put('/api/plan/preferences', { ...guard, schema: putPreferencesSchema }, async (request) =>
    plan.setPreferences(requireSignedIn(request), request.body),
  );

  app.post('/api/plan/steps/:id/swap', { ...guard, schema: swapStepSchema }, async (request) =>
    plan.swap(requireSignedIn(request), request.params.id),
  );
}
