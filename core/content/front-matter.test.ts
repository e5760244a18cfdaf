import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors/domain-error';
import { parseFrontMatter, type FrontMatterValue } from './front-matter';

/** Runs `parse` and returns the DomainError it throws; fails the test if it does not throw one. */
function domainErrorOf(parse: () => unknown): DomainError {
  try {
    parse();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    return error as DomainError;
  }
  throw new Error('expected a DomainError, but nothing was thrown');
}

describe('parseFrontMatter', () => {
  it('reads key: value lines and returns the body after the closing line', () => {
    const document = parseFrontMatter(
      '---\ntitle: Avoiding closeness\nsummary: A short summary.\norder: 20\n---\nFirst line.\n\nSecond.\n',
    );
    expect(document.attributes).toEqual({
      title: 'Avoiding closeness',
      summary: 'A short summary.',
      order: '20',
    });
    expect(document.body).toBe('First line.\n\nSecond.\n');
  });

  it('reads a bracketed value as a list, trimming items and dropping empty ones', () => {
    const { attributes } = parseFrontMatter(
      '---\ntopics: [sign:trust,  sign:sharing , ]\nnone: []\n---\n',
    );
    expect(attributes.topics).toEqual(['sign:trust', 'sign:sharing']);
    expect(attributes.none).toEqual([]);
  });

  it('removes one pair of matching quotes, single or double, from values and list items', () => {
    const { attributes } = parseFrontMatter(
      [
        '---',
        'double: "Trust: a slow build"',
        "single: 'It''s fine'",
        'mismatched: "half\'',
        'lone: "',
        'inner: say "hello" there',
        `list: ["a", 'b', c]`,
        '---',
        '',
      ].join('\n'),
    );
    expect(attributes.double).toBe('Trust: a slow build');
    expect(attributes.single).toBe("It''s fine");
    expect(attributes.mismatched).toBe('"half\'');
    expect(attributes.lone).toBe('"');
    expect(attributes.inner).toBe('say "hello" there');
    expect(attributes.list).toEqual(['a', 'b', 'c']);
  });

  it('unquotes a value that holds a Unicode line or paragraph separator', () => {
    const { attributes } = parseFrontMatter('---\na: "one\u2028two"\nb: [\'x\u2029y\']\n---\n');
    expect(attributes.a).toBe('one\u2028two');
    expect(attributes.b).toEqual(['x\u2029y']);
  });

  it('keeps everything after the first colon, so values may contain colons', () => {
    const { attributes } = parseFrontMatter('---\nlink: https://example.org/a:b\n---\n');
    expect(attributes.link).toBe('https://example.org/a:b');
  });

  it('skips blank lines and # comments inside the block', () => {
    const { attributes } = parseFrontMatter(
      '---\n\n# a comment\n  # indented comment\ntitle: x\n\n---\nbody',
    );
    expect(attributes).toEqual({ title: 'x' });
  });

  it('treats CRLF and lone CR line endings like LF', () => {
    const crlf = parseFrontMatter(
      '---\r\ntitle: Hello\r\ntopics: [a, b]\r\n---\r\nLine one\r\nLine two\r\n',
    );
    expect(crlf.attributes).toEqual({ title: 'Hello', topics: ['a', 'b'] });
    expect(crlf.body).toBe('Line one\nLine two\n');
    expect(crlf.attributes.title).not.toContain('\r');

    const cr = parseFrontMatter('---\rtitle: Hello\r---\rBody');
    expect(cr.attributes).toEqual({ title: 'Hello' });
    expect(cr.body).toBe('Body');
  });

  it('ignores a leading byte-order mark', () => {
    const document = parseFrontMatter('\uFEFF---\ntitle: With BOM\n---\nBody');
    expect(document.attributes.title).toBe('With BOM');
    expect(document.body).toBe('Body');
  });

  it('accepts an empty block and a document that ends at the closing line', () => {
    expect(parseFrontMatter('---\n---\n')).toEqual({ attributes: {}, body: '' });
    expect(parseFrontMatter('---\ntitle: x\n---')).toEqual({
      attributes: { title: 'x' },
      body: '',
    });
  });

  it('does not treat a later "---" in the body as part of the front matter', () => {
    const document = parseFrontMatter('---\ntitle: x\n---\nAbove\n---\nBelow');
    expect(document.attributes).toEqual({ title: 'x' });
    expect(document.body).toBe('Above\n---\nBelow');
  });

  it('keeps an empty value as an empty string', () => {
    expect(parseFrontMatter('---\nsummary:\n---\n').attributes.summary).toBe('');
  });

  describe('errors', () => {
    it.each([
      ['an empty file', ''],
      ['text before the opening line', 'title: x\n---\n'],
      ['an opening line with extra characters', '----\ntitle: x\n---\n'],
      ['a leading blank line', '\n---\ntitle: x\n---\n'],
    ])('rejects %s: no opening line', (_name, source) => {
      const error = domainErrorOf(() => parseFrontMatter(source));
      expect(error.code).toBe('front_matter_invalid');
      expect(error.message).toMatch(/must start with a "---" line/);
    });

    it.each([
      ['no closing line at all', '---\ntitle: x\n'],
      ['only the opening line', '---\n'],
      ['a closing line with extra characters', '---\ntitle: x\n----\nbody'],
      ['a closing line with trailing text', '---\ntitle: x\n--- body\n'],
    ])('rejects %s: no closing line', (_name, source) => {
      const error = domainErrorOf(() => parseFrontMatter(source));
      expect(error.code).toBe('front_matter_invalid');
      expect(error.message).toMatch(/no closing "---" line/);
    });

    it('names the line (counting the opening "---" as line 1) that is not key: value', () => {
      const error = domainErrorOf(() => parseFrontMatter('---\ntitle: x\njust some words\n---\n'));
      expect(error.code).toBe('front_matter_invalid');
      expect(error.message).toBe('Line 3 of the front matter is not "key: value".');
    });

    it.each([
      ['an empty key', ': value'],
      ['a key starting with a digit', '1st: value'],
      ['a key with a space', 'two words: value'],
      ['a key with a dot', 'a.b: value'],
      ['a prototype key', '__proto__: value'],
    ])('rejects %s', (_name, line) => {
      const error = domainErrorOf(() => parseFrontMatter(`---\n${line}\n---\n`));
      expect(error.code).toBe('front_matter_invalid');
      expect(error.message).toMatch(/^Line 2 /);
    });

    it('rejects a repeated key, naming it', () => {
      const error = domainErrorOf(() => parseFrontMatter('---\ntitle: a\ntitle: b\n---\n'));
      expect(error.code).toBe('front_matter_invalid');
      expect(error.message).toBe('The key "title" appears twice.');
    });

    it('accepts keys that match Object.prototype names as ordinary own keys', () => {
      const { attributes } = parseFrontMatter('---\nconstructor: a\ntoString: b\n---\n');
      expect(Object.keys(attributes)).toEqual(['constructor', 'toString']);
      expect(attributes.constructor).toBe('a');
    });
  });

  describe('properties', () => {
    it('never throws anything but a DomainError with code front_matter_invalid', () => {
      const fragment = fc.oneof(
        fc.constantFrom(
          '---',
          '\n',
          '\r\n',
          '\r',
          '\uFEFF',
          ':',
          '[',
          ']',
          ',',
          '"',
          "'",
          '#',
          ' ',
          'key',
        ),
        fc.string({ unit: 'binary', maxLength: 8 }),
      );
      fc.assert(
        fc.property(
          fc.array(fragment, { maxLength: 30 }).map((parts) => parts.join('')),
          (source) => {
            try {
              const document = parseFrontMatter(source);
              expect(typeof document.body).toBe('string');
            } catch (error) {
              expect(error).toBeInstanceOf(DomainError);
              expect((error as DomainError).code).toBe('front_matter_invalid');
            }
          },
        ),
        { numRuns: 1000 },
      );
    });

    const key = fc.stringMatching(/^[a-zA-Z][a-zA-Z0-9_-]{0,15}$/);
    // Any single-line text; quoting it always means no value can be mistaken for a list.
    const text = fc
      .oneof(
        fc.string({ unit: 'grapheme', maxLength: 40 }),
        // Characters that regular expressions treat specially at line level.
        fc
          .array(
            fc.constantFrom(
              'a',
              ' ',
              '"',
              "'",
              ':',
              '[',
              ']',
              '#',
              '\u2028',
              '\u2029',
              '\u0085',
              '\t',
            ),
            {
              maxLength: 12,
            },
          )
          .map((parts) => parts.join('')),
      )
      .filter((value) => !/[\r\n]/.test(value));
    // List items are unquoted and cannot hold the separator or brackets (a documented limit).
    const listItem = fc
      .string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 12 })
      .map((value) => value.trim())
      .filter((value) => value !== '' && !/[,[\]"'\r\n]/.test(value));
    const value: fc.Arbitrary<FrontMatterValue> = fc.oneof(
      text,
      fc.array(listItem, { maxLength: 5 }),
    );
    const body = fc
      .string({ unit: 'grapheme', maxLength: 80 })
      .map((value) => value.replace(/\r/g, ''));

    it('round-trips generated key/value documents, with LF or CRLF line endings and an optional BOM', () => {
      fc.assert(
        fc.property(
          fc.uniqueArray(fc.tuple(key, value), {
            maxLength: 8,
            selector: ([name]) => name,
          }),
          body,
          fc.constantFrom('\n', '\r\n'),
          fc.boolean(),
          (entries, bodyText, newline, bom) => {
            const lines = entries.map(([name, entry]) =>
              Array.isArray(entry) ? `${name}: [${entry.join(', ')}]` : `${name}: "${entry}"`,
            );
            const source = `${bom ? '\uFEFF' : ''}${['---', ...lines, '---'].join(newline)}${newline}${bodyText.replace(/\n/g, newline)}`;
            const document = parseFrontMatter(source);
            expect(document.attributes).toEqual(Object.fromEntries(entries));
            expect(document.body).toBe(bodyText);
          },
        ),
        { numRuns: 500 },
      );
    });
  });
});
