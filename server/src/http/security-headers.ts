import type { FastifyInstance } from 'fastify';
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

const COMMON_HEADERS: Record<string, string> = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
};

export function registerSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply, payload) => {
    reply.headers(COMMON_HEADERS);
    if (request.url.startsWith('/api/') || request.url === '/healthz') {
      // API answers hold personal data: never keep them in any cache.
      reply.header('cache-control', 'no-store');
    }
    if (isHttps(request)) {
      reply.header('strict-transport-security', 'max-age=63072000; includeSubDomains');
    }
    return payload;
  });
}
