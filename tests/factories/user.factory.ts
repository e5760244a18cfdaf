import { randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import type { TestClient, TestResponse } from '../support/http-client';

let sequence = 0;

/** A short suffix unique across parallel test files and runs. */
function unique(): string {
  sequence += 1;
  return `${sequence.toString(36)}${randomBytes(4).toString('hex')}`;
}

/** A valid username (lower-case letters, digits, dot, dash), at most 32 characters. */
export function newUsername(): string {
  return `person-${unique()}`;
}

export function newEmail(): string {
  return `person.${unique()}@example.test`;
}

/** A valid password that no common-password list holds (random words and digits). */
export function newPassword(): string {
  return `quiet harbour ${randomBytes(6).toString('base64url')} lantern`;
}

export interface SignUpInput {
  email?: string;
  username?: string;
  password: string;
}

/** A sign-up body with a username unless `overrides` say otherwise. */
export function buildSignUp(overrides: Partial<SignUpInput> = {}): SignUpInput {
  const base: SignUpInput =
    'email' in overrides && !('username' in overrides)
      ? { email: newEmail(), password: newPassword() }
      : { username: newUsername(), password: newPassword() };
  return { ...base, ...overrides };
}

export interface SignedUpUser {
  user: { id: string; email: string | null; username: string | null; createdAt: string };
  csrfToken: string;
  /** What the person types to sign in: their email or username. */
  login: string;
  password: string;
  response: TestResponse;
}

/** Signs up through the API (real argon2, ~30 ms) and leaves `client` signed in. */
export async function signUp(
  client: TestClient,
  overrides: Partial<SignUpInput> = {},
): Promise<SignedUpUser> {
  const input = buildSignUp(overrides);
  const response = await client.post('/api/auth/signup', input);
  expect(response.status, response.text).toBe(201);
  return {
    user: response.body.user,
    csrfToken: response.body.csrfToken,
    login: (input.email ?? input.username) as string,
    password: input.password,
    response,
  };
}
