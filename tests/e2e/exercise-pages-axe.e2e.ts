import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { CATALOGUE } from '../../core/exercises/catalogue';
import {
  axeViolations,
  chromiumPath,
  describeViolations,
  newContext,
  useServerAndBrowser,
} from './support/browser';
import { signIn, signUpAndConsent } from './support/journeys';

/**
 * Every exercise page passes axe: one person signs up and consents, then opens each exercise
 * in the library, starts it and presses Next through every step to the page that asks how it
 * felt, with axe-core (WCAG 2.2 AA) run on the introduction and on each step. Then the same
 * again in dark mode at 640 × 800 (200 % zoom) with reduced motion, where no page may scroll
 * sideways. Get help now is in the header on every page.
 */

const NEXT = 'main form button[type="submit"]';

/** The step heading has focus and reads `title`. */
async function expectStep(page: Page, title: string) {
  await expect
    .poll(
      () =>
        page.evaluate(() => {
          const element = document.activeElement;
          return element?.id === 'exercise-step-title' ? (element.textContent?.trim() ?? '') : '';
        }),
      { message: `step "${title}" shown with focus on its heading` },
    )
    .toBe(title);
}

interface Pass {
  name: string;
  checkOverflow: boolean;
}

/**
 * Opens every exercise and walks through it, checking each page; returns the number of pages
 * checked and every problem found (collected, so one run shows them all).
 */
async function walkEveryExercise(page: Page, origin: string, pass: Pass) {
  const problems: string[] = [];
  let pages = 0;

  async function check(name: string) {
    pages += 1;
    // Lazy chunks and the exercise's entries arrive over the network; wait for them to settle.
    await page.waitForLoadState('networkidle');
    const label = `${name} (${pass.name})`;
    const violations = await axeViolations(page);
    if (violations.length > 0) problems.push(`${label}:\n${describeViolations(violations)}`);
    if ((await page.locator('header a[href="/help"]').count()) !== 1) {
      problems.push(`${label}: no Get help now in the header`);
    }
    if (pass.checkOverflow) {
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - window.innerWidth,
      );
      if (overflow > 0) problems.push(`${label}: scrolls sideways by ${overflow}px`);
    }
  }

  for (const exercise of CATALOGUE) {
    await page.goto(`${origin}/exercises/${exercise.id}`, { waitUntil: 'networkidle' });
    await expect.poll(() => page.locator('h1').innerText()).toBe(exercise.title);
    const start = page.getByRole('button', { name: 'Start', exact: true });
    await expect.poll(() => start.count(), { message: `${exercise.id}: Start` }).toBe(1);
    await check(`${exercise.id}: introduction`);

    await start.click();
    for (const [index, step] of exercise.steps.entries()) {
      if (index > 0) await page.locator(NEXT).click();
      await expectStep(page, step.title);
      expect(page.url()).toContain(`step=${index + 1}`);
      await check(`${exercise.id}: step ${index + 1}, ${step.title}`);
    }
    await page.locator(NEXT).click();
    await expectStep(page, 'How did that feel?');
    await check(`${exercise.id}: how it felt`);
  }
  return { pages, problems };
}

/** An introduction, each step and the finishing page, for every exercise. */
const PAGES_PER_PASS = CATALOGUE.reduce((sum, exercise) => sum + exercise.steps.length + 2, 0);

describe.skipIf(!chromiumPath)('every exercise page is accessible', () => {
  const env = useServerAndBrowser();
  const username = `heron_${Date.now().toString(36)}`;
  const password = 'a heron waits by the reeds';

  it('passes axe on every exercise introduction and step, in light mode', async () => {
    const { context, requests, consoleErrors } = await newContext(env.browser);
    const origin = env.server.origin;
    const page = await context.newPage();
    await signUpAndConsent(page, origin, username, password);

    const { pages, problems } = await walkEveryExercise(page, origin, {
      name: 'light',
      checkOverflow: false,
    });
    expect(problems.join('\n\n')).toBe('');
    expect(pages).toBe(PAGES_PER_PASS);

    expect(requests.filter((url) => !url.startsWith(origin))).toEqual([]);
    expect(consoleErrors).toEqual([]);
    await context.close();
  }, 240_000);

  it('passes axe in dark mode at 200 % zoom with reduced motion, with no sideways scrolling', async () => {
    const { context, consoleErrors } = await newContext(env.browser, {
      colorScheme: 'dark',
      reducedMotion: 'reduce',
      viewport: { width: 640, height: 800 },
    });
    const origin = env.server.origin;
    const page = await context.newPage();
    await signIn(page, origin, username, password);

    const { pages, problems } = await walkEveryExercise(page, origin, {
      name: 'dark, 200 %',
      checkOverflow: true,
    });
    expect(problems.join('\n\n')).toBe('');
    expect(pages).toBe(PAGES_PER_PASS);

    expect(consoleErrors).toEqual([]);
    await context.close();
  }, 240_000);
});
