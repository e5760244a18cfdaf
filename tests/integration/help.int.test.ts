import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { TestClient } from '../support/http-client';
import { createTestApp, dbAvailable, type TestApp } from '../support/test-app';

const UK_NUMBERS = ['999', '111', '116 123', '85258'];
const US_NUMBER = '988';

/** The region sections in the order the page shows them. */
function regionOrder(html: string): string[] {
  return [...html.matchAll(/<section class="region" aria-labelledby="region-([A-Z]{2})"/g)].map(
    (match) => match[1] as string,
  );
}

describe.skipIf(!dbAvailable)('Get help now: GET /help', () => {
  let testApp: TestApp;
  let visitor: TestClient;

  beforeAll(async () => {
    testApp = await createTestApp();
  });
  afterAll(() => testApp.close());
  beforeEach(() => {
    visitor = new TestClient(testApp.app);
  });

  it('is a public HTML page with the UK numbers first and the US/Canada number too', async () => {
    const response = await visitor.get('/help');
    expect(response.status).toBe(200);
    expect(String(response.headers['content-type'])).toMatch(/^text\/html/);
    for (const number of [...UK_NUMBERS, US_NUMBER]) expect(response.text).toContain(number);
    expect(response.text).toContain('href="tel:999"');
    expect(response.text).toContain('href="tel:116123"');
    expect(response.text).toMatch(/href="sms:85258/);
    expect(regionOrder(response.text)[0]).toBe('GB');
    // Readable without running any script, and no inline script (the CSP forbids it anyway).
    expect(response.text).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
  });

  it('puts the United States first for Accept-Language en-US', async () => {
    const response = await visitor.get('/help', {
      headers: { 'accept-language': 'en-US,en;q=0.9' },
    });
    expect(response.status).toBe(200);
    const order = regionOrder(response.text);
    expect(order[0]).toBe('US');
    expect(order).toContain('GB');
    expect(response.text.indexOf(US_NUMBER)).toBeLessThan(response.text.indexOf('116 123'));
    for (const number of [...UK_NUMBERS, US_NUMBER]) expect(response.text).toContain(number);
  });

  it('remembers a chosen region in a plain cookie that holds nothing personal', async () => {
    const chosen = await visitor.get('/help', { query: { region: 'ca' } });
    expect(regionOrder(chosen.text)[0]).toBe('CA');
    const cookie = chosen.setCookies.find((candidate) => candidate.name === 'closer_region');
    expect(cookie?.value).toBe('CA');
    const next = await visitor.get('/help');
    expect(regionOrder(next.text)[0]).toBe('CA');
  });

  it('ignores an unknown region and falls back to the UK', async () => {
    const response = await visitor.get('/help', { query: { region: 'ZZ' } });
    expect(response.status).toBe(200);
    expect(regionOrder(response.text)[0]).toBe('GB');
    expect(response.setCookies).toEqual([]);
  });

  it('still answers 200 with every number when the database is down', async () => {
    const downApp = await createTestApp();
    try {
      const visitor = new TestClient(downApp.app);
      await downApp.database.close();
      expect((await visitor.get('/healthz')).status).toBe(503);

      for (const headers of [{}, { 'accept-language': 'en-US' }] as Record<string, string>[]) {
        const response = await visitor.get('/help', { headers });
        expect(response.status).toBe(200);
        for (const number of [...UK_NUMBERS, US_NUMBER]) expect(response.text).toContain(number);
      }
      // A stale session cookie must not make it fail either.
      visitor.setCookie('closer_session', 'whatever');
      expect((await visitor.get('/help')).status).toBe(200);
      // Its assets and the service worker that keeps it offline are served too.
      for (const asset of ['/help.css', '/help.js', '/sw.js']) {
        expect((await visitor.get(asset)).status, asset).toBe(200);
      }
    } finally {
      await downApp.close();
    }
  });
});
