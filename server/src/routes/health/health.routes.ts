import { Type } from 'typebox';
import type { App } from '../../app';

export function healthRoutes(app: App): void {
  app.get(
    '/healthz',
    {
      schema: {
        summary: 'Liveness and database check',
        tags: ['health'],
        response: { 200: Type.Object({ status: Type.Literal('ok') }), 503: Type.Ref('ErrorBody') },
      },
    },
    async (_request, reply) => {
      if (await app.services.database.ping()) return { status: 'ok' as const };
      return reply.status(503).send({
        error: { code: 'service_unavailable', message: 'The database is not answering.' },
      });
    },
  );
}
