import { randomUUID } from 'node:crypto';
import { afterAll, describe } from 'vitest';
import { PersonKeyRepository } from '../../server/src/repositories/person-key.repository';
import { personKeyStoreContract } from '../../server/src/services/crypto/person-key-store.contract';
import { createTestApp, dbAvailable, type TestApp } from '../support/test-app';

/**
 * The key service's storage contract (conditional insert, compare-and-set replace, delete for
 * good, keyset paging by master key) run against the real repository over the real key
 * store of each kind: `keys.sqlite` beside a SQLite main database, the `<name>_keys`
 * database beside a PostgreSQL one. The unit tier runs the same contract against the
 * in-memory store and a SQLite key store file.
 */

describe.skipIf(!dbAvailable)('PersonKeyRepository over the key store', () => {
  let testApp: Promise<TestApp> | null = null;
  const app = () => (testApp ??= createTestApp());
  afterAll(async () => {
    if (testApp) await (await testApp).close();
  });

  personKeyStoreContract('PersonKeyRepository', async () => {
    const { keyStore, clock } = await app();
    return {
      store: new PersonKeyRepository(keyStore.db, () => clock.now().toISOString()),
      // The key store is another database: no `users` row to point at, any id will do.
      newUserId: async () => randomUUID(),
    };
  });
});
