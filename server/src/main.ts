import { loadConfig } from './config';
import { buildApp } from './app';
import { openDatabase } from './db/database';
import { migrateToLatest } from './db/migrate';
import { loadMasterKeyRing } from './services/crypto/master-key';

/**
 * Starts Closer: open the database, bring its schema up to date, serve. `buildApp` opens the
 * key store (and moves any person keys an older version left in the main database into it);
 * closing the app closes it.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const database = openDatabase(config);
  await migrateToLatest(database);
  const keys = loadMasterKeyRing({ dataDir: config.dataDir });
  const app = await buildApp({ config, database, keyRing: keys.ring });
  // Safe to log: where the keys came from and their ids, never a key.
  app.log.info(
    {
      source: keys.source,
      keyFile: keys.keyFile,
      created: keys.created,
      masterKeyIds: keys.ring.ids(),
    },
    'master key ring loaded',
  );
  if (keys.created) {
    app.log.warn(
      `A new master key was created at ${keys.keyFile}. Back it up separately from the database: without it nothing written in Closer can be read.`,
    );
  }
  if (keys.ring.previous.length > 0) {
    // A rotation is under way: rewrap every person key with the current master key.
    const report = await app.services.keys.rotateMasterKey();
    const level = report.failed.length > 0 ? 'warn' : 'info';
    app.log[level]({ ...report, failed: report.failed.length }, 'master key rotation');
  }

  // Housekeeping every ten minutes: timed-out sessions and old throttle windows.
  const housekeeping = setInterval(() => {
    app.services.auth
      .purgeStale()
      .catch((error: unknown) => app.log.warn({ err: error }, 'housekeeping failed'));
  }, 10 * 60_000);
  housekeeping.unref();

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info(`${signal} received, closing`);
    clearInterval(housekeeping);
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));

  await app.listen({ host: config.host, port: config.port });
  // Reminders are delivered from this process (docs/decisions/0012); several instances may
  // all run it. REMINDER_SCHEDULER=off leaves delivery to the others.
  if (config.reminders.schedulerEnabled) app.services.reminderScheduler.start();
  const where = config.databaseUrl ? 'PostgreSQL' : `SQLite in ${config.dataDir}`;
  app.log.info(
    `Closer is running at http://${config.host}:${config.port} (${where}; person keys in ${app.services.keyStore.description})`,
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
