import { createHash, createSecretKey, randomBytes, type KeyObject } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { syncFolder } from '../../db/sync-folder';

/**
 * The server's master keys: they wrap (encrypt) each person's data key and nothing else.
 * See docs/decisions/0006-encryption-at-rest.md for the key hierarchy and rotation.
 *
 * Key material lives only in `KeyObject`s, which print as `SecretKeyObject {}` and serialise
 * to `{}`: logging a ring, a key or an error from this module cannot reveal a key.
 */

/** Bytes in a master key (AES-256). */
export const MASTER_KEY_BYTES = 32;

/** The key file created in DATA_DIR when neither CLOSER_MASTER_KEY nor a key file is given. */
export const MASTER_KEY_FILE_NAME = 'master.key';

export interface MasterKey {
  /** First 8 hex characters of the SHA-256 of the key: stable, short, reveals nothing useful. */
  readonly id: string;
  readonly key: KeyObject;
}

/** The current master key, which wraps every new or rotated person key, and older ones kept to unwrap. */
export class MasterKeyRing {
  readonly current: MasterKey;
  readonly previous: readonly MasterKey[];
  private readonly byId: ReadonlyMap<string, MasterKey>;

  /** Throws when a key appears twice or two keys share an id. */
  constructor(current: MasterKey, previous: readonly MasterKey[] = []) {
    const byId = new Map<string, MasterKey>();
    for (const key of [current, ...previous]) {
      const same = byId.get(key.id);
      if (same) {
        throw new Error(
          same.key.equals(key.key)
            ? `Master key ${key.id} is listed twice in the key ring; list each key once.`
            : `Two different master keys share the id ${key.id} (a 1 in 4 billion chance); generate another new key.`,
        );
      }
      byId.set(key.id, key);
    }
    this.current = current;
    this.previous = previous;
    this.byId = byId;
  }

  /** Builds a ring from raw 32-byte keys; the first is current. */
  static fromBytes(current: Uint8Array, previous: readonly Uint8Array[] = []): MasterKeyRing {
    return new MasterKeyRing(masterKeyFromBytes(current), previous.map(masterKeyFromBytes));
  }

  /** The key with this id, or null when it is not (or no longer) in the ring. */
  find(id: string): MasterKey | null {
    return this.byId.get(id) ?? null;
  }

  /** Ids of every key in the ring, current first. Safe to log. */
  ids(): string[] {
    return [...this.byId.keys()];
  }
}

/** Wraps 32 raw bytes as a master key. The bytes are copied; the caller may zero them. */
export function masterKeyFromBytes(bytes: Uint8Array): MasterKey {
  if (bytes.length !== MASTER_KEY_BYTES) {
    throw new Error(`A master key must be ${MASTER_KEY_BYTES} bytes; this one is ${bytes.length}.`);
  }
  return { id: masterKeyId(bytes), key: createSecretKey(Buffer.from(bytes)) };
}

/**
 * The id of a master key: the first 8 hex characters of SHA-256 over its 32 raw bytes.
 * An operator can compute it with `base64 -d <<<"$KEY" | sha256sum | cut -c1-8`.
 */
export function masterKeyId(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex').slice(0, 8);
}

/** A new random master key, base64-encoded (the format of the key file and CLOSER_MASTER_KEY). */
export function generateMasterKey(): string {
  return randomBytes(MASTER_KEY_BYTES).toString('base64');
}

/**
 * Decodes a master key written as 64 hex characters or as base64 (standard or URL-safe, with
 * or without padding) of exactly 32 bytes. `where` names the source in errors; the value itself
 * never appears in an error.
 */
