import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClient } from '../support/http-client';
import { signUpWithConsent, writeEntry } from '../support/personal-data';
import { createTestApp, dbAvailable, type TestApp } from '../support/test-app';

/**
 * The journal list: newest first, paged by offset and limit, with the total; without a
 * search only the page is read from the database, with one every entry is decrypted and
 * filtered. Both must give the same order and the same pages.
 */
describe.skipIf(!dbAvailable)('GET /api/journal pages', () => {
  let testApp: TestApp;
  let person: TestClient;
  const written: string[] = [];

  beforeAll(async () => {
    testApp = await createTestApp();
    person = new TestClient(testApp.app);
    await signUpWithConsent(person);
    for (let index = 0; index < 25; index += 1) {
      testApp.clock.advance(1);
      const tag = index % 2 === 0 ? 'even' : 'odd';
      written.push(await writeEntry(person, `Entry number ${index}, an ${tag} one.`));
    }
  });
  afterAll(() => testApp.close());

  const newestFirst = () => [...written].reverse();

  it('answers the newest 20 first, then the rest, with the total and the next offset', async () => {
    const first = await person.get('/api/journal');
    expect(first.status).toBe(200);
    expect(first.body.total).toBe(25);
    expect(first.body.nextOffset).toBe(20);
    expect(first.body.entries.map((entry: { id: string }) => entry.id)).toEqual(
      newestFirst().slice(0, 20),
    );
    expect(first.body.entries[0].text).toBe('Entry number 24, an even one.');

    const second = await person.get('/api/journal?offset=20');
    expect(second.body).toMatchObject({ total: 25, nextOffset: null });
    expect(second.body.entries.map((entry: { id: string }) => entry.id)).toEqual(
      newestFirst().slice(20),
    );

    const small = await person.get('/api/journal?offset=3&limit=4');
    expect(small.body).toMatchObject({ total: 25, nextOffset: 7 });
    expect(small.body.entries.map((entry: { id: string }) => entry.id)).toEqual(
      newestFirst().slice(3, 7),
    );
    expect((await person.get('/api/journal?offset=40')).body).toEqual({
      entries: [],
      total: 25,
      nextOffset: null,
    });
  });

  it('pages a search the same way, over the matching entries only', async () => {
    const odd = newestFirst().filter((_, index) => (24 - index) % 2 === 1);
    const search = await person.get('/api/journal?q=odd&limit=5');
    expect(search.body).toMatchObject({ total: 12, nextOffset: 5 });
    expect(search.body.entries.map((entry: { id: string }) => entry.id)).toEqual(odd.slice(0, 5));
  });

  it('shows nobody else any of it', async () => {
    const stranger = new TestClient(testApp.app);
    await signUpWithConsent(stranger);
    expect((await stranger.get('/api/journal')).body).toEqual({
      entries: [],
      total: 0,
      nextOffset: null,
    });
  });
});
