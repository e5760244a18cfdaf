import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * Over HTTPS the cookie takes the `__Host-` prefix, which browsers only accept with
 * Secure, Path=/ and no Domain: it cannot be set or overwritten by a sibling sub-domain.
 */
export function sessionCookieName(request: FastifyRequest): string {
  return isHttps(request) ? '__Host-closer_session' : 'closer_session';
}

export function isHttps(request: FastifyRequest): boolean {
  return request.protocol === 'https';
}

export function readSessionToken(request: FastifyRequest): string | null {
  return request.cookies[sessionCookieName(request)] ?? null;
}

/**
 * No Max-Age: the cookie ends with the browser session, and the server's idle and absolute
 * time-outs decide how long a session really lives.
 */
export function setSessionCookie(
  request: FastifyRequest,
  reply: FastifyReply,
  token: string,
): void {
  reply.setCookie(sessionCookieName(request), token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: isHttps(request),
  });
}

export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply): void {
  reply.clearCookie(sessionCookieName(request), {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: isHttps(request),
  });
}
