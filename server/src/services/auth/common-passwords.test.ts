import { describe, expect, it } from 'vitest';
import { checkPassword, PASSWORD_MIN_LENGTH } from '../../../../core/auth/password-policy';
import { commonPasswords, isCommonPassword } from './common-passwords';

describe('the bundled common-password list', () => {
  const list = commonPasswords();

  it('loads once, with tens of thousands of entries', () => {
    expect(list.size).toBeGreaterThan(30_000);
    expect(commonPasswords()).toBe(list);
  });

  it('holds only trimmed, lower-case entries of at least 8 characters', () => {
    const wrong = [...list].filter(
      (entry) =>
        entry !== entry.trim() ||
        entry !== entry.toLowerCase() ||
        Array.from(entry).length < PASSWORD_MIN_LENGTH ||
        entry.includes('\r'),
    );
    expect(wrong.slice(0, 10)).toEqual([]);
  });

  it('knows the usual suspects', () => {
    for (const password of ['password1', '12345678', 'iloveyou', 'qwertyuiop']) {
      expect(isCommonPassword(password)).toBe(true);
    }
    expect(isCommonPassword('a gentle walk by the canal at dusk')).toBe(false);
  });

  it('is looked up case-insensitively through the password policy', () => {
    for (const password of [
      'PASSWORD1',
      'Password1',
      'ILoveYou',
      'ＩＬＯＶＥＹＯＵ',
      'QwertyUIOP',
    ]) {
      expect(checkPassword(password, isCommonPassword)).toBe('password_common');
    }
    expect(checkPassword('A gentle walk by the canal', isCommonPassword)).toBeNull();
  });
});
