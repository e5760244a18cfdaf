import type { App } from '../../app';
import { clearSessionCookie, setSessionCookie } from '../../http/session-cookie';
import { requireSignedIn } from '../../policies/session.policy';
import { toPublicUser } from '../../services/auth/auth.service';
import { sessionSchema, signInSchema, signOutSchema, signUpSchema } from './schema';

export function authRoutes(app: App): void {
  const { auth } = app.services;

  app.post('/api/auth/signup', { schema: signUpSchema }, async (request, reply) => {
    const signedIn = await auth.signUp(request.body);
    // A new account always starts a new session; any earlier one on this browser ends.
    if (request.auth) await auth.signOut(request.auth.id);
    setSessionCookie(request, reply, signedIn.token);
    return reply.status(201).send({ user: signedIn.user, csrfToken: signedIn.csrfToken });
  });

  app.post('/api/auth/login', { schema: signInSchema }, async (request, reply) => {
    const signedIn = await auth.signIn({ ...request.body, clientAddress: request.ip });
    if (request.auth) await auth.signOut(request.auth.id);
    setSessionCookie(request, reply, signedIn.token);
    return { user: signedIn.user, csrfToken: signedIn.csrfToken };
  });

  app.post('/api/auth/logout', { schema: signOutSchema }, async (request, reply) => {
    if (request.auth) await auth.signOut(request.auth.id);
    clearSessionCookie(request, reply);
    return reply.status(204).send(null);
  });

  app.get('/api/auth/session', { schema: sessionSchema }, async (request) => {
    const session = requireSignedIn(request);
    return { user: toPublicUser(session), csrfToken: session.csrfToken };
  });
}
