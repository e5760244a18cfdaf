/**
 * Sends a Check's answers to the server as the person goes, one request at a time.
 *
 * Every PUT carries all the answers so far, so the server's copy is only right if the last
 * request to arrive is the newest. Two requests in flight could arrive in either order, so
 * there is never more than one: changes made while a save is on its way wait, and the newest
 * answers (only those) go next. A burst of clicks is gathered into one save after a short
 * pause. A save that cannot reach the server is tried again, later and later; the answers are
 * also kept on the device by the caller, so nothing waits on the network to be safe.
 */

export type SyncStatus =
  /** Nothing changed yet. */
  | 'idle'
  /** A change waits to be sent, or is on its way. */
  | 'saving'
  /** The server holds the newest answers. */
  | 'saved'
  /** The server could not be reached; kept on this device and tried again. */
  | 'offline'
  /** The server said no (signed out, consent withdrawn, a rejected answer): not retried. */
  | 'refused';

export interface DraftSyncOptions<Answers> {
  send: (answers: Answers, options: { keepalive: boolean }) => Promise<void>;
  /** Called with every change of status; `error` is the refusal, if any. */
  onStatus: (status: SyncStatus, error?: unknown) => void;
  /** Called when the server holds exactly these answers, the newest there are. */
  onSynced?: (answers: Answers) => void;
  /** Whether a failed save is worth trying again (a lost connection, a server hiccup). */
  isRetryable: (error: unknown) => boolean;
  delayMs?: number;
  firstRetryMs?: number;
  maxRetryMs?: number;
}

export class DraftSync<Answers> {
  private latest: Answers | null = null;
  /** Counts changes; `acknowledged` is the change the server last confirmed. */
  private changes = 0;
  private acknowledged = 0;
  private inFlight: Promise<void> | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private retryMs: number;
  private stopped = false;
  private status: SyncStatus = 'idle';
  private readonly delayMs: number;
  private readonly firstRetryMs: number;
  private readonly maxRetryMs: number;

  constructor(private readonly options: DraftSyncOptions<Answers>) {
    this.delayMs = options.delayMs ?? 400;
    this.firstRetryMs = options.firstRetryMs ?? 2_000;
    this.maxRetryMs = options.maxRetryMs ?? 30_000;
    this.retryMs = this.firstRetryMs;
  }

  /** The newest answers: saved after a short pause, or after the save on its way. */
  change(answers: Answers): void {
    if (this.stopped) return;
    this.latest = answers;
    this.changes += 1;
    this.retryMs = this.firstRetryMs;
    this.setStatus('saving');
    this.schedule(this.delayMs);
  }

  /** Whether some change has not been confirmed by the server yet. */
  get unsent(): boolean {
    return this.acknowledged !== this.changes;
  }

  /** Sends now rather than after the pause, e.g. when the connection comes back. */
  nudge(): void {
    if (this.stopped || !this.unsent) return;
    this.schedule(0);
  }

  /**
   * When the page is being closed: if no save is on its way, sends the newest answers at once
   * with `keepalive`, so the request outlives the page. If one is on its way, a second could
   * overtake it; the copy on the device covers that case.
   */
  sendBeforeLeaving(): void {
    if (this.stopped || !this.unsent || this.inFlight || this.latest === null) return;
    clearTimeout(this.timer);
    void this.pump(true);
  }

  /** Stops for good (before sending the finished Check), once any save on its way is done. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.inFlight?.catch(() => undefined);
  }

  /** Starts again after `stop`, e.g. when sending the finished Check failed. */
  resume(): void {
    this.stopped = false;
    if (this.unsent) this.schedule(0);
  }

  private schedule(ms: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.pump(false), ms);
  }

  private setStatus(status: SyncStatus, error?: unknown): void {
    if (status === this.status && error === undefined) return;
    this.status = status;
    this.options.onStatus(status, error);
  }

  private async pump(keepalive: boolean): Promise<void> {
    if (this.stopped || this.inFlight || !this.unsent || this.latest === null) return;
    const change = this.changes;
    const answers = this.latest;
    const request = this.options.send(answers, { keepalive });
    this.inFlight = request;
    try {
      await request;
      this.acknowledged = Math.max(this.acknowledged, change);
      if (!this.unsent) {
        this.setStatus('saved');
        this.options.onSynced?.(answers);
      }
    } catch (error) {
      if (this.stopped) return;
      if (this.options.isRetryable(error)) {
        this.setStatus('offline');
        this.schedule(this.retryMs);
        this.retryMs = Math.min(this.retryMs * 2, this.maxRetryMs);
      } else {
        this.setStatus('refused', error);
      }
      return;
    } finally {
      this.inFlight = null;
    }
    // Changes made while this save was on its way: the newest go next, straight away.
    if (this.unsent && !this.stopped) this.schedule(0);
  }
}
