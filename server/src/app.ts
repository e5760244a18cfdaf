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
import { openKeyStore, type KeyStoreHandle } from './db/key-store';
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
import { checkinRoutes } from './routes/checkins/checkins.routes';
import { journalRoutes } from './routes/journal/journal.routes';
import { dataRoutes } from './routes/me/data.routes';
import { safetyPlanRoutes } from './routes/safety-plan/safety-plan.routes';
import { assessmentRoutes } from './routes/assessments/assessments.routes';
import { exerciseRoutes } from './routes/exercises/exercises.routes';
import { planRoutes } from './routes/plan/plan.routes';
import { progressRoutes } from './routes/progress/progress.routes';
import { ProgressRepository } from './repositories/progress.repository';
import { ProgressService } from './services/progress.service';
import { reportRoutes } from './routes/report/report.routes';
import { ReportRepository } from './repositories/report.repository';
import { ReportService } from './services/report.service';
import { reminderRoutes } from './routes/reminders/reminders.routes';
import { ReminderRepository } from './repositories/reminder.repository';
import { ReminderFeedRepository } from './repositories/reminder-feed.repository';
import { smtpMailer, type ReminderMailer } from './services/reminders/reminder-mailer';
import { ReminderScheduler } from './services/reminders/reminder-scheduler';
import { ReminderService } from './services/reminders/reminder.service';
import { AccessPolicy } from './policies/access.policy';
import { AccessLogRepository } from './repositories/access-log.repository';
import { AuditRepository } from './repositories/audit.repository';
import { CheckinRepository } from './repositories/checkin.repository';
import { ClosenessCheckRepository } from './repositories/closeness-check.repository';
import { ExerciseEntryRepository } from './repositories/exercise-entry.repository';
import { PlanRepository } from './repositories/plan.repository';
import { GrantRepository } from './repositories/grant.repository';
import { JournalRepository } from './repositories/journal.repository';
import { LegacyPersonKeyRepository } from './repositories/legacy-person-key.repository';
import { PersonKeyRepository } from './repositories/person-key.repository';
import { PersonalDataRepository } from './repositories/personal-data.repository';
import { SafetyPlanRepository } from './repositories/safety-plan.repository';
import { ResearchPoolRepository } from './repositories/research-pool.repository';
import { AccountService } from './services/account.service';
import { CheckinService } from './services/checkin.service';
import { ClosenessCheckService } from './services/closeness-check.service';
import {
  inlineRiskChecker,
  workerRiskChecker,
  type RiskChecker,
} from './services/safety/risk-checker';
import { KeyService } from './services/crypto/key.service';
import { moveLegacyPersonKeys } from './services/crypto/legacy-key-move';
import { loadMasterKeyRing, type MasterKeyRing } from './services/crypto/master-key';
import { ExerciseService } from './services/exercise.service';
import { ExportService } from './services/export.service';
import { ImportService } from './services/import.service';
import { ImportRepository } from './repositories/import.repository';
import { PlanService } from './services/plan.service';
import { JournalService } from './services/journal.service';
import { AccessLogService } from './services/privacy/access-log.service';
import { AuditService } from './services/privacy/audit.service';
import { EncryptedTextVault } from './services/privacy/encrypted-text-vault';
import { SafetyPlanService } from './services/safety-plan.service';
import { ResearchConsentService } from './services/research-consent.service';
import { ResearchPoolService } from './services/research-pool.service';
import { AuthService } from './services/auth/auth.service';
import { isCommonPassword } from './services/auth/common-passwords';
import { argon2Hasher, type PasswordHasher } from './services/auth/password-hasher';
import { systemClock, type Clock } from './services/clock';
import { ConsentService } from './services/consent.service';
import { LearnLibrary } from './services/learn.service';

