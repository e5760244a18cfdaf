/**
 * Progress benchmark: `GET /api/progress` for a person with three years of daily check-ins,
 * 40 Closeness Checks and 1,000 completed exercise entries (server-process.ts), against a bare
 * node:http server answering a tiny JSON body (the same baseline as benchmarks/http), in the
 * same run, in interleaved rounds; medians reported. Also printed: the first request's time
 * (nothing cached: every Check scored, every ladder go decrypted) and the answer's size.
 *
 * Target (issue 6): ≥ 0.2 of the bare server's requests per second.
 *
 * Usage: npm run bench:progress [-- --seconds 3 --rounds 5 --connections 50 --weeks 12]
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import autocannon from 'autocannon';
import { median, startServer } from '../support/servers';

const args = new Map<string, string>();
for (let index = 2; index < process.argv.length; index += 2) {
  args.set(process.argv[index]?.replace(/^--/, '') ?? '', process.argv[index + 1] ?? '');
}
const SECONDS = Number(args.get('seconds') ?? 3);
const ROUNDS = Number(args.get('rounds') ?? 5);
const CONNECTIONS = Number(args.get('connections') ?? 50);
const WEEKS = Number(args.get('weeks') ?? 12);
const TARGET_RATIO = 0.2;

async function startProgressServer() {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(import.meta.dirname, 'server-process.ts')],
    { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, NODE_ENV: 'production' } },
  );
  const lines = readline.createInterface({ input: child.stdout as NodeJS.ReadableStream });
  for await (const line of lines) {
    return { child, ...(JSON.parse(line) as { port: number; cookie: string; seconds: number }) };
  }
  throw new Error('The progress server did not start.');
}

async function rate(url: string, headers: Record<string, string> = {}): Promise<number> {
  const options = { url, connections: CONNECTIONS, headers };
  await autocannon({ ...options, duration: 1 });
  const result = await autocannon({ ...options, duration: SECONDS });
  if (result.non2xx > 0 || result.errors > 0) {
    throw new Error(`${url}: ${result.non2xx} non-2xx answers and ${result.errors} errors.`);
  }
  return result.requests.total / SECONDS;
}

const bare = await startServer('bare');
const closer = await startProgressServer();
try {
  console.log(`seeded in ${closer.seconds.toFixed(1)} s`);
  const url = `http://127.0.0.1:${closer.port}/api/progress?timeZone=Europe/London&weeks=${WEEKS}`;
  const headers = { cookie: closer.cookie };
  const coldStart = performance.now();
  const first = await fetch(url, { headers });
  const body = await first.text();
  const cold = performance.now() - coldStart;
  if (first.status !== 200) throw new Error(`GET /api/progress: ${first.status} ${body}`);
  const ratios: number[] = [];
  const bareRates: number[] = [];
  const closerRates: number[] = [];
  for (let round = 1; round <= ROUNDS; round += 1) {
    const baseline = await rate(`http://127.0.0.1:${bare.port}/`);
    const ours = await rate(url, headers);
    bareRates.push(baseline);
    closerRates.push(ours);
    ratios.push(ours / baseline);
    console.log(
      `round ${round}: bare ${baseline.toFixed(0)}/s, GET /api/progress ${ours.toFixed(0)}/s`,
    );
  }
  const ratio = median(ratios);
  console.log(
    `\n${ROUNDS} rounds of ${SECONDS} s, ${CONNECTIONS} connections, ${WEEKS} weeks, ${process.env.DATABASE_URL ? 'PostgreSQL' : 'SQLite'}`,
  );
  console.log(`answer size                  ${(Buffer.byteLength(body) / 1024).toFixed(1)} KB`);
  console.log(`first request (no cache)     ${cold.toFixed(0)} ms`);
  console.log(`bare node:http (median)      ${median(bareRates).toFixed(0)}/s`);
  console.log(`GET /api/progress (median)   ${median(closerRates).toFixed(0)}/s`);
  console.log(
    `ratio (median of rounds)     ${ratio.toFixed(2)} (target ≥ ${TARGET_RATIO}): ${ratio >= TARGET_RATIO ? 'met' : 'NOT met'}`,
  );
} finally {
  bare.child.kill('SIGTERM');
  closer.child.kill('SIGTERM');
}
