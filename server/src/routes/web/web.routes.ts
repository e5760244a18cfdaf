import fs from 'node:fs';
import path from 'node:path';
import { LOCALE, t } from '../../../../core/i18n/translate';
import type { App } from '../../app';
import { escape } from '../help/help-page';

interface StaticFile {
  body: Buffer;
  type: string;
  cacheControl: string;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
};

/**
 * Loads the built web app into memory once (it is small) and serves it. Files under
 * /assets/ carry a content hash in their name, so they may be cached for a year; the HTML
 * shell is revalidated every time so a new release is picked up at once.
 */
export function loadWebBuild(distDir: string): Map<string, StaticFile> | null {
  if (!fs.existsSync(path.join(distDir, 'index.html'))) return null;
  const files = new Map<string, StaticFile>();
  const walk = (folder: string) => {
    for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) {
        walk(full);
        continue;
      }
      const urlPath = `/${path.relative(distDir, full).split(path.sep).join('/')}`;
      if (urlPath.startsWith('/.vite/')) continue;
      files.set(urlPath, {
        body: fs.readFileSync(full),
        type: TYPES[path.extname(entry.name)] ?? 'application/octet-stream',
        cacheControl: urlPath.startsWith('/assets/')
          ? 'public, max-age=31536000, immutable'
          : 'no-cache',
      });
    }
  };
  walk(distDir);
  return files;
}

export function webRoutes(app: App, distDir: string): void {
  const files = loadWebBuild(distDir);
  const shell = files?.get('/index.html') ?? null;

  app.get('/*', { schema: { hide: true } }, async (request, reply) => {
    const pathname = decodeSafely(request.url.split('?')[0] ?? '/');
    if (pathname.startsWith('/api/')) {
      return reply
        .status(404)
        .send({ error: { code: 'not_found', message: `There is nothing at GET ${pathname}.` } });
    }
    const file = files?.get(pathname);
    if (file)
      return reply.type(file.type).header('cache-control', file.cacheControl).send(file.body);
    if (pathname.startsWith('/assets/') || path.extname(pathname) !== '') {
      return reply.status(404).type('text/plain; charset=utf-8').send('Not found');
    }
    if (!shell) {
      return reply
        .status(503)
        .type('text/html; charset=utf-8')
        .send(
          `<!doctype html><html lang="${LOCALE}"><head><meta charset="utf-8"><title>${escape(t('app.name'))}</title></head><body><main><h1>${escape(t('server.notBuilt.title'))}</h1><p>${escape(t('server.notBuilt.text'))}</p><p><a href="/help">${escape(t('layout.getHelpNow'))}</a></p></main></body></html>`,
        );
    }
    // Every other page is a route of the single-page app.
    return reply.type(shell.type).header('cache-control', shell.cacheControl).send(shell.body);
  });
}

function decodeSafely(pathname: string): string {
  try {
    return decodeURIComponent(pathname);
  } catch {
    return pathname;
  }
}
