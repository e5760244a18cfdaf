import { Type } from 'typebox';
import type { App } from '../../app';

export function healthRoutes(app: App): void {
  app.get(
    '/healthz',
    {
      schema: {
        summary: 'Liveness, database and key store check',
        tags: ['health'],
        response: { 200: Type.Object({ status: Type.Literal('ok') }), 503: Type.Ref('ErrorBody') },
      },
    },
    async (_request, reply) => {
      const { database, keyStore } = app.services;
      if (!(await database.ping())) {
        return reply.status(503).send({
          error: { code: 'service_unavailable', message: 'The database is not answering.' },
        });
      }
      // Without the key store no text can be read or saved.
      if (!(await keyStore.ping())) {
        return reply.status(503).send({
          error: { code: 'service_unavailable', message: 'The key store is not answering.' },
        });
      }
      return { status: 'ok' as const };
    },
  );
}
