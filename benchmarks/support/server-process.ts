/**
 * One server for the HTTP benchmark, in its own process so that it does not share a CPU
 * thread with the load generator. `bare`: a minimal node:http JSON server (the baseline).
 * `closer`: the real app on SQLite in a temporary folder, with one signed-up person who
 * has consented. Prints one JSON line: {port, cookie?, csrfToken?}.
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { CURRENT_CLOSENESS_CHECK } from '../../core/assessment/closeness-check.definition';
import { buildApp } from '../../server/src/app';
import { loadConfig } from '../../server/src/config';
import { openDatabase } from '../../server/src/db/database';
import { migrateToLatest } from '../../server/src/db/migrate';

async function bare(): Promise<void> {
  const body = JSON.stringify({ status: 'ok' });
  const server = http.createServer((_request, response) => {
    response.writeHead(200, {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(body),
    });
    response.end(body);
  });
  server.listen(0, '127.0.0.1', () => {
    const address = server.address();
    console.log(
      JSON.stringify({ port: typeof address === 'object' && address ? address.port : 0 }),
    );
  });
}

async function closer(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'closer-bench-'));
  process.on('exit', () => fs.rmSync(dataDir, { recursive: true, force: true }));
  const config = loadConfig({
    DATA_DIR: dataDir,
    DATABASE_URL: process.env.DATABASE_URL,
    LOG_LEVEL: 'warn',
  });
  const database = openDatabase(config);
  await migrateToLatest(database);
  const app = await buildApp({ config, database, logger: false });
  const signUp = await app.inject({
    method: 'POST',
    url: '/api/auth/signup',
    payload: {
      username: `bench_${Date.now().toString(36)}`,
      password: 'benchmarks are not people',
    },
  });
  const setCookie = signUp.headers['set-cookie'];
  const cookie = String(Array.isArray(setCookie) ? setCookie[0] : setCookie).split(';')[0] ?? '';
  const csrfToken = (signUp.json() as { csrfToken: string }).csrfToken;
  // Consent, so the health-data routes (the journal) can be measured too.
  const notice = (await app.inject({ method: 'GET', url: '/api/consent' })).json() as {
    version: string;
  };
  await app.inject({
    method: 'POST',
    url: '/api/consent',
    headers: { cookie, 'x-csrf-token': csrfToken },
    payload: { version: notice.version },
  });
  await seedHistory(app, { cookie, 'x-csrf-token': csrfToken });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  console.log(
    JSON.stringify({
      port: typeof address === 'object' && address ? address.port : 0,
      cookie,
      csrfToken,
    }),
  );
}

/**
 * A person with some months of use, so that the reads people make often are measured on
 * realistic amounts: 200 journal entries, 30 check-ins with notes, 20 Closeness Checks and
 * 10 finished thought records, and two reminders.
 */
async function seedHistory(
  app: Awaited<ReturnType<typeof buildApp>>,
  headers: Record<string, string>,
): Promise<void> {
  const moods = ['calm', 'tired', 'hopeful', 'tense', 'proud'];
  for (let index = 0; index < 200; index += 1) {
    await app.inject({
      method: 'POST',
      url: '/api/journal',
      headers,
      payload: {
        text: `Entry ${index}. Today I felt ${moods[index % moods.length]}. I talked to my sister about the weekend and noticed my chest getting tight, then easing. Next time I want to stay in the conversation a little longer.`,
        mood: index % 11,
        tags: ['family'],
      },
    });
  }
  for (let index = 0; index < 30; index += 1) {
    await app.inject({
      method: 'POST',
      url: '/api/checkins',
      headers,
      payload: {
        mood: index % 11,
        closeness: (index * 3) % 11,
        stress: (index * 7) % 11,
        note: 'Slept badly, but a good walk at lunch.',
      },
    });
  }
  // Ten finished thought records, so the plan has a history and the entry list has items.
  for (let index = 0; index < 10; index += 1) {
    const created = await app.inject({
      method: 'POST',
      url: '/api/exercises/thought-record/entries',
      headers,
      payload: {
        values: {
          situation: { situation: `Week ${index}: a message to a friend went unanswered.` },
          thought: { thought: 'I have said too much and she is backing off.', belief: 70 },
        },
      },
    });
    const id = (created.json() as { entry: { id: string } }).entry.id;
    await app.inject({
      method: 'POST',
      url: `/api/exercises/thought-record/entries/${id}/complete`,
      headers,
      payload: { distress: 4, helpful: 7 },
    });
  }
  for (let index = 0; index < 20; index += 1) {
    await app.inject({
      method: 'POST',
      url: '/api/assessments/closeness-check/responses',
      headers,
      payload: {
        answers: Object.fromEntries(
          CURRENT_CLOSENESS_CHECK.items.map((item, position) => [
            item.id,
            ((position + index) % 5) + 1,
          ]),
        ),
      },
    });
  }
  // Reminders on every day, as a regular user would set them (read by the home page).
  await app.inject({
    method: 'PUT',
    url: '/api/reminders',
    headers,
    payload: {
      timeZone: 'Europe/London',
      items: [
        { kind: 'checkin', days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], time: '20:00' },
        { kind: 'plan', days: ['mon', 'thu'], time: '08:30' },
      ],
    },
  });
}

const kind = process.argv[2];
if (kind === 'bare') await bare();
else if (kind === 'closer') await closer();
else {
  console.error('usage: server-process.ts bare|closer');
  process.exit(2);
}
process.on('SIGTERM', () => process.exit(0));
// The benchmark asks for this process's CPU time to compute CPU per request.
process.on('message', (message) => {
  if (message === 'cpu') process.send?.(process.cpuUsage());
});
