import type { App } from '../../app';
import { requireKnownTimeZone } from '../../http/time-zone';
import { healthDataGuard, requireSignedIn } from '../../policies/session.policy';
import {
  getPlanSchema,
  getPreferencesSchema,
  putPreferencesSchema,
  skipStepSchema,
  swapStepSchema,
} from './schema';

export function planRoutes(app: App): void {
  const { plan, consent } = app.services;
  const guard = { preHandler: healthDataGuard(consent) };

  // The week follows the person's calendar: the app sends its time zone with each request.
  app.get('/api/plan', { ...guard, schema: getPlanSchema }, async (request) => {
    requireKnownTimeZone(request.query.timeZone);
    return plan.get(requireSignedIn(request), request.query.timeZone);
  });

  app.get('/api/plan/preferences', { ...guard, schema: getPreferencesSchema }, async (request) =>
    plan.preferences(requireSignedIn(request)),
  );

  app.put('/api/plan/preferences', { ...guard, schema: putPreferencesSchema }, async (request) =>
    plan.setPreferences(requireSignedIn(request), request.body),
  );

  app.post('/api/plan/steps/:id/swap', { ...guard, schema: swapStepSchema }, async (request) => {
    requireKnownTimeZone(request.query.timeZone);
    return plan.swap(requireSignedIn(request), request.params.id, request.query.timeZone);
  });

  app.post('/api/plan/steps/:id/skip', { ...guard, schema: skipStepSchema }, async (request) => {
    requireKnownTimeZone(request.query.timeZone);
    return plan.skip(requireSignedIn(request), request.params.id, request.query.timeZone);
  });
}
