import { createHash, hash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';

/** A 256-bit random token, URL-safe. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Sessions are stored under this hash, so a leaked database cannot be replayed as cookies. */
export function hashToken(token: string): string {
  // The one-shot hash() avoids a Hash object per call; this runs on every signed-in request.
  return hash('sha256', token, 'hex');
}

export function newId(): string {
  return randomUUID();
}

/** Constant-time comparison of two strings of any length. */
export function safeEqual(a: string, b: string): boolean {
  const left = createHash('sha256').update(a).digest();
  const right = createHash('sha256').update(b).digest();
  return timingSafeEqual(left, right) && a.length === b.length;
}
