import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';

export interface StartedServer {
  child: ChildProcess;
  port: number;
  cookie?: string;
  csrfToken?: string;
}

/** Starts a benchmark server in its own process (see server-process.ts) and waits for its port. */
export async function startServer(kind: 'bare' | 'closer'): Promise<StartedServer> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(import.meta.dirname, 'server-process.ts'), kind],
    {
      stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
      env: { ...process.env, NODE_ENV: 'production' },
    },
  );
  const lines = readline.createInterface({ input: child.stdout as NodeJS.ReadableStream });
  for await (const line of lines) {
    return { child, ...(JSON.parse(line) as Omit<StartedServer, 'child'>) };
  }
  throw new Error(`The ${kind} server did not start.`);
}

/** CPU time (user + system, microseconds) a server process has used so far. */
export function cpuTime(server: StartedServer): Promise<number> {
  return new Promise((resolve) => {
    server.child.once('message', (usage) => {
      const { user, system } = usage as NodeJS.CpuUsage;
      resolve(user + system);
    });
    server.child.send('cpu');
  });
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}
