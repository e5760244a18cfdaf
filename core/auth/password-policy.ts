/**
 * Password rules, following NIST SP 800-63B and OWASP: a length range, no composition
 * rules, and a refusal of passwords that appear in breach lists. The common-password check
 * is passed in so that core does not have to load the (large) list itself.
 */

export const PASSWORD_MIN_LENGTH = 8;
/** Far above the "at least 128" we promise; argon2 copes with any length. */
export const PASSWORD_MAX_LENGTH = 256;

export type PasswordProblem = 'password_too_short' | 'password_too_long' | 'password_common';

/**
 * Unicode normalisation (NFKC) so that the same password typed on two keyboards matches.
 * Every password is normalised before it is checked, hashed or verified.
 */
export function normalisePassword(password: string): string {
  return password.normalize('NFKC');
}

/** Length in user-perceived code points, not UTF-16 units, so emoji count as one. */
export function passwordLength(password: string): number {
  return Array.from(normalisePassword(password)).length;
}

/** Returns null when the password is acceptable, else the problem's code. */
export function checkPassword(
  password: string,
  isCommon: (normalisedLowerCase: string) => boolean,
): PasswordProblem | null {
  const length = passwordLength(password);
  if (length < PASSWORD_MIN_LENGTH) return 'password_too_short';
  if (length > PASSWORD_MAX_LENGTH) return 'password_too_long';
  if (isCommon(normalisePassword(password).toLowerCase())) return 'password_common';
  return null;
}
