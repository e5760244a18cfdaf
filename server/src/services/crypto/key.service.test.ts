import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../../core/errors/domain-error';
import { decryptField, encryptField, type FieldContext } from './field-cipher';
import { InMemoryPersonKeyStore } from './in-memory-person-key-store';
import { KeyService } from './key.service';
import { MasterKeyRing } from './master-key';
import { masterKeyIdOf, unwrapPersonKey, wrapPersonKey, createPersonKey } from './person-keys';

const [K1, K2, K3] = [randomBytes(32), randomBytes(32), randomBytes(32)];
const onlyK1 = MasterKeyRing.fromBytes(K1);
const k2AfterK1 = MasterKeyRing.fromBytes(K2, [K1]);
const onlyK2 = MasterKeyRing.fromBytes(K2);

const users = Array.from({ length: 10 }, (_, index) => `user-${String(index).padStart(2, '0')}`);

/** A store that counts reads, to see what the cache saves. */
class CountingStore extends InMemoryPersonKeyStore {
  reads = 0;
  override async get(userId: string): Promise<string | null> {
    this.reads += 1;
    return super.get(userId);
  }
}

/** A journal row as the database would hold it: ids in the clear, text encrypted. */
interface StoredRow {
  context: FieldContext;
  ciphertext: string;
}

async function writeJournal(keys: KeyService, ownerId: string, text: string): Promise<StoredRow> {
  const context = {
    table: 'journal_entries',
    column: 'text',
    recordId: `${ownerId}-entry-${randomBytes(4).toString('hex')}`,
    ownerId,
  };
  return { context, ciphertext: encryptField(text, await keys.dataKeyFor(ownerId), context) };
}

async function readJournal(keys: KeyService, row: StoredRow): Promise<string> {
  const key = await keys.existingDataKeyFor(row.context.ownerId);
  if (!key) throw new DomainError('ciphertext_invalid', 'no key');
  return decryptField(row.ciphertext, key, row.context);
}

describe('KeyService.dataKeyFor', () => {
  it('creates a key on first use, stores it wrapped with the current master key, then reuses it', async () => {
    const store = new CountingStore();
    const keys = new KeyService(store, onlyK1);
    const first = await keys.dataKeyFor('user-a');
    const wrapped = await store.get('user-a');
    expect(masterKeyIdOf(wrapped!)).toBe(onlyK1.current.id);
    expect(unwrapPersonKey(wrapped!, onlyK1, 'user-a').equals(first)).toBe(true);
    expect((await keys.dataKeyFor('user-a')).equals(first)).toBe(true);
    // A fresh process (no cache) finds the same key.
    expect((await new KeyService(store, onlyK1).dataKeyFor('user-a')).equals(first)).toBe(true);
    expect((await keys.dataKeyFor('user-b')).equals(first)).toBe(false);
  });

  it('caches unwrapped keys: repeated requests do not read the store again', async () => {
    const store = new CountingStore();
    const keys = new KeyService(store, onlyK1);
    await keys.dataKeyFor('user-a');
    const reads = store.reads;
    for (let index = 0; index < 100; index += 1) await keys.dataKeyFor('user-a');
    await keys.existingDataKeyFor('user-a');
    expect(store.reads).toBe(reads);
    keys.forget('user-a');
    await keys.dataKeyFor('user-a');
    expect(store.reads).toBe(reads + 1);
  });

  it('bounds the cache, dropping the least recently used key first', async () => {
    const store = new CountingStore();
    const keys = new KeyService(store, onlyK1, { maxCachedKeys: 2 });
    await keys.dataKeyFor('a');
    await keys.dataKeyFor('b');
    await keys.dataKeyFor('a'); // a is now the most recently used
    await keys.dataKeyFor('c'); // evicts b
    const reads = store.reads;
    await keys.dataKeyFor('a');
    await keys.dataKeyFor('c');
    expect(store.reads).toBe(reads);
    await keys.dataKeyFor('b');
    expect(store.reads).toBe(reads + 1);
  });

  it('lets cached keys expire after their time to live', async () => {
    let now = 0;
    const store = new CountingStore();
    const keys = new KeyService(store, onlyK1, {
      cacheTimeToLiveMs: 1000,
      monotonicNow: () => now,
    });
    await keys.dataKeyFor('a');
    const reads = store.reads;
    now = 1000;
    await keys.dataKeyFor('a');
    expect(store.reads).toBe(reads);
    now = 1001;
    await keys.dataKeyFor('a');
    expect(store.reads).toBe(reads + 1);
  });

  it('gives concurrent first requests one key, in one process and across processes', async () => {
    const store = new InMemoryPersonKeyStore();
    const [one, two] = [new KeyService(store, onlyK1), new KeyService(store, onlyK1)];
    const got = await Promise.all([
      one.dataKeyFor('new'),
      one.dataKeyFor('new'),
      two.dataKeyFor('new'),
      two.existingDataKeyFor('new'),
      one.dataKeyFor('new'),
    ]);
    const stored = unwrapPersonKey((await store.get('new'))!, onlyK1, 'new');
    for (const key of got) {
      if (key) expect(key.equals(stored)).toBe(true);
    }
    expect(got.filter(Boolean).length).toBeGreaterThanOrEqual(4);
  });

  it('existingDataKeyFor does not create a key', async () => {
    const store = new InMemoryPersonKeyStore();
    const keys = new KeyService(store, onlyK1);
    expect(await keys.existingDataKeyFor('nobody')).toBeNull();
    expect(await store.get('nobody')).toBeNull();
  });

  it('refuses, naming the missing master key, when the ring lacks the one a key was wrapped with', async () => {
    const store = new InMemoryPersonKeyStore();
    await new KeyService(store, onlyK1).dataKeyFor('a');
    await expect(new KeyService(store, onlyK2).dataKeyFor('a')).rejects.toMatchObject({
      code: 'person_key_invalid',
      message: expect.stringContaining(`master key ${onlyK1.current.id}`),
    });
  });
});

