import type { App } from '../../app';
import { requireSignedIn } from '../../policies/session.policy';
import {
  getConsentSchema,
  getResearchConsentSchema,
  giveConsentSchema,
  giveResearchConsentSchema,
  withdrawConsentSchema,
  withdrawResearchConsentSchema,
} from './schema';

export function consentRoutes(app: App): void {
  const { consent, researchConsent, audit } = app.services;

  // The notice is public: anyone may read what they would be agreeing to before joining.
  app.get('/api/consent', { schema: getConsentSchema }, async (request) => {
    const notice = consent.notice();
    const body = { version: notice.version, publishedOn: notice.publishedOn, text: notice.text };
    if (!request.auth) return body;
    const status = await consent.status(request.auth.userId);
    return {
      ...body,
      consent: {
        current: status.current,
        version: status.latest?.version ?? null,
        givenAt: status.latest?.givenAt ?? null,
        withdrawnAt: status.latest?.withdrawnAt ?? null,
      },
    };
  });

  app.post('/api/consent', { schema: giveConsentSchema }, async (request, reply) => {
    const session = requireSignedIn(request);
    await consent.give(session.userId, request.body.version);
    await audit.record('consent-given', session.userId, { version: request.body.version });
    return reply.status(204).send(null);
  });

  app.delete('/api/consent', { schema: withdrawConsentSchema }, async (request, reply) => {
    const session = requireSignedIn(request);
    await consent.withdraw(session.userId);
    await audit.record('consent-withdrawn', session.userId);
    return reply.status(204).send(null);
  });

  // The research notice is public too; `current` says whether a signed-in person agreed.
  app.get('/api/consent/research', { schema: getResearchConsentSchema }, async (request) => {
    const notice = researchConsent.notice();
    return {
      notice: { version: notice.version, publishedOn: notice.publishedOn, text: notice.text },
      current: request.auth ? await researchConsent.isCurrent(request.auth.userId) : false,
    };
  });

  app.post(
    '/api/consent/research',
    { schema: giveResearchConsentSchema },
    async (request, reply) => {
      const session = requireSignedIn(request);
      await researchConsent.give(session.userId, request.body.version);
      await audit.record('research-consent-given', session.userId, {
        version: request.body.version,
      });
      return reply.status(204).send(null);
    },
  );

  // Withdrawing needs only a session: it must work even after health consent is withdrawn.
  app.delete(
    '/api/consent/research',
    { schema: withdrawResearchConsentSchema },
    async (request, reply) => {
      const session = requireSignedIn(request);
      await researchConsent.withdraw(session.userId);
      await audit.record('research-consent-withdrawn', session.userId);
      return reply.status(204).send(null);
    },
  );
}
