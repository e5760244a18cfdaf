import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TOPIC_IDS } from '../../core/content/topics';
import { PROJECT_ROOT } from '../../server/src/config';
import { signUp } from '../factories/user.factory';
import { TestClient } from '../support/http-client';
import { createTestApp, dbAvailable, type TestApp } from '../support/test-app';

interface Summary {
  slug: string;
  title: string;
  summary: string;
  topics: string[];
  minutes: number;
}

const articleFiles = fs
  .readdirSync(path.join(PROJECT_ROOT, 'content', 'learn'))
  .filter((file) => file.endsWith('.md'));

describe.skipIf(!dbAvailable)('learn', () => {
  let testApp: TestApp;
  let visitor: TestClient;
  let library: Summary[];

  beforeAll(async () => {
    testApp = await createTestApp();
    visitor = new TestClient(testApp.app);
    library = (await visitor.get<Summary[]>('/api/learn')).body;
  });
  afterAll(() => testApp.close());

  it('lists every article with {slug, title, topics, minutes}, signed out', async () => {
    const response = await visitor.get('/api/learn');
    expect(response.status).toBe(200);
    expect(Array.isArray(response.body)).toBe(true);
    expect(response.body).toHaveLength(articleFiles.length);
    expect(new Set(library.map((article) => `${article.slug}.md`))).toEqual(new Set(articleFiles));
    for (const article of library) {
      expect(article).toEqual({
        slug: expect.stringMatching(/^[a-z0-9-]+$/),
        title: expect.any(String),
        summary: expect.any(String),
        topics: expect.any(Array),
        minutes: expect.any(Number),
      });
      expect(article.title.trim()).not.toBe('');
      expect(Number.isInteger(article.minutes) && article.minutes >= 1).toBe(true);
      expect(article.topics.length).toBeGreaterThan(0);
      for (const topic of article.topics) expect(TOPIC_IDS).toContain(topic);
    }
  });

  it('covers every topic id of the contract', () => {
    const covered = new Set(library.flatMap((article) => article.topics));
    const missing = TOPIC_IDS.filter((topic) => !covered.has(topic));
    expect(missing).toEqual([]);
  });

  it('serves each article by slug: the summary fields and a Markdown body', async () => {
    for (const summary of library) {
      const response = await visitor.get(`/api/learn/${summary.slug}`);
      expect(response.status, summary.slug).toBe(200);
      expect(response.body).toEqual({ ...summary, body: expect.any(String) });
      expect(response.body.body.length).toBeGreaterThan(100);
    }
  });

  it('finds the trust article first-ish for ?q=trust', async () => {
    const response = await visitor.get<Summary[]>('/api/learn', { query: { q: 'trust' } });
    expect(response.status).toBe(200);
    expect(response.body.length).toBeGreaterThan(0);
    expect(response.body.length).toBeLessThanOrEqual(library.length);
    const topThree = response.body.slice(0, 3);
    expect(topThree.some((article) => article.topics.includes('sign:trust'))).toBe(true);
    expect(/trust/i.test(response.body[0]?.title ?? '')).toBe(true);
  });

  it('returns nothing for a query no article matches, and everything for an empty one', async () => {
    const none = await visitor.get('/api/learn', { query: { q: 'xylophonequasar' } });
    expect(none.status).toBe(200);
    expect(none.body).toEqual([]);
    const empty = await visitor.get('/api/learn', { query: { q: '' } });
    expect(empty.body).toHaveLength(library.length);
  });

  it('filters by ?topic=sign:trust', async () => {
    const response = await visitor.get<Summary[]>('/api/learn', { query: { topic: 'sign:trust' } });
    expect(response.status).toBe(200);
    const expected = library
      .filter((article) => article.topics.includes('sign:trust'))
      .map((article) => article.slug);
    expect(expected.length).toBeGreaterThan(0);
    expect(response.body.map((article) => article.slug).sort()).toEqual([...expected].sort());
  });

  it('combines a query with a topic', async () => {
    const response = await visitor.get<Summary[]>('/api/learn', {
      query: { q: 'trust', topic: 'pillar:boundaries' },
    });
    expect(response.status).toBe(200);
    for (const article of response.body) expect(article.topics).toContain('pillar:boundaries');
  });

  it.each([['sign:unknown'], ['SIGN:TRUST'], ['']])(
    'refuses the unknown topic %j with 400',
    async (topic) => {
      const response = await visitor.get('/api/learn', { query: { topic } });
      expect(response.status).toBe(400);
      expect(response.body).toEqual({
        error: { code: 'invalid_request', message: expect.any(String) },
      });
    },
  );

  it('refuses unknown query parameters and over-long queries with 400', async () => {
    expect((await visitor.get('/api/learn', { query: { sort: 'title' } })).status).toBe(400);
    expect((await visitor.get('/api/learn', { query: { q: 'x'.repeat(201) } })).status).toBe(400);
  });

  it.each([['no-such-article'], ['..%2F..%2Fpackage.json'], ['%00'], ['x'.repeat(121)]])(
    'answers an unknown slug %j with 404 or 400 and an error body',
    async (slug) => {
      const response = await visitor.get(`/api/learn/${slug}`);
      expect([400, 404]).toContain(response.status);
      expect(response.body).toEqual({
        error: { code: expect.any(String), message: expect.any(String) },
      });
    },
  );

  it('answers a missing article with 404 not_found', async () => {
    const response = await visitor.get('/api/learn/no-such-article');
    expect(response.status).toBe(404);
    expect(response.body).toEqual({ error: { code: 'not_found', message: expect.any(String) } });
  });

  it('reads the same signed in as signed out', async () => {
    const browser = new TestClient(testApp.app);
    await signUp(browser);
    const signedIn = await browser.get('/api/learn');
    expect(signedIn.status).toBe(200);
    expect(signedIn.body).toEqual(library);
  });
});