describe('KeyService.destroy (crypto-shredding)', () => {
  it('makes copies of the encrypted rows (a main-database backup) unreadable, for that person only', async () => {
    const store = new InMemoryPersonKeyStore();
    const keys = new KeyService(store, onlyK1);
    const rowsOfA = [
      await writeJournal(keys, 'person-a', 'I am afraid of being left.'),
      await writeJournal(keys, 'person-a', 'Today I said no, and it was fine.'),
    ];
    const rowOfB = await writeJournal(keys, 'person-b', 'B keeps writing.');
    // The backup: a copy of the data rows, taken before the deletion. A backup of the main
    // database holds nothing else: the keys live in the key store, a database of their own.
    const backup = structuredClone(rowsOfA);

    await keys.destroy('person-a');

    expect(await store.get('person-a')).toBeNull();
    expect(await keys.existingDataKeyFor('person-a')).toBeNull();
    for (const service of [keys, new KeyService(store, onlyK1)]) {
      for (const row of backup) {
        await expect(readJournal(service, row)).rejects.toMatchObject({
          code: 'ciphertext_invalid',
        });
        // Even a new key made for the same id later cannot read the old rows.
        const fresh = await service.dataKeyFor('person-a');
        expect(() => decryptField(row.ciphertext, fresh, row.context)).toThrow(
          expect.objectContaining({ code: 'ciphertext_invalid' }),
        );
        await service.destroy('person-a');
      }
      expect(await readJournal(service, rowOfB)).toBe('B keeps writing.');
    }
  });

  it('leaves a pre-deletion backup of the key store readable until it expires or its master key is retired', async () => {
    // A backup of the key store taken before the deletion still holds the wrapped key. While
    // that backup is kept and the master key that wrapped the key is in the ring, it can be
    // read: this test pins down that remaining window, and the two things that close it
    // (docs/decisions/0006): the backup's retention running out, or a rotation followed by
    // retiring the old master key.
    const store = new InMemoryPersonKeyStore();
    const before = new KeyService(store, onlyK1);
    const rowOfA = await writeJournal(before, 'person-a', 'Please forget me.');
    const rowOfB = await writeJournal(before, 'person-b', 'Keep me.');
    // Both backups, taken before the deletion: the main database's rows and the key store.
    const fullBackup = { keys: store.snapshot(), rows: structuredClone([rowOfA, rowOfB]) };

    await before.destroy('person-a');
    // The main database's backup with the live key store: unreadable for A at once.
    await expect(readJournal(new KeyService(store, onlyK1), rowOfA)).rejects.toMatchObject({
      code: 'ciphertext_invalid',
    });
    // With the key store's own backup restored as well: still readable. This is the window.
    const restoredNow = new InMemoryPersonKeyStore();
    restoredNow.restore(fullBackup.keys);
    expect(await readJournal(new KeyService(restoredNow, onlyK1), rowOfA)).toBe(
      'Please forget me.',
    );

    // The operator rotates to a new master key and retires the old one.
    const report = await new KeyService(store, k2AfterK1).rotateMasterKey();
    expect(report).toMatchObject({ examined: 1, rewrapped: 1, failed: [] });
    const after = new KeyService(store, onlyK2);
    expect(await readJournal(after, rowOfB)).toBe('Keep me.');

    const restoredLater = new InMemoryPersonKeyStore();
    restoredLater.restore(fullBackup.keys);
    await expect(
      readJournal(new KeyService(restoredLater, onlyK2), fullBackup.rows[0]!),
    ).rejects.toMatchObject({ code: 'person_key_invalid' });
  });

  it('is not undone by a lookup that was in flight', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    class SlowStore extends InMemoryPersonKeyStore {
      slow = false;
      override async get(userId: string): Promise<string | null> {
        const value = await super.get(userId);
        if (this.slow) await gate;
        return value;
      }
    }
    const store = new SlowStore();
    const keys = new KeyService(store, onlyK1);
    await keys.dataKeyFor('a');
    keys.forget('a');
    store.slow = true;
    const inFlight = keys.existingDataKeyFor('a'); // reads the key, then waits
    await keys.destroy('a');
    release();
    await inFlight;
    store.slow = false;
    expect(await keys.existingDataKeyFor('a')).toBeNull();
  });
});

