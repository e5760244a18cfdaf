import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import {
  CURRENT_CLOSENESS_CHECK,
  type ScoredSubscaleId,
} from '../../../core/assessment/closeness-check.definition';

/**
 * Steps and page readings several journeys share: signing up (with a made-up name) and
 * consenting, signing in, calling the API as the page does, what has focus, where a safety
 * alert sits, and whether the page scrolls sideways.
 */

/** Signs up with a made-up name, agrees on the consent page and lands on home. */
export async function signUpAndConsent(
  page: Page,
  origin: string,
  username: string,
  password: string,
) {
  await page.goto(`${origin}/signup`, { waitUntil: 'networkidle' });
  await page.getByLabel('A made-up name').check();
  await page.getByLabel('Made-up name', { exact: true }).fill(username);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Create my account' }).click();
  await page.waitForURL('**/consent');
  await page.getByLabel(/I have read this and I agree/).check();
  await page.getByRole('button', { name: 'I agree' }).click();
  await page.waitForURL('**/home');
}

/** Signs in with a made-up name and lands on home. */
export async function signIn(page: Page, origin: string, username: string, password: string) {
  await page.goto(`${origin}/signin`, { waitUntil: 'networkidle' });
  await page.getByLabel('Email address or made-up name').fill(username);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL('**/home');
}

/** Calls the API from the page, as the app does (same cookie, CSRF token from the session). */
export async function pageApi<T>(
  page: Page,
  path: string,
  method = 'GET',
  body?: unknown,
): Promise<T> {
  return page.evaluate(
    async ({ path, method, body }) => {
      const session = (await (await fetch('/api/auth/session')).json()) as { csrfToken: string };
      const response = await fetch(path, {
        method,
        headers: {
          accept: 'application/json',
          'content-type': 'application/json',
          'x-csrf-token': session.csrfToken,
        },
        body: body === undefined ? null : JSON.stringify(body),
      });
      if (!response.ok) throw new Error(`${method} ${path}: ${response.status}`);
      return (response.status === 204 ? null : await response.json()) as T;
    },
    { path, method, body },
  );
}

/** The element that has focus, read from the page itself. */
export function focused(page: Page) {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    return {
      tag: element?.tagName.toLowerCase() ?? '',
      id: element?.id ?? '',
      type: (element as HTMLInputElement | null)?.type ?? '',
      name: (element as HTMLInputElement | null)?.name ?? '',
      text: element?.textContent?.trim() ?? '',
    };
  });
}

/** Where the alert sits and whether it has focus, read from the page itself. */
export function alertPlacement(page: Page) {
  return page.evaluate(() => {
    const main = document.querySelector('main');
    const alert = main?.querySelector('[role="alert"]');
    const heading = main?.querySelector('h1');
    if (!main || !alert || !heading) return null;
    // The first element inside the page's own content (main > page container > first child).
    const firstContent = main.firstElementChild?.firstElementChild ?? null;
    return {
      first: firstContent === alert,
      beforeHeading: Boolean(
        alert.compareDocumentPosition(heading) & Node.DOCUMENT_POSITION_FOLLOWING,
      ),
      focused: document.activeElement === alert,
      level: alert.getAttribute('data-level'),
      hrefs: [...alert.querySelectorAll('a')].map((link) => link.getAttribute('href')),
      text: alert.textContent ?? '',
    };
  });
}

/** The page does not scroll sideways. */
export async function noSidewaysScroll(page: Page, name: string) {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - window.innerWidth,
  );
  expect(overflow, `${name}: sideways scrolling`).toBeLessThanOrEqual(0);
}

/** How a made-up person answers the Closeness Check, for `closenessCheckAnswers`. */
export interface CheckAnswerOptions {
  /** Subscales answered as hard as it gets. */
  hardest?: readonly ScoredSubscaleId[];
  /** Subscales answered in the middle of the scale; every other one is answered as easiest. */
  middle?: readonly ScoredSubscaleId[];
  /** Safety questions (by id) answered with their worrying choice; the others are "No". */
  worrying?: readonly string[];
}

/** Answers for every question of the current Check, by item id, as the options describe. */
export function closenessCheckAnswers(options: CheckAnswerOptions = {}): Record<string, number> {
  const definition = CURRENT_CLOSENESS_CHECK;
  const { min, max } = definition.scale;
  const middle = Math.round((min + max) / 2);
  const chosen: Record<string, number> = {};
  for (const item of definition.items) {
    if (options.hardest?.includes(item.subscale)) chosen[item.id] = item.reverse ? min : max;
    else if (options.middle?.includes(item.subscale)) chosen[item.id] = middle;
    else chosen[item.id] = item.reverse ? max : min;
  }
  for (const question of definition.safetyQuestions) {
    const worrying = options.worrying?.includes(question.id) === true;
    const option = question.options.find(
      (candidate) => candidate.worrying === worrying && !candidate.declined,
    );
    if (option) chosen[question.id] = option.value;
  }
  return chosen;
}

/**
 * Takes the Closeness Check in the app, clicking each answer in `chosen` (item id → value),
 * screen by screen, and lands on the results page.
 */
export async function takeClosenessCheck(
  page: Page,
  origin: string,
  chosen: Record<string, number>,
) {
  await page.goto(`${origin}/check`, { waitUntil: 'networkidle' });
  await page.getByRole('button', { name: 'Start the Check' }).click();
  for (;;) {
    const onScreen = await page
      .locator('main input[type="radio"]')
      .evaluateAll((inputs) => [
        ...new Set(inputs.map((input) => (input as HTMLInputElement).name)),
      ]);
    for (const id of onScreen) {
      const value = chosen[id];
      if (value !== undefined) await page.locator(`#check-${id}-${value}`).check();
    }
    const submit = page.locator('main form button[type="submit"]');
    if ((await submit.innerText()) === 'See my results') {
      await submit.click();
      break;
    }
    const heading = await page.locator('#check-screen-title').innerText();
    await submit.click();
    await expect.poll(() => page.locator('#check-screen-title').innerText()).not.toBe(heading);
  }
  await page.waitForURL(/\/check\/results\/[^/]+$/);
}
