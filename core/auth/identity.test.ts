import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkEmail,
  checkUsername,
  EMAIL_MAX_LENGTH,
  isEmailLogin,
  normaliseLogin,
  USERNAME_MAX_LENGTH,
  USERNAME_MIN_LENGTH,
} from './identity';

describe('normaliseLogin', () => {
  it('trims, lower-cases and applies NFKC', () => {
    expect(normaliseLogin('  Sam.Jones@Example.ORG \n')).toBe('sam.jones@example.org');
    expect(normaliseLogin('ＳＡＭ')).toBe('sam');
    expect(normaliseLogin('ﬁona')).toBe('fiona');
    expect(normaliseLogin('Cafe\u0301')).toBe('café');
  });

  it('property: normalising twice changes nothing more', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (login) => {
        const once = normaliseLogin(login);
        expect(normaliseLogin(once)).toBe(once);
      }),
    );
  });
});

describe('checkUsername', () => {
  it('accepts 3 to 32 letters, digits, dots, dashes and underscores, starting with a letter or digit', () => {
    for (const name of ['sam', 'Sam_99', 'a.b-c_d', '007', 'x'.repeat(USERNAME_MAX_LENGTH)]) {
      expect(checkUsername(name)).toBeNull();
    }
  });

  it('counts length after trimming, with the limits inclusive', () => {
    expect(USERNAME_MIN_LENGTH).toBe(3);
    expect(USERNAME_MAX_LENGTH).toBe(32);
    expect(checkUsername('ab')).toBe('username_invalid');
    expect(checkUsername('abc')).toBeNull();
    expect(checkUsername(' ab ')).toBe('username_invalid');
    expect(checkUsername('  abc  ')).toBeNull();
    expect(checkUsername('a'.repeat(32))).toBeNull();
    expect(checkUsername('a'.repeat(33))).toBe('username_invalid');
  });

  it.each([
    '',
    '_sam',
    '.sam',
    '-sam',
    'sam jones',
    'sam@home',
    'zoë',
    'sam!',
    'сэм',
    'sam\u200b',
    'sam\n1',
  ])('rejects %j', (name) => {
    expect(checkUsername(name)).toBe('username_invalid');
  });

  it('folds full-width characters to ASCII before checking', () => {
    expect(checkUsername('ｓａｍ１')).toBeNull();
  });

  it('property: a name built from the allowed characters is accepted exactly when its length fits', () => {
    const first = fc.constantFrom(
      ...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789',
    );
    const rest = fc.string({ unit: fc.constantFrom(...'abcXYZ019._-'), maxLength: 40 });
    fc.assert(
      fc.property(first, rest, (head, tail) => {
        const name = head + tail;
        const fits = name.length >= USERNAME_MIN_LENGTH && name.length <= USERNAME_MAX_LENGTH;
        expect(checkUsername(name)).toBe(fits ? null : 'username_invalid');
      }),
    );
  });

  it('property: an accepted name is never an email login and is stored as lower-case ASCII', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (name) => {
        if (checkUsername(name) !== null) return;
        expect(isEmailLogin(name)).toBe(false);
        expect(normaliseLogin(name)).toMatch(/^[a-z0-9][a-z0-9._-]{2,31}$/);
      }),
    );
  });
});

describe('checkEmail', () => {
  it.each([
    'sam@example.org',
    ' Sam@Example.ORG ',
    'a@b.co',
    'first.last+tag@sub.example.co.uk',
    'zoë@exämple.de',
  ])('accepts %j', (email) => {
    expect(checkEmail(email)).toBeNull();
  });

  it.each([
    '',
    'sam',
    'sam@',
    '@example.org',
    'sam@example',
    'sam@@example.org',
    'sam@exa@mple.org',
    'sam jones@example.org',
    'sam@example .org',
    'sam@.org',
    'sam@example.',
  ])('rejects %j', (email) => {
    expect(checkEmail(email)).toBe('email_invalid');
  });

  it('allows at most 254 characters', () => {
    const domain = '@example.org';
    expect(EMAIL_MAX_LENGTH).toBe(254);
    expect(checkEmail('a'.repeat(254 - domain.length) + domain)).toBeNull();
    expect(checkEmail('a'.repeat(255 - domain.length) + domain)).toBe('email_invalid');
  });

  it('property: an accepted address has one @, text on both sides, a dot after it, and no spaces', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 30 }),
          fc
            .tuple(
              fc.string({ maxLength: 8 }),
              fc.string({ maxLength: 8 }),
              fc.string({ maxLength: 5 }),
            )
            .map(([local, domain, tld]) => `${local}@${domain}.${tld}`),
        ),
        (email) => {
          if (checkEmail(email) !== null) return;
          const value = normaliseLogin(email);
          expect(value.split('@')).toHaveLength(2);
          const [local = '', domain = ''] = value.split('@');
          expect(local.length).toBeGreaterThan(0);
          // A dot with at least one character on each side of it.
          expect(domain.slice(1, -1)).toContain('.');
          expect(value).not.toMatch(/\s/);
          expect(isEmailLogin(email)).toBe(true);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('isEmailLogin', () => {
  it('is true exactly when the login contains @', () => {
    expect(isEmailLogin('sam@example.org')).toBe(true);
    expect(isEmailLogin('@')).toBe(true);
    expect(isEmailLogin('sam')).toBe(false);
  });
});
