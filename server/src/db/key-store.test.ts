import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { PersonKeyRepository } from '../repositories/person-key.repository';
import { personKeyStoreContract } from '../services/crypto/person-key-store.contract';
import {
  KEY_STORE_FILE_NAME,
  keyStoreLocation,
  openKeyStore,
  openSqliteKeyStore,
  type KeyStoreHandle,
} from './key-store';

/**
 * The key store on SQLite, with real files: where it goes, how it is created (private,
 * WAL, synchronous=FULL, its one table), that a file others may read is refused, and the
 * PersonKeyStore contract over it. PostgreSQL is covered in the integration tier.
 */

const folders: string[] = [];
const handles: KeyStoreHandle[] = [];

function newFolder(): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'closer-key-store-'));
  folders.push(folder);
  return folder;
}

async function open(file: string): Promise<KeyStoreHandle> {
  const handle = await openSqliteKeyStore(file);
  handles.push(handle);
  return handle;
}

const modeOf = (file: string) => fs.statSync(file).mode & 0o777;

afterEach(async () => {
  for (const handle of handles.splice(0)) await handle.close();
});
afterAll(() => {
  for (const folder of folders) fs.rmSync(folder, { recursive: true, force: true });
});

describe('keyStoreLocation', () => {
  const dataDir = path.resolve('some-data');

  it('is DATA_DIR/keys.sqlite with SQLite and no KEY_STORE_URL', () => {
    expect(keyStoreLocation({ databaseUrl: null, dataDir, keyStoreUrl: null })).toEqual({
      kind: 'sqlite',
      file: path.join(dataDir, KEY_STORE_FILE_NAME),
    });
  });

  it('is <main database>_keys on the same server with PostgreSQL, created through the main URL', () => {
    const main = 'postgres://closer:s%40cret@db.example:6543/closer_prod?sslmode=require';
    expect(keyStoreLocation({ databaseUrl: main, dataDir, keyStoreUrl: null })).toEqual({
      kind: 'postgres',
      url: 'postgres://closer:s%40cret@db.example:6543/closer_prod_keys?sslmode=require',
      createThrough: main,
    });
  });

  it('takes KEY_STORE_URL as given: a postgres:// URL, or a SQLite file beside a SQLite main database', () => {
    const keys = 'postgres://keys@vault.example/closer_keys';
    for (const databaseUrl of [null, 'postgres://app@db.example/closer']) {
      expect(keyStoreLocation({ databaseUrl, dataDir, keyStoreUrl: keys })).toEqual({
        kind: 'postgres',
        url: keys,
        createThrough: null,
      });
    }
    expect(
      keyStoreLocation({ databaseUrl: null, dataDir, keyStoreUrl: 'other-volume/keys.sqlite' }),
    ).toEqual({ kind: 'sqlite', file: path.resolve('other-volume/keys.sqlite') });
    expect(keyStoreLocation({ databaseUrl: null, dataDir, keyStoreUrl: ':memory:' })).toEqual({
      kind: 'sqlite',
      file: ':memory:',
    });
  });

  it('refuses a per-instance file beside a PostgreSQL main database', () => {
    expect(() =>
      keyStoreLocation({
        databaseUrl: 'postgres://app@db.example/closer',
        dataDir,
        keyStoreUrl: '/var/lib/closer/keys.sqlite',
      }),
    ).toThrow(/several instances may share.*postgres:\/\//);
  });

  it('refuses the main database itself as the key store', () => {
    expect(() =>
      keyStoreLocation({
        databaseUrl: 'postgres://app:one@DB.example:5432/closer',
        dataDir,
        keyStoreUrl: 'postgresql://other:two@db.example/closer',
      }),
    ).toThrow(/names the main database/);
    expect(() =>
      keyStoreLocation({
        databaseUrl: null,
        dataDir,
        keyStoreUrl: path.join(dataDir, 'closer.sqlite'),
      }),
    ).toThrow(/names the main SQLite database/);
  });

  it('asks for KEY_STORE_URL when no default name can be derived', () => {
    expect(() =>
      keyStoreLocation({ databaseUrl: 'postgres://app@db.example', dataDir, keyStoreUrl: null }),
    ).toThrow(/names no database.*KEY_STORE_URL/);
    expect(() =>
      keyStoreLocation({
        databaseUrl: `postgres://app@db.example/${'a'.repeat(60)}`,
        dataDir,
        keyStoreUrl: null,
      }),
    ).toThrow(/longer than PostgreSQL's 63 bytes.*KEY_STORE_URL/);
  });
});

describe('the SQLite key store', () => {
  it('is created private (file 0600, new folder 0700), in WAL mode with synchronous=FULL, with its table and index', async () => {
    const dataDir = path.join(newFolder(), 'data');
    const file = path.join(dataDir, KEY_STORE_FILE_NAME);
    const store = await open(file);
    expect(modeOf(dataDir)).toBe(0o700);
    expect(modeOf(file)).toBe(0o600);
    expect(
      (await sql<{ journal_mode: string }>`pragma journal_mode`.execute(store.db)).rows,
    ).toEqual([{ journal_mode: 'wal' }]);
    expect((await sql<{ synchronous: number }>`pragma synchronous`.execute(store.db)).rows).toEqual(
      [{ synchronous: 2 }],
    );
    const objects = await sql<{ type: string; name: string }>`
      select type, name from sqlite_master where name not like 'sqlite_%' order by name`.execute(
      store.db,
    );
    expect(objects.rows).toEqual([
      { type: 'table', name: 'person_keys' },
      { type: 'index', name: 'person_keys_master_key_id' },
    ]);
    const columns = await sql<{ name: string; pk: number }>`
      select name, pk from pragma_table_info('person_keys') order by cid`.execute(store.db);
    expect(columns.rows).toEqual([
      { name: 'user_id', pk: 1 },
      { name: 'wrapped_key', pk: 0 },
      { name: 'master_key_id', pk: 0 },
      { name: 'created_at', pk: 0 },
    ]);
    expect(await store.ping()).toBe(true);

    // SQLite's WAL and shared-memory files get the same private mode.
    const repository = new PersonKeyRepository(store.db, () => new Date(0).toISOString());
    await repository.insert('someone', 'pk1:00000000:not-checked-here');
    for (const companion of [`${file}-wal`, `${file}-shm`]) {
      expect(modeOf(companion), companion).toBe(0o600);
    }

    // Idempotent: opening again keeps the rows.
    await store.close();
    expect(await store.ping()).toBe(false);
    await store.close(); // Closing twice is harmless.
    const again = await open(file);
    expect(
      await new PersonKeyRepository(again.db, () => new Date(0).toISOString()).get('someone'),
    ).toBe('pk1:00000000:not-checked-here');
  });

  it.skipIf(process.platform === 'win32').each([0o644, 0o640, 0o604, 0o660, 0o606])(
    'refuses an existing file with mode %o, naming it and the fix, without touching it',
    async (mode) => {
      const file = path.join(newFolder(), KEY_STORE_FILE_NAME);
      const seed = await open(file);
      await seed.close();
      fs.chmodSync(file, mode);
      const before = fs.readFileSync(file);
      await expect(openSqliteKeyStore(file)).rejects.toThrow(
        `The key store ${file} may be read or changed by other accounts (mode 0${mode.toString(8)}). Run \`chmod 600 ${file}\` and start again.`,
      );
      expect(modeOf(file)).toBe(mode);
      expect(fs.readFileSync(file).equals(before)).toBe(true);
      // Fixed as the message says, it opens.
      fs.chmodSync(file, 0o600);
      expect(await (await open(file)).ping()).toBe(true);
    },
  );

  it.skipIf(process.platform === 'win32')(
    'refuses a leftover WAL file that others may read',
    async () => {
      const file = path.join(newFolder(), KEY_STORE_FILE_NAME);
      await (await open(file)).close();
      fs.writeFileSync(`${file}-wal`, '');
      fs.chmodSync(`${file}-wal`, 0o644);
      await expect(openSqliteKeyStore(file)).rejects.toThrow(
        `The key store ${file}-wal may be read`,
      );
    },
  );

  it('refuses what is not a regular file', async () => {
    const directory = path.join(newFolder(), 'keys-as-a-folder');
    fs.mkdirSync(directory);
    await expect(openSqliteKeyStore(directory)).rejects.toThrow(/is not a regular file/);
  });

  it('opens ":memory:" as a throwaway store (KEY_STORE_URL=:memory:, for tests)', async () => {
    const store = await openKeyStore({
      databaseUrl: null,
      dataDir: newFolder(),
      keyStoreUrl: ':memory:',
    });
    handles.push(store);
    expect(store.description).toBe('SQLite :memory:');
    expect(await store.ping()).toBe(true);
  });
});

describe('PersonKeyStore contract over a SQLite key store file', () => {
  let shared: Promise<KeyStoreHandle> | null = null;
  afterAll(async () => {
    if (shared) await (await shared).close();
  });
  personKeyStoreContract('PersonKeyRepository on keys.sqlite', async () => {
    shared ??= openSqliteKeyStore(path.join(newFolder(), KEY_STORE_FILE_NAME));
    const store = await shared;
    return {
      store: new PersonKeyRepository(store.db, () => new Date(0).toISOString()),
      newUserId: async () => randomUUID(),
    };
  });
});
