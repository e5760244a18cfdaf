import { expect } from 'vitest';
import { TestClient } from './http-client';
import { signUpWithConsent } from './personal-data';
import type { TestApp } from './test-app';

/**
 * People who use the app over days and weeks of a test clock: `someone(iso)` signs a new
 * person up (consenting) at that instant; `at(iso, ...clients)` moves the clock on and signs
 * each of them in again, as their sessions time out meanwhile.
 */
export function peopleOverTime(testApp: () => TestApp) {
  const people = new Map<TestClient, { login: string; password: string }>();

  const someone = async (iso: string) => {
    testApp().clock.set(new Date(iso));
    const client = new TestClient(testApp().app);
    people.set(client, await signUpWithConsent(client));
    return client;
  };

  const at = async (iso: string, ...clients: TestClient[]) => {
    testApp().clock.set(new Date(iso));
    for (const client of clients) {
      const person = people.get(client)!;
      const login = await client.post('/api/auth/login', {
        login: person.login,
        password: person.password,
      });
      expect(login.status, login.text).toBe(200);
    }
  };

  return { people, someone, at };
}
