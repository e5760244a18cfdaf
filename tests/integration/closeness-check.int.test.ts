import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  CURRENT_CLOSENESS_CHECK,
  SCORED_SUBSCALE_IDS,
} from '../../core/assessment/closeness-check.definition';
import {
  computePsychometrics,
  describeChange,
  RELIABILITY_MIN_RESPONSES,
} from '../../core/assessment/psychometrics';
import { completionOf, scoreClosenessCheck } from '../../core/assessment/scoring';
import { CURRENT_RESEARCH_NOTICE, RESEARCH_NOTICES } from '../../core/consent/research-notice';
import { safetyResponse } from '../../core/safety/safety-response';
import { RESEARCH_GROUP_SIZE } from '../../server/src/services/research-pool.service';
import {
  answersAt,
  partialAnswers,
  SAFETY,
  simulatedRespondents,
} from '../factories/closeness-check.factory';
import type { SignedUpUser } from '../factories/user.factory';
import { TestClient, type HttpMethod } from '../support/http-client';
import {
  grantAccess,
  selectRows,
  signUpWithConsent,
  sqliteFileBytes,
  sqliteFileOf,
} from '../support/personal-data';
import { listRoutes } from '../support/routes';
import { createTestApp, dbAvailable, type TestApp } from '../support/test-app';

/**
 * The Closeness Check over HTTP, on both databases: the public definition, drafts saved on
 * every answer, responses scored exactly as core scores them, answers encrypted at rest,
 * safety answers leading straight to help, history with honest change, the anonymous
 * research pool behind its own consent, export, deletion, and random bodies that never
 * give a 5xx.
 */

const BASE = '/api/assessments/closeness-check';
const definition = CURRENT_CLOSENESS_CHECK;

/** The definition as JSON carries it. */
const asJson = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

const ids = (resources: { id: string }[]) => resources.map((resource) => resource.id);

