/**
 * Journal write benchmark: Closer's `POST /api/journal` (validation, risk check, AES-256-GCM
 * encryption with the person's key, a durable SQLite commit) against a bare better-sqlite3
 * loop making the same kind of durable insert (WAL, synchronous=FULL), measured in the same
 * run, in interleaved rounds; medians reported. Durable commits are bound by the disk's
 * flush rate, which is exactly why the baseline is a bare durable insert on the same disk.
 *
 * Target (issue 3): ≥ 0.5 of the bare insert rate.
 *
 * Usage: npm run bench:journal [-- --seconds 3 --rounds 5 --connections 8]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import autocannon from 'autocannon';
import Database from 'better-sqlite3';
import { median, startServer } from '../support/servers';

const args = new Map<string, string>();
for (let index = 2; index < process.argv.length; index += 2) {
  args.set(process.argv[index]?.replace(/^--/, '') ?? '', process.argv[index + 1] ?? '');
}
const SECONDS = Number(args.get('seconds') ?? 3);
const ROUNDS = Number(args.get('rounds') ?? 5);
const CONNECTIONS = Number(args.get('connections') ?? 8);
const TARGET_RATIO = 0.5;

/** A journal-sized text (about 600 characters), the same for both sides. */
const TEXT =
  'Today I told my sister how I felt about the weekend. My chest was tight and I nearly changed the subject twice, but I stayed with it. She listened and did not laugh. Afterwards I felt shaky and a bit proud. I want to remember that the fear peaked and then dropped. Next time I might try saying one true thing to a friend at work, even if it is small. '.repeat(
    2,
  );

/** Durable inserts per second from a bare better-sqlite3 loop on this machine's disk. */
function bareInsertRate(folder: string): number {
  const db = new Database(path.join(folder, 'bare.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec(
    'create table if not exists entries (id text primary key, user_id text not null, text text not null, created_at text not null)',
  );
  const insert = db.prepare('insert into entries values (?, ?, ?, ?)');
  const deadline = performance.now() + SECONDS * 1000;
  let count = 0;
  while (performance.now() < deadline) {
    insert.run(randomUUID(), 'person', TEXT, new Date().toISOString());
    count += 1;
  }
  db.close();
  return count / SECONDS;
}

async function closerRate(port: number, cookie: string, csrfToken: string): Promise<number> {
  const result = await autocannon({
    url: `http://127.0.0.1:${port}/api/journal`,
    method: 'POST',
    connections: CONNECTIONS,
    duration: SECONDS,
    headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' },
    body: JSON.stringify({ text: TEXT, mood: 6, tags: ['family'] }),
  });
  if (result.non2xx > 0 || result.errors > 0) {
    throw new Error(
      `POST /api/journal: ${result.non2xx} non-2xx answers and ${result.errors} errors.`,
    );
  }
  return result.requests.total / SECONDS;
}

const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'closer-bench-journal-'));
const closer = await startServer('closer');
try {
  const ratios: number[] = [];
  const bareRates: number[] = [];
  const closerRates: number[] = [];
  for (let round = 1; round <= ROUNDS; round += 1) {
    const bare = bareInsertRate(folder);
    const ours = await closerRate(closer.port, closer.cookie ?? '', closer.csrfToken ?? '');
    bareRates.push(bare);
    closerRates.push(ours);
    ratios.push(ours / bare);
    console.log(
      `round ${round}: bare durable insert ${bare.toFixed(0)}/s, POST /api/journal ${ours.toFixed(0)}/s`,
    );
  }
  const ratio = median(ratios);
  console.log(
    `\n${ROUNDS} rounds of ${SECONDS} s, ${CONNECTIONS} connections, SQLite (WAL, synchronous=FULL)`,
  );
  console.log(`bare durable insert (median)  ${median(bareRates).toFixed(0)}/s`);
  console.log(`POST /api/journal (median)    ${median(closerRates).toFixed(0)}/s`);
  console.log(
    `ratio (median of rounds)      ${ratio.toFixed(2)} (target ≥ ${TARGET_RATIO}): ${ratio >= TARGET_RATIO ? 'met' : 'NOT met'}`,
  );
} finally {
  closer.child.kill('SIGTERM');
  fs.rmSync(folder, { recursive: true, force: true });
}
