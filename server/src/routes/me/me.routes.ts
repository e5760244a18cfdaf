import { Type } from 'typebox';
import type { App } from '../../app';
import { requireSignedIn } from '../../policies/session.policy';
import { toPublicUser } from '../../services/auth/auth.service';
import { errorResponses, UserBody } from '../schemas';

export function meRoutes(app: App): void {
  app.get(
    '/api/me',
    {
      schema: {
        summary: 'The signed-in person',
        tags: ['me'],
        response: { 200: Type.Object({ user: UserBody }), ...errorResponses(401) },
      },
    },
    async (request) => ({ user: toPublicUser(requireSignedIn(request)) }),
  );
}
