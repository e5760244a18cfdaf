/**
 * Rules for the two ways a person can be known to Closer: an email address or a pseudonym
 * (username). Both are stored lower-cased so that "Sam" and "sam" are one account.
 */

export const USERNAME_MIN_LENGTH = 3;
export const USERNAME_MAX_LENGTH = 32;
export const EMAIL_MAX_LENGTH = 254;

const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]*$/;
// Deliberately simple: one @, something on each side, a dot in the domain, no spaces.
// Full RFC 5322 parsing would accept addresses no mail server delivers to.
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export type IdentityProblem = 'username_invalid' | 'email_invalid';

/** Lower-cases and trims an email address or username so it can be compared and stored. */
export function normaliseLogin(login: string): string {
  return login.normalize('NFKC').trim().toLowerCase();
}

/** Returns null when the username is acceptable, else the problem's code. */
export function checkUsername(username: string): IdentityProblem | null {
  const value = normaliseLogin(username);
  if (value.length < USERNAME_MIN_LENGTH || value.length > USERNAME_MAX_LENGTH) {
    return 'username_invalid';
  }
  return USERNAME_PATTERN.test(value) ? null : 'username_invalid';
}

/** Returns null when the email address is acceptable, else the problem's code. */
export function checkEmail(email: string): IdentityProblem | null {
  const value = normaliseLogin(email);
  if (value.length > EMAIL_MAX_LENGTH) return 'email_invalid';
  return EMAIL_PATTERN.test(value) ? null : 'email_invalid';
}

/** A login is an email address when it contains "@"; usernames never do. */
export function isEmailLogin(login: string): boolean {
  return login.includes('@');
}
