/**
 * The Closer server for the progress benchmark, in its own process: SQLite (or DATABASE_URL)
 * in a temporary folder, and one consenting person with three years of use: a check-in every
 * day (1,096), 40 Closeness Checks (one about every four weeks) and 1,000 completed exercise
 * entries (200 closeness-ladder goes, 800 thought records), seeded through the services with
 * the clock moved back over the three years. Prints one JSON line: {port, cookie, seconds}.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CURRENT_CLOSENESS_CHECK } from '../../core/assessment/closeness-check.definition';
import { buildApp } from '../../server/src/app';
import { loadConfig } from '../../server/src/config';
import { openDatabase } from '../../server/src/db/database';
import { migrateToLatest } from '../../server/src/db/migrate';

const DAY_MS = 86_400_000;
const DAYS = 3 * 365 + 1;
const ZONE = 'Europe/London';

let offset = 0;
const clock = { now: () => new Date(Date.now() - offset) };

const started = performance.now();
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'closer-bench-progress-'));
process.on('exit', () => fs.rmSync(dataDir, { recursive: true, force: true }));
const config = loadConfig({
  DATA_DIR: dataDir,
  DATABASE_URL: process.env.DATABASE_URL,
  LOG_LEVEL: 'warn',
});
const database = openDatabase(config);
await migrateToLatest(database);
const app = await buildApp({ config, database, logger: false, clock });
const signUp = await app.inject({
  method: 'POST',
  url: '/api/auth/signup',
  payload: { username: `bench_${Date.now().toString(36)}`, password: 'benchmarks are not people' },
});
const setCookie = signUp.headers['set-cookie'];
const cookie = String(Array.isArray(setCookie) ? setCookie[0] : setCookie).split(';')[0] ?? '';
const { csrfToken, user } = signUp.json() as { csrfToken: string; user: { id: string } };
const notice = (await app.inject({ method: 'GET', url: '/api/consent' })).json() as {
  version: string;
};
await app.inject({
  method: 'POST',
  url: '/api/consent',
  headers: { cookie, 'x-csrf-token': csrfToken },
  payload: { version: notice.version },
});

const actor = { userId: user.id };
const { checkins, closenessCheck, exercises, plan } = app.services;
const region = 'GB' as const;
const entriesPerDay = 1_000 / DAYS;
let entriesMade = 0;
for (let day = DAYS - 1; day >= 0; day -= 1) {
  offset = day * DAY_MS;
  await checkins.create(
    actor,
    {
      mood: (day * 7) % 11,
      closeness: Math.min(10, 3 + Math.floor((DAYS - day) / 150) + (day % 3)),
      stress: (day * 5) % 11,
      timeZone: ZONE,
    },
    region,
  );
  if (day % 27 === 0) {
    await closenessCheck.submit(
      actor,
      Object.fromEntries(
        CURRENT_CLOSENESS_CHECK.items.map((item, position) => [
          item.id,
          ((position + Math.floor(day / 27)) % 5) + 1,
        ]),
      ),
      region,
    );
  }
  while (entriesMade < Math.round((DAYS - day) * entriesPerDay)) {
    entriesMade += 1;
    const ladder = entriesMade % 5 === 0;
    const exerciseId = ladder ? 'closeness-ladder' : 'thought-record';
    const rung = `Step ${entriesMade % 12}`;
    const values = ladder
      ? {
          ladder: { rungs: [{ step: rung, expected: 30 + (entriesMade % 40) }] },
          before: { rung, predicted: 30 + (entriesMade % 40) },
          after: { actual: 10 + (entriesMade % 30) },
        }
      : {
          situation: { situation: 'A message to a friend went unanswered for a day.' },
          thought: { thought: 'I have said too much and she is backing off.', belief: 70 },
        };
    const saved = await exercises.create(actor, exerciseId, values, region);
    await exercises.complete(
      actor,
      exerciseId,
      saved.entry.id,
      { distress: 3, helpful: 7 },
      region,
    );
  }
}
offset = 0;
// This week's plan, as the person would have it after opening the plan page.
await plan.get(actor, ZONE);
await app.listen({ host: '127.0.0.1', port: 0 });
const address = app.server.address();
console.log(
  JSON.stringify({
    port: typeof address === 'object' && address ? address.port : 0,
    cookie,
    seconds: (performance.now() - started) / 1000,
  }),
);
process.on('SIGTERM', () => process.exit(0));
