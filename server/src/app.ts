import cookie from '@fastify/cookie';
import swagger from '@fastify/swagger';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, {
  type FastifyBaseLogger,
  type FastifyInstance,
  type RawReplyDefaultExpression,
  type RawRequestDefaultExpression,
  type RawServerDefault,
} from 'fastify';
import { randomUUID } from 'node:crypto';
import type { Config } from './config';
import type { DatabaseHandle } from './db/database';
import { handleFrameworkError, registerErrorHandling } from './errors';
import { registerSecurityHeaders } from './http/security-headers';
import { registerSessionPolicy } from './policies/session.policy';
import { ConsentRepository } from './repositories/consent.repository';
import { LoginThrottleRepository } from './repositories/login-throttle.repository';
import { SessionRepository } from './repositories/session.repository';
import { UserRepository } from './repositories/user.repository';
import { authRoutes } from './routes/auth/auth.routes';
import { consentRoutes } from './routes/consent/consent.routes';
import { healthRoutes } from './routes/health/health.routes';
import { helpRoutes } from './routes/help/help.routes';
import { learnRoutes } from './routes/learn/learn.routes';
import { meRoutes } from './routes/me/me.routes';
import { openApiRoutes } from './routes/openapi/openapi.routes';
import { ErrorBody } from './routes/schemas';
import { webRoutes } from './routes/web/web.routes';
import { AuthService } from './services/auth/auth.service';
import { isCommonPassword } from './services/auth/common-passwords';
import { argon2Hasher, type PasswordHasher } from './services/auth/password-hasher';
import { systemClock, type Clock } from './services/clock';
import { ConsentService } from './services/consent.service';
import { LearnLibrary } from './services/learn.service';

export interface Services {
  database: DatabaseHandle;
  auth: AuthService;
  consent: ConsentService;
  learn: LearnLibrary;
  clock: Clock;
}

declare module 'fastify' {
  interface FastifyInstance {
    services: Services;
  }
}

export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  TypeBoxTypeProvider
>;

export interface BuildOptions {
  config: Config;
  database: DatabaseHandle;
  clock?: Clock;
  hasher?: PasswordHasher;
  learn?: LearnLibrary;
  logger?: boolean;
  /** Lets a test add routes (for example a health-data route) before the app is sealed. */
  extend?: (app: App) => void;
}

/** Builds the whole application: services wired to repositories, then the HTTP routes. */
export async function buildApp(options: BuildOptions): Promise<App> {
  const { config, database } = options;
  const clock = options.clock ?? systemClock;
  const app = Fastify({
    logger: options.logger === false ? false : { level: config.logLevel },
    trustProxy: config.trustProxy,
    genReqId: () => randomUUID(),
    bodyLimit: 1024 * 1024,
    ajv: { customOptions: { removeAdditional: false, coerceTypes: false, allErrors: false } },
    frameworkErrors: handleFrameworkError,
  }).withTypeProvider<TypeBoxTypeProvider>();
  // The API speaks JSON only. Fastify also parses text/plain by default, which answered a
  // text/plain body with 400 (or accepted it on routes without a body) instead of 415, and
  // text/plain is a content type other sites may send without a CORS preflight.
  app.removeContentTypeParser('text/plain');

  const auth = new AuthService({
    users: new UserRepository(database.db),
    sessions: new SessionRepository(database),
    throttles: new LoginThrottleRepository(database.db),
    hasher: options.hasher ?? argon2Hasher,
    isCommonPassword,
    clock,
    settings: {
      idleTimeoutMinutes: config.session.idleTimeoutMinutes,
      absoluteTimeoutHours: config.session.absoluteTimeoutHours,
      throttleWindowMinutes: config.loginThrottle.windowMinutes,
      maxFailuresPerAccount: config.loginThrottle.maxFailuresPerAccount,
      maxFailuresPerClient: config.loginThrottle.maxFailuresPerClient,
    },
  });
  app.decorate('services', {
    database,
    auth,
    consent: new ConsentService(new ConsentRepository(database.db), clock),
    learn: options.learn ?? LearnLibrary.fromDirectory(config.contentDir),
    clock,
  } satisfies Services);

  await app.register(cookie);
  await app.register(swagger, {
    // Keep shared schemas under their own names ("ErrorBody") in the document.
    refResolver: {
      buildLocalReference: (json, _baseUri, _fragment, index) => String(json.$id ?? `def-${index}`),
    },
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Closer API',
        version: '0.1.0',
        description:
          'Errors always have the body {error: {code, message}}. State-changing requests made with a session need the header x-csrf-token.',
      },
    },
  });
  app.addSchema(ErrorBody);

  registerErrorHandling(app, () => database.ping());
  registerSecurityHeaders(app);
  registerSessionPolicy(app, auth);

  healthRoutes(app);
  authRoutes(app);
  meRoutes(app);
  consentRoutes(app);
  learnRoutes(app);
  openApiRoutes(app);
  helpRoutes(app);
  options.extend?.(app);
  webRoutes(app, config.webDistDir);

  await app.ready();
  return app;
}