describe.skipIf(!dbAvailable)('Closeness Check', () => {
  let testApp: TestApp;
  let anonymous: TestClient;
  let browser: TestClient;
  let person: SignedUpUser;

  beforeAll(async () => {
    testApp = await createTestApp();
    anonymous = new TestClient(testApp.app);
    browser = new TestClient(testApp.app);
    person = await signUpWithConsent(browser);
  });
  afterAll(() => testApp.close());

  /** A new person who has agreed to the privacy notice, with their own browser. */
  const somebody = async () => {
    const client = new TestClient(testApp.app);
    return { client, person: await signUpWithConsent(client) };
  };

  const submit = async (client: TestClient, answers: unknown, headers = {}) => {
    const response = await client.post(`${BASE}/responses`, { answers }, { headers });
    expect(response.status, response.text.slice(0, 300)).toBe(201);
    return response.body;
  };

  describe('definition', () => {
    it('is public and is the current version exactly, worrying safety answers marked', async () => {
      const response = await anonymous.get(BASE);
      expect(response.status).toBe(200);
      expect(response.body).toEqual(asJson(definition));
      expect(response.body.items).toHaveLength(32);
      const options = response.body.safetyQuestions[0].options;
      expect(options).toContainEqual({ value: 1, label: 'Yes', worrying: true, declined: false });
      expect(options).toContainEqual(expect.objectContaining({ value: 2, declined: true }));
    });

    it('serves a published version by number; an unknown one is 404, a non-number 400', async () => {
      const one = await anonymous.get(`${BASE}/definitions/1`);
      expect(one.status).toBe(200);
      expect(one.body).toEqual(asJson(definition));
      const unknown = await anonymous.get(`${BASE}/definitions/999`);
      expect(unknown.status).toBe(404);
      expect(unknown.body.error.code).toBe('not_found');
      expect((await anonymous.get(`${BASE}/definitions/one`)).status).toBe(400);
    });
  });

  describe('draft', () => {
    it('starts empty, resumes what was saved, and a save replaces the whole draft', async () => {
      const { client } = await somebody();
      expect((await client.get(`${BASE}/draft`)).body).toEqual({ draft: null });

      const first = partialAnswers(10);
      const saved = await client.put(`${BASE}/draft`, { answers: first });
      expect(saved.status, saved.text).toBe(200);
      expect(saved.body.draft).toEqual({
        version: definition.version,
        answers: first,
        updatedAt: testApp.clock.now().toISOString(),
        completion: asJson(completionOf(first)),
      });
      expect(saved.body.draft.completion.nextQuestion).toBe(definition.items[10]?.id);

      // A closed tab comes back to exactly this.
      expect((await client.get(`${BASE}/draft`)).body).toEqual(saved.body);

      testApp.clock.advance(1);
      const second = { 'trust-1': 2, 'safety-self-harm': SAFETY.ratherNotSay };
      const replaced = await client.put(`${BASE}/draft`, { answers: second });
      expect(replaced.status).toBe(200);
      const resumed = await client.get(`${BASE}/draft`);
      expect(resumed.body.draft.answers).toEqual(second);
      expect(resumed.body.draft.updatedAt).toBe(testApp.clock.now().toISOString());
      expect(resumed.body.draft.completion.answered).toBe(2);

      expect((await client.delete(`${BASE}/draft`)).status).toBe(204);
      expect((await client.get(`${BASE}/draft`)).body).toEqual({ draft: null });
    });

    it.each([
      ['an unknown question', { 'avoidance-99': 3 }, 'avoidance-99', 'unknown_question'],
      ['a fraction', { 'trust-2': 2.5 }, 'trust-2', 'not_a_whole_number'],
      ['a string', { 'sharing-1': '3' }, 'sharing-1', 'not_a_whole_number'],
      ['null', { 'sharing-1': null }, 'sharing-1', 'not_a_whole_number'],
      ['above the scale', { 'anxiety-1': 6 }, 'anxiety-1', 'out_of_range'],
      ['below the scale', { 'anxiety-1': 0 }, 'anxiety-1', 'out_of_range'],
      [
        'a safety code that is not offered',
        { 'safety-partner-fear': 3 },
        'safety-partner-fear',
        'out_of_range',
      ],
    ])(
      'refuses %s with 400 invalid_answer naming the question, and keeps the previous draft',
      async (_label, bad, item, reason) => {
        const { client } = await somebody();
        const kept = partialAnswers(5);
        expect((await client.put(`${BASE}/draft`, { answers: kept })).status).toBe(200);
        const refused = await client.put(`${BASE}/draft`, { answers: { ...kept, ...bad } });
        expect(refused.status).toBe(400);
        expect(refused.body.error).toEqual({
          code: 'invalid_answer',
          message: expect.stringContaining(item),
          details: { item, reason },
        });
        expect((await client.get(`${BASE}/draft`)).body.draft.answers).toEqual(kept);
        // A response is refused the same way, and nothing is saved.
        const submitted = await client.post(`${BASE}/responses`, { answers: bad });
        expect(submitted.status).toBe(400);
        expect(submitted.body.error.details).toEqual({ item, reason });
        expect((await client.get(`${BASE}/responses`)).body.responses).toEqual([]);
      },
    );

    it('refuses answers that are not an object as a bad request', async () => {
      const { client } = await somebody();
      for (const answers of [null, [1, 2], 'all fives', 5]) {
        const response = await client.put(`${BASE}/draft`, { answers });
        expect(response.status, JSON.stringify(answers)).toBe(400);
        expect(response.body.error.code).toMatch(/^(invalid_request|invalid_answer)$/);
      }
    });
  });

  describe('responses', () => {
    it('scores exactly as core does, clears the draft, and shows the response in the history', async () => {
      const { client } = await somebody();
      const answers = answersAt({ avoidance: 4, trust: 5, sharing: 2, anxiety: 3, childhood: 4 });
      delete answers['sharing-3'];
      expect((await client.put(`${BASE}/draft`, { answers })).status).toBe(200);

      const body = await submit(client, answers);
      const expected = scoreClosenessCheck(answers);
      expect(body).toEqual({
        id: expect.any(String),
        version: definition.version,
        createdAt: testApp.clock.now().toISOString(),
        scores: expected.scores,
        index: expected.index,
        bands: expected.bands,
        closenessFear: expected.closenessFear,
        highest: asJson(expected.highest),
        completion: asJson(expected.completion),
        change: null,
        safety: { level: 'none', flags: [], declined: [], reasons: [], resources: [] },
      });
      expect(body.highest.sign.subscales).toEqual(['trust']);
      expect(body.scores.sharing).toBe(2);

      expect((await client.get(`${BASE}/draft`)).body).toEqual({ draft: null });
      const detail = await client.get(`${BASE}/responses/${body.id}`);
      expect(detail.status).toBe(200);
      expect(detail.body.response).toEqual({
        ...body,
        answers,
        safety: { level: 'none', flags: [], declined: [] },
      });
    });

    it('keeps the answers encrypted at rest: the stored row holds no answer in plain text', async () => {
      // A canary pattern nobody else uses: every scored item answered 1, 2, 3, 4, 5 in turn.
      const canary = Object.fromEntries(
        definition.items.map((item, index) => [item.id, (index % 5) + 1]),
      );
      const body = await submit(browser, canary);
      const rows = await selectRows(testApp.database, 'closeness_check_responses', 'id', body.id);
      expect(rows).toHaveLength(1);
      const row = rows[0] as Record<string, unknown>;
      expect(row.user_id).toBe(person.user.id);
      const stored = JSON.stringify(row);
      expect(stored).not.toContain('avoidance-1');
      expect(stored).not.toContain(JSON.stringify(canary).slice(1, 40));
      expect(typeof row.answers_ciphertext).toBe('string');
      // The draft too.
      expect((await browser.put(`${BASE}/draft`, { answers: canary })).status).toBe(200);
      const draft = await selectRows(
        testApp.database,
        'closeness_check_drafts',
        'user_id',
        person.user.id,
      );
      expect(JSON.stringify(draft)).not.toContain('avoidance-1');
      if (testApp.kind === 'sqlite') {
        for (const file of sqliteFileBytes(sqliteFileOf(testApp))) {
          expect(file.bytes.includes('"avoidance-1":1,"trust-1":2'), file.name).toBe(false);
        }
      }
      // And it reads back whole.
      const detail = await browser.get(`${BASE}/responses/${body.id}`);
      expect(detail.body.response.answers).toEqual(canary);
      expect((await browser.delete(`${BASE}/draft`)).status).toBe(204);
    });

    it('self-harm thoughts: saved, crisis, the emergency number first and the crisis lines', async () => {
      const { client } = await somebody();
      const answers = answersAt(3, { 'safety-self-harm': SAFETY.yes });
      const body = await submit(client, answers);
      expect(body.safety.level).toBe('crisis');
      expect(body.safety.flags).toEqual([{ question: 'safety-self-harm', level: 'crisis' }]);
      expect(body.safety.reasons).toEqual([
        {
          level: 'crisis',
          rule: 'closeness-check:safety-self-harm',
          match: definition.safetyQuestions[0]?.text,
        },
      ]);
      expect(ids(body.safety.resources)[0]).toBe('gb-999');
      expect(ids(body.safety.resources)).toContain('gb-samaritans');
      expect(body.safety.resources).toEqual(
        asJson(safetyResponse({ level: 'crisis', reasons: body.safety.reasons }, 'GB').resources),
      );
      // Saving was not blocked.
      const history = await client.get(`${BASE}/responses`);
      expect(history.body.responses.map((response: { id: string }) => response.id)).toEqual([
        body.id,
      ]);
      const detail = await client.get(`${BASE}/responses/${body.id}`);
      expect(detail.body.response.safety).toEqual({
        level: 'crisis',
        flags: body.safety.flags,
        declined: [],
      });
    });

    it('fear of or control by a partner: safeguarding, the emergency number and the abuse lines', async () => {
      const { client } = await somebody();
      const body = await submit(
        client,
        answersAt(2, { 'safety-partner-fear': SAFETY.yes, 'safety-partner-control': SAFETY.yes }),
      );
      expect(body.safety.level).toBe('safeguarding');
      expect(body.safety.flags.map((flag: { question: string }) => flag.question)).toEqual([
        'safety-partner-fear',
        'safety-partner-control',
      ]);
      expect(ids(body.safety.resources)[0]).toBe('gb-999');
      expect(
        body.safety.resources
          .slice(1)
          .every((line: { group: string }) => line.group === 'safeguarding'),
      ).toBe(true);
      expect(body.safety.resources.length).toBeGreaterThan(1);
      expect(ids(body.safety.resources)).not.toContain('gb-samaritans');
    });

    it('both: crisis first, both flags kept, the abuse lines after the crisis lines; US lines for en-US', async () => {
      const { client } = await somebody();
      const answers = answersAt(3, {
        'safety-self-harm': SAFETY.yes,
        'safety-partner-control': SAFETY.yes,
      });
      const gb = await submit(client, answers);
      expect(gb.safety.level).toBe('crisis');
      expect(gb.safety.flags).toEqual([
        { question: 'safety-self-harm', level: 'crisis' },
        { question: 'safety-partner-control', level: 'safeguarding' },
      ]);
      const groups = gb.safety.resources.map((line: { group: string }) => line.group);
      expect(groups).toContain('safeguarding');
      expect(groups.indexOf('safeguarding')).toBeGreaterThan(groups.lastIndexOf('crisis'));

      const us = await submit(client, answers, { 'accept-language': 'en-US,en;q=0.9' });
      expect(ids(us.safety.resources).slice(0, 2)).toEqual(['us-911', 'us-988']);
    });

    it('"I would rather not say" raises no alarm but is listed as declined', async () => {
      const { client } = await somebody();
      const body = await submit(
        client,
        answersAt(3, { 'safety-partner-fear': SAFETY.ratherNotSay }),
      );
      expect(body.safety).toMatchObject({
        level: 'none',
        flags: [],
        declined: ['safety-partner-fear'],
        resources: [],
      });
    });

    it("someone else's response is 404 exactly like a missing one; a grant opens it, logged", async () => {
      const owner = await somebody();
      const earlier = await submit(owner.client, answersAt(2));
      testApp.clock.advance(1);
      const body = await submit(owner.client, answersAt(4));
      const other = await somebody();
      const theirs = await other.client.get(`${BASE}/responses/${body.id}`);
      const missing = await other.client.get(`${BASE}/responses/${randomUUID()}`);
      expect(theirs.status).toBe(404);
      expect(theirs.body).toEqual(missing.body);
      expect(theirs.body.error.code).toBe('not_found');
      // Their own history does not show it either.
      expect((await other.client.get(`${BASE}/responses`)).body.responses).toEqual([]);

      await grantAccess(testApp, {
        ownerId: owner.person.user.id,
        granteeId: other.person.user.id,
        scope: 'closeness-check:read',
        minutes: 30,
      });
      const granted = await other.client.get(`${BASE}/responses/${body.id}`);
      expect(granted.status).toBe(200);
      expect(granted.body.response.answers).toEqual(answersAt(4));
      // The change since the earlier Check shows its scores: that read is logged too.
      expect(granted.body.response.change).not.toBeNull();
      const log = await owner.client.get('/api/me/access-log');
      expect(log.body.entries).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ recordType: 'closeness-check', recordId: body.id }),
          expect.objectContaining({
            recordType: 'closeness-check',
            recordId: earlier.id,
            reason: expect.stringContaining('compared with the next Check'),
          }),
        ]),
      );
      expect(log.body.intact).toBe(true);
    });

    it('a damaged response (one flipped byte) answers 200, marked unreadable and empty, and is logged as an integrity incident', async () => {
      const { client } = await somebody();
      const older = await submit(client, answersAt(2));
      testApp.clock.advance(1);
      const body = await submit(client, answersAt(4));
      const [row] = (await selectRows(
        testApp.database,
        'closeness_check_responses',
        'id',
        body.id,
      )) as { answers_ciphertext: string }[];
      const original = (row as { answers_ciphertext: string }).answers_ciphertext;
      const bytes = Buffer.from(original.slice('v1:'.length), 'base64url');
      bytes[12] = (bytes[12] as number) ^ 0x01;
      await testApp.database.db
        .updateTable('closeness_check_responses')
        .set({ answers_ciphertext: `v1:${bytes.toString('base64url')}` })
        .where('id', '=', body.id)
        .execute();

      const logged = vi.spyOn(testApp.app.log, 'error');
      try {
        const detail = await client.get(`${BASE}/responses/${body.id}`);
        expect(detail.status, detail.text.slice(0, 300)).toBe(200);
        const empty = scoreClosenessCheck({});
        expect(detail.body.response).toEqual({
          id: body.id,
          version: definition.version,
          createdAt: body.createdAt,
          unreadable: true,
          answers: {},
          scores: empty.scores,
          index: empty.index,
          bands: empty.bands,
          closenessFear: { index: null, band: null },
          highest: { sign: null, root: null },
          completion: asJson(empty.completion),
          change: null,
          safety: { level: 'none', flags: [], declined: [] },
        });
        expect(Object.values(detail.body.response.scores).every((score) => score === null)).toBe(
          true,
        );
        expect(logged).toHaveBeenCalledWith(
          expect.objectContaining({ err: expect.objectContaining({ code: 'ciphertext_invalid' }) }),
          expect.any(String),
        );
      } finally {
        logged.mockRestore();
      }

      // The other response is untouched, and the list agrees with the detail.
      const fine = await client.get(`${BASE}/responses/${older.id}`);
      expect(fine.body.response.answers).toEqual(answersAt(2));
      const history = await client.get(`${BASE}/responses`);
      expect(history.status).toBe(200);
      expect(
        history.body.responses.map((response: { unreadable?: boolean }) => response.unreadable),
      ).toEqual([true, undefined]);

      // The original bytes back: readable again.
      await testApp.database.db
        .updateTable('closeness_check_responses')
        .set({ answers_ciphertext: original })
        .where('id', '=', body.id)
        .execute();
      const restored = await client.get(`${BASE}/responses/${body.id}`);
      expect(restored.body.response.answers).toEqual(answersAt(4));
      expect(restored.body.response.unreadable).toBeUndefined();
    });

    it('history: newest first, change against the one before (plain difference while the pool is small), retake in 2–4 weeks', async () => {
      const { client } = await somebody();
      const first = answersAt(4);
      const second = answersAt(3);
      const third = answersAt({ avoidance: 2, trust: 2, sharing: 3, anxiety: 3 });
      const made: { id: string; createdAt: string }[] = [];
      for (const answers of [first, second, third]) {
        made.push(await submit(client, answers));
        // Minutes apart, so the session stays alive; retake dates are core's (unit-tested).
        testApp.clock.advance(10);
      }
      const history = await client.get(`${BASE}/responses`);
      expect(history.status).toBe(200);
      const responses = history.body.responses;
      expect(responses.map((response: { id: string }) => response.id)).toEqual(
        made.map((response) => response.id).reverse(),
      );
      const results = [third, second, first].map((answers) => scoreClosenessCheck(answers));
      const figures = computePsychometrics([], definition);
      expect(responses[0].change).toEqual(
        asJson(describeChange(results[1] as never, results[0] as never, figures)),
      );
      expect(responses[0].change.avoidance).toMatchObject({
        before: 3,
        after: 2,
        difference: -1,
        direction: 'down',
        reliable: false,
        label: 'not-assessed',
        reason: 'too-few-responses',
      });
      expect(responses[2].change).toBeNull();
      const latest = Date.parse(made[2]?.createdAt as string);
      expect(history.body.retake).toEqual({
        suggestedFrom: new Date(latest + 14 * 86_400_000).toISOString(),
        suggestedBy: new Date(latest + 28 * 86_400_000).toISOString(),
        due: false,
      });
      // The detail of the middle one carries its own change, against the first.
      const middle = await client.get(`${BASE}/responses/${made[1]?.id}`);
      expect(middle.body.response.change.avoidance).toMatchObject({ before: 4, after: 3 });
    });

    it('an empty history suggests no retake', async () => {
      const { client } = await somebody();
      expect((await client.get(`${BASE}/responses`)).body).toEqual({ responses: [], retake: null });
    });
  });

  describe('health-data guard', () => {
    it('every route but the public ones needs a session and consent; psychometrics are public', async () => {
      for (const [method, path, body] of [
        ['GET', `${BASE}/draft`, undefined],
        ['PUT', `${BASE}/draft`, { answers: {} }],
        ['DELETE', `${BASE}/draft`, undefined],
        ['POST', `${BASE}/responses`, { answers: answersAt(3) }],
        ['GET', `${BASE}/responses`, undefined],
      ] as [HttpMethod, string, unknown][]) {
        const response = await anonymous.request(method, path, body === undefined ? {} : { body });
        expect(response.status, `${method} ${path}`).toBe(401);
      }
      expect((await anonymous.get(`${BASE}/psychometrics`)).status).toBe(200);
    });

    it('state-changing requests need the CSRF token', async () => {
      const { client } = await somebody();
      const response = await client.put(
        `${BASE}/draft`,
        { answers: partialAnswers(2) },
        { csrf: false },
      );
      expect(response.status).toBe(403);
      expect(response.body.error.code).toBe('csrf_failed');
    });
  });

  describe('export and deletion', () => {
    it('the JSON export holds every response decrypted with its scores, and the draft; CSV too', async () => {
      const { client } = await somebody();
      const answers = answersAt(4, { 'safety-self-harm': SAFETY.yes });
      const body = await submit(client, answers);
      const draft = partialAnswers(3);
      expect((await client.put(`${BASE}/draft`, { answers: draft })).status).toBe(200);

      const exported = await client.get('/api/me/export');
      expect(exported.status).toBe(200);
      const tables = JSON.parse(exported.text).tables;
      const expected = scoreClosenessCheck(answers);
      expect(tables.closeness_check_responses).toEqual([
        {
          id: body.id,
          version: definition.version,
          createdAt: body.createdAt,
          answers,
          scores: expected.scores,
          index: expected.index,
          bands: expected.bands,
          closenessFear: expected.closenessFear,
          safety: { level: 'crisis', flags: ['safety-self-harm'] },
          researchContributed: false,
        },
      ]);
      expect(tables.closeness_check_drafts).toEqual([
        { version: definition.version, answers: draft, updatedAt: expect.any(String) },
      ]);
      expect(tables.research_pool_queue).toEqual([]);
      expect(tables).not.toHaveProperty('research_pool');
      expect(exported.text).not.toContain('answers_ciphertext');

      const csv = await client.get(`/api/me/export?format=csv&kind=closeness-check`);
      expect(csv.status).toBe(200);
      const lines = csv.text.trimEnd().split('\r\n');
      const header = (lines[0] as string).split(',');
      expect(header.slice(0, 5)).toEqual(['kind', 'id', 'at', 'version', 'closenessFearIndex']);
      expect(header).toContain('score:avoidance');
      expect(header).toContain('avoidance-1');
      expect(header).toContain('safety-self-harm');
      expect(lines).toHaveLength(3);
      const row = (lines[1] as string).split(',');
      expect(row[0]).toBe('response');
      expect(row[1]).toBe(body.id);
      expect(row[header.indexOf('score:avoidance')]).toBe(String(expected.scores.avoidance));
      expect(row[header.indexOf('avoidance-1')]).toBe(String(answers['avoidance-1']));
      expect(row[header.indexOf('safety-self-harm')]).toBe('1');
      const draftRow = (lines[2] as string).split(',');
      expect(draftRow[0]).toBe('draft');
      expect(draftRow[header.indexOf('avoidance-1')]).toBe(String(draft['avoidance-1']));
      expect(draftRow[header.indexOf('trust-5')]).toBe('');
    });
  });

  describe('fuzz', () => {
    it('random bodies on the Check routes never give a 5xx, and errors keep the one shape', async () => {
      const { client } = await somebody();
      const saved = await submit(client, answersAt(3));
      const routes = listRoutes(testApp.app).filter(
        (route) => route.method !== 'HEAD' && route.url.startsWith(BASE),
      );
      expect(routes.length).toBeGreaterThanOrEqual(9);
      const questionIds = [
        ...definition.items.map((item) => item.id),
        ...definition.safetyQuestions.map((question) => question.id),
      ];
      const answerValue = fc.oneof(
        fc.integer({ min: -2, max: 7 }),
        fc.double(),
        fc.string({ maxLength: 5 }),
        fc.constant(null),
        fc.boolean(),
        fc.jsonValue({ maxDepth: 2 }),
      );
      const answers = fc.oneof(
        fc.dictionary(fc.constantFrom(...questionIds), fc.integer({ min: 0, max: 5 })),
        fc.dictionary(
          fc.oneof(fc.constantFrom(...questionIds), fc.string({ maxLength: 20 })),
          answerValue,
          { maxKeys: 40 },
        ),
        fc.jsonValue({ maxDepth: 2 }),
      );
      const body = fc.option(
        fc.oneof(
          { weight: 4, arbitrary: fc.record({ answers }) },
          { weight: 1, arbitrary: fc.record({ answers, extra: fc.string() }) },
          { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
        ),
        { nil: undefined, freq: 8 },
      );
      const segment = fc.oneof(
        fc.constant(saved.id as string),
        fc.uuid(),
        fc.constantFrom('1', '0', '999999', '1.5', '-1', 'x'),
        fc.string({ minLength: 1, maxLength: 70 }).map(encodeURIComponent),
      );
      const query = fc.oneof(
        fc.constant(''),
        fc.constantFrom('?version=1', '?version=2', '?version=abc', '?x=1', '?version='),
      );
      const statuses = new Map<number, number>();
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...routes),
          segment,
          body,
          query,
          async (route, id, payload, search) => {
            const path = route.url.replace(/:(id|version)/, id);
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
          },
        ),
        { numRuns: 250, seed: Number(process.env.FUZZ_SEED) || 20_261_126, endOnFailure: true },
      );
      expect(statuses.get(200) ?? 0).toBeGreaterThan(20);
      expect(statuses.get(201) ?? 0).toBeGreaterThan(2);
      expect(statuses.get(400) ?? 0).toBeGreaterThan(20);
    });
  });
});

