import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClient } from '../support/http-client';
import { listRoutes } from '../support/routes';
import { createTestApp, dbAvailable, type TestApp } from '../support/test-app';

/** Follows a local `$ref` (#/components/schemas/...) of the document. */
function resolveIn(document: any, schema: any): any {
  const ref = schema?.$ref;
  if (typeof ref !== 'string') return schema;
  return ref
    .replace(/^#\//, '')
    .split('/')
    .reduce((node: any, key: string) => node?.[key], document);
}

/** Routes that describe the API itself, so are left out of it. */
const SELF = new Set(['/api/openapi.json']);

describe.skipIf(!dbAvailable)('GET /api/openapi.json', () => {
  let testApp: TestApp;
  let document: any;

  beforeAll(async () => {
    testApp = await createTestApp();
    const response = await new TestClient(testApp.app).get('/api/openapi.json');
    expect(response.status).toBe(200);
    expect(String(response.headers['content-type'])).toMatch(/^application\/json/);
    document = response.body;
  });
  afterAll(() => testApp.close());

  const resolve = (schema: unknown) => resolveIn(document, schema);

  it('is an OpenAPI 3 document', () => {
    expect(document.openapi).toMatch(/^3\.\d+\.\d+$/);
    expect(document.info).toMatchObject({ title: expect.any(String), version: expect.any(String) });
    expect(typeof document.paths).toBe('object');
  });

  it('lists every /api route that is registered, with its method', () => {
    const apiRoutes = listRoutes(testApp.app).filter(
      (route) => route.url.startsWith('/api/') && route.method !== 'HEAD' && !SELF.has(route.url),
    );
    expect(apiRoutes.length).toBeGreaterThanOrEqual(9);
    const missing = apiRoutes.filter((route) => {
      const openApiPath = route.url.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
      return document.paths[openApiPath]?.[route.method.toLowerCase()] === undefined;
    });
    expect(missing).toEqual([]);
  });

  it('lists nothing that is not a route', () => {
    const registered = new Set(
      listRoutes(testApp.app).map(
        (route) => `${route.method} ${route.url.replace(/:([A-Za-z0-9_]+)/g, '{$1}')}`,
      ),
    );
    for (const [path, operations] of Object.entries<Record<string, unknown>>(document.paths)) {
      for (const method of Object.keys(operations)) {
        if (['parameters', 'summary', 'description'].includes(method)) continue;
        expect(registered, `${method} ${path}`).toContain(`${method.toUpperCase()} ${path}`);
      }
    }
  });

  it('describes each operation with a summary and responses, errors as the one error body', () => {
    for (const [path, operations] of Object.entries<Record<string, any>>(document.paths)) {
      for (const [method, operation] of Object.entries<any>(operations)) {
        expect(operation.summary, `${method} ${path}`).toEqual(expect.any(String));
        expect(Object.keys(operation.responses ?? {}).length, `${method} ${path}`).toBeGreaterThan(
          0,
        );
        for (const [status, response] of Object.entries<any>(operation.responses)) {
          if (Number(status) < 400) continue;
          const schema = resolve(response.content?.['application/json']?.schema);
          expect(schema?.properties?.error?.required, `${method} ${path} ${status}`).toEqual(
            expect.arrayContaining(['code', 'message']),
          );
        }
      }
    }
  });

  it('is consistent with the contract: signup, login, learn by slug', () => {
    expect(Object.keys(document.paths['/api/auth/signup'].post.responses)).toEqual(
      expect.arrayContaining(['201', '400', '409']),
    );
    expect(Object.keys(document.paths['/api/auth/login'].post.responses)).toEqual(
      expect.arrayContaining(['200', '401', '429']),
    );
    const parameters = document.paths['/api/learn/{slug}'].get.parameters;
    expect(parameters).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: 'slug', in: 'path' })]),
    );
  });
});
