import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DraftSync, type SyncStatus } from './draft-sync';

type Answers = Record<string, number>;

/** A fake server whose replies the test releases one by one, in any order it likes. */
function fakeServer() {
  const pending: { answers: Answers; resolve: () => void; reject: (error: unknown) => void }[] = [];
  const stored: Answers[] = [];
  let inFlight = 0;
  let mostInFlight = 0;
  return {
    pending,
    stored,
    get mostInFlight() {
      return mostInFlight;
    },
    send(answers: Answers) {
      inFlight += 1;
      mostInFlight = Math.max(mostInFlight, inFlight);
      return new Promise<void>((resolve, reject) => {
        pending.push({
          answers,
          resolve: () => {
            inFlight -= 1;
            stored.push(answers);
            resolve();
          },
          reject: (error) => {
            inFlight -= 1;
            reject(error);
          },
        });
      });
    },
  };
}

const OFFLINE = new Error('offline');

function makeSync(server: ReturnType<typeof fakeServer>) {
  const statuses: SyncStatus[] = [];
  const synced: Answers[] = [];
  const sync = new DraftSync<Answers>({
    send: (answers) => server.send(answers),
    onStatus: (status) => statuses.push(status),
    onSynced: (answers) => synced.push(answers),
    isRetryable: (error) => error === OFFLINE,
    delayMs: 100,
    firstRetryMs: 1_000,
    maxRetryMs: 4_000,
  });
  return { sync, statuses, synced };
}

describe('DraftSync', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('gathers a burst of clicks into one save of the newest answers', async () => {
    const server = fakeServer();
    const { sync, statuses, synced } = makeSync(server);
    sync.change({ a: 1 });
    sync.change({ a: 1, b: 2 });
    sync.change({ a: 1, b: 3 });
    await vi.advanceTimersByTimeAsync(100);
    expect(server.pending).toHaveLength(1);
    expect(server.pending[0]?.answers).toEqual({ a: 1, b: 3 });
    server.pending[0]?.resolve();
    await vi.advanceTimersByTimeAsync(0);
    expect(statuses).toEqual(['saving', 'saved']);
    expect(synced).toEqual([{ a: 1, b: 3 }]);
    expect(sync.unsent).toBe(false);
  });

  it('never has two saves on the way, and the last one stored is always the newest', async () => {
    const server = fakeServer();
    const { sync, synced } = makeSync(server);
    sync.change({ a: 1 });
    await vi.advanceTimersByTimeAsync(100);
    // Clicks while the first save is slow to answer.
    sync.change({ a: 2 });
    await vi.advanceTimersByTimeAsync(100);
    sync.change({ a: 3 });
    await vi.advanceTimersByTimeAsync(500);
    expect(server.pending).toHaveLength(1);
    server.pending[0]?.resolve();
    await vi.advanceTimersByTimeAsync(0);
    // The newest answers go next, at once; the one in between is never sent.
    expect(server.pending).toHaveLength(2);
    expect(server.pending[1]?.answers).toEqual({ a: 3 });
    expect(synced).toEqual([]);
    server.pending[1]?.resolve();
    await vi.advanceTimersByTimeAsync(0);
    expect(server.stored).toEqual([{ a: 1 }, { a: 3 }]);
    expect(server.mostInFlight).toBe(1);
    expect(synced).toEqual([{ a: 3 }]);
  });

  it('keeps trying, later and later, while the server cannot be reached', async () => {
    const server = fakeServer();
    const { sync, statuses } = makeSync(server);
    sync.change({ a: 1 });
    await vi.advanceTimersByTimeAsync(100);
    server.pending[0]?.reject(OFFLINE);
    await vi.advanceTimersByTimeAsync(0);
    expect(statuses.at(-1)).toBe('offline');
    await vi.advanceTimersByTimeAsync(999);
    expect(server.pending).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(server.pending).toHaveLength(2);
    server.pending[1]?.reject(OFFLINE);
    await vi.advanceTimersByTimeAsync(1_999);
    expect(server.pending).toHaveLength(2);
    // Back online: no need to wait for the next try.
    sync.nudge();
    await vi.advanceTimersByTimeAsync(0);
    expect(server.pending).toHaveLength(3);
    server.pending[2]?.resolve();
    await vi.advanceTimersByTimeAsync(0);
    expect(statuses.at(-1)).toBe('saved');
  });

  it('stops retrying an answer the server refuses, until the next change', async () => {
    const server = fakeServer();
    const { sync, statuses } = makeSync(server);
    sync.change({ a: 9 });
    await vi.advanceTimersByTimeAsync(100);
    server.pending[0]?.reject(new Error('invalid_answer'));
    await vi.advanceTimersByTimeAsync(60_000);
    expect(server.pending).toHaveLength(1);
    expect(statuses.at(-1)).toBe('refused');
    sync.change({ a: 1 });
    await vi.advanceTimersByTimeAsync(100);
    expect(server.pending).toHaveLength(2);
  });

  it('waits for the save on its way when stopped, and sends nothing more', async () => {
    const server = fakeServer();
    const { sync } = makeSync(server);
    sync.change({ a: 1 });
    await vi.advanceTimersByTimeAsync(100);
    sync.change({ a: 2 });
    let stopped = false;
    const stopping = sync.stop().then(() => {
      stopped = true;
    });
    await vi.advanceTimersByTimeAsync(0);
    expect(stopped).toBe(false);
    server.pending[0]?.resolve();
    await stopping;
    await vi.advanceTimersByTimeAsync(1_000);
    expect(server.pending).toHaveLength(1);
    expect(sync.unsent).toBe(true);
    sync.resume();
    await vi.advanceTimersByTimeAsync(0);
    expect(server.pending[1]?.answers).toEqual({ a: 2 });
  });

  it('sends at once when the page is closed, unless a save is already on its way', async () => {
    const server = fakeServer();
    const sent: boolean[] = [];
    const sync = new DraftSync<Answers>({
      send: (answers, { keepalive }) => {
        sent.push(keepalive);
        return server.send(answers);
      },
      onStatus: () => undefined,
      isRetryable: () => true,
    });
    sync.change({ a: 1 });
    sync.sendBeforeLeaving();
    expect(sent).toEqual([true]);
    sync.change({ a: 2 });
    sync.sendBeforeLeaving();
    expect(sent).toEqual([true]);
  });
});
