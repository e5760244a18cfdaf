import { describe, expect, it } from 'vitest';
import { toCsv } from './export.service';

describe('toCsv', () => {
  it('writes RFC 4180: quotes around commas, quotes and line breaks, CRLF rows', () => {
    expect(
      toCsv(
        ['a', 'b'],
        [
          ['plain', 'with, comma'],
          ['say "hi"', 'two\nlines'],
        ],
      ),
    ).toBe('a,b\r\nplain,"with, comma"\r\n"say ""hi""","two\nlines"\r\n');
  });

  it('defuses cells a spreadsheet would run as a formula', () => {
    expect(toCsv(['x'], [['=SUM(A1)'], ['+1'], ['-2'], ['@cmd'], [-2]])).toBe(
      "x\r\n'=SUM(A1)\r\n'+1\r\n'-2\r\n'@cmd\r\n-2\r\n",
    );
  });

  it('writes empty cells for null and undefined', () => {
    expect(toCsv(['a', 'b'], [[null, undefined]])).toBe('a,b\r\n,\r\n');
  });
});
