import { describe, expect, it } from 'vitest';
import { SessionCache } from './session-cache';
import type { SessionWithUser } from './session.repository';

function session(id: string): SessionWithUser {
  return {
    id,
    userId: `user-${id}`,
    csrfToken: 'token',
    createdAt: '2026-11-25T10:00:00.000Z',
    lastSeenAt: '2026-11-25T10:00:00.000Z',
    expiresAt: '2026-11-25T22:00:00.000Z',
    user: { id: `user-${id}`, email: null, username: 'sam', createdAt: '2026-11-25T10:00:00.000Z' },
  };
}

describe('SessionCache', () => {
  it('returns what was stored until its time to live has passed', () => {
    let now = 0;
    const cache = new SessionCache(5_000, 10, () => now);
    cache.set(session('a'));
    now = 5_000;
    expect(cache.get('a')?.userId).toBe('user-a');
    now = 5_001;
    expect(cache.get('a')).toBeNull();
    // The expired entry is gone, not merely hidden.
    now = 0;
    expect(cache.get('a')).toBeNull();
  });

  it('hands out copies, so a caller cannot change the cached session', () => {
    const cache = new SessionCache();
    cache.set(session('a'));
    const copy = cache.get('a') as SessionWithUser;
    copy.lastSeenAt = 'changed';
    copy.csrfToken = 'changed';
    expect(cache.get('a')?.lastSeenAt).toBe('2026-11-25T10:00:00.000Z');
    expect(cache.get('a')?.csrfToken).toBe('token');
  });

  it('records a touch without extending the entry’s life', () => {
    let now = 0;
    const cache = new SessionCache(1_000, 10, () => now);
    cache.set(session('a'));
    now = 900;
    cache.touch('a', '2026-11-25T10:05:00.000Z');
    expect(cache.get('a')?.lastSeenAt).toBe('2026-11-25T10:05:00.000Z');
    now = 1_001;
    expect(cache.get('a')).toBeNull();
  });

  it('forgets deleted and cleared sessions at once', () => {
    const cache = new SessionCache();
    cache.set(session('a'));
    cache.set(session('b'));
    cache.delete('a');
    expect(cache.get('a')).toBeNull();
    expect(cache.get('b')).not.toBeNull();
    cache.clear();
    expect(cache.get('b')).toBeNull();
  });

  it('holds at most its maximum, dropping the oldest first', () => {
    const cache = new SessionCache(60_000, 3);
    for (const id of ['a', 'b', 'c', 'd']) cache.set(session(id));
    expect(cache.get('a')).toBeNull();
    expect(['b', 'c', 'd'].map((id) => cache.get(id)?.id)).toEqual(['b', 'c', 'd']);
  });
});
