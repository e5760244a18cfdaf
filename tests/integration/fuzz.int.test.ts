import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CURRENT_PRIVACY_NOTICE } from '../../core/consent/privacy-notice';
import { TOPIC_IDS } from '../../core/content/topics';
import { signUp, type SignedUpUser } from '../factories/user.factory';
import { TestClient, type HttpMethod, type TestResponse } from '../support/http-client';
import { listRoutes, type RegisteredRoute } from '../support/routes';
import { createTestApp, dbAvailable, type TestApp } from '../support/test-app';

/**
 * Property: whatever arrives — any JSON body, query string, headers or path parameter, on
 * any registered route, signed out or signed in with a valid CSRF token — the answer is never
 * a 5xx, and API errors keep the one error shape. Bounded so the file takes seconds.
 */

const RUNS_PER_GROUP = 100;
/**
 * Fixed so a failure reproduces (fast-check prints the counterexample and its path); set
 * FUZZ_SEED to explore other inputs.
 */
const SEED = Number(process.env.FUZZ_SEED) || 20_261_201;

/** Headers that would make light-my-request itself (not the app) misbehave. */
const UNFUZZABLE_HEADERS = new Set([
  'content-length',
  'transfer-encoding',
  'connection',
  'host',
  'expect',
  'upgrade',
]);
/** Headers that carry the session in signed-in runs: the property keeps those valid. */
const SESSION_HEADERS = new Set(['cookie', 'x-csrf-token']);

const printable = fc.string({
  unit: fc.integer({ min: 0x20, max: 0x7e }).map((code) => String.fromCharCode(code)),
  maxLength: 60,
});
const anyText = fc.oneof(
  printable,
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
);

const interestingValue: fc.Arbitrary<unknown> = fc.oneof(
  anyText,
  fc.constantFrom(
    CURRENT_PRIVACY_NOTICE.version,
    ...TOPIC_IDS,
    'password1',
    'a@b.co',
    'sam',
    '',
    ' ',
  ),
  fc.jsonValue({ maxDepth: 2 }),
  fc.integer(),
  fc.constant(null),
);

/** Bodies: anything JSON, and objects shaped like the real ones so they reach deeper code. */
const body = fc.option(
  fc.oneof(
    fc.jsonValue({ maxDepth: 3 }),
    fc.record(
      {
        email: interestingValue,
        username: interestingValue,
        password: interestingValue,
        login: interestingValue,
        version: interestingValue,
        extra: interestingValue,
      },
      { requiredKeys: [] },
    ),
  ),
  { nil: undefined },
);

const headerName = fc
  .oneof(
    fc.constantFrom(
      'content-type',
      'accept',
      'accept-language',
      'accept-encoding',
      'cookie',
      'x-csrf-token',
      'x-forwarded-for',
      'x-forwarded-proto',
      'x-forwarded-host',
      'origin',
      'referer',
      'user-agent',
      'if-none-match',
      'range',
      'authorization',
    ),
    fc.stringMatching(/^[a-z][a-z0-9-]{0,19}$/),
  )
  .filter((name) => !UNFUZZABLE_HEADERS.has(name));

const headerValue = fc.oneof(
  printable.map((value) => value.trim()),
  fc.constantFrom(
    'application/json',
    'application/json; charset=utf-8',
    'text/plain',
    'application/x-www-form-urlencoded',
    'multipart/form-data; boundary=x',
    'https',
    'http',
    'en-US,en;q=0.9',
    'closer_session=abc; __Host-closer_session=def',
    '127.0.0.1, 10.0.0.1',
  ),
);

const headers = fc.dictionary(headerName, headerValue, { maxKeys: 5 });

const query = fc.oneof(
  fc.constant(''),
  fc.webQueryParameters().map((value) => (value ? `?${value}` : '')),
  fc
    .dictionary(fc.constantFrom('q', 'topic', 'region', 'slug', 'page', 'q[]'), printable, {
      maxKeys: 3,
    })
    .map((entries) => {
      const search = new URLSearchParams(entries).toString();
      return search ? `?${search}` : '';
    }),
);

const segment = fc.oneof(
  fc.webSegment(),
  anyText.filter((text) => text !== '').map(encodeURIComponent),
  fc.constantFrom('..', '%2e%2e', '%00', '%E0%A4%A', 'a'.repeat(300), 'finding-it-hard-to-trust'),
);

/** A concrete path for a route pattern: parameters and wildcards filled in at random. */
function pathFor(route: RegisteredRoute): fc.Arbitrary<string> {
  const parts = route.url.split('/').map((part) => {
    if (part === '*')
      return fc.array(segment, { maxLength: 4 }).map((segments) => segments.join('/'));
    if (part.startsWith(':')) return segment;
    return fc.constant(part);
  });
  return fc.tuple(...parts).map((filled) => filled.join('/'));
}

interface Request {
  route: RegisteredRoute;
  path: string;
  query: string;
  body: unknown;
  headers: Record<string, string>;
}

function requestFor(routes: RegisteredRoute[]): fc.Arbitrary<Request> {
  return fc
    .constantFrom(...routes)
    .chain((route) =>
      fc.record({ route: fc.constant(route), path: pathFor(route), query, body, headers }),
    );
}

