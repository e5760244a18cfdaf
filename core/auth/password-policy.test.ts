import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkPassword,
  normalisePassword,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  passwordLength,
} from './password-policy';

const neverCommon = () => false;

describe('passwordLength', () => {
  it('counts code points, so an emoji or an astral character counts as one', () => {
    expect('😀'.length).toBe(2);
    expect(passwordLength('😀')).toBe(1);
    expect(passwordLength('𝒜𝒷')).toBe(2);
    expect(passwordLength('😀😀😀😀😀😀😀😀')).toBe(8);
  });

  it('counts each code point of a joined emoji sequence, as NIST SP 800-63B asks', () => {
    // Family: man, zero-width joiner, woman, zero-width joiner, girl.
    expect(passwordLength('👨\u200d👩\u200d👧')).toBe(5);
  });

  it('measures the NFKC form: a composed and a decomposed "é" have the same length', () => {
    expect(passwordLength('e\u0301')).toBe(1);
    expect(passwordLength('é')).toBe(1);
    // A ligature becomes two letters; a full-width letter becomes one ASCII letter.
    expect(passwordLength('ﬁ')).toBe(2);
    expect(passwordLength('Ａ')).toBe(1);
  });
});

describe('normalisePassword', () => {
  it('makes the same password typed two ways identical', () => {
    expect(normalisePassword('cafe\u0301 ＰＡＳＳ')).toBe(normalisePassword('café PASS'));
    expect(normalisePassword('café PASS')).toBe('café PASS');
  });

  it('keeps case and spaces', () => {
    expect(normalisePassword('  My Secret  ')).toBe('  My Secret  ');
  });
});

describe('checkPassword', () => {
  it('uses the limits 8 and 256', () => {
    expect(PASSWORD_MIN_LENGTH).toBe(8);
    expect(PASSWORD_MAX_LENGTH).toBe(256);
  });

  it('refuses 7 characters and accepts 8', () => {
    expect(checkPassword('a'.repeat(7), neverCommon)).toBe('password_too_short');
    expect(checkPassword('a'.repeat(8), neverCommon)).toBeNull();
    expect(checkPassword('', neverCommon)).toBe('password_too_short');
  });

  it('accepts 256 characters and refuses 257', () => {
    expect(checkPassword('a'.repeat(256), neverCommon)).toBeNull();
    expect(checkPassword('a'.repeat(257), neverCommon)).toBe('password_too_long');
  });

  it('counts emoji as one character at both limits', () => {
    expect(checkPassword('😀'.repeat(7), neverCommon)).toBe('password_too_short');
    expect(checkPassword('😀'.repeat(8), neverCommon)).toBeNull();
    expect(checkPassword('😀'.repeat(256), neverCommon)).toBeNull();
    expect(checkPassword('😀'.repeat(257), neverCommon)).toBe('password_too_long');
  });

  it('counts length after NFKC, so decomposed accents do not pad a short password', () => {
    // Seven letters "é" written as e + combining accent: 14 code points, 7 after NFKC.
    expect(checkPassword('e\u0301'.repeat(7), neverCommon)).toBe('password_too_short');
    // Four ligatures "ﬁ" become eight letters.
    expect(checkPassword('ﬁﬁﬁﬁ', neverCommon)).toBeNull();
  });

  it('counts spaces, and does not trim them', () => {
    expect(checkPassword(' abcdef ', neverCommon)).toBeNull();
    expect(checkPassword('        ', neverCommon)).toBeNull();
  });

  it('asks the common-password check with the normalised lower-case form', () => {
    const asked: string[] = [];
    checkPassword('ＰａｓｓWORD１', (candidate) => {
      asked.push(candidate);
      return false;
    });
    expect(asked).toEqual(['password1']);
  });

  it('refuses a common password whatever its case or width', () => {
    const common = new Set(['password1', 'iloveyou']);
    const isCommon = (value: string) => common.has(value);
    for (const password of [
      'password1',
      'PASSWORD1',
      'PassWord1',
      'ｐａｓｓｗｏｒｄ１',
      'ILoveYou',
    ]) {
      expect(checkPassword(password, isCommon)).toBe('password_common');
    }
    expect(checkPassword('password12', isCommon)).toBeNull();
  });

  it('checks length before asking whether a password is common', () => {
    let asked = false;
    const isCommon = () => {
      asked = true;
      return true;
    };
    expect(checkPassword('short', isCommon)).toBe('password_too_short');
    expect(checkPassword('x'.repeat(300), isCommon)).toBe('password_too_long');
    expect(asked).toBe(false);
  });

  it('property: the verdict depends only on the NFKC code-point length when nothing is common', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (password) => {
        const length = Array.from(password.normalize('NFKC')).length;
        const expected =
          length < PASSWORD_MIN_LENGTH
            ? 'password_too_short'
            : length > PASSWORD_MAX_LENGTH
              ? 'password_too_long'
              : null;
        expect(checkPassword(password, neverCommon)).toBe(expected);
      }),
    );
  });

  it('property: a password and its NFKC form always get the same verdict', () => {
    const common = new Set(['password', 'qwertyuiop']);
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'grapheme', maxLength: 20 }),
          fc.constantFrom('PASSWORD', 'ｑｗｅｒｔｙｕｉｏｐ'),
        ),
        (password) => {
          const isCommon = (value: string) => common.has(value);
          expect(checkPassword(password, isCommon)).toBe(
            checkPassword(normalisePassword(password), isCommon),
          );
        },
      ),
    );
  });

  it('property: a password in the common list is refused in any letter case', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[a-z0-9]{8,20}$/),
        fc.array(fc.boolean(), { minLength: 20, maxLength: 20 }),
        (base, upper) => {
          const isCommon = (value: string) => value === base;
          const mixed = Array.from(base, (char, index) =>
            upper[index] ? char.toUpperCase() : char,
          ).join('');
          expect(checkPassword(mixed, isCommon)).toBe('password_common');
        },
      ),
    );
  });
});
