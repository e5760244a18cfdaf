import type { App } from '../../app';
import { requestRegion } from '../../http/region';
import { requireKnownTimeZone } from '../../http/time-zone';
import { healthDataGuard, requireSignedIn } from '../../policies/session.policy';
import {
  createCheckinSchema,
  getCheckinSchema,
  listCheckinsSchema,
  updateCheckinSchema,
} from './schema';

export function checkinRoutes(app: App): void {
  const { checkins, consent } = app.services;
  const guard = { preHandler: healthDataGuard(consent) };

  app.post('/api/checkins', { ...guard, schema: createCheckinSchema }, async (request, reply) => {
    requireKnownTimeZone(request.body.timeZone);
    const saved = await checkins.create(
      requireSignedIn(request),
      request.body,
      requestRegion(request),
    );
    return reply.status(201).send(saved);
  });

  app.get('/api/checkins', { ...guard, schema: listCheckinsSchema }, async (request) => ({
    checkins: await checkins.list(requireSignedIn(request), {
      from: request.query.from,
      to: request.query.to,
    }),
  }));

  app.get('/api/checkins/:id', { ...guard, schema: getCheckinSchema }, async (request) => ({
    checkin: await checkins.get(requireSignedIn(request), request.params.id),
  }));

  app.put('/api/checkins/:id', { ...guard, schema: updateCheckinSchema }, async (request) => {
    requireKnownTimeZone(request.body.timeZone);
    return checkins.update(
      requireSignedIn(request),
      request.params.id,
      request.body,
      requestRegion(request),
    );
  });
}