export function parseMasterKey(text: string, where: string): Buffer {
  const value = text.trim();
  if (/^[0-9a-fA-F]{64}$/.test(value)) return Buffer.from(value, 'hex');
  // Buffer.from(…, 'base64') skips characters it does not know and ignores stray trailing
  // bits, so check the alphabet and the round trip: a typo must not quietly become a key.
  if (/^[A-Za-z0-9+/_-]+={0,2}$/.test(value)) {
    const bytes = Buffer.from(value.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
    const canonical = bytes.toString('base64').replace(/=+$/, '');
    const given = value.replace(/-/g, '+').replace(/_/g, '/').replace(/=+$/, '');
    if (canonical === given && bytes.length === MASTER_KEY_BYTES) return bytes;
    if (canonical === given) {
      throw new Error(
        `${where} decodes to ${bytes.length} bytes; a master key must be exactly ${MASTER_KEY_BYTES} bytes (44 base64 or 64 hex characters).`,
      );
    }
  }
  throw new Error(
    `${where} is not a valid master key: write ${MASTER_KEY_BYTES} random bytes as base64 (44 characters, e.g. \`openssl rand -base64 32\`) or as 64 hex characters.`,
  );
}

export interface LoadedMasterKeyRing {
  ring: MasterKeyRing;
  /** Where the keys came from; safe to log. */
  source: 'environment' | 'key-file';
  /** The key file read (or created), or null when the keys came from the environment. */
  keyFile: string | null;
  /** True when this call created a new key file (first start). */
  created: boolean;
}

export interface LoadMasterKeyRingOptions {
  /** DATA_DIR: where the default key file lives. */
  dataDir: string;
  env?: NodeJS.ProcessEnv;
}

/**
 * Loads the master key ring, in this order:
 * 1. `CLOSER_MASTER_KEY` (base64 or hex of 32 bytes) is the current key, and
 *    `CLOSER_MASTER_KEY_PREVIOUS` (comma-separated, same encodings) lists older keys still needed
 *    to unwrap. No key file is read.
 * 2. Otherwise the key file `CLOSER_MASTER_KEY_FILE`, which must exist, or `DATA_DIR/master.key`,
 *    which is created on first start. One key per line, the first the current one, later lines
 *    older keys; blank lines and lines starting with `#` are ignored.
 *
 * A key file is refused unless only its owner may read or write it (mode 0600 or 0400): a key
 * any other account on the machine can read protects nothing.
 */
export function loadMasterKeyRing(options: LoadMasterKeyRingOptions): LoadedMasterKeyRing {
  const env = options.env ?? process.env;
  if (env.CLOSER_MASTER_KEY) {
    const current = parseMasterKey(env.CLOSER_MASTER_KEY, 'CLOSER_MASTER_KEY');
    const previous = (env.CLOSER_MASTER_KEY_PREVIOUS ?? '')
      .split(',')
      .map((entry) => entry.trim())
      .filter((entry) => entry !== '')
      .map((entry, index) =>
        parseMasterKey(entry, `CLOSER_MASTER_KEY_PREVIOUS (entry ${index + 1})`),
      );
    return {
      ring: MasterKeyRing.fromBytes(current, previous),
      source: 'environment',
      keyFile: null,
      created: false,
    };
  }
  if (env.CLOSER_MASTER_KEY_PREVIOUS) {
    throw new Error(
      'CLOSER_MASTER_KEY_PREVIOUS is set but CLOSER_MASTER_KEY is not; set both, or keep all keys in the key file.',
    );
  }
  if (env.CLOSER_MASTER_KEY_FILE) {
    const file = path.resolve(env.CLOSER_MASTER_KEY_FILE);
    return { ring: readKeyFile(file), source: 'key-file', keyFile: file, created: false };
  }
  const file = path.join(path.resolve(options.dataDir), MASTER_KEY_FILE_NAME);
  const created = createKeyFileIfMissing(file);
  return { ring: readKeyFile(file), source: 'key-file', keyFile: file, created };
}

/** Largest key file we read: a comment header and a few dozen keys fit many times over. */
const MAX_KEY_FILE_BYTES = 64 * 1024;

/** Reads and checks a key file; throws a clear error naming the file, never its content. */
export function readKeyFile(file: string): MasterKeyRing {
  let descriptor: number;
  try {
    descriptor = fs.openSync(file, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new Error(`The master key file ${file} does not exist.`, { cause: error });
    }
    throw error;
  }
  try {
    // Checked on the open descriptor, so the file cannot be swapped between check and read.
    const stats = fs.fstatSync(descriptor);
    if (!stats.isFile()) throw new Error(`The master key file ${file} is not a regular file.`);
    // Windows has no POSIX modes to check (Node reports 0o666 for every file there).
    if (process.platform !== 'win32' && (stats.mode & 0o077) !== 0) {
      throw new Error(
        `The master key file ${file} may be read or changed by other accounts (mode ${(stats.mode & 0o777).toString(8).padStart(4, '0')}). Run \`chmod 600 ${file}\` and start again.`,
      );
    }
    if (stats.size > MAX_KEY_FILE_BYTES) {
      throw new Error(`The master key file ${file} is too large to be a key file.`);
    }
    const lines = fs
      .readFileSync(descriptor, 'utf8')
      .split(/\r?\n/)
      .map((line, index) => ({ text: line.trim(), number: index + 1 }))
      .filter((line) => line.text !== '' && !line.text.startsWith('#'));
    const [current, ...previous] = lines.map((line) =>
      parseMasterKey(line.text, `Line ${line.number} of the master key file ${file}`),
    );
    if (!current) throw new Error(`The master key file ${file} holds no key.`);
    return MasterKeyRing.fromBytes(current, previous);
  } finally {
    fs.closeSync(descriptor);
  }
}

const KEY_FILE_HEADER = [
  '# Closer master key ring. Keep it secret (mode 0600) and back it up apart from the database:',
  '# without it no personal text can be read. The first key line is the current key; later lines',
  '# are older keys kept only until `rotateMasterKey` has rewrapped every person key.',
  '# See docs/decisions/0006-encryption-at-rest.md.',
];

/**
 * Creates the key file with a new key unless it exists; returns whether it created it.
 *
 * The key is written to a private temporary file, flushed, then linked into place: `link`
 * fails when the name exists, so two processes starting at once agree on one key, and nobody
 * ever reads a half-written file. The folder is flushed too, so a power cut right after the
 * first start cannot lose the key that the database's first person keys are wrapped with.
 */
function createKeyFileIfMissing(file: string): boolean {
  if (fs.existsSync(file)) return false;
  const folder = path.dirname(file);
  fs.mkdirSync(folder, { recursive: true, mode: 0o700 });
  const temporary = `${file}.${randomBytes(6).toString('hex')}.tmp`;
  const descriptor = fs.openSync(temporary, 'wx', 0o600);
  try {
    try {
      // The umask can only remove permissions, but be explicit about the ones we want.
      fs.fchmodSync(descriptor, 0o600);
      fs.writeFileSync(descriptor, [...KEY_FILE_HEADER, generateMasterKey(), ''].join('\n'));
      fs.fsyncSync(descriptor);
    } finally {
      fs.closeSync(descriptor);
    }
    try {
      fs.linkSync(temporary, file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
      throw error;
    }
  } finally {
    fs.rmSync(temporary, { force: true });
  }
  syncFolder(folder);
  return true;
}
