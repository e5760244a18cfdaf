import { describe, expect, it } from 'vitest';
import { RecentCache } from './recent-cache';

describe('RecentCache', () => {
  it('tells a cached null apart from a missing entry', () => {
    const cache = new RecentCache<{ version: string } | null>();
    expect(cache.get('a')).toBeUndefined();
    cache.set('a', null);
    expect(cache.get('a')).toBeNull();
  });

  it('expires entries after their time to live and evicts the oldest when full', () => {
    let now = 0;
    const cache = new RecentCache<{ n: number }>(1_000, 2, () => now);
    cache.set('a', { n: 1 });
    cache.set('b', { n: 2 });
    cache.set('c', { n: 3 });
    expect(cache.get('a')).toBeUndefined();
    expect(cache.get('b')).toEqual({ n: 2 });
    now = 1_001;
    expect(cache.get('c')).toBeUndefined();
  });

  it('copies values in and out, and updates in place without renewing the entry', () => {
    let now = 0;
    const cache = new RecentCache<{ n: number }>(1_000, 10, () => now);
    const stored = { n: 1 };
    cache.set('a', stored);
    stored.n = 99;
    const read = cache.get('a') as { n: number };
    read.n = 42;
    expect(cache.get('a')).toEqual({ n: 1 });
    now = 900;
    cache.update('a', (value) => (value.n = 2));
    expect(cache.get('a')).toEqual({ n: 2 });
    now = 1_001;
    expect(cache.get('a')).toBeUndefined();
  });
});
