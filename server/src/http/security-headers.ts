import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isHttps } from './session-cookie';

/**
 * No script, style, font, image or connection may come from anywhere but Closer itself:
 * this is how "no request to any other origin" is enforced in the browser, not just promised.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "manifest-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'self'",
].join('; ');

export const API_CONTENT_SECURITY_POLICY =
  "default-src 'none'; base-uri 'none'; object-src 'none'; frame-ancestors 'none'";

/** Every response. API answers hold personal data: never kept in any cache. */
const API_HEADERS: Record<string, string> = {
  // A JSON answer loads nothing, so its policy can forbid everything (as OWASP suggests for
  // APIs): stricter than the page policy, and a third of the bytes on the hottest path.
  'content-security-policy': API_CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-resource-policy': 'same-origin',
  'cache-control': 'no-store',
};

/**
 * Documents and their assets also get the headers that only matter where a browser renders
 * a page. Keeping them off JSON answers spares the hottest path a few header validations.
 */
const PAGE_HEADERS: Record<string, string> = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-resource-policy': 'same-origin',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
};

/** Sets the headers every answer carries, including errors answered before routing. */
export function applySecurityHeaders(request: FastifyRequest, reply: FastifyReply): void {
  const api = request.url.startsWith('/api/') || request.url === '/healthz';
  reply.headers(api ? API_HEADERS : PAGE_HEADERS);
  if (isHttps(request)) {
    reply.header('strict-transport-security', 'max-age=63072000; includeSubDomains');
  }
}

export function registerSecurityHeaders(app: FastifyInstance): void {
  // A callback-style hook: no promise per response on every request.
  app.addHook('onSend', (request, reply, payload, done) => {
    applySecurityHeaders(request, reply);
    done(null, payload);
  });
}
