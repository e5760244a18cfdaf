import { DEFAULT_TIME_ZONE } from '../../../../core/checkins/local-date';
import { DEFAULT_PROGRESS_WEEKS } from '../../../../core/progress/progress-view';
import type { App } from '../../app';
import { requireKnownTimeZone } from '../../http/time-zone';
import { healthDataGuard, requireSignedIn } from '../../policies/session.policy';
import { getProgressSchema } from './schema';

export function progressRoutes(app: App): void {
  const { progress, consent } = app.services;
  const guard = { preHandler: healthDataGuard(consent) };

  // Days and weeks follow the person's calendar: the app sends its time zone.
  app.get('/api/progress', { ...guard, schema: getProgressSchema }, async (request, reply) => {
    requireKnownTimeZone(request.query.timeZone);
    const body = await progress.viewJson(
      requireSignedIn(request),
      request.query.timeZone ?? DEFAULT_TIME_ZONE,
      request.query.weeks === undefined ? DEFAULT_PROGRESS_WEEKS : Number(request.query.weeks),
    );
    // Already JSON, built to the response schema (and checked against it by the tests):
    // sending the cached bytes as they are spares serialising and encoding on every request.
    // (The type provider expects the object; the text is that object, serialised.)
    return reply.type('application/json; charset=utf-8').send(body as never);
  });
}
