import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../../core/errors/domain-error';
import { decryptField, encryptField, type FieldContext } from './field-cipher';
import { createPersonKey } from './person-keys';

const key = createPersonKey();
const context: FieldContext = {
  table: 'journal_entries',
  column: 'text',
  recordId: '5f0c3a52-8d1e-4c39-9a53-2b0f1e6c7d11',
  ownerId: '0b9b8a3e-1f6d-4e0a-8c7e-6a1d2f3b4c5d',
};

/** Pieces of text people really write, and some they should not be able to break us with. */
const piece = fc.oneof(
  // Any code point except NUL (lone surrogates have no UTF-8 form: tested separately).
  fc.string({ unit: 'binary', maxLength: 40 }).map((text) => text.replaceAll('\0', '')),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.constantFrom(
    'שלום, אני מרגיש טוב היום',
    'أشعر بالقلق عندما يقترب مني أحد',
    '\u202Eoverride\u202C \u200F\u200E',
    '👩‍❤️‍💋‍👨 🏳️‍🌈 👍🏽 🫶',
    'e\u0301 \uFEFF\u00A0\u2028\u2029',
    '\t\r\n\u0001\u0007\u001B[31m\u007F\u0085',
  ),
);
const text = fc.array(piece, { maxLength: 30 }).map((pieces) => pieces.join(''));

/** A text of about `targetBytes` UTF-8 bytes, cut at a code point boundary. */
function grow(seed: string, targetBytes: number): string {
  const unit = seed === '' ? 'x' : seed;
  let grown = unit.repeat(Math.ceil(targetBytes / Buffer.byteLength(unit)));
  while (Buffer.byteLength(grown) > targetBytes) grown = [...grown].slice(0, -1).join('');
  return grown;
}

