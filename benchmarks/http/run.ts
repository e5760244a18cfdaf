/**
 * HTTP benchmark: in one run, a bare node:http server (the baseline) against Closer's
 * GET /healthz, authenticated GET /api/me and the Closeness Check's draft autosave
 * (PUT /api/assessments/closeness-check/draft, sent on every answer: validation, encryption
 * with the person's key and a durable write) and the exercise autosave
 * (PUT /api/exercises/:exerciseId/entries/:id, sent as the person types), and the reads
 * (including the due reminders the home page asks for, reminder settings and progress)
 * people make often, on a person with 200 journal entries, 30 check-ins and 20 Checks:
 * the journal's first page and a search (decrypt-and-filter over all 200), the check-ins,
 * the Check history (every response decrypted and scored), this week's plan and a list of
 * exercise entries. Prints requests per second, p99 latency and
 * each endpoint's ratio to the baseline. Timings on shared machines vary a lot from run to
 * run; the ratio, measured in the same run, is the figure to compare.
 *
 * Target: authenticated GET /api/me at ≥ 0.5 of the bare server's requests per second.
 *
 * Usage: npm run bench:http [-- --seconds 10 --connections 50]
 */
import autocannon from 'autocannon';
import { CURRENT_CLOSENESS_CHECK } from '../../core/assessment/closeness-check.definition';
import { cpuTime, median, startServer, type StartedServer as Started } from '../support/servers';

const args = new Map<string, string>();
for (let index = 2; index < process.argv.length; index += 2) {
  args.set(process.argv[index]?.replace(/^--/, '') ?? '', process.argv[index + 1] ?? '');
}
const SECONDS = Number(args.get('seconds') ?? 3);
const ROUNDS = Number(args.get('rounds') ?? 9);
const CONNECTIONS = Number(args.get('connections') ?? 50);
const TARGET_RATIO = 0.5;

/** A draft half-way through the Check: the first 16 questions answered, as on an autosave. */
const DRAFT_BODY = JSON.stringify({
  answers: Object.fromEntries(
    CURRENT_CLOSENESS_CHECK.items.slice(0, 16).map((item, index) => [item.id, (index % 5) + 1]),
  ),
});

/** A thought record part-way through, as the exercise page autosaves it while the person types. */
const ENTRY_BODY = JSON.stringify({
  values: {
    situation: {
      situation: 'Tuesday evening at home. I messaged a friend and she has not replied.',
    },
    thought: { thought: 'I have said too much and she is backing off.', belief: 80 },
  },
});

interface Request {
  method?: 'GET' | 'PUT';
  body?: string;
  headers?: Record<string, string>;
}

async function measure(name: string, server: Started, url: string, request: Request = {}) {
  const options = {
    url,
    connections: CONNECTIONS,
    method: request.method ?? 'GET',
    headers: request.headers ?? {},
    ...(request.body === undefined ? {} : { body: request.body }),
  };
  // A short warm-up so the JIT and the database page cache are in a steady state.
  await autocannon({ ...options, duration: 1 });
  const cpuBefore = await cpuTime(server);
  const result = await autocannon({ ...options, duration: SECONDS });
  const cpuMicroseconds = (await cpuTime(server)) - cpuBefore;
  if (result.non2xx > 0 || result.errors > 0) {
    throw new Error(`${name}: ${result.non2xx} non-2xx answers and ${result.errors} errors.`);
  }
  return {
    name,
    requestsPerSecond: result.requests.average,
    p99: result.latency.p99,
    cpuPerRequest: cpuMicroseconds / Math.max(1, result.requests.total),
  };
}

