import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '../../../core/errors/domain-error';
import { t } from '../../../core/i18n/translate';
import type { SessionWithUser } from '../repositories/session.repository';
import type { AuthService } from '../services/auth/auth.service';
import type { ConsentService } from '../services/consent.service';
import { safeEqual } from '../services/auth/tokens';
import { clearSessionCookie, readSessionToken } from '../http/session-cookie';

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in person's session, or null. Resolved once per API request. */
    auth: SessionWithUser | null;
    /** True when a session cookie came but the database could not be asked about it. */
    authUnavailable: boolean;
  }
}

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const SAFE_METHODS = new Set(['GET', 'HEAD']);

/**
 * Resolves the session cookie for every API request, then enforces the CSRF rule: any
 * state-changing request made with a session must carry that session's token in the
 * `x-csrf-token` header. SameSite=Lax already blocks most cross-site posts; the token closes
 * the rest (for example a sibling sub-domain under attacker control).
 */
export function registerSessionPolicy(app: FastifyInstance, auth: AuthService): void {
  app.decorateRequest('auth', null);
  app.decorateRequest('authUnavailable', false);
  // A callback-style hook with a synchronous exit for requests that carry no session (most
  // pages and assets): no promise is made for them, on a path every request takes.
  app.addHook('onRequest', (request, reply, done) => {
    if (!request.url.startsWith('/api/')) return done();
    const token = readSessionToken(request);
    if (token === null) return done();
    attachSession(auth, request, reply, token).then(() => done(), done);
  });
}

async function attachSession(
  auth: AuthService,
  request: FastifyRequest,
  reply: FastifyReply,
  token: string,
): Promise<void> {
  try {
    request.auth = await auth.resolveSession(token);
  } catch (error) {
    // Database unreachable: public reading (Learn, the privacy notice) still works as if
    // signed out; anything that changes state fails with the error handler's answer.
    if (!SAFE_METHODS.has(request.method)) throw error;
    // Keep the cookie: the session may be perfectly valid once the database is back.
    request.authUnavailable = true;
    return;
  }
  if (request.auth === null) {
    clearSessionCookie(request, reply);
    return;
  }
  // Checked here rather than in a later hook: one hook per request is measurably cheaper on
  // the hottest path, and the header is all the check needs.
  if (STATE_CHANGING.has(request.method)) {
    const header = request.headers['x-csrf-token'];
    if (typeof header !== 'string' || !safeEqual(header, request.auth.csrfToken)) {
      throw new DomainError('csrf_failed', t('api.csrf_failed'));
    }
  }
}

/** The signed-in session, or a 401 `not_signed_in`. */
export function requireSignedIn(request: FastifyRequest): SessionWithUser {
  if (request.authUnavailable) {
    // Not "please sign in": the person is signed in, Closer just cannot check right now.
    throw new DomainError('service_unavailable', t('api.service_unavailable'));
  }
  if (request.auth === null) throw new DomainError('not_signed_in', t('api.not_signed_in'));
  return request.auth;
}

/**
 * Guards every health-data route: signed in, and consent to the current privacy notice in
 * place. Without it the answer is 403 `consent_required`, whatever the route.
 */
export function healthDataGuard(consent: ConsentService) {
  return async (request: FastifyRequest): Promise<void> => {
    const session = requireSignedIn(request);
    await consent.requireCurrent(session.userId);
  };
}