describe.skipIf(!dbAvailable)('Closeness Check: research consent and the research pool', () => {
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await createTestApp();
  });
  afterAll(() => testApp.close());

  const consenting = async () => {
    const client = new TestClient(testApp.app);
    const person = await signUpWithConsent(client);
    const given = await client.post('/api/consent/research', {
      version: CURRENT_RESEARCH_NOTICE.version,
    });
    expect(given.status, given.text).toBe(204);
    return { client, person };
  };

  const count = async (table: 'research_pool' | 'research_pool_queue') =>
    Number(
      (
        await testApp.database.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number | string>().as('count'))
          .executeTakeFirstOrThrow()
      ).count,
    );

  const submit = async (client: TestClient, answers: Record<string, number>) => {
    const response = await client.post(`${BASE}/responses`, { answers });
    expect(response.status, response.text.slice(0, 300)).toBe(201);
    return response.body as { id: string };
  };

  it('the notice is public and says plainly what the copy holds, what is deleted and why it stays', async () => {
    const response = await new TestClient(testApp.app).get('/api/consent/research');
    expect(response.status).toBe(200);
    expect(response.body.current).toBe(false);
    expect(response.body.notice.version).toBe(CURRENT_RESEARCH_NOTICE.version);
    const text: string = response.body.notice.text;
    for (const phrase of [
      'Only your answers',
      'Never your name, your email address, your account number',
      'We never try to match a copy to a person',
      'your answers in the pool are also in your own record',
      'It is deleted if you delete your account',
      'It is deleted if you say no to research',
      'stays in the pool if you delete your account',
      'cannot take back copies already in the pool',
      'stops new copies',
    ]) {
      expect(text).toContain(phrase);
    }
    expect(text).not.toMatch(/cannot be linked back|link it back/);
    // The notice promises the group size the server uses.
    expect(text).toContain('until there are ten copies');
    expect(RESEARCH_GROUP_SIZE).toBe(10);
  });

  it('someone who agreed to an earlier notice is not moved to the new words: no copy until they agree again', async () => {
    const client = new TestClient(testApp.app);
    const person = await signUpWithConsent(client);
    const earlier = RESEARCH_NOTICES[0] as (typeof RESEARCH_NOTICES)[number];
    expect(earlier.version).not.toBe(CURRENT_RESEARCH_NOTICE.version);
    await testApp.database.db
      .insertInto('consents')
      .values({
        id: randomUUID(),
        user_id: person.user.id,
        kind: 'research',
        version: earlier.version,
        // Agreed the day before the new words were published.
        given_at: new Date(testApp.clock.now().getTime() - 86_400_000).toISOString(),
        withdrawn_at: null,
      })
      .execute();
    expect((await client.get('/api/consent/research')).body.current).toBe(false);
    const first = await submit(client, answersAt(4));
    expect(
      await selectRows(testApp.database, 'research_pool_queue', 'user_id', person.user.id),
    ).toEqual([]);
    const [row] = await selectRows(testApp.database, 'closeness_check_responses', 'id', first.id);
    expect(Number(row?.research_contributed)).toBe(0);
    // Agreeing to the earlier words again is refused; to the current ones, the next Check is given.
    const outdated = await client.post('/api/consent/research', { version: earlier.version });
    expect(outdated.status).toBe(409);
    expect(outdated.body.error.code).toBe('research_notice_outdated');
    const version = CURRENT_RESEARCH_NOTICE.version;
    expect((await client.post('/api/consent/research', { version })).status).toBe(204);
    expect((await client.get('/api/consent/research')).body.current).toBe(true);
    await submit(client, answersAt(3));
    expect(
      await selectRows(testApp.database, 'research_pool_queue', 'user_id', person.user.id),
    ).toHaveLength(1);
    // Withdrawn again, so the queue is as the tests after this one expect it.
    expect((await client.delete('/api/consent/research')).status).toBe(204);
  });

  it('is separate from the health-data consent, versioned, audited, and withdrawn in one step', async () => {
    const client = new TestClient(testApp.app);
    const person = await signUpWithConsent(client);
    expect((await client.get('/api/consent/research')).body.current).toBe(false);
    const outdated = await client.post('/api/consent/research', { version: '2020-01-01' });
    expect(outdated.status).toBe(409);
    expect(outdated.body.error.code).toBe('research_notice_outdated');
    const version = CURRENT_RESEARCH_NOTICE.version;
    expect((await client.post('/api/consent/research', { version })).status).toBe(204);
    expect((await client.get('/api/consent/research')).body.current).toBe(true);
    // The health-data consent is untouched by it.
    expect((await client.get('/api/consent')).body.consent.current).toBe(true);
    expect((await client.delete('/api/consent/research')).status).toBe(204);
    expect((await client.get('/api/consent/research')).body.current).toBe(false);
    const ledger = await selectRows(testApp.database, 'consents', 'user_id', person.user.id);
    expect(ledger.filter((row) => row.kind === 'research')).toEqual([
      expect.objectContaining({ version, withdrawn_at: expect.any(String) }),
    ]);
    const events = (
      await selectRows(testApp.database, 'audit_events', 'user_id', person.user.id)
    ).map((row) => row.event);
    expect(events).toEqual(
      expect.arrayContaining(['research-consent-given', 'research-consent-withdrawn']),
    );
  });

  it('with consent, a first complete Check is queued (still the person’s); groups of ten join the pool anonymously and shuffled', async () => {
    expect(await count('research_pool')).toBe(0);

    // Without research consent: nothing is queued.
    const declined = new TestClient(testApp.app);
    await signUpWithConsent(declined);
    await submit(declined, answersAt(4));
    expect(await count('research_pool_queue')).toBe(0);

    // With it: one queued copy, naming its owner, and no pool row yet.
    const first = await consenting();
    const firstAnswers = answersAt(2, { 'safety-self-harm': SAFETY.yes });
    const firstResponse = await submit(first.client, firstAnswers);
    const queued = await selectRows(
      testApp.database,
      'research_pool_queue',
      'user_id',
      first.person.user.id,
    );
    expect(queued).toEqual([
      expect.objectContaining({ response_id: firstResponse.id, version: definition.version }),
    ]);
    expect(JSON.stringify(queued)).not.toContain('avoidance-1');
    expect(await count('research_pool')).toBe(0);

    // A second Check of the same version by the same person is not given again, nor is an
    // incomplete one from someone else.
    await submit(first.client, answersAt(3));
    const partial = await consenting();
    await submit(partial.client, partialAnswers(12));
    expect(await count('research_pool_queue')).toBe(1);

    // Nine more people: the tenth copy moves the whole group.
    const given: Record<string, number>[] = [firstAnswers];
    for (let index = 1; index < RESEARCH_GROUP_SIZE; index += 1) {
      const { client } = await consenting();
      const answers = answersAt((index % 5) + 1, { 'trust-1': (index % 5) + 1 });
      given.push(answers);
      await submit(client, answers);
      expect(await count('research_pool')).toBe(index === RESEARCH_GROUP_SIZE - 1 ? 10 : 0);
    }
    expect(await count('research_pool_queue')).toBe(0);

    const pool = await testApp.database.db.selectFrom('research_pool').selectAll().execute();
    expect(pool).toHaveLength(RESEARCH_GROUP_SIZE);
    const month = testApp.clock.now().toISOString().slice(0, 7);
    const responseIds = new Set(
      (
        await testApp.database.db.selectFrom('closeness_check_responses').select('id').execute()
      ).map((row) => row.id),
    );
    for (const row of pool) {
      // Exactly these columns: no owner, no time finer than the month.
      expect(Object.keys(row).sort()).toEqual(['answers', 'contributed_month', 'id', 'version']);
      expect(row.contributed_month).toBe(month);
      expect(responseIds.has(row.id)).toBe(false);
      expect(row.id).toMatch(/^[0-9a-f-]{36}$/);
    }
    // The copies are the scored answers of the ten given responses, and nothing else.
    const scoredOnly = (answers: Record<string, number>) =>
      JSON.stringify(
        Object.fromEntries(definition.items.map((item) => [item.id, answers[item.id]])),
      );
    expect(pool.map((row) => row.answers).sort()).toEqual(given.map(scoredOnly).sort());
    expect(pool.some((row) => row.answers.includes('safety'))).toBe(false);

    // The person's own export says which response was given, and the pool is not theirs.
    const exported = JSON.parse((await first.client.get('/api/me/export')).text).tables;
    expect(
      exported.closeness_check_responses.map(
        (response: { id: string; researchContributed: boolean }) => [
          response.id,
          response.researchContributed,
        ],
      ),
    ).toContainEqual([firstResponse.id, true]);

    // Deleting the account removes every row of theirs and keeps the pool.
    const deleted = await first.client.delete('/api/me', {
      body: { password: first.person.password },
    });
    expect(deleted.status).toBe(204);
    for (const table of [
      'closeness_check_responses',
      'closeness_check_drafts',
      'research_pool_queue',
    ]) {
      expect(
        await selectRows(testApp.database, table, 'user_id', first.person.user.id),
        table,
      ).toEqual([]);
    }
    expect(await count('research_pool')).toBe(RESEARCH_GROUP_SIZE);
  });

  it('withdrawing removes a queued copy, so a later consent may give a Check again', async () => {
    const { client, person } = await consenting();
    const response = await submit(client, answersAt(4));
    expect(
      await selectRows(testApp.database, 'research_pool_queue', 'user_id', person.user.id),
    ).toHaveLength(1);
    expect((await client.delete('/api/consent/research')).status).toBe(204);
    expect(
      await selectRows(testApp.database, 'research_pool_queue', 'user_id', person.user.id),
    ).toEqual([]);
    const [row] = await selectRows(
      testApp.database,
      'closeness_check_responses',
      'id',
      response.id,
    );
    expect(Number(row?.research_contributed)).toBe(0);
    // Without consent, a new Check is not queued.
    await submit(client, answersAt(3));
    expect(
      await selectRows(testApp.database, 'research_pool_queue', 'user_id', person.user.id),
    ).toEqual([]);
    // With consent again, the next one is.
    const version = CURRENT_RESEARCH_NOTICE.version;
    expect((await client.post('/api/consent/research', { version })).status).toBe(204);
    await submit(client, answersAt(2));
    expect(
      await selectRows(testApp.database, 'research_pool_queue', 'user_id', person.user.id),
    ).toHaveLength(1);
  });

  it('saves at the same moment queue one copy: the others are taken as already given', async () => {
    const { client, person } = await consenting();
    // Fewer than a group waiting, so the copy stays in the queue where it can be seen.
    expect(await count('research_pool_queue')).toBeLessThan(RESEARCH_GROUP_SIZE - 1);
    const saves = await Promise.all(
      [4, 3, 2, 4, 3, 2].map((score) =>
        client.post(`${BASE}/responses`, { answers: answersAt(score) }),
      ),
    );
    for (const save of saves) expect(save.status, save.text.slice(0, 300)).toBe(201);

    const queued = await selectRows(
      testApp.database,
      'research_pool_queue',
      'user_id',
      person.user.id,
    );
    expect(queued).toHaveLength(1);
    const given = (
      await selectRows(testApp.database, 'closeness_check_responses', 'user_id', person.user.id)
    ).filter((row) => Number(row.research_contributed) === 1);
    expect(given.map((row) => row.id)).toEqual([queued[0]?.response_id]);
  });

  it('deleting an account deletes its drafts and responses, and the people who stay keep theirs', async () => {
    const leaving = new TestClient(testApp.app);
    const leaver = await signUpWithConsent(leaving);
    const staying = new TestClient(testApp.app);
    const stayer = await signUpWithConsent(staying);
    for (const client of [leaving, staying]) {
      await submit(client, answersAt(3));
      expect((await client.put(`${BASE}/draft`, { answers: partialAnswers(4) })).status).toBe(200);
    }
    const pool = await count('research_pool');
    expect((await leaving.delete('/api/me', { body: { password: leaver.password } })).status).toBe(
      204,
    );
    for (const table of ['closeness_check_responses', 'closeness_check_drafts']) {
      expect(await selectRows(testApp.database, table, 'user_id', leaver.user.id)).toEqual([]);
      expect(await selectRows(testApp.database, table, 'user_id', stayer.user.id)).toHaveLength(1);
    }
    expect(await count('research_pool')).toBe(pool);
    expect((await staying.get(`${BASE}/responses`)).body.responses).toHaveLength(1);
  });
});