const bare = await startServer('bare');
const closer = await startServer('closer');
try {
  const signedIn = {
    cookie: closer.cookie ?? '',
    'x-csrf-token': closer.csrfToken ?? '',
    'content-type': 'application/json',
  };
  const created = await fetch(
    `http://127.0.0.1:${closer.port}/api/exercises/thought-record/entries`,
    { method: 'POST', headers: signedIn, body: JSON.stringify({ values: {} }) },
  );
  if (created.status !== 201) throw new Error(`Could not start an exercise: ${created.status}`);
  const entryId = ((await created.json()) as { entry: { id: string } }).entry.id;
  const endpoints: {
    name: string;
    server: Started;
    url: string;
    request: Request;
  }[] = [
    { name: 'bare node:http', server: bare, url: `http://127.0.0.1:${bare.port}/`, request: {} },
    {
      name: 'GET /healthz',
      server: closer,
      url: `http://127.0.0.1:${closer.port}/healthz`,
      request: {},
    },
    {
      name: 'GET /api/me (signed in)',
      server: closer,
      url: `http://127.0.0.1:${closer.port}/api/me`,
      request: { headers: { cookie: closer.cookie ?? '' } },
    },
    {
      name: 'PUT Check draft',
      server: closer,
      url: `http://127.0.0.1:${closer.port}/api/assessments/closeness-check/draft`,
      request: {
        method: 'PUT',
        body: DRAFT_BODY,
        headers: {
          cookie: closer.cookie ?? '',
          'x-csrf-token': closer.csrfToken ?? '',
          'content-type': 'application/json',
        },
      },
    },
    {
      name: 'GET journal (page)',
      server: closer,
      url: `http://127.0.0.1:${closer.port}/api/journal`,
      request: { headers: { cookie: closer.cookie ?? '' } },
    },
    {
      name: 'GET journal (search)',
      server: closer,
      url: `http://127.0.0.1:${closer.port}/api/journal?q=hopeful`,
      request: { headers: { cookie: closer.cookie ?? '' } },
    },
    {
      name: 'GET check-ins',
      server: closer,
      url: `http://127.0.0.1:${closer.port}/api/checkins`,
      request: { headers: { cookie: closer.cookie ?? '' } },
    },
    {
      name: 'GET Check history',
      server: closer,
      url: `http://127.0.0.1:${closer.port}/api/assessments/closeness-check/responses`,
      request: { headers: { cookie: closer.cookie ?? '' } },
    },
    {
      name: 'GET plan',
      server: closer,
      url: `http://127.0.0.1:${closer.port}/api/plan?timeZone=Europe%2FLondon`,
      request: { headers: { cookie: closer.cookie ?? '' } },
    },
    {
      name: 'GET exercise entries',
      server: closer,
      url: `http://127.0.0.1:${closer.port}/api/exercises/thought-record/entries`,
      request: { headers: { cookie: closer.cookie ?? '' } },
    },
    {
      name: 'GET due reminders (home)',
      server: closer,
      url: `http://127.0.0.1:${closer.port}/api/reminders/due`,
      request: { headers: { cookie: closer.cookie ?? '' } },
    },
    {
      name: 'GET reminder settings',
      server: closer,
      url: `http://127.0.0.1:${closer.port}/api/reminders`,
      request: { headers: { cookie: closer.cookie ?? '' } },
    },
    {
      name: 'GET progress',
      server: closer,
      url: `http://127.0.0.1:${closer.port}/api/progress?timeZone=Europe%2FLondon`,
      request: { headers: { cookie: closer.cookie ?? '' } },
    },
    {
      name: 'PUT exercise autosave',
      server: closer,
      url: `http://127.0.0.1:${closer.port}/api/exercises/thought-record/entries/${entryId}`,
      request: { method: 'PUT', body: ENTRY_BODY, headers: signedIn },
    },
  ];
  // Rounds interleave the endpoints so that a burst of background load hits all of them, and
  // each round's ratios compare figures taken moments apart. Medians are reported.
  const throughputRatios: number[][] = endpoints.map(() => []);
  const cpuRatios: number[][] = endpoints.map(() => []);
  const last: Awaited<ReturnType<typeof measure>>[] = [];
  for (let round = 1; round <= ROUNDS; round += 1) {
    const results = [];
    for (const endpoint of endpoints) {
      results.push(await measure(endpoint.name, endpoint.server, endpoint.url, endpoint.request));
    }
    const baseline = results[0] as Awaited<ReturnType<typeof measure>>;
    results.forEach((result, index) => {
      throughputRatios[index]?.push(result.requestsPerSecond / baseline.requestsPerSecond);
      cpuRatios[index]?.push(baseline.cpuPerRequest / result.cpuPerRequest);
      last[index] = result;
    });
    console.log(
      `round ${round}: ${results.map((result) => `${result.name} ${result.requestsPerSecond.toFixed(0)}/s ${result.cpuPerRequest.toFixed(1)} µs CPU`).join('; ')}`,
    );
  }
  console.log(
    `\n${ROUNDS} rounds of ${SECONDS} s per endpoint, ${CONNECTIONS} connections, ${process.env.DATABASE_URL ? 'PostgreSQL' : 'SQLite'}`,
  );
  console.log('req/s ratio: requests per second against the bare server, measured moments apart.');
  console.log('CPU ratio: the bare server’s CPU time per request divided by the endpoint’s; the');
  console.log('same figure freed of the load generator competing for the same two cores.\n');
  console.log(
    'endpoint                   req/s (last)  p99 ms  µs CPU/req  req/s ratio  CPU ratio',
  );
  endpoints.forEach((endpoint, index) => {
    const row = last[index];
    console.log(
      [
        endpoint.name.padEnd(26),
        (row?.requestsPerSecond ?? 0).toFixed(0).padStart(12),
        (row?.p99 ?? 0).toFixed(1).padStart(7),
        (row?.cpuPerRequest ?? 0).toFixed(1).padStart(11),
        median(throughputRatios[index] ?? [])
          .toFixed(2)
          .padStart(12),
        median(cpuRatios[index] ?? [])
          .toFixed(2)
          .padStart(10),
      ].join(' '),
    );
  });
  const ratioOf = (name: string) => {
    const index = endpoints.findIndex((endpoint) => endpoint.name === name);
    return {
      throughput: median(throughputRatios[index] ?? []),
      cpu: median(cpuRatios[index] ?? []),
    };
  };
  const me = ratioOf('GET /api/me (signed in)');
  console.log(
    `\nGET /api/me: ${me.throughput.toFixed(2)} of the bare server's req/s, ${me.cpu.toFixed(2)} by CPU per request (target ≥ ${TARGET_RATIO}): ${me.throughput >= TARGET_RATIO ? 'met' : 'NOT met'}`,
  );
  console.log('The other endpoints have no target (durable writes, decrypting many records):');
  console.log('see the README for what each does and how it has moved.');
} finally {
  bare.child.kill('SIGTERM');
  closer.child.kill('SIGTERM');
}
