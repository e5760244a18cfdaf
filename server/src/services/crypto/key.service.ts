import { DomainError } from '../../../../core/errors/domain-error';
import type { MasterKeyRing } from './master-key';
import {
  createPersonKey,
  masterKeyIdOf,
  unwrapPersonKey,
  wrapPersonKey,
  type DataKey,
  type PersonKeyStore,
} from './person-keys';

export interface KeyServiceOptions {
  /** Unwrapped keys kept in memory, least recently used dropped first. */
  maxCachedKeys?: number;
  /**
   * How long an unwrapped key may stay in memory. Bounds how long another server instance
   * can keep using a key after `destroy` ran on this one, and how long keys sit in memory.
   */
  cacheTimeToLiveMs?: number;
  /** Keys rewrapped per page during rotation. */
  rotationPageSize?: number;
  monotonicNow?: () => number;
}

export interface RotationReport {
  /** The master key every person key is now wrapped with. */
  masterKeyId: string;
  /** Person keys found wrapped with another master key. */
  examined: number;
  /** Of those, rewrapped with the current master key. */
  rewrapped: number;
  /** Changed or deleted by someone else during the rotation (a deleted account, say); left as they are. */
  skipped: number;
  /**
   * Keys that could not be unwrapped: their master key is not in the ring, or the row was
   * altered. Do not retire any master key while this is not empty.
   */
  failed: { userId: string; masterKeyId: string | null }[];
}

interface CacheEntry {
  key: DataKey;
  storedAt: number;
}

/**
 * Gives out each person's data key: creates it on first use, unwraps it with the master key
 * ring, keeps recently used keys in memory, destroys keys (crypto-shredding) and rewraps them
 * all when the master key changes. See docs/decisions/0006-encryption-at-rest.md.
 */
export class KeyService {
  private readonly cache = new Map<string, CacheEntry>();
  /** Lookups in flight, so concurrent requests for one person unwrap (or create) once. */
  private readonly pending = new Map<string, Promise<DataKey | null>>();
  private readonly maxCachedKeys: number;
  private readonly cacheTimeToLiveMs: number;
  private readonly rotationPageSize: number;
  private readonly monotonicNow: () => number;

  constructor(
    private readonly store: PersonKeyStore,
    private readonly ring: MasterKeyRing,
    options: KeyServiceOptions = {},
  ) {
    this.maxCachedKeys = options.maxCachedKeys ?? 10_000;
    this.cacheTimeToLiveMs = options.cacheTimeToLiveMs ?? 5 * 60_000;
    this.rotationPageSize = options.rotationPageSize ?? 500;
    this.monotonicNow = options.monotonicNow ?? (() => performance.now());
  }

  /** The person's data key, created and stored on first use. Use it to encrypt. */
  async dataKeyFor(userId: string): Promise<DataKey> {
    const key = await this.lookup(userId, true);
    if (!key) throw new Error('A created person key was not returned.'); // Unreachable.
    return key;
  }

  /**
   * The person's data key, or null when they have none (never had one, or it was destroyed).
   * Use it to decrypt, so reading a deleted person's rows does not create a new key.
   */
  async existingDataKeyFor(userId: string): Promise<DataKey | null> {
    return this.lookup(userId, false);
  }

  /** Drops the person's key from memory (it stays stored). */
  forget(userId: string): void {
    this.cache.delete(userId);
    this.pending.delete(userId);
  }

  /**
   * Crypto-shredding: deletes the person's stored key and drops it from memory. Everything
   * encrypted with it becomes unreadable, wherever copies of the ciphertext are kept, once no
   * backup of the key store remains readable (see the decision record).
   */
  async destroy(userId: string): Promise<void> {
    this.forget(userId);
    await this.store.delete(userId);
    // A lookup that started before the delete may have refilled the cache meanwhile.
    this.forget(userId);
  }

  /**
   * Rewraps every person key not yet wrapped with the current master key. Idempotent: a
   * second run finds nothing to do. Safe while the server serves requests and on several
   * instances at once (writes are compare-and-set); the data keys themselves do not change,
   * so no personal data needs re-encrypting.
   */
  async rotateMasterKey(): Promise<RotationReport> {
    const current = this.ring.current;
    const report: RotationReport = {
      masterKeyId: current.id,
      examined: 0,
      rewrapped: 0,
      skipped: 0,
      failed: [],
    };
    let afterUserId: string | null = null;
    for (;;) {
      const page = await this.store.listWrappedWithMasterKeyOtherThan(current.id, {
        afterUserId,
        limit: this.rotationPageSize,
      });
      for (const { userId, wrappedKey } of page) {
        report.examined += 1;
        let dataKey: DataKey;
        try {
          dataKey = unwrapPersonKey(wrappedKey, this.ring, userId);
        } catch (error) {
          if (!(error instanceof DomainError)) throw error;
          report.failed.push({ userId, masterKeyId: masterKeyIdOf(wrappedKey) });
          continue;
        }
        const rewrapped = wrapPersonKey(dataKey, current, userId);
        if (await this.store.replace(userId, wrappedKey, rewrapped)) report.rewrapped += 1;
        else report.skipped += 1;
      }
      const last = page.at(-1);
      if (!last || page.length < this.rotationPageSize) return report;
      afterUserId = last.userId;
    }
  }

  private lookup(userId: string, create: boolean): Promise<DataKey | null> {
    const cached = this.cache.get(userId);
    if (cached) {
      if (this.monotonicNow() - cached.storedAt <= this.cacheTimeToLiveMs) {
        // Most recently used last: a Map iterates in insertion order.
        this.cache.delete(userId);
        this.cache.set(userId, cached);
        return Promise.resolve(cached.key);
      }
      this.cache.delete(userId);
    }
    const inFlight = this.pending.get(userId);
    if (inFlight)
      return create ? inFlight.then((key) => key ?? this.lookup(userId, true)) : inFlight;

    const loading = this.load(userId, create).then(
      (key) => {
        // Only remember the result if nobody forgot or destroyed the person meanwhile.
        if (this.pending.get(userId) === loading) {
          this.pending.delete(userId);
          if (key) this.remember(userId, key);
        }
        return key;
      },
      (error: unknown) => {
        if (this.pending.get(userId) === loading) this.pending.delete(userId);
        throw error;
      },
    );
    this.pending.set(userId, loading);
    return loading;
  }

  private async load(userId: string, create: boolean): Promise<DataKey | null> {
    const stored = await this.store.get(userId);
    if (stored) return unwrapPersonKey(stored, this.ring, userId);
    if (!create) return null;
    const key = createPersonKey();
    if (await this.store.insert(userId, wrapPersonKey(key, this.ring.current, userId))) return key;
    // Another instance stored a first key at the same moment: use theirs.
    const winner = await this.store.get(userId);
    if (!winner) throw new Error('A person key vanished while it was being created.');
    return unwrapPersonKey(winner, this.ring, userId);
  }

  private remember(userId: string, key: DataKey): void {
    if (this.cache.size >= this.maxCachedKeys) {
      const oldest = this.cache.keys().next();
      if (!oldest.done) this.cache.delete(oldest.value);
    }
    this.cache.set(userId, { key, storedAt: this.monotonicNow() });
  }
}
