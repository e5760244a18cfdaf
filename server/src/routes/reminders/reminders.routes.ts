import type { FastifyRequest } from 'fastify';
import { t } from '../../../../core/i18n/translate';
import type { App } from '../../app';
import { requireSignedIn } from '../../policies/session.policy';
import type { ReminderActor } from '../../services/reminders/reminder.service';
import {
  calendarSchema,
  dismissReminderSchema,
  dueRemindersSchema,
  getRemindersSchema,
  newFeedSchema,
  putRemindersSchema,
  stopFeedSchema,
} from './schema';

/** A host name or IP address, with an optional port: nothing that could break a URL. */
const PLAIN_HOST = /^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(:\d{1,5})?$/i;

/**
 * Reminders need a session, not health-data consent: they hold no health content, and a
 * person who withdrew consent must still be able to see and stop them (docs/decisions/0012).
 */
export function reminderRoutes(app: App, publicUrl: string | null): void {
  const { reminders } = app.services;

  const actor = (request: FastifyRequest): ReminderActor => {
    const session = requireSignedIn(request);
    return { userId: session.userId, email: session.user.email };
  };
  /**
   * The address links point at: PUBLIC_URL when set (as it should be behind a proxy), else
   * the request's own, taken only if it is a plain host name or address. The Host and
   * X-Forwarded-* headers are whatever a client sends: never trusted to be a URL.
   */
  const baseUrl = (request: FastifyRequest) => {
    if (publicUrl) return publicUrl;
    const protocol = request.protocol === 'https' ? 'https' : 'http';
    const host = PLAIN_HOST.test(request.host) ? request.host : 'localhost';
    return `${protocol}://${host}`;
  };

  app.get('/api/reminders', { schema: getRemindersSchema }, async (request) =>
    reminders.get(actor(request)),
  );

  app.put('/api/reminders', { schema: putRemindersSchema }, async (request) =>
    reminders.save(actor(request), request.body),
  );

  app.get('/api/reminders/due', { schema: dueRemindersSchema }, async (request) => ({
    reminders: await reminders.due(actor(request)),
  }));

  app.post(
    '/api/reminders/due/:id/dismiss',
    { schema: dismissReminderSchema },
    async (request, reply) => {
      await reminders.dismiss(actor(request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.post('/api/reminders/calendar-feed', { schema: newFeedSchema }, async (request, reply) =>
    reply.status(201).send(await reminders.newCalendarFeed(actor(request), baseUrl(request))),
  );

  app.delete('/api/reminders/calendar-feed', { schema: stopFeedSchema }, async (request, reply) => {
    await reminders.stopCalendarFeed(actor(request));
    return reply.status(204).send(null);
  });

  // Read by calendar apps, which send no cookie: the secret address is the only key.
  app.get('/api/reminders/calendar/:token', { schema: calendarSchema }, async (request, reply) => {
    const base = baseUrl(request);
    const feed = await reminders.calendar(
      request.params.token,
      new URL(base).hostname,
      `${base}/home`,
    );
    if (feed === null)
      return reply.status(404).send({
        error: { code: 'not_found', message: t('api.not_found') },
      });
    return reply
      .type('text/calendar; charset=utf-8')
      .header('cache-control', 'no-store')
      .header('content-disposition', 'inline; filename="closer.ics"')
      .header('x-robots-tag', 'noindex')
      .send(feed);
  });
}
