import { randomUUID } from 'node:crypto';
import { afterAll, describe } from 'vitest';
import { PersonKeyRepository } from '../../server/src/repositories/person-key.repository';
import { personKeyStoreContract } from '../../server/src/services/crypto/person-key-store.contract';
import { createTestApp, dbAvailable, type TestApp } from '../support/test-app';

/**
 * The key service's storage contract (conditional insert, compare-and-set replace, delete for
 * good, keyset paging by master key) run against the real repository on each database: the
 * unit tier runs the same contract against the in-memory store only.
 */

describe.skipIf(!dbAvailable)('PersonKeyRepository', () => {
  let testApp: Promise<TestApp> | null = null;
  const app = () => (testApp ??= createTestApp());
  afterAll(async () => {
    if (testApp) await (await testApp).close();
  });

  personKeyStoreContract('PersonKeyRepository', async () => {
    const { database, clock } = await app();
    return {
      store: new PersonKeyRepository(database.db, () => clock.now().toISOString()),
      async newUserId() {
        const id = randomUUID();
        const now = clock.now().toISOString();
        await database.db
          .insertInto('users')
          .values({
            id,
            email: null,
            username: `key-store-${id.slice(0, 8)}`,
            password_hash: 'not a real hash',
            created_at: now,
            updated_at: now,
          })
          .execute();
        return id;
      },
    };
  });
});