export interface Services {
  database: DatabaseHandle;
  keyStore: KeyStoreHandle;
  auth: AuthService;
  consent: ConsentService;
  learn: LearnLibrary;
  clock: Clock;
  /** Where free text's risk check runs (worker threads or this thread). */
  risk: RiskChecker;
  keys: KeyService;
  journal: JournalService;
  checkins: CheckinService;
  safetyPlans: SafetyPlanService;
  closenessCheck: ClosenessCheckService;
  exercises: ExerciseService;
  plan: PlanService;
  researchConsent: ResearchConsentService;
  exports: ExportService;
  imports: ImportService;
  accounts: AccountService;
  accessLog: AccessLogService;
  audit: AuditService;
  policy: AccessPolicy;
  progress: ProgressService;
  report: ReportService;
  reminders: ReminderService;
  /** Delivers reminders; started by main.ts (or a test), stopped when the app closes. */
  reminderScheduler: ReminderScheduler;
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
  /** Where the risk check runs; by default as `config.riskWorkers` says. */
  riskChecker?: RiskChecker;
  clock?: Clock;
  hasher?: PasswordHasher;
  learn?: LearnLibrary;
  /** The master key ring; by default loaded from CLOSER_MASTER_KEY or the key file in DATA_DIR. */
  keyRing?: MasterKeyRing;
  /**
   * The key store holding the wrapped person keys, apart from the main database. By default
   * opened where the configuration says (KEY_STORE_URL, else beside the main database) and
   * closed with the app; one passed in is left open.
   */
  keyStore?: KeyStoreHandle;
  logger?: boolean;
  /**
   * Sends reminder emails; by default over SMTP_URL when it is set, else none. Null: none.
   */
  mailer?: ReminderMailer | null;
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
  const keyRing = options.keyRing ?? loadMasterKeyRing({ dataDir: config.dataDir }).ring;
  const keyStore = options.keyStore ?? (await openKeyStore(config));
  if (!options.keyStore) app.addHook('onClose', () => keyStore.close());
  const personKeys = new PersonKeyRepository(keyStore.db, () => clock.now().toISOString());
  // Installs from before the key store kept the keys in the main database: move them first.
  const moved = await moveLegacyPersonKeys(
    new LegacyPersonKeyRepository(database),
    personKeys,
    keyRing,
  );
  if (moved !== null) app.log.info({ moved }, 'person keys moved into the key store');
  const keys = new KeyService(personKeys, keyRing);
  const vault = new EncryptedTextVault(keys);
  const accessLog = new AccessLogService(
    new AccessLogRepository(database.db, database.dialect),
    clock,
  );
  const audit = new AuditService(new AuditRepository(database.db), clock);
  const policy = new AccessPolicy(new GrantRepository(database.db), accessLog, clock);
  // The risk check of free text: in worker threads where configured (RISK_WORKERS).
  const risk =
    options.riskChecker ??
    (config.riskWorkers > 0 ? workerRiskChecker(config.riskWorkers) : inlineRiskChecker);
  if (!options.riskChecker) app.addHook('onClose', () => risk.close());
  const journal = new JournalService(new JournalRepository(database), vault, policy, clock, risk);
  const checkins = new CheckinService(new CheckinRepository(database), vault, policy, clock, risk);
  const safetyPlans = new SafetyPlanService(
    new SafetyPlanRepository(database.db),
    vault,
    policy,
    clock,
    risk,
  );
  const consents = new ConsentRepository(database);
  const consent = new ConsentService(consents, clock);
  const checks = new ClosenessCheckRepository(database);
  const researchPool = new ResearchPoolService(
    new ResearchPoolRepository(database.db),
    checks,
    vault,
    clock,
  );
  const researchConsent = new ResearchConsentService(consents, researchPool, clock);
  const closenessCheck = new ClosenessCheckService(
    checks,
    vault,
    policy,
    researchPool,
    researchConsent,
    clock,
    (error) => app.log.error({ err: error }, 'closeness check: research step or damaged answers'),
  );
  const exercises = new ExerciseService(
    new ExerciseEntryRepository(database),
    vault,
    policy,
    clock,
    (error) => app.log.error({ err: error }, 'exercise entries: damaged values'),
    risk,
  );
  const plan = new PlanService(
    new PlanRepository(database.db),
    closenessCheck,
    exercises,
    vault,
    policy,
    clock,
    (error) => app.log.error({ err: error }, 'plan: damaged stored week, made again'),
    risk,
  );
  const personalData = new PersonalDataRepository(database.db);
  const mailer =
    options.mailer !== undefined
      ? options.mailer
      : config.reminders.smtpUrl
        ? smtpMailer(config.reminders.smtpUrl, config.reminders.emailFrom)
        : null;
  if (options.mailer === undefined && mailer) app.addHook('onClose', () => mailer.close());
  const reminderRepository = new ReminderRepository(database.db, database.dialect);
  const reminders = new ReminderService(
    reminderRepository,
    new ReminderFeedRepository(database.db),
    clock,
    {
      canSendEmail: mailer !== null,
      onDamaged: (error, ownerId) =>
        app.log.error({ err: error, ownerId }, 'reminders: damaged stored settings'),
    },
  );
  const progress = new ProgressService(
    new ProgressRepository(database),
    closenessCheck,
    exercises,
    plan,
    policy,
    clock,
  );
  const reminderScheduler = new ReminderScheduler({
    repository: reminderRepository,
    reminders,
    mailer,
    clock,
    homeUrl: config.publicUrl ? `${config.publicUrl}/home` : null,
    maxWaitMs: config.reminders.maxWaitMs,
    onError: (error, what) => app.log.error({ err: error }, what),
  });
  // Before the mailer and the database go: a tick under way finishes first.
  app.addHook('onClose', () => reminderScheduler.stop());
  app.decorate('services', {
    database,
    keyStore,
    auth,
    consent,
    learn: options.learn ?? LearnLibrary.fromDirectory(config.contentDir),
    clock,
    risk,
    keys,
    journal,
    checkins,
    safetyPlans,
    closenessCheck,
    exercises,
    plan,
    researchConsent,
    exports: new ExportService(
      personalData,
      journal,
      checkins,
      safetyPlans,
      clock,
      closenessCheck,
      exercises,
      plan,
    ),
    imports: new ImportService(
      new ImportRepository(database.db, database.dialect),
      checkins,
      journal,
      safetyPlans,
      closenessCheck,
      exercises,
      plan,
    ),
    accounts: new AccountService(auth, personalData, vault, audit, [
      (userId) => progress.forget(userId),
    ]),
    accessLog,
    audit,
    policy,
    progress,
    report: new ReportService(
      new ReportRepository(database.db),
      new ProgressRepository(database),
      closenessCheck,
      exercises,
      journal,
      plan,
      policy,
      clock,
    ),
    reminders,
    reminderScheduler,
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

  registerErrorHandling(app, async () => (await database.ping()) && (await keyStore.ping()));
  registerSecurityHeaders(app);
  registerSessionPolicy(app, auth);

  healthRoutes(app);
  authRoutes(app);
  meRoutes(app);
  consentRoutes(app);
  learnRoutes(app);
  journalRoutes(app);
  checkinRoutes(app);
  safetyPlanRoutes(app);
  assessmentRoutes(app);
  exerciseRoutes(app);
  planRoutes(app);
  progressRoutes(app);
  reportRoutes(app);
  reminderRoutes(app, config.publicUrl);
  dataRoutes(app);
  openApiRoutes(app);
  helpRoutes(app);
  options.extend?.(app);
  webRoutes(app, config.webDistDir);

  await app.ready();
  return app;
}
