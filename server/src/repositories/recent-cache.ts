/**
 * Recently read rows, kept in memory so that the checks made on every request need no query.
 *
 * Only for use where this process is the database's only writer (SQLite, held with an
 * exclusive lock): the repository that owns the rows updates or drops the entry on every
 * change it makes, so the cache cannot disagree with the table. Entries also expire after a
 * few seconds, which bounds how long a change made some other way (a cascade from deleting a
 * person, say) can go unseen. Values are copied in and out, so a caller cannot change a
 * cached row by accident. See docs/decisions/0003.
 */
export class RecentCache<Value extends object | null> {
  private readonly entries = new Map<string, { value: Value; storedAt: number }>();

  constructor(
    private readonly timeToLiveMs = 5_000,
    private readonly maxEntries = 10_000,
    private readonly monotonicNow: () => number = () => performance.now(),
  ) {}

  /** A copy of the cached value; `undefined` when absent or too old (null is a value). */
  get(key: string): Value | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (this.monotonicNow() - entry.storedAt > this.timeToLiveMs) {
      this.entries.delete(key);
      return undefined;
    }
    return copy(entry.value);
  }

  set(key: string, value: Value): void {
    if (this.entries.size >= this.maxEntries && !this.entries.has(key)) {
      // Oldest first: a Map iterates in insertion order.
      this.entries.delete(this.entries.keys().next().value as string);
    }
    this.entries.set(key, { value: copy(value), storedAt: this.monotonicNow() });
  }

  /** Changes the cached value in place without extending the entry's life. */
  update(key: string, change: (value: Value) => void): void {
    const entry = this.entries.get(key);
    if (entry) change(entry.value);
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
  }
}

function copy<Value extends object | null>(value: Value): Value {
  return value === null ? value : { ...value };
}
