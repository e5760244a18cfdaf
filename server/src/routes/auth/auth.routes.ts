import { DomainError } from '../../../../core/errors/domain-error';
import type { App } from '../../app';
import { clearSessionCookie, setSessionCookie } from '../../http/session-cookie';
import { requireSignedIn } from '../../policies/session.policy';
import { toPublicUser } from '../../services/auth/auth.service';
import { sessionSchema, signInSchema, signOutSchema, signUpSchema } from './schema';

export function authRoutes(app: App): void {
  const { auth, audit } = app.services;

  app.post('/api/auth/signup', { schema: signUpSchema }, async (request, reply) => {
    const signedIn = await auth.signUp(request.body);
    await audit.record('sign-up', signedIn.user.id);
    // A new account always starts a new session; any earlier one on this browser ends.
    if (request.auth) await auth.signOut(request.auth.id);
    setSessionCookie(request, reply, signedIn.token);
    return reply.status(201).send({ user: signedIn.user, csrfToken: signedIn.csrfToken });
  });

  app.post('/api/auth/login', { schema: signInSchema }, async (request, reply) => {
    let signedIn;
    try {
      signedIn = await auth.signIn({ ...request.body, clientAddress: request.ip });
    } catch (error) {
      // Which account was tried is not recorded: the audit must not become a list of who
      // has an account.
      if (error instanceof DomainError && error.code === 'invalid_credentials')
        await audit.record('sign-in-failed', null);
      if (error instanceof DomainError && error.code === 'too_many_attempts')
        await audit.record('sign-in-throttled', null);
      throw error;
    }
    await audit.record('sign-in', signedIn.user.id);
    if (request.auth) await auth.signOut(request.auth.id);
    setSessionCookie(request, reply, signedIn.token);
    return { user: signedIn.user, csrfToken: signedIn.csrfToken };
  });

  app.post('/api/auth/logout', { schema: signOutSchema }, async (request, reply) => {
    if (request.auth) {
      await auth.signOut(request.auth.id);
      await audit.record('sign-out', request.auth.userId);
    }
    clearSessionCookie(request, reply);
    return reply.status(204).send(null);
  });

  app.get('/api/auth/session', { schema: sessionSchema }, async (request) => {
    const session = requireSignedIn(request);
    return { user: toPublicUser(session), csrfToken: session.csrfToken };
  });
}
