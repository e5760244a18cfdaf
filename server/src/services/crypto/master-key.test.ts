import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inspect } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  MASTER_KEY_FILE_NAME,
  MasterKeyRing,
  generateMasterKey,
  loadMasterKeyRing,
  masterKeyFromBytes,
  masterKeyId,
  parseMasterKey,
} from './master-key';

const posixOnly = process.platform === 'win32' ? it.skip : it;

let dataDir: string;
beforeEach(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'closer-master-key-'));
});
afterEach(() => {
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const mode = (file: string) => fs.statSync(file).mode & 0o777;

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

describe('parseMasterKey', () => {
  const bytes = randomBytes(32);

  it('accepts 32 bytes as base64, unpadded or URL-safe base64, or hex', () => {
    for (const text of [
      bytes.toString('base64'),
      bytes.toString('base64').replace(/=+$/, ''),
      bytes.toString('base64url'),
      bytes.toString('hex'),
      bytes.toString('hex').toUpperCase(),
      `  ${bytes.toString('base64')}\n`,
    ]) {
      expect(parseMasterKey(text, 'KEY').equals(bytes)).toBe(true);
    }
  });

  it('refuses a key of the wrong length, naming the length but never the value', () => {
    for (const length of [0, 1, 16, 31, 33, 64]) {
      const wrong = randomBytes(length);
      for (const text of [wrong.toString('base64'), wrong.toString('hex')]) {
        if (text === '') continue;
        let message = '';
        try {
          parseMasterKey(text, 'CLOSER_MASTER_KEY');
        } catch (error) {
          message = (error as Error).message;
        }
        expect(message).toMatch(/^CLOSER_MASTER_KEY /);
        // A one-byte key's text ("ac", "32") can occur in any sentence by chance; the check
        // that the value is never echoed only means something for longer texts.
        if (text.length >= 8) expect(message).not.toContain(text);
      }
    }
    expect(() => parseMasterKey(randomBytes(16).toString('base64'), 'KEY')).toThrow(
      'KEY decodes to 16 bytes; a master key must be exactly 32 bytes',
    );
  });

  it('refuses text that only a lenient decoder would turn into 32 bytes', () => {
    const text = bytes.toString('base64');
    for (const broken of [
      '',
      'not a key',
      `${text.slice(0, 20)} ${text.slice(20)}`,
      `${text.slice(0, 20)}!${text.slice(21)}`,
      // The last character of base64 of 32 bytes carries two unused bits: set the lowest.
      text.slice(0, 42) + BASE64[BASE64.indexOf(text[42]!) ^ 1],
      bytes.toString('hex').slice(0, 63) + 'g',
    ]) {
      expect(() => parseMasterKey(broken, 'KEY')).toThrow(/^KEY /);
    }
  });
});

describe('masterKeyId and MasterKeyRing', () => {
  it('is the first 8 hex characters of the SHA-256 of the key', () => {
    const bytes = randomBytes(32);
    expect(masterKeyId(bytes)).toBe(createHash('sha256').update(bytes).digest('hex').slice(0, 8));
    expect(masterKeyFromBytes(bytes).id).toBe(masterKeyId(bytes));
  });

  it('finds keys by id, lists ids current first, and refuses a key listed twice', () => {
    const [a, b] = [randomBytes(32), randomBytes(32)];
    const ring = MasterKeyRing.fromBytes(a, [b]);
    expect(ring.current.id).toBe(masterKeyId(a));
    expect(ring.find(masterKeyId(b))?.key.export().equals(b)).toBe(true);
    expect(ring.find('00000000')).toBeNull();
    expect(ring.ids()).toEqual([masterKeyId(a), masterKeyId(b)]);
    expect(() => MasterKeyRing.fromBytes(a, [b, a])).toThrow(/listed twice/);
  });

  it('never shows key material when logged or serialised', () => {
    const bytes = randomBytes(32);
    const ring = MasterKeyRing.fromBytes(bytes);
    const shown = inspect(ring, { depth: 10 }) + JSON.stringify(ring) + String(ring.current.key);
    for (const encoding of ['base64', 'hex', 'base64url'] as const) {
      expect(shown).not.toContain(bytes.toString(encoding).slice(0, 12));
    }
    expect(() => masterKeyFromBytes(randomBytes(31))).toThrow(/32 bytes; this one is 31/);
  });
});

describe('loadMasterKeyRing from the environment', () => {
  it('accepts CLOSER_MASTER_KEY in base64 and in hex, and writes no key file', () => {
    const bytes = randomBytes(32);
    for (const value of [bytes.toString('base64'), bytes.toString('hex')]) {
      const loaded = loadMasterKeyRing({ dataDir, env: { CLOSER_MASTER_KEY: value } });
      expect(loaded.source).toBe('environment');
      expect(loaded.keyFile).toBeNull();
      expect(loaded.ring.current.key.export().equals(bytes)).toBe(true);
      expect(loaded.ring.previous).toHaveLength(0);
    }
    expect(fs.readdirSync(dataDir)).toEqual([]);
  });

  it('reads previous keys from CLOSER_MASTER_KEY_PREVIOUS, comma-separated', () => {
    const [current, older, oldest] = [randomBytes(32), randomBytes(32), randomBytes(32)];
    const { ring } = loadMasterKeyRing({
      dataDir,
      env: {
        CLOSER_MASTER_KEY: current.toString('base64'),
        CLOSER_MASTER_KEY_PREVIOUS: ` ${older.toString('hex')} ,${oldest.toString('base64')},`,
      },
    });
    expect(ring.ids()).toEqual([current, older, oldest].map(masterKeyId));
  });

  it('refuses a wrong-length key or a bad previous entry, naming which', () => {
    expect(() =>
      loadMasterKeyRing({
        dataDir,
        env: { CLOSER_MASTER_KEY: randomBytes(24).toString('base64') },
      }),
    ).toThrow(/^CLOSER_MASTER_KEY decodes to 24 bytes/);
    expect(() =>
      loadMasterKeyRing({
        dataDir,
        env: {
          CLOSER_MASTER_KEY: generateMasterKey(),
          CLOSER_MASTER_KEY_PREVIOUS: `${generateMasterKey()},not-a-key!`,
        },
      }),
    ).toThrow(/^CLOSER_MASTER_KEY_PREVIOUS \(entry 2\) is not a valid master key/);
    expect(() =>
      loadMasterKeyRing({ dataDir, env: { CLOSER_MASTER_KEY_PREVIOUS: generateMasterKey() } }),
    ).toThrow(/CLOSER_MASTER_KEY is not/);
  });
});

describe('loadMasterKeyRing from a key file', () => {
  posixOnly('creates DATA_DIR/master.key with mode 0600 (and a missing folder 0700)', () => {
    const folder = path.join(dataDir, 'new', 'data');
    const first = loadMasterKeyRing({ dataDir: folder, env: {} });
    const file = path.join(folder, MASTER_KEY_FILE_NAME);
    expect(first).toMatchObject({ source: 'key-file', keyFile: file, created: true });
    expect(mode(file)).toBe(0o600);
    expect(mode(folder)).toBe(0o700);
    expect(fs.readdirSync(folder)).toEqual([MASTER_KEY_FILE_NAME]); // No temporary file left.

    const again = loadMasterKeyRing({ dataDir: folder, env: {} });
    expect(again.created).toBe(false);
    expect(again.ring.current.id).toBe(first.ring.current.id);
    expect(again.ring.current.key.equals(first.ring.current.key)).toBe(true);
  });

  posixOnly('creates the file 0600 even under a permissive umask', () => {
    const previous = process.umask(0o000);
    try {
      loadMasterKeyRing({ dataDir, env: {} });
    } finally {
      process.umask(previous);
    }
    expect(mode(path.join(dataDir, MASTER_KEY_FILE_NAME))).toBe(0o600);
  });

  posixOnly('refuses a key file that other accounts may read or write', () => {
    loadMasterKeyRing({ dataDir, env: {} });
    const file = path.join(dataDir, MASTER_KEY_FILE_NAME);
    for (const permissive of [0o644, 0o640, 0o604, 0o620, 0o602, 0o660, 0o666]) {
      fs.chmodSync(file, permissive);
      expect(() => loadMasterKeyRing({ dataDir, env: {} })).toThrow(
        `may be read or changed by other accounts (mode ${permissive.toString(8).padStart(4, '0')}). Run \`chmod 600 ${file}\``,
      );
    }
    fs.chmodSync(file, 0o400);
    expect(loadMasterKeyRing({ dataDir, env: {} }).created).toBe(false);
  });

  posixOnly('refuses a key file whose key is not 32 bytes, without printing it', () => {
    const file = path.join(dataDir, MASTER_KEY_FILE_NAME);
    for (const length of [16, 31, 33, 48]) {
      const wrong = randomBytes(length).toString('base64');
      fs.writeFileSync(file, `${wrong}\n`, { mode: 0o600 });
      let message = '';
      try {
        loadMasterKeyRing({ dataDir, env: {} });
      } catch (error) {
        message = (error as Error).message;
      }
      expect(message).toBe(
        `Line 1 of the master key file ${file} decodes to ${length} bytes; a master key must be exactly 32 bytes (44 base64 or 64 hex characters).`,
      );
    }
    fs.writeFileSync(file, '# only a comment\n\n');
    expect(() => loadMasterKeyRing({ dataDir, env: {} })).toThrow(/holds no key/);
    fs.writeFileSync(file, Buffer.alloc(32, 0xc3)); // Raw bytes are not a supported format.
    expect(() => loadMasterKeyRing({ dataDir, env: {} })).toThrow(/is not a valid master key/);
  });

  posixOnly('reads later lines as previous keys, skipping comments and blank lines', () => {
    const [current, older] = [generateMasterKey(), randomBytes(32).toString('hex')];
    const file = path.join(dataDir, MASTER_KEY_FILE_NAME);
    fs.writeFileSync(file, `# header\n\n${current}\r\n# retired 2027-01\n  ${older}  \n`, {
      mode: 0o600,
    });
    const { ring } = loadMasterKeyRing({ dataDir, env: {} });
    expect(ring.ids()).toEqual([
      masterKeyId(parseMasterKey(current, 'a')),
      masterKeyId(parseMasterKey(older, 'b')),
    ]);
  });

  posixOnly('reads CLOSER_MASTER_KEY_FILE, which must exist, and ignores DATA_DIR', () => {
    const elsewhere = fs.mkdtempSync(path.join(os.tmpdir(), 'closer-secret-'));
    try {
      const file = path.join(elsewhere, 'closer.key');
      const key = generateMasterKey();
      expect(() => loadMasterKeyRing({ dataDir, env: { CLOSER_MASTER_KEY_FILE: file } })).toThrow(
        `The master key file ${file} does not exist.`,
      );
      fs.writeFileSync(file, `${key}\n`, { mode: 0o600 });
      const loaded = loadMasterKeyRing({ dataDir, env: { CLOSER_MASTER_KEY_FILE: file } });
      expect(loaded).toMatchObject({ source: 'key-file', keyFile: file, created: false });
      expect(loaded.ring.current.id).toBe(masterKeyId(parseMasterKey(key, 'key')));
      expect(fs.readdirSync(dataDir)).toEqual([]);
      fs.chmodSync(file, 0o644);
      expect(() => loadMasterKeyRing({ dataDir, env: { CLOSER_MASTER_KEY_FILE: file } })).toThrow(
        /may be read or changed by other accounts/,
      );
    } finally {
      fs.rmSync(elsewhere, { recursive: true, force: true });
    }
  });

  it('prefers CLOSER_MASTER_KEY over any key file', () => {
    loadMasterKeyRing({ dataDir, env: {} });
    const key = randomBytes(32);
    const loaded = loadMasterKeyRing({ dataDir, env: { CLOSER_MASTER_KEY: key.toString('hex') } });
    expect(loaded.source).toBe('environment');
    expect(loaded.ring.current.id).toBe(masterKeyId(key));
  });
});
