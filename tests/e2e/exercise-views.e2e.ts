import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  axeViolations,
  chromiumPath,
  describeViolations,
  newContext,
  tabUntilFocused,
  useServerAndBrowser,
} from './support/browser';
import { noSidewaysScroll, pageApi, signUpAndConsent } from './support/journeys';

/**
 * The views three exercises have of their own. Two relationship pattern reflections with the
 * same wish (one sent through the API to save time, one written in the page) name the word
 * that comes back, gently; a values compass offers its biggest gap as the goal, chosen by
 * keyboard; two weeks of confidence builders show what felt best. axe-core runs on each view,
 * light and dark, and the dark run is at 200 % zoom with reduced motion.
 */

type Values = Record<string, Record<string, unknown>>;

/** Saves and finishes an entry through the API, as the page would. */
async function finishEntry(page: Page, exerciseId: string, values: Values) {
  const base = `/api/exercises/${exerciseId}/entries`;
  const created = await pageApi<{ entry: { id: string } }>(page, base, 'POST', { values });
  await pageApi(page, `${base}/${created.entry.id}/complete`, 'POST', { values });
}

async function expectStep(page: Page, title: string) {
  await expect
    .poll(() => page.evaluate(() => document.activeElement?.textContent?.trim() ?? ''))
    .toBe(title);
}

const NEXT = 'main form button[type="submit"]';

