import { createHash } from 'node:crypto';
import type { AccessLogEntry, AccessLogRepository } from '../../repositories/access-log.repository';
import { newId } from '../auth/tokens';
import type { Clock } from '../clock';

/** The hash a chain starts from. */
export const GENESIS_HASH = '0'.repeat(64);

export interface ChainCheck {
  intact: boolean;
  entries: number;
  /** The sequence number of the first entry that does not fit, if any. */
  brokenAt: number | null;
  problem: string | null;
}

/**
 * Every read of a record by anyone but its owner, written where the owner can see it. Each
 * row's hash covers its content and the previous row's hash, and the newest hash is kept
 * as the chain's head: editing a row, deleting one, or cutting rows off the end all break
 * the chain and `verify` says where. (Someone able to rewrite the whole chain and its head
 * could hide a change; anchoring heads outside the database would close that gap.)
 */
export class AccessLogService {
  constructor(
    private readonly log: AccessLogRepository,
    private readonly clock: Clock,
  ) {}

  async record(entry: {
    ownerId: string;
    actorId: string;
    recordType: string;
    recordId: string;
    action: string;
    reason: string;
  }): Promise<void> {
    const at = this.clock.now().toISOString();
    await this.log.append(entry.ownerId, (head) => {
      const sequence = (head?.sequence ?? 0) + 1;
      const previousHash = head?.hash ?? GENESIS_HASH;
      const linked = { id: newId(), ...entry, sequence, at, previousHash, hash: '' };
      return { ...linked, hash: entryHash(linked) };
    });
  }

  list(ownerId: string): Promise<AccessLogEntry[]> {
    return this.log.listByOwner(ownerId);
  }

  async verify(ownerId: string): Promise<ChainCheck> {
    const entries = await this.log.listByOwner(ownerId);
    const head = await this.log.head(ownerId);
    let previousHash = GENESIS_HASH;
    for (const [index, entry] of entries.entries()) {
      const expectedSequence = index + 1;
      if (entry.sequence !== expectedSequence) {
        return broken(entries.length, expectedSequence, 'an entry is missing');
      }
      if (entry.previousHash !== previousHash) {
        return broken(entries.length, entry.sequence, 'an entry does not follow the one before it');
      }
      if (entryHash(entry) !== entry.hash) {
        return broken(entries.length, entry.sequence, 'an entry was changed after it was written');
      }
      previousHash = entry.hash;
    }
    const last = entries[entries.length - 1];
    if (
      (head?.sequence ?? 0) !== (last?.sequence ?? 0) ||
      (head?.hash ?? GENESIS_HASH) !== previousHash
    ) {
      return broken(entries.length, (last?.sequence ?? 0) + 1, 'entries are missing from the end');
    }
    return { intact: true, entries: entries.length, brokenAt: null, problem: null };
  }
}

function broken(entries: number, brokenAt: number, problem: string): ChainCheck {
  return { intact: false, entries, brokenAt, problem };
}

/** SHA-256 over every field but the hash itself, in a fixed order. */
export function entryHash(entry: Omit<AccessLogEntry, 'hash'>): string {
  const canonical = JSON.stringify([
    entry.ownerId,
    entry.sequence,
    entry.actorId,
    entry.recordType,
    entry.recordId,
    entry.action,
    entry.reason,
    entry.at,
    entry.previousHash,
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}
