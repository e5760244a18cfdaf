import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAFETY_PLAN_SECTIONS } from '../../core/safety/safety-plan';
import { TestClient, type HttpMethod } from '../support/http-client';
import { signUpWithConsent, writeCheckin, writeEntry } from '../support/personal-data';
import { listRoutes } from '../support/routes';
import { createTestApp, dbAvailable, type TestApp } from '../support/test-app';

/**
 * Property: random bodies and query strings on the routes that hold health data and "my
 * data", sent by a person who has consented (so every request gets past the guard and into
 * the services), never cause a 5xx, and errors keep the one error shape. The general fuzz
 * test sends its signed-in requests without consent, so those stop at the guard.
 */

const SEED = Number(process.env.FUZZ_SEED) || 20_261_204;
const RUNS = 200;

const text = fc.oneof(
  fc.string({ maxLength: 60 }),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.constantFrom('', ' ', 'I want to kill myself', '\uD800', '=1+1', 'a'.repeat(5_001)),
);
const value: fc.Arbitrary<unknown> = fc.oneof(
  text,
  fc.integer({ min: -5, max: 15 }),
  fc.double(),
  fc.constant(null),
  fc.boolean(),
  fc.array(text, { maxLength: 4 }),
  fc.jsonValue({ maxDepth: 2 }),
);
const sections = fc.dictionary(
  fc.oneof(fc.constantFrom(...SAFETY_PLAN_SECTIONS), fc.string({ maxLength: 10 })),
  fc.oneof(fc.array(text, { maxLength: 3 }), value),
  { maxKeys: 7 },
);
const rating = fc.integer({ min: 0, max: 10 });

/** Bodies that pass each area's validation, so the services themselves get the odd text. */
const VALID: Record<string, fc.Arbitrary<unknown>> = {
  '/api/journal': fc.record(
    {
      text: text.filter((value) => value.length > 0),
      mood: fc.option(rating, { nil: null }),
      tags: fc.array(fc.string({ maxLength: 50 }), { maxLength: 4 }),
    },
    { requiredKeys: ['text'] },
  ),
  '/api/checkins': fc.record(
    {
      mood: rating,
      closeness: rating,
      stress: rating,
      note: fc.option(
        text.filter((value) => value.length <= 5_000),
        { nil: null },
      ),
      timeZone: fc.constantFrom('Europe/London', 'America/New_York', 'Pacific/Kiritimati', 'UTC'),
    },
    { requiredKeys: ['mood', 'closeness', 'stress'] },
  ),
  '/api/safety-plan': fc.record({
    sections: fc.record(
      Object.fromEntries(
        SAFETY_PLAN_SECTIONS.map((section) => [
          section,
          fc.array(
            text.filter((value) => value.length <= 500),
            { maxLength: 3 },
          ),
        ]),
      ),
    ),
  }),
  '/api/me': fc.record({ password: text }),
};

/** Anything JSON, objects shaped like the real bodies, or (most often) a valid body. */
const bodyFor = (url: string) => {
  const area = Object.keys(VALID).find((prefix) => url.startsWith(prefix)) as string;
  return fc.option(
    fc.oneof(
      { weight: 3, arbitrary: VALID[area] as fc.Arbitrary<unknown> },
      { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
      {
        weight: 2,
        arbitrary: fc.record(
          {
            text: value,
            mood: value,
            tags: value,
            closeness: value,
            stress: value,
            note: value,
            timeZone: fc.oneof(
              value,
              fc.constantFrom('Europe/London', 'Mars/Olympus', 'UTC', '', 'Etc/GMT+14'),
            ),
            sections: fc.oneof(sections, value),
            password: value,
            extra: value,
          },
          { requiredKeys: [] },
        ),
      },
    ),
    { nil: undefined, freq: 8 },
  );
};
const query = fc
  .dictionary(
    fc.constantFrom('q', 'offset', 'limit', 'from', 'to', 'format', 'kind', 'x'),
    fc.oneof(
      fc.string({ maxLength: 12 }),
      fc.constantFrom('0', '1', '100', '101', '-1', '2026-12-01', '2026-13-45', 'csv', 'json'),
      fc.constantFrom('journal', 'checkins', 'safety-plan', 'consents', 'access-log'),
    ),
    { maxKeys: 3 },
  )
  .map((entries) => {
    const search = new URLSearchParams(entries).toString();
    return search ? `?${search}` : '';
  });

const AREAS = ['/api/journal', '/api/checkins', '/api/safety-plan', '/api/me'];

describe.skipIf(!dbAvailable)('fuzz: health-data routes with consent never give a 5xx', () => {
  let testApp: TestApp;
  let client: TestClient;
  let ids: string[];

  beforeAll(async () => {
    testApp = await createTestApp();
    client = new TestClient(testApp.app);
    await signUpWithConsent(client);
    ids = [
      await writeEntry(client, 'An entry to fuzz around.'),
      await writeCheckin(client, 'A note to fuzz around.'),
    ];
  });
  afterAll(() => testApp.close());

  it('random bodies and queries', async () => {
    const routes = listRoutes(testApp.app).filter(
      (route) => route.method !== 'HEAD' && AREAS.some((area) => route.url.startsWith(area)),
    );
    expect(routes.map((route) => `${route.method} ${route.url}`)).toEqual(
      expect.arrayContaining(['POST /api/journal', 'PUT /api/checkins/:id', 'DELETE /api/me']),
    );
    const id = fc.oneof(
      fc.constantFrom(...ids),
      fc.uuid(),
      fc.string({ minLength: 1, maxLength: 70 }).map(encodeURIComponent),
    );
    const request = fc
      .constantFrom(...routes)
      .chain((route) =>
        fc.record({ route: fc.constant(route), id, query, body: bodyFor(route.url) }),
      );
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(request, async ({ route, id: recordId, query: search, body: payload }) => {
        const path = route.url.replace(':id', recordId);
        const response = await client.request(route.method as HttpMethod, `${path}${search}`, {
          ...(payload === undefined ? {} : { body: payload }),
        });
        const label = `${route.method} ${path}${search} ${JSON.stringify(payload)?.slice(0, 200)}`;
        expect(response.status, `${label} → ${response.text.slice(0, 300)}`).toBeLessThan(500);
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
        if (response.status >= 400) {
          expect(response.body, label).toEqual({
            error: expect.objectContaining({
              code: expect.any(String),
              message: expect.any(String),
            }),
          });
        }
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );
    // Enough requests got past validation into the services to make the property mean something.
    const succeeded = [...statuses].filter(([status]) => status < 300);
    expect(succeeded.reduce((sum, [, count]) => sum + count, 0)).toBeGreaterThan(RUNS / 4);
    expect(statuses.get(201) ?? 0).toBeGreaterThan(2);
    // The person is still there and signed in: no random body deleted the account.
    expect((await client.get('/api/me')).status).toBe(200);
  });
});