describe('KeyService.rotateMasterKey', () => {
  async function seed(store: InMemoryPersonKeyStore, ring: MasterKeyRing) {
    const keys = new KeyService(store, ring);
    return Promise.all(users.map((user) => writeJournal(keys, user, `words of ${user} ✍️`)));
  }

  it('keeps old keys readable while in the ring, rewraps all, and is idempotent', async () => {
    const store = new InMemoryPersonKeyStore();
    const rows = await seed(store, onlyK1);

    const keys = new KeyService(store, k2AfterK1, { rotationPageSize: 3 });
    // Before rotation: wrapped with K1, still readable because K1 is a previous key.
    expect(await readJournal(keys, rows[0]!)).toBe('words of user-00 ✍️');
    // New people get keys wrapped with the current key straight away.
    await keys.dataKeyFor('newcomer');
    expect(masterKeyIdOf((await store.get('newcomer'))!)).toBe(k2AfterK1.current.id);

    const report = await keys.rotateMasterKey();
    expect(report).toEqual({
      masterKeyId: k2AfterK1.current.id,
      examined: users.length,
      rewrapped: users.length,
      skipped: 0,
      failed: [],
    });
    for (const user of [...users, 'newcomer']) {
      expect(masterKeyIdOf((await store.get(user))!)).toBe(k2AfterK1.current.id);
    }
    expect(await keys.rotateMasterKey()).toMatchObject({ examined: 0, rewrapped: 0 });

    // K1 removed from the ring: every row still decrypts, in a fresh process.
    const withoutK1 = new KeyService(store, onlyK2);
    for (const [index, row] of rows.entries()) {
      expect(await readJournal(withoutK1, row)).toBe(`words of ${users[index]} ✍️`);
    }
  });

  it('rotates again through several generations', async () => {
    const store = new InMemoryPersonKeyStore();
    const rows = await seed(store, onlyK1);
    await new KeyService(store, k2AfterK1).rotateMasterKey();
    const k3 = MasterKeyRing.fromBytes(K3, [K2]);
    expect(await new KeyService(store, k3).rotateMasterKey()).toMatchObject({
      rewrapped: users.length,
    });
    const onlyK3 = new KeyService(store, MasterKeyRing.fromBytes(K3));
    expect(await readJournal(onlyK3, rows[9]!)).toBe('words of user-09 ✍️');
  });

  it('reports keys it cannot unwrap, and rewraps the rest', async () => {
    const store = new InMemoryPersonKeyStore();
    await seed(store, onlyK1);
    const lost = MasterKeyRing.fromBytes(randomBytes(32)).current;
    await store.insert('orphan', wrapPersonKey(createPersonKey(), lost, 'orphan'));
    await store.replace(
      'user-03',
      (await store.get('user-03'))!,
      wrapPersonKey(createPersonKey(), onlyK1.current, 'someone-else'),
    );

    const report = await new KeyService(store, k2AfterK1, {
      rotationPageSize: 4,
    }).rotateMasterKey();
    expect(report.examined).toBe(users.length + 1);
    expect(report.rewrapped).toBe(users.length - 1);
    expect(report.failed).toEqual([
      { userId: 'orphan', masterKeyId: lost.id },
      { userId: 'user-03', masterKeyId: onlyK1.current.id },
    ]);
    // A second run examines only the two that failed: it terminates and changes nothing.
    expect(await new KeyService(store, k2AfterK1).rotateMasterKey()).toMatchObject({
      examined: 2,
      rewrapped: 0,
    });
  });

  it('never brings back a key destroyed while it runs', async () => {
    class DeletingStore extends InMemoryPersonKeyStore {
      override async replace(userId: string, expected: string, wrapped: string) {
        if (userId === 'user-05') await this.delete(userId); // The account is deleted meanwhile.
        return super.replace(userId, expected, wrapped);
      }
    }
    const store = new DeletingStore();
    await seed(store, onlyK1);
    const report = await new KeyService(store, k2AfterK1).rotateMasterKey();
    expect(report).toMatchObject({ examined: 10, rewrapped: 9, skipped: 1, failed: [] });
    expect(await store.get('user-05')).toBeNull();
  });
});
