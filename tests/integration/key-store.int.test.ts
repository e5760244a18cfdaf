import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KEY_STORE_FILE_NAME, openKeyStore } from '../../server/src/db/key-store';
import { liveTables } from '../support/personal-data';
import {
  adminQuery,
  createTestApp,
  dbAvailable,
  postgresAdminUrl,
  testDatabaseKind,
  type TestApp,
} from '../support/test-app';

/**
 * Where the key store is when nothing is configured, as the server itself opens it: a
 * private `keys.sqlite` beside a SQLite main database; a database `<main>_keys`, created
 * at start-up, beside a PostgreSQL one. And the clear stop when it cannot be had.
 */

describe.skipIf(!dbAvailable)('the key store by default', () => {
  let testApp: TestApp;
  beforeAll(async () => {
    testApp = await createTestApp();
  });
  afterAll(() => testApp.close());

  it('is a database apart from the main one, holding the only person_keys table', async () => {
    expect((await liveTables(testApp.database)).map((table) => table.name)).not.toContain(
      'person_keys',
    );
    const stored = await testApp.keyStore.db.selectFrom('person_keys').selectAll().execute();
    expect(Array.isArray(stored)).toBe(true);
    expect(await testApp.keyStore.ping()).toBe(true);

    if (testApp.kind === 'sqlite') {
      const file = path.join(testApp.config.dataDir, KEY_STORE_FILE_NAME);
      expect(testApp.keyStoreUrl).toBe(file);
      expect(testApp.keyStore.description).toBe(`SQLite ${file}`);
      if (process.platform !== 'win32') expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    } else {
      const main = decodeURIComponent(new URL(testApp.location.target).pathname.slice(1));
      expect(new URL(testApp.keyStoreUrl).pathname).toBe(`/${main}_keys`);
      const client = new pg.Client({ connectionString: postgresAdminUrl as string });
      await client.connect();
      try {
        const found = await client.query('select datname from pg_database where datname = $1', [
          `${main}_keys`,
        ]);
        expect(found.rows).toEqual([{ datname: `${main}_keys` }]);
      } finally {
        await client.end();
      }
    }
  });
});

describe.skipIf(!dbAvailable || testDatabaseKind !== 'postgres')(
  'the key store on PostgreSQL, when it cannot be had',
  () => {
    const suffix = randomBytes(6).toString('hex');
    const role = `closer_no_createdb_${suffix}`;
    const database = `closer_no_createdb_${suffix}`;
    const admin = () => postgresAdminUrl as string;

    beforeAll(async () => {
      await adminQuery(admin(), `create role ${role} login nocreatedb`);
      await adminQuery(admin(), `create database ${database} owner ${role}`);
    });
    afterAll(async () => {
      await adminQuery(admin(), `drop database if exists ${database} with (force)`);
      await adminQuery(admin(), `drop database if exists ${database}_keys with (force)`);
      await adminQuery(admin(), `drop role if exists ${role}`);
    });

    const urlAs = (user: string, name: string) => {
      const url = new URL(admin());
      url.username = user;
      url.pathname = `/${name}`;
      return url.toString();
    };

    it('stops with a message that says to set KEY_STORE_URL when the account may not create databases', async () => {
      await expect(
        openKeyStore({
          databaseUrl: urlAs(role, database),
          dataDir: '/nonexistent',
          keyStoreUrl: null,
        }),
      ).rejects.toThrow(
        new RegExp(
          `The key store database "${database}_keys" does not exist and could not be created \\(permission denied to create database\\).*set KEY_STORE_URL`,
        ),
      );
    });

    it('names the key store when KEY_STORE_URL points at a database that does not exist', async () => {
      await expect(
        openKeyStore({
          databaseUrl: urlAs(role, database),
          dataDir: '/nonexistent',
          keyStoreUrl: urlAs(role, `${database}_missing`),
        }),
      ).rejects.toThrow(
        `The key store (PostgreSQL database "${database}_missing" on ${new URL(admin()).host}) could not be prepared`,
      );
    });

    it('works once the operator has created the database for it', async () => {
      await adminQuery(admin(), `create database ${database}_keys owner ${role}`);
      const store = await openKeyStore({
        databaseUrl: urlAs(role, database),
        dataDir: '/nonexistent',
        keyStoreUrl: null,
      });
      try {
        expect(await store.ping()).toBe(true);
        expect(await store.db.selectFrom('person_keys').selectAll().execute()).toEqual([]);
      } finally {
        await store.close();
      }
    });
  },
);