function expectInvalid(run: () => unknown): void {
  let thrown: unknown;
  try {
    run();
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(DomainError);
  expect((thrown as DomainError).code).toBe('ciphertext_invalid');
  expect((thrown as DomainError).message).toMatch(/^This stored text could not be decrypted: /);
}

describe('encryptField / decryptField', () => {
  it('round-trips the empty string and a plain sentence', () => {
    for (const plaintext of ['', 'I felt close to someone today.']) {
      const stored = encryptField(plaintext, key, context);
      expect(stored).toMatch(/^v1:[A-Za-z0-9_-]+$/);
      expect(decryptField(stored, key, context)).toBe(plaintext);
    }
  });

  it('has the documented length: 41 + 4/3 × UTF-8 bytes characters', () => {
    for (const plaintext of ['', 'a', 'ab', 'abc', '😀', 'x'.repeat(2048)]) {
      const bytes = 12 + Buffer.byteLength(plaintext) + 16;
      expect(encryptField(plaintext, key, context)).toHaveLength(3 + Math.ceil((bytes * 4) / 3));
    }
  });

  it('property: random Unicode (emoji, RTL, control characters) comes back byte-identical', () => {
    fc.assert(
      fc.property(text, (plaintext) => {
        const back = decryptField(encryptField(plaintext, key, context), key, context);
        expect(back).toBe(plaintext);
        expect(Buffer.from(back, 'utf8').equals(Buffer.from(plaintext, 'utf8'))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('property: texts up to 50 KB come back byte-identical', () => {
    fc.assert(
      fc.property(text, fc.integer({ min: 1, max: 50 * 1024 }), (seed, targetBytes) => {
        const plaintext = grow(seed, targetBytes);
        expect(Buffer.byteLength(plaintext)).toBeLessThanOrEqual(50 * 1024);
        const back = decryptField(encryptField(plaintext, key, context), key, context);
        expect(Buffer.from(back, 'utf8').equals(Buffer.from(plaintext, 'utf8'))).toBe(true);
      }),
      { numRuns: 40 },
    );
    const full = grow('नमस्ते 👋🏾 مرحبا\n', 50 * 1024);
    expect(decryptField(encryptField(full, key, context), key, context)).toBe(full);
  });

  it('gives a different ciphertext each time for the same text', () => {
    const seen = new Set(
      Array.from({ length: 1000 }, () => encryptField('the same words', key, context)),
    );
    expect(seen.size).toBe(1000);
    // Different IVs: the first 16 characters (the 12-byte IV) all differ.
    expect(new Set([...seen].map((stored) => stored.slice(3, 19))).size).toBe(1000);
  });

  it('refuses text with an unpaired surrogate instead of changing it', () => {
    for (const broken of ['\uD83D', 'a\uDE00b', '\uDE00\uD83D']) {
      expect(() => encryptField(broken, key, context)).toThrow(
        expect.objectContaining({ code: 'invalid_request' }),
      );
    }
  });

  it('needs every part of the context', () => {
    expect(() => encryptField('x', key, { ...context, recordId: '' })).toThrow(TypeError);
    expect(() => decryptField('v1:', key, { ...context, ownerId: '' })).toThrow(TypeError);
  });
});

describe('decryptField refuses, never returning garbage,', () => {
  const plaintext = 'Something I have never told anyone.';
  const stored = encryptField(plaintext, key, context);

  it('every single-bit flip of the stored bytes', () => {
    const bytes = Buffer.from(stored.slice(3), 'base64url');
    for (let index = 0; index < bytes.length; index += 1) {
      for (let bit = 0; bit < 8; bit += 1) {
        const flipped = Buffer.from(bytes);
        flipped[index]! ^= 1 << bit;
        expectInvalid(() => decryptField(`v1:${flipped.toString('base64url')}`, key, context));
      }
    }
  });

  it('every change to any character of the stored string', () => {
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_+/=:. ';
    // 63 bytes encode without spare bits; 28 and 29 bytes leave unused bits in the last
    // character, which a lenient decoder would ignore.
    for (const original of [
      stored,
      encryptField('', key, context),
      encryptField('a', key, context),
    ]) {
      for (let index = 0; index < original.length; index += 1) {
        for (const replacement of alphabet) {
          if (replacement === original[index]) continue;
          const changed = original.slice(0, index) + replacement + original.slice(index + 1);
          expectInvalid(() => decryptField(changed, key, context));
        }
      }
    }
  });

  it('property: any single-byte change at a random place', () => {
    const bytes = Buffer.from(stored.slice(3), 'base64url');
    fc.assert(
      fc.property(
        fc.nat({ max: bytes.length - 1 }),
        fc.integer({ min: 1, max: 255 }),
        (index, mask) => {
          const changed = Buffer.from(bytes);
          changed[index]! ^= mask;
          expectInvalid(() => decryptField(`v1:${changed.toString('base64url')}`, key, context));
        },
      ),
    );
  });

  it('a ciphertext moved to another record, owner, column or table', () => {
    expectInvalid(() => decryptField(stored, key, { ...context, recordId: 'another-record' }));
    expectInvalid(() => decryptField(stored, key, { ...context, ownerId: 'another-person' }));
    expectInvalid(() => decryptField(stored, key, { ...context, column: 'title' }));
    expectInvalid(() => decryptField(stored, key, { ...context, table: 'checkins' }));
  });

  it('a context that only looks the same when run together', () => {
    const joined = encryptField(plaintext, key, { ...context, table: 'ab', column: 'c' });
    expectInvalid(() => decryptField(joined, key, { ...context, table: 'a', column: 'bc' }));
  });

  it('another key', () => {
    expectInvalid(() => decryptField(stored, createPersonKey(), context));
  });

  it('truncated, extended, empty or malformed values', () => {
    const body = stored.slice(3);
    const cases = [
      '',
      'v1',
      'v1:',
      'v2:' + body,
      'V1:' + body,
      body,
      ' ' + stored,
      stored + ' ',
      stored + 'A',
      stored.slice(0, -1),
      stored.slice(0, -4),
      stored.slice(0, 3 + 36), // IV and tag lengths, but nothing left over to be the tag.
      'v1:' + Buffer.alloc(27).toString('base64url'),
      'v1:' + Buffer.alloc(28).toString('base64url'),
      'v1:' + Buffer.from(body, 'base64url').toString('base64'), // Standard base64.
      'v1:' + body + '==',
      'v1:' + body.slice(0, 10) + '\n' + body.slice(10),
    ];
    for (const value of cases) {
      if (value === stored) continue; // A case that happens to change nothing for this IV.
      expectInvalid(() => decryptField(value, key, context));
    }
    for (let length = 0; length < stored.length; length += 1) {
      expectInvalid(() => decryptField(stored.slice(0, length), key, context));
    }
    expectInvalid(() => decryptField(null as unknown as string, key, context));
  });
});

describe('performance', () => {
  it('encrypts and decrypts a 2 KB text in microseconds', () => {
    const twoKilobytes = grow('Ich habe heute über Nähe nachgedacht. 💬 ', 2048);
    const rounds = 20_000;
    for (let round = 0; round < 2_000; round += 1) {
      decryptField(encryptField(twoKilobytes, key, context), key, context);
    }
    let start = process.hrtime.bigint();
    const stored: string[] = [];
    for (let round = 0; round < rounds; round += 1) {
      stored.push(encryptField(twoKilobytes, key, context));
    }
    const encryptMicroseconds = Number(process.hrtime.bigint() - start) / rounds / 1000;
    start = process.hrtime.bigint();
    for (const value of stored) decryptField(value, key, context);
    const decryptMicroseconds = Number(process.hrtime.bigint() - start) / rounds / 1000;
    console.log(
      `field cipher, 2 KB text: encrypt ${encryptMicroseconds.toFixed(1)} µs, decrypt ${decryptMicroseconds.toFixed(1)} µs, together ${(encryptMicroseconds + decryptMicroseconds).toFixed(1)} µs (mean of ${rounds})`,
    );
    // A generous bound that only a gross regression (or a wrong algorithm) would break.
    expect(encryptMicroseconds + decryptMicroseconds).toBeLessThan(1000);
  });
});
