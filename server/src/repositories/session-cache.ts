import { RecentCache } from './recent-cache';
import type { SessionWithUser } from './session.repository';

/**
 * Recently seen sessions, kept in memory so that most signed-in requests need no query
 * (SQLite only; see RecentCache for why that is safe). Every change to a session goes through
 * SessionRepository, which updates or drops the entry. Unknown tokens are never cached, so
 * random cookies cannot fill memory. See docs/decisions/0003.
 */
export class SessionCache {
  private readonly recent: RecentCache<SessionWithUser>;

  constructor(timeToLiveMs = 5_000, maxEntries = 10_000, monotonicNow?: () => number) {
    this.recent = new RecentCache(timeToLiveMs, maxEntries, monotonicNow);
  }

  /** A copy of the cached session, or null when absent or too old. */
  get(id: string): SessionWithUser | null {
    return this.recent.get(id) ?? null;
  }

  set(session: SessionWithUser): void {
    this.recent.set(session.id, session);
  }

  /** Records a new last-seen time without extending the entry's life. */
  touch(id: string, lastSeenAt: string): void {
    this.recent.update(id, (session) => (session.lastSeenAt = lastSeenAt));
  }

  delete(id: string): void {
    this.recent.delete(id);
  }

  clear(): void {
    this.recent.clear();
  }
}
