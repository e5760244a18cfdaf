import fs from 'node:fs';
import path from 'node:path';
import { Type } from 'typebox';
import type { App } from '../../app';
import { rememberRegion, requestRegion } from '../../http/region';
import { renderHelpPage } from './help-page';

const ASSETS = path.join(import.meta.dirname, 'assets');

/**
 * Get help now. Served by the server itself, never by the database or the web build, so it
 * answers whenever the process is up; a service worker keeps a copy for when it is not.
 */
export function helpRoutes(app: App): void {
  const assets = {
    css: fs.readFileSync(path.join(ASSETS, 'help.css')),
    js: fs.readFileSync(path.join(ASSETS, 'help.js')),
    sw: fs.readFileSync(path.join(ASSETS, 'sw.js')),
  };

  app.get(
    '/help',
    {
      schema: {
        hide: true,
        querystring: Type.Object({ region: Type.Optional(Type.String({ maxLength: 8 })) }),
      },
    },
    async (request, reply) => {
      const chosen = request.query.region
        ? rememberRegion(request, reply, request.query.region)
        : undefined;
      const region = requestRegion(request, chosen);
      return reply
        .type('text/html; charset=utf-8')
        .header('cache-control', 'no-cache')
        .header('vary', 'accept-language, cookie')
        .send(renderHelpPage(region));
    },
  );

  app.get('/help.css', { schema: { hide: true } }, (_request, reply) =>
    reply.type('text/css; charset=utf-8').header('cache-control', 'no-cache').send(assets.css),
  );
  app.get('/help.js', { schema: { hide: true } }, (_request, reply) =>
    reply
      .type('text/javascript; charset=utf-8')
      .header('cache-control', 'no-cache')
      .send(assets.js),
  );
  // Served from the root so that its scope covers every page of Closer.
  app.get('/sw.js', { schema: { hide: true } }, (_request, reply) =>
    reply
      .type('text/javascript; charset=utf-8')
      .header('cache-control', 'no-cache')
      .send(assets.sw),
  );
}