describe.skipIf(!chromiumPath)('the exercises’ own views', () => {
  const env = useServerAndBrowser();
  const username = `finch_${Date.now().toString(36)}`;
  const password = 'a finch on the feeder at dawn';

  async function expectAccessible(page: Page, name: string) {
    await page.waitForLoadState('networkidle');
    const violations = await axeViolations(page);
    expect(violations, `${name}:\n${describeViolations(violations)}`).toEqual([]);
  }

  it('names a repeated wish, offers the biggest gap as a goal, and sums up what helps', async () => {
    const { context, requests, consoleErrors } = await newContext(env.browser);
    const origin = env.server.origin;
    const page = await context.newPage();
    await signUpAndConsent(page, origin, username, password);

    // Relationship patterns: one reflection already finished, the second written here.
    await finishEntry(page, 'relationship-pattern', {
      episode: { episode: 'My sister forgot to call on my birthday.' },
      wish: { wish: 'To know that I matter to her.' },
      other: { other: 'She said she had been busy.' },
      me: { me: 'I said it was fine and went quiet.' },
    });
    await page.goto(`${origin}/exercises/relationship-pattern`, { waitUntil: 'networkidle' });
    const patterns = page.locator('.relationship-patterns');
    expect(await patterns.innerText()).toContain('To know that I matter to her.');
    expect(await patterns.innerText()).toContain('When you have finished two or more');
    await expectAccessible(page, 'relationship pattern: one reflection');
    await page.getByRole('button', { name: 'Start' }).click();
    await expectStep(page, 'A recent moment');
    await page.getByLabel('What happened?').fill('Alex cancelled our plans at the last minute.');
    await page.locator(NEXT).click();
    await expectStep(page, 'What you wished for');
    await page.getByLabel('What did you wish for?').fill('To feel I matter to Alex.');
    await page.locator(NEXT).click();
    await expectStep(page, 'How they responded');
    await page
      .getByLabel('How did they respond, or how did you expect them to?')
      .fill('He said sorry but did not offer another day.');
    await page.locator(NEXT).click();
    await expectStep(page, 'How you responded');
    await page.getByLabel('How did you respond?').fill('I went quiet and stayed in my room.');
    await page.locator(NEXT).click();
    await expectStep(page, 'Looking for a pattern');
    // The earlier reflection is there to help, side by side.
    expect(await patterns.innerText()).toContain('To know that I matter to her.');
    await expectAccessible(page, 'relationship pattern: looking for a pattern');
    await page.getByLabel('What pattern do you notice?').fill('I hide that I am hurt.');
    await page.locator(NEXT).click();
    await expectStep(page, 'How did that feel?');
    await page.locator(NEXT).click();
    await page.waitForURL('**/exercises/relationship-pattern?entry=*');
    await page.goto(`${origin}/exercises/relationship-pattern`, { waitUntil: 'networkidle' });
    await expect
      .poll(() => patterns.innerText())
      .toContain('The word “matter” comes up in what you wished for, in 2 of your reflections.');
    expect(await patterns.locator('tbody tr').count()).toBe(2);
    expect(await patterns.innerText()).toContain('You might notice');
    await expectAccessible(page, 'relationship pattern: patterns across reflections');

    // Values compass: the areas rated (sent as a draft), then the biggest gap becomes the goal.
    await pageApi(page, '/api/exercises/values-compass/entries', 'POST', {
      values: {
        areas: {
          areas: [
            { area: 'Close relationships', importance: 7, living: 5 },
            { area: 'Friendships', importance: 9, living: 2 },
            { area: 'Work or study', importance: 6, living: 6 },
            { area: 'Health and body', importance: 8, living: 4 },
          ],
        },
      },
    });
    await page.goto(`${origin}/exercises/values-compass?step=2`, { waitUntil: 'networkidle' });
    await expect.poll(() => page.locator('#exercise-step-title').innerText()).toBe('Find the gap');
    const gaps = page.locator('.values-gaps');
    expect(await gaps.innerText()).toContain(
      'The biggest gap is Friendships. It matters 9 out of 10, and you live it 2 out of 10 now.',
    );
    const order = await gaps.locator('tbody th').allInnerTexts();
    expect(order).toEqual([
      'Friendships',
      'Health and body',
      'Close relationships',
      'Work or study',
    ]);
    await expectAccessible(page, 'values compass: gaps');
    expect(
      await tabUntilFocused(page, '.values-gaps button'),
      'tab to the biggest gap',
    ).toBeGreaterThan(0);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(
      'Make Friendships my goal',
    );
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.getByLabel('Which area will you work on?').inputValue())
      .toBe('Friendships');
    expect(await gaps.innerText()).toContain('You chose Friendships.');
    await expectAccessible(page, 'values compass: gap chosen');
    await page.locator(NEXT).click();
    await expectStep(page, 'Turn the gap into a goal');
    expect(await page.locator('.kept-in-view').innerText()).toContain('Friendships');
    await page.getByLabel('Your goal for this area').fill('See my friends more often.');
    await page.locator(NEXT).click();
    await expectStep(page, 'How did that feel?');
    await page.locator(NEXT).click();
    await page.waitForURL('**/exercises/values-compass?entry=*');
    await expect.poll(() => gaps.count()).toBe(1);
    expect(await gaps.innerText()).toContain('The biggest gap is Friendships.');
    await expectAccessible(page, 'values compass: finished');

    // Confidence builders: two weeks logged, then what felt best.
    await finishEntry(page, 'confidence-builders', {
      log: {
        log: [
          { activity: 'Swim', done: 'yes', mastery: 6, enjoyment: 5 },
          { activity: 'Volunteer at the food bank', done: 'yes', mastery: 8, enjoyment: 9 },
        ],
      },
    });
    await finishEntry(page, 'confidence-builders', {
      log: {
        log: [
          { activity: 'swim', done: 'partly', mastery: 8, enjoyment: 4 },
          { activity: 'Volunteer at the food bank', done: 'no' },
        ],
      },
    });
    await page.goto(`${origin}/exercises/confidence-builders`, { waitUntil: 'networkidle' });
    const log = page.locator('.activity-log');
    await expect
      .poll(() => log.innerText())
      .toContain('Volunteer at the food bank felt best. You enjoyed it 9 out of 10 on average.');
    expect(await log.innerText()).toContain(
      'Volunteer at the food bank gave you the most sense of achievement: 8 out of 10 on average.',
    );
    const averages = await log.locator('.activity-log__averages tbody tr').allInnerTexts();
    expect(averages).toHaveLength(2);
    expect(averages[1]).toMatch(/swim\s+2\s+7\s+4\.5/i);
    expect(await log.locator('.activity-log__rows tbody tr').count()).toBe(4);
    expect(await log.innerText()).toContain('Not this time');
    await expectAccessible(page, 'confidence builders: what helps');

    expect(requests.filter((url) => !url.startsWith(origin))).toEqual([]);
    expect(consoleErrors).toEqual([]);
    await context.close();
  }, 180_000);

  it('keeps the three views accessible in dark mode at 200 % zoom', async () => {
    const { context, consoleErrors } = await newContext(env.browser, {
      colorScheme: 'dark',
      reducedMotion: 'reduce',
      viewport: { width: 640, height: 800 },
    });
    const origin = env.server.origin;
    const page = await context.newPage();
    await page.goto(`${origin}/signin`, { waitUntil: 'networkidle' });
    await page.getByLabel('Email address or made-up name').fill(username);
    await page.getByLabel('Password', { exact: true }).fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL('**/home');

    for (const [path, selector] of [
      ['/exercises/relationship-pattern', '.relationship-patterns'],
      ['/exercises/relationship-pattern?step=5', '.relationship-patterns'],
      ['/exercises/confidence-builders', '.activity-log'],
    ] as const) {
      await page.goto(`${origin}${path}`, { waitUntil: 'networkidle' });
      await expect.poll(() => page.locator(selector).count(), { message: path }).toBe(1);
      await expectAccessible(page, `${path} (dark)`);
      await noSidewaysScroll(page, path);
    }
    await page.goto(`${origin}/exercises/values-compass`, { waitUntil: 'networkidle' });
    await page.locator('.exercise-history a').first().click();
    await expect.poll(() => page.locator('.values-gaps').count()).toBe(1);
    await expectAccessible(page, 'values compass: finished (dark)');
    await noSidewaysScroll(page, 'values compass');

    expect(consoleErrors).toEqual([]);
    await context.close();
  }, 120_000);
});
