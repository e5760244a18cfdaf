import {
  createCipheriv,
  createDecipheriv,
  createSecretKey,
  randomBytes,
  type KeyObject,
} from 'node:crypto';
import { DomainError } from '../../../../core/errors/domain-error';
import type { MasterKey, MasterKeyRing } from './master-key';

/**
 * Per-person data keys and their wrapping under a master key (envelope encryption).
 * See docs/decisions/0006-encryption-at-rest.md.
 *
 * Wrapped format: `pk1:<master key id>:<base64url of iv(12) | encrypted key(32) | tag(16)>`,
 * AES-256-GCM, associated data `["closer-person-key","pk1",<master key id>,<user id>]` as JSON.
 * Binding the user id means a wrapped key copied onto another person's row does not unwrap;
 * binding the master key id means the id in the clear cannot be edited to point elsewhere.
 */

/** A person's 256-bit data key. A `KeyObject`, so it never shows up in a log or JSON. */
export type DataKey = KeyObject;

export const DATA_KEY_BYTES = 32;

const PREFIX = 'pk1';
const IV_BYTES = 12;
const TAG_BYTES = 16;
const WRAPPED_PATTERN = /^pk1:([0-9a-f]{8}):([A-Za-z0-9_-]{80})$/;

/**
 * Where wrapped person keys are kept: one row per person. The server implements it with
 * `PersonKeyRepository`, over the key store: a database of its own, apart from the main one
 * (db/key-store.ts, see the decision record); tests also use `InMemoryPersonKeyStore`.
 * `personKeyStoreContract` checks an implementation.
 *
 * Writes are conditional on purpose: two requests creating a person's first key at once must
 * not overwrite each other (that would orphan whatever the loser encrypted), and a rotation
 * must not bring back a key that was destroyed while it ran.
 */
export interface PersonKeyStore {
  /** The person's wrapped key, or null when they have none. */
  get(userId: string): Promise<string | null>;
  /** Stores a first key. Returns false, changing nothing, when the person already has one. */
  insert(userId: string, wrappedKey: string): Promise<boolean>;
  /**
   * Replaces the wrapped key only if it still equals `expected` (compare and set). Returns
   * whether it did; false when it changed or was deleted meanwhile.
   */
  replace(userId: string, expected: string, wrappedKey: string): Promise<boolean>;
  /** Deletes the person's key, if any. Irreversible by design: this is crypto-shredding. */
  delete(userId: string): Promise<void>;
  /**
   * Up to `limit` keys wrapped with any master key other than `masterKeyId`, ordered by user
   * id, starting after `afterUserId` when given (keyset paging). Implement it with a
   * `master_key_id` column set from `masterKeyIdOf(wrappedKey)` on every write.
   */
  listWrappedWithMasterKeyOtherThan(
    masterKeyId: string,
    page: { afterUserId: string | null; limit: number },
  ): Promise<{ userId: string; wrappedKey: string }[]>;
}

/** A new random data key for one person. */
export function createPersonKey(): DataKey {
  const bytes = randomBytes(DATA_KEY_BYTES);
  const key = createSecretKey(bytes);
  bytes.fill(0);
  return key;
}

/** Encrypts a person's data key under a master key, bound to the person's id. */
export function wrapPersonKey(dataKey: DataKey, masterKey: MasterKey, userId: string): string {
  const raw = dataKey.export();
  try {
    if (raw.length !== DATA_KEY_BYTES) {
      throw new Error(`A data key must be ${DATA_KEY_BYTES} bytes; this one is ${raw.length}.`);
    }
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', masterKey.key, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(associatedData(masterKey.id, userId));
    const encrypted = Buffer.concat([iv, cipher.update(raw), cipher.final(), cipher.getAuthTag()]);
    return `${PREFIX}:${masterKey.id}:${encrypted.toString('base64url')}`;
  } finally {
    raw.fill(0);
  }
}

/**
 * Decrypts a wrapped person key with whichever master key in the ring wrapped it. Throws a
 * `DomainError` `person_key_invalid` when that master key is not in the ring, or when the
 * wrapped key is malformed, altered or belongs to another person.
 */
export function unwrapPersonKey(wrappedKey: string, ring: MasterKeyRing, userId: string): DataKey {
  const match = WRAPPED_PATTERN.exec(wrappedKey);
  const masterKeyId = match?.[1];
  const encoded = match?.[2];
  if (!masterKeyId || !encoded) {
    throw personKeyInvalid('the stored key is not in a format Closer recognises');
  }
  const masterKey = ring.find(masterKeyId);
  if (!masterKey) {
    throw personKeyInvalid(
      `it was wrapped with master key ${masterKeyId}, which is not in the key ring (add it back as a previous key, then run the rotation)`,
    );
  }
  const bytes = Buffer.from(encoded, 'base64url');
  if (bytes.toString('base64url') !== encoded) {
    throw personKeyInvalid('the stored key is not in a format Closer recognises');
  }
  let raw: Buffer | null = null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', masterKey.key, bytes.subarray(0, IV_BYTES), {
      authTagLength: TAG_BYTES,
    });
    decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
    decipher.setAAD(associatedData(masterKeyId, userId));
    raw = Buffer.concat([
      decipher.update(bytes.subarray(IV_BYTES, bytes.length - TAG_BYTES)),
      decipher.final(),
    ]);
    return createSecretKey(raw);
  } catch {
    throw personKeyInvalid(
      'it failed its integrity check (altered, or copied from another person)',
    );
  } finally {
    raw?.fill(0);
  }
}

/**
 * True when two wrapped keys of one person hold the same data key (one is the other
 * rewrapped with another master key). False when they differ, or when either does not unwrap.
 */
export function holdSameDataKey(
  first: string,
  second: string,
  ring: MasterKeyRing,
  userId: string,
): boolean {
  if (first === second) return true;
  try {
    return unwrapPersonKey(first, ring, userId).equals(unwrapPersonKey(second, ring, userId));
  } catch (error) {
    if (error instanceof DomainError) return false;
    throw error;
  }
}

/** The id of the master key a wrapped key was made with, or null when it is malformed. */
export function masterKeyIdOf(wrappedKey: string): string | null {
  return WRAPPED_PATTERN.exec(wrappedKey)?.[1] ?? null;
}

function associatedData(masterKeyId: string, userId: string): Buffer {
  if (typeof userId !== 'string' || userId === '') {
    throw new TypeError('A person key needs the id of its person.');
  }
  return Buffer.from(JSON.stringify(['closer-person-key', PREFIX, masterKeyId, userId]), 'utf8');
}

function personKeyInvalid(reason: string): DomainError {
  return new DomainError(
    'person_key_invalid',
    `A person's data key could not be unwrapped: ${reason}.`,
  );
}
