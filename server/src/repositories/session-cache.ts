import type { SessionWithUser } from './session.repository';

/**
 * Recently seen sessions, kept in memory so that most signed-in requests need no query.
 *
 * Only used where this process is the database's only writer (SQLite, held with an
 * exclusive lock): every change to a session goes through SessionRepository, which updates
 * or drops the entry, so the cache cannot disagree with the table. Entries also expire after
 * a few seconds, which bounds how long a change made some other way (a cascade from deleting
 * a user, say) can go unseen. Unknown tokens are never cached, so random cookies cannot fill
 * memory. See docs/decisions/0003.
 */
export class SessionCache {
  private readonly entries = new Map<string, { session: SessionWithUser; storedAt: number }>();

  constructor(
    private readonly timeToLiveMs = 5_000,
    private readonly maxEntries = 10_000,
    private readonly monotonicNow: () => number = () => performance.now(),
  ) {}

  /** A copy of the cached session, or null when absent or too old. */
  get(id: string): SessionWithUser | null {
    const entry = this.entries.get(id);
    if (!entry) return null;
    if (this.monotonicNow() - entry.storedAt > this.timeToLiveMs) {
      this.entries.delete(id);
      return null;
    }
    return { ...entry.session };
  }

  set(session: SessionWithUser): void {
    if (this.entries.size >= this.maxEntries && !this.entries.has(session.id)) {
      // Oldest first: a Map iterates in insertion order.
      this.entries.delete(this.entries.keys().next().value as string);
    }
    this.entries.set(session.id, { session: { ...session }, storedAt: this.monotonicNow() });
  }

  /** Records a new last-seen time without extending the entry's life. */
  touch(id: string, lastSeenAt: string): void {
    const entry = this.entries.get(id);
    if (entry) entry.session.lastSeenAt = lastSeenAt;
  }

  delete(id: string): void {
    this.entries.delete(id);
  }

  clear(): void {
    this.entries.clear();
  }
}
