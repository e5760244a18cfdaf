import { Worker } from 'node:worker_threads';
import { assessRisk, type RiskAssessment } from '../../../../core/safety/risk';

/**
 * Runs the risk check on free text before it is saved. The check itself is core's pure
 * `assessRisk`; this decides where it runs. In worker threads, the check of a long entry (tens
 * of microseconds for a page, milliseconds for 50 KB) no longer holds up everyone else's
 * requests on the main thread, and on a machine with a spare core it runs alongside them.
 * Whatever happens to a worker, every text is still checked: short texts, texts that arrive
 * before a worker is ready, and texts in flight when a worker fails are checked on the main
 * thread instead. Never throws.
 */
export interface RiskChecker {
  assess(text: string): Promise<RiskAssessment>;
  close(): Promise<void>;
}

/** Checks on the calling thread. */
export const inlineRiskChecker: RiskChecker = {
  assess: (text) => Promise.resolve(assessRisk(text)),
  close: () => Promise.resolve(),
};

/**
 * Below this length a check costs less than handing the text to a worker and back (about
 * 20–40 µs here), so it runs on the main thread.
 */
const WORKER_MIN_LENGTH = 200;
/** A worker that fails is replaced at most this many times in all; then checks run inline. */
const MAX_RESTARTS = 5;

interface Pending {
  text: string;
  resolve: (assessment: RiskAssessment) => void;
}

interface PoolWorker {
  worker: Worker;
  ready: boolean;
  pending: Map<number, Pending>;
}

/** What a pool has done so far, for tests and diagnostics. */
export interface RiskPoolStats {
  ready: number;
  restarts: number;
  checkedInWorkers: number;
}

/** A pool of `size` worker threads (at least one). */
export function workerRiskChecker(size: number): RiskChecker & { stats(): RiskPoolStats } {
  const workers: PoolWorker[] = [];
  let nextId = 0;
  let restarts = 0;
  let closed = false;
  let checkedInWorkers = 0;

  const settleInline = (pool: PoolWorker) => {
    for (const { text, resolve } of pool.pending.values()) resolve(assessRisk(text));
    pool.pending.clear();
  };

  const start = (): void => {
    const pool: PoolWorker = {
      worker: new Worker(new URL('./risk.worker.mjs', import.meta.url)),
      ready: false,
      pending: new Map(),
    };
    pool.worker.unref();
    pool.worker.on(
      'message',
      (message: { ready?: boolean; id?: number; assessment?: RiskAssessment }) => {
        if (message.ready) {
          pool.ready = true;
          return;
        }
        const waiting = message.id === undefined ? undefined : pool.pending.get(message.id);
        if (!waiting || message.id === undefined) return;
        pool.pending.delete(message.id);
        checkedInWorkers += 1;
        waiting.resolve(message.assessment ?? assessRisk(waiting.text));
      },
    );
    const fail = () => {
      const index = workers.indexOf(pool);
      if (index === -1) return;
      workers.splice(index, 1);
      settleInline(pool);
      if (!closed && restarts < MAX_RESTARTS) {
        restarts += 1;
        start();
      }
    };
    pool.worker.on('error', fail);
    pool.worker.on('exit', fail);
    workers.push(pool);
  };

  for (let index = 0; index < Math.max(1, size); index += 1) start();

  return {
    stats: () => ({
      ready: workers.filter((pool) => pool.ready).length,
      restarts,
      checkedInWorkers,
    }),
    assess(text) {
      if (text.length < WORKER_MIN_LENGTH) return Promise.resolve(assessRisk(text));
      let chosen: PoolWorker | undefined;
      for (const pool of workers) {
        if (pool.ready && (!chosen || pool.pending.size < chosen.pending.size)) chosen = pool;
      }
      if (!chosen) return Promise.resolve(assessRisk(text));
      const pool = chosen;
      const id = nextId;
      nextId += 1;
      return new Promise((resolve) => {
        pool.pending.set(id, { text, resolve });
        pool.worker.postMessage({ id, text });
      });
    },
    async close() {
      closed = true;
      const all = workers.splice(0);
      for (const pool of all) settleInline(pool);
      await Promise.all(all.map((pool) => pool.worker.terminate()));
    },
  };
}