/** Groups routes by area (the first two path segments), one property per group. */
function groupRoutes(routes: RegisteredRoute[]): Map<string, RegisteredRoute[]> {
  const groups = new Map<string, RegisteredRoute[]>();
  for (const route of routes) {
    const segments = route.url.split('/').filter(Boolean);
    const key =
      segments[0] === 'api'
        ? `/api/${segments[1] ?? ''}`
        : `/${(segments[0] ?? '').replace(/\..*$/, '')}`;
    groups.set(key, [...(groups.get(key) ?? []), route]);
  }
  return groups;
}

function checkResponse(request: Request, response: TestResponse): void {
  const label = `${request.route.method} ${request.path}${request.query}`;
  expect(
    response.status,
    `${label} → ${response.status} ${response.text.slice(0, 300)}`,
  ).toBeLessThan(500);
  expect(response.text, label).not.toMatch(/node_modules|\.ts:\d+:\d+|at [\w.<>]+ \(/);
  const isApi = request.path.startsWith('/api/') || request.path === '/healthz';
  if (isApi && response.status >= 400 && request.route.method !== 'HEAD') {
    expect(response.body, label).toEqual({
      error: expect.objectContaining({ code: expect.any(String), message: expect.any(String) }),
    });
  }
}

describe.skipIf(!dbAvailable)('fuzz: no request ever causes a 5xx', () => {
  let testApp: TestApp;
  let groups: Map<string, RegisteredRoute[]>;
  let person: SignedUpUser;

  beforeAll(async () => {
    // Trusting the proxy lets random x-forwarded-* headers reach the code that reads them.
    testApp = await createTestApp({ withWebBuild: true, env: { TRUST_PROXY: '1' } });
    const routes = listRoutes(testApp.app);
    expect(routes.length).toBeGreaterThan(20);
    groups = groupRoutes(routes);
    person = await signUp(new TestClient(testApp.app, { remoteAddress: '192.0.2.1' }));
  });
  afterAll(() => testApp.close());

  const send = (client: TestClient, request: Request, signedIn: boolean) => {
    const extra = Object.fromEntries(
      Object.entries(request.headers).filter(([name]) => !(signedIn && SESSION_HEADERS.has(name))),
    );
    return client.request(request.route.method as HttpMethod, `${request.path}${request.query}`, {
      ...(request.body === undefined ? {} : { body: request.body }),
      headers: extra,
    });
  };

  /** Signs the fuzzing client back in when a run ended its session (logout, a new sign-up). */
  const ensureSignedIn = async (client: TestClient) => {
    if (client.sessionCookie() && client.csrfToken) {
      const session = await client.get('/api/auth/session');
      if (session.status === 200 && session.body.csrfToken === client.csrfToken) return;
    }
    client.reset();
    const login = await client.post(
      '/api/auth/login',
      { login: person.login, password: person.password },
      { csrf: false, remoteAddress: '192.0.2.2' },
    );
    expect(login.status, login.text).toBe(200);
  };

  it('covers every registered route', () => {
    const key = (route: RegisteredRoute) => `${route.method} ${route.url}`;
    const covered = [...groups.values()].flat().map(key).sort();
    expect(covered).toEqual(listRoutes(testApp.app).map(key).sort());
    expect([...groups.keys()]).toEqual(
      expect.arrayContaining(['/api/auth', '/api/consent', '/api/learn', '/help', '/healthz']),
    );
  });

  it('signed out: never a 5xx', async () => {
    for (const [group, routes] of groups) {
      const client = new TestClient(testApp.app, { remoteAddress: '198.51.100.1' });
      await fc
        .assert(
          fc.asyncProperty(requestFor(routes), async (request) => {
            client.reset();
            checkResponse(request, await send(client, request, false));
          }),
          { numRuns: RUNS_PER_GROUP, seed: SEED, endOnFailure: true },
        )
        .catch((error: unknown) => {
          throw new Error(
            `group ${group}: ${error instanceof Error ? error.message : String(error)}`,
          );
        });
    }
  });

  it('signed in with a valid CSRF token: never a 5xx', async () => {
    for (const [group, routes] of groups) {
      const client = new TestClient(testApp.app, { remoteAddress: '198.51.100.2' });
      await fc
        .assert(
          fc.asyncProperty(requestFor(routes), async (request) => {
            await ensureSignedIn(client);
            checkResponse(request, await send(client, request, true));
          }),
          { numRuns: RUNS_PER_GROUP, seed: SEED + 1, endOnFailure: true },
        )
        .catch((error: unknown) => {
          throw new Error(
            `group ${group}: ${error instanceof Error ? error.message : String(error)}`,
          );
        });
    }
  });

  it('signed in with consent given: never a 5xx', async () => {
    const client = new TestClient(testApp.app, { remoteAddress: '198.51.100.3' });
    await ensureSignedIn(client);
    expect(
      (await client.post('/api/consent', { version: CURRENT_PRIVACY_NOTICE.version })).status,
    ).toBe(204);
    const consentRoutes = groups.get('/api/consent') ?? [];
    await fc.assert(
      fc.asyncProperty(requestFor(consentRoutes), async (request) => {
        await ensureSignedIn(client);
        checkResponse(request, await send(client, request, true));
      }),
      { numRuns: RUNS_PER_GROUP, seed: SEED + 2, endOnFailure: true },
    );
  });
});
