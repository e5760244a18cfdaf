import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClient } from '../support/http-client';
import { signUpWithConsent } from '../support/personal-data';
import { createTestApp, dbAvailable, type TestApp } from '../support/test-app';

/**
 * Property: any Unicode text — emoji and their joiners, right-to-left scripts and marks,
 * combining characters, control characters other than NUL, texts up to 50 KB — saved with
 * POST /api/journal comes back from GET byte for byte. A string that is not valid Unicode (a
 * lone surrogate) is refused with a 4xx, never a 5xx.
 */

const SEED = Number(process.env.FUZZ_SEED) || 20_261_203;

const codePoint = (min: number, max: number) =>
  fc.integer({ min, max }).map((code) => String.fromCodePoint(code));

/** One piece of text, weighted towards what breaks naive handling. */
const unit = fc.oneof(
  { weight: 4, arbitrary: codePoint(0x20, 0x7e) },
  // C0 and C1 controls and DEL, but not NUL.
  { weight: 2, arbitrary: fc.oneof(codePoint(0x01, 0x1f), codePoint(0x7f, 0x9f)) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      '👩‍👩‍👧‍👦',
      '🏳️‍🌈',
      '👍🏽',
      '🇬🇧',
      '❤️',
      '\u{1F600}',
      '\u{10FFFF}',
      '\uFEFF',
      '\u200D',
    ),
  },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      'שלום עולם',
      'مرحبا بالعالم',
      '\u202E',
      '\u202D',
      '\u200F',
      '\u200E',
      '\u2066',
      '\u2069',
      'ی',
    ),
  },
  { weight: 1, arbitrary: fc.constantFrom('e\u0301', '\u0300\u0301\u0302', 'ﬁ', 'Å', 'ǅ') },
  {
    weight: 1,
    arbitrary: fc.constantFrom('\r\n', '\n', '\r', '\t', '\u2028', '\u2029', '"', '\\'),
  },
  // Anything else of the Unicode range, surrogate pairs included, lone surrogates not.
  {
    weight: 3,
    arbitrary: fc
      .integer({ min: 0x80, max: 0x10ffff })
      .filter((code) => code < 0xd800 || code > 0xdfff)
      .map((code) => String.fromCodePoint(code)),
  },
);

const text = (minLength: number, maxLength: number) =>
  fc.array(unit, { minLength, maxLength }).map((units) => units.join(''));

const utf8Bytes = (value: string) => Buffer.byteLength(value, 'utf8');

describe.skipIf(!dbAvailable)('journal text round trip', () => {
  let testApp: TestApp;
  let browser: TestClient;

  beforeAll(async () => {
    testApp = await createTestApp();
    browser = new TestClient(testApp.app);
    await signUpWithConsent(browser);
  });
  afterAll(() => testApp.close());

  const roundTrip = async (original: string) => {
    const saved = await browser.post('/api/journal', { text: original });
    expect(saved.status, saved.text.slice(0, 300)).toBe(201);
    expect(saved.body.entry.text === original, 'the save answers the text as sent').toBe(true);
    const read = await browser.get(`/api/journal/${saved.body.entry.id}`);
    expect(read.status, read.text.slice(0, 300)).toBe(200);
    const back: string = read.body.entry.text;
    // Compared as bytes, so a normalisation or a replaced character cannot hide.
    expect(Buffer.from(back, 'utf8').equals(Buffer.from(original, 'utf8'))).toBe(true);
    expect(back === original).toBe(true);
  };

  it('random Unicode text comes back byte-identical', async () => {
    await fc.assert(fc.asyncProperty(text(1, 400), roundTrip), {
      numRuns: 25,
      seed: SEED,
      endOnFailure: true,
    });
  });

  it('texts of up to 50 KB come back byte-identical', async () => {
    const big = text(12_000, 24_000).map((value) => {
      // Trim, code point by code point, to at most 50 KB of UTF-8.
      const points = [...value];
      let bytes = utf8Bytes(value);
      while (bytes > 50 * 1024) bytes -= utf8Bytes(points.pop() as string);
      return points.join('');
    });
    let largest = 0;
    await fc.assert(
      fc.asyncProperty(big, async (value) => {
        largest = Math.max(largest, utf8Bytes(value));
        await roundTrip(value);
      }),
      { numRuns: 3, seed: SEED + 1, endOnFailure: true },
    );
    expect(largest).toBeGreaterThan(45 * 1024);
    // And one that is exactly 50 KB of four-byte characters, the heaviest case.
    await roundTrip('\u{1F600}'.repeat((50 * 1024) / 4));
  });

  it.each([
    ['a lone high surrogate', 'before \uD800 after'],
    ['a lone low surrogate', '\uDC00 at the start'],
    ['a high surrogate at the end', 'ends badly \uD83D'],
    ['a reversed pair', 'reversed \uDE00\uD83D pair'],
  ])('%s: refused with a 4xx everywhere text is saved, never a 5xx', async (_name, value) => {
    const entry = await browser.post('/api/journal', { text: value });
    expect(entry.status, entry.text).toBeGreaterThanOrEqual(400);
    expect(entry.status, entry.text).toBeLessThan(500);
    expect(entry.body.error.code).toBe('invalid_request');

    const valid = await browser.post('/api/journal', { text: 'A valid entry.' });
    const update = await browser.put(`/api/journal/${valid.body.entry.id}`, { text: value });
    expect(update.status, update.text).toBeGreaterThanOrEqual(400);
    expect(update.status, update.text).toBeLessThan(500);
    expect((await browser.get(`/api/journal/${valid.body.entry.id}`)).body.entry.text).toBe(
      'A valid entry.',
    );

    const checkin = await browser.post('/api/checkins', {
      mood: 5,
      closeness: 5,
      stress: 5,
      note: value,
    });
    expect(checkin.status, checkin.text).toBeGreaterThanOrEqual(400);
    expect(checkin.status, checkin.text).toBeLessThan(500);
  });

  it('the same raw JSON escapes sent by hand are refused the same way', async () => {
    const response = await browser.post('/api/journal', undefined, {
      payload: '{"text":"raw \\ud800 escape"}',
      headers: { 'content-type': 'application/json' },
    });
    expect(response.status, response.text).toBe(400);
  });

  it('NUL is never a 5xx: it round-trips or is refused as bad input', async () => {
    const response = await browser.post('/api/journal', { text: 'before\u0000after' });
    expect(response.status, response.text).toBeLessThan(500);
    if (response.status === 201) {
      const read = await browser.get(`/api/journal/${response.body.entry.id}`);
      expect(read.body.entry.text).toBe('before\u0000after');
    }
  });
});
