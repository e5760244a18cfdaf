import { isTimeZone } from '../../../../core/checkins/local-date';
import { DomainError } from '../../../../core/errors/domain-error';
import type { App } from '../../app';
import { requestRegion } from '../../http/region';
import { healthDataGuard, requireSignedIn } from '../../policies/session.policy';
import {
  createCheckinSchema,
  getCheckinSchema,
  listCheckinsSchema,
  updateCheckinSchema,
} from './schema';

function checkTimeZone(timeZone: string | undefined): void {
  if (timeZone !== undefined && !isTimeZone(timeZone)) {
    throw new DomainError(
      'time_zone_invalid',
      `"${timeZone}" is not a time zone we know, such as Europe/London.`,
    );
  }
}

export function checkinRoutes(app: App): void {
  const { checkins, consent } = app.services;
  const guard = { preHandler: healthDataGuard(consent) };

  app.post('/api/checkins', { ...guard, schema: createCheckinSchema }, async (request, reply) => {
    checkTimeZone(request.body.timeZone);
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
    checkTimeZone(request.body.timeZone);
    return checkins.update(
      requireSignedIn(request),
      request.params.id,
      request.body,
      requestRegion(request),
    );
  });
}
