import type { App } from '../../app';

export function openApiRoutes(app: App): void {
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
}