describe.skipIf(!dbAvailable)('Closeness Check: reliability from the research pool', () => {
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await createTestApp();
  });
  afterAll(() => testApp.close());

  /** Adds simulated anonymous copies straight into the pool, as groups would. */
  const seedPool = async (copies: Record<string, number>[]) => {
    await testApp.database.db
      .insertInto('research_pool')
      .values(
        copies.map((answers) => ({
          id: randomUUID(),
          version: definition.version,
          answers: JSON.stringify(answers),
          contributed_month: '2026-11',
        })),
      )
      .execute();
  };

  it('null below 100 complete responses; alpha and SD matching core once there are 100', async () => {
    const client = new TestClient(testApp.app);
    const empty = await client.get(`${BASE}/psychometrics`);
    expect(empty.status).toBe(200);
    expect(empty.body.version).toBe(definition.version);
    expect(empty.body.minimumResponses).toBe(RELIABILITY_MIN_RESPONSES);
    for (const id of SCORED_SUBSCALE_IDS) {
      expect(empty.body.subscales[id]).toEqual({
        n: 0,
        alpha: null,
        sd: null,
        status: 'too-few-responses',
      });
    }

    const copies = simulatedRespondents(RELIABILITY_MIN_RESPONSES + 20, 4242);
    await seedPool(copies.slice(0, RELIABILITY_MIN_RESPONSES - 1));
    const below = await client.get(`${BASE}/psychometrics`);
    for (const id of SCORED_SUBSCALE_IDS) {
      expect(below.body.subscales[id]).toMatchObject({
        n: RELIABILITY_MIN_RESPONSES - 1,
        alpha: null,
        sd: null,
      });
    }

    await seedPool(copies.slice(RELIABILITY_MIN_RESPONSES - 1));
    const above = await client.get(`${BASE}/psychometrics`);
    const expected = computePsychometrics(copies, definition);
    for (const id of SCORED_SUBSCALE_IDS) {
      const figures = above.body.subscales[id];
      expect(figures.n).toBe(copies.length);
      expect(figures.status).toBe('ok');
      expect(figures.alpha).toBeCloseTo(expected.subscales[id].alpha as number, 12);
      expect(figures.sd).toBeCloseTo(expected.subscales[id].sd as number, 12);
      // The simulated items share a true level, so each subscale is clearly reliable.
      expect(figures.alpha).toBeGreaterThan(0.6);
    }
    expect((await client.get(`${BASE}/psychometrics?version=1`)).body).toEqual(above.body);
    expect((await client.get(`${BASE}/psychometrics?version=7`)).status).toBe(404);
  });

  it('with the figures in place, change is judged by the Reliable Change Index', async () => {
    const client = new TestClient(testApp.app);
    await signUpWithConsent(client);
    const before = answersAt(4);
    const after = answersAt({ avoidance: 2, trust: 4, sharing: 4, anxiety: 4 });
    for (const answers of [before, after]) {
      const saved = await client.post(`${BASE}/responses`, { answers });
      expect(saved.status).toBe(201);
      testApp.clock.advance(10);
    }
    const history = await client.get(`${BASE}/responses`);
    const rows = // In id order, as the server reads them: sums of floats depend on their order.
      (
        await testApp.database.db
          .selectFrom('research_pool')
          .select('answers')
          .orderBy('id')
          .execute()
      ).map((row) => JSON.parse(row.answers));
    const figures = computePsychometrics(rows, definition);
    const expected = describeChange(
      scoreClosenessCheck(before),
      scoreClosenessCheck(after),
      figures,
    );
    expect(history.body.responses[0].change).toEqual(asJson(expected));
    expect(history.body.responses[0].change.avoidance).toMatchObject({
      difference: -2,
      reliable: true,
      label: 'reliable-improvement',
      reason: null,
    });
    expect(history.body.responses[0].change.trust).toMatchObject({
      difference: 0,
      reliable: false,
      label: 'no-reliable-change',
    });
  });
});
