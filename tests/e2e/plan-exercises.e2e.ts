import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { CURRENT_CLOSENESS_CHECK } from '../../core/assessment/closeness-check.definition';
import { exerciseById } from '../../core/exercises/catalogue';
import {
  axeViolations,
  chromiumPath,
  describeViolations,
  newContext,
  tabUntilFocused,
  useServerAndBrowser,
} from './support/browser';
import {
  focused,
  noSidewaysScroll,
  pageApi,
  signIn,
  signUpAndConsent,
  takeClosenessCheck,
} from './support/journeys';

/**
 * The plan and the exercises as a person uses them: a new person takes the Check in the app
 * and opens their plan, whose reasons follow the profile's
 * highest sign; completes a thought record by keyboard, closing the tab half-way and
 * carrying on in a new one, with the original thought in view and a thinking trap chosen
 * from the suggestions; climbs one step of a short closeness ladder (gently told 8 to 15
 * steps work best) and sees the chart, then finds the next go starts from the same rungs with
 * the managed one marked and the next one suggested; does a paced-breathing session with reduced motion. axe-core runs on every page, light and dark.
 */

const DEFINITION = CURRENT_CLOSENESS_CHECK;
const THOUGHT = 'Everyone always leaves me in the end. She will think I am needy.';
const SITUATION = 'Friday night. I texted Sam to say I missed her and she did not answer.';

/** Trust answered as hard as it gets, the other signs in the middle, the roots low, safety no. */
function answers(): Record<string, number> {
  const { min, max } = DEFINITION.scale;
  const middle = Math.round((min + max) / 2);
  const chosen: Record<string, number> = {};
  for (const item of DEFINITION.items) {
    const hardest = item.reverse ? min : max;
    const easiest = item.reverse ? max : min;
    const subscale = item.id.replace(/-\d+$/, '');
    chosen[item.id] =
      subscale === 'trust'
        ? hardest
        : ['avoidance', 'sharing', 'anxiety'].includes(subscale)
          ? middle
          : easiest;
  }
  for (const question of DEFINITION.safetyQuestions) {
    const no = question.options.find((option) => !option.worrying && !option.declined);
    if (no) chosen[question.id] = no.value;
  }
  return chosen;
}

/** Tabs to an element and types into it, by keyboard alone. */
async function tabAndType(page: Page, selector: string, text: string) {
  expect(await tabUntilFocused(page, selector), `tab to ${selector}`).toBeGreaterThan(0);
  await page.keyboard.type(text);
}

/** Tabs to a button by its text and presses Enter. */
async function tabAndPress(page: Page, selector: string, key = 'Enter') {
  expect(await tabUntilFocused(page, selector), `tab to ${selector}`).toBeGreaterThan(0);
  await page.keyboard.press(key);
}

/** The step heading has focus and reads `title`. */
async function expectStep(page: Page, title: string) {
  await expect.poll(async () => (await focused(page)).text, { message: title }).toBe(title);
  expect((await focused(page)).id).toBe('exercise-step-title');
}

const NEXT = 'main form button[type="submit"]';

describe.skipIf(!chromiumPath)('the plan and the exercises', () => {
  const env = useServerAndBrowser();
  const username = `wren_${Date.now().toString(36)}`;
  const password = 'a wren sings from the hedge';

  async function expectAccessible(page: Page, name: string) {
    await page.waitForLoadState('networkidle');
    const violations = await axeViolations(page);
    expect(violations, `${name}:\n${describeViolations(violations)}`).toEqual([]);
    expect(await page.locator('header a[href="/help"]').count(), `${name}: Get help now`).toBe(1);
  }

  it('gives a plan that explains itself, and a thought record and a ladder step done by keyboard', async () => {
    const { context, requests, consoleErrors } = await newContext(env.browser);
    const origin = env.server.origin;
    let page = await context.newPage();
    await signUpAndConsent(page, origin, username, password);

    // A new person takes the Check in the app (every answer clicked; the keyboard-only way
    // through it is the Check's own journey), then sees their plan.
    const chosen = answers();
    await takeClosenessCheck(page, origin, chosen);
    await page.locator('header').getByRole('link', { name: 'Home' }).click();
    await page.waitForLoadState('networkidle');
    await expectAccessible(page, 'home with the plan and exercises cards');

    await page.locator('header').getByRole('link', { name: 'My plan' }).click();
    await page.waitForURL('**/plan');
    await expect.poll(() => page.locator('.plan-step').count()).toBeGreaterThanOrEqual(3);
    const reasons = await page.locator('.plan-step__reason').allInnerTexts();
    expect(reasons[0]).toContain('Finding it hard to trust came out highest of your four signs');
    await expectAccessible(page, 'plan');

    // Swapping a step: another exercise for the same need comes in and takes focus.
    const firstTitle = await page.locator('.plan-step__title').first().innerText();
    await page
      .locator('.plan-step')
      .first()
      .getByRole('button', { name: 'Swap for another' })
      .click();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.className ?? ''))
      .toContain('plan-step__title');
    expect(await page.locator('.plan-step__title').allInnerTexts()).not.toContain(firstTitle);
    expect(await page.locator('main').innerText()).toContain('You swapped');

    await page.locator('header').getByRole('link', { name: 'Exercises' }).click();
    await page.waitForURL('**/exercises');
    await expectAccessible(page, 'library');
    await page.getByRole('link', { name: 'Thought record' }).click();
    await page.waitForURL('**/exercises/thought-record');
    await expect.poll(() => page.getByRole('button', { name: 'Start' }).count()).toBe(1);
    const intro = await page.locator('main').innerText();
    expect(intro).toContain('This is an example');
    expect(intro).toContain('Priya, 29');
    expect(intro).toContain('Start with a small upset.');
    await expectAccessible(page, 'thought record: introduction');

    // Step 1, by keyboard.
    await tabAndPress(page, 'main button.button--primary');
    await expectStep(page, 'What happened?');
    await tabAndType(page, 'textarea', SITUATION);
    await tabAndPress(page, NEXT);

    // Step 2: a feeling and how strong it is (a slider moved with the arrow keys).
    await expectStep(page, 'How did you feel?');
    await tabAndType(page, '.rows-field input[type="text"]', 'Worried');
    expect(await tabUntilFocused(page, 'input[type="range"]')).toBeGreaterThan(0);
    for (let press = 0; press < 4; press += 1) await page.keyboard.press('ArrowRight');
    expect(await page.locator('input[type="range"]').inputValue()).toBe('70');
    await tabAndPress(page, NEXT);

    // Step 3: the thought; the situation stays in view; a thinking trap is suggested.
    await expectStep(page, 'What went through your mind?');
    expect(await page.locator('.kept-in-view').innerText()).toContain(SITUATION);
    await tabAndType(page, 'textarea', THOUGHT);
    await expect.poll(() => page.locator('.trap--suggested').count()).toBeGreaterThan(0);
    const firstSuggestion = page.locator('.trap--suggested').first();
    expect(await firstSuggestion.locator('mark').count()).toBeGreaterThan(0);
    expect(await page.locator('main').innerText()).toContain('You decide');
    const suggestedId = await firstSuggestion.locator('input').getAttribute('id');
    expect(await tabUntilFocused(page, `#${suggestedId}`)).toBeGreaterThan(0);
    await page.keyboard.press('Space');
    expect(await firstSuggestion.locator('input').isChecked()).toBe(true);
    await expectAccessible(page, 'thought record: the thought, with suggestions');
    await expect
      .poll(() => page.locator('.check-status').innerText(), { timeout: 10_000 })
      .toBe('Saved.');

    // Closing the tab half-way, then carrying on in a new one: nothing is lost.
    const draftBefore = await pageApi<{ entries: { status: string }[] }>(
      page,
      '/api/exercises/thought-record/entries',
    );
    expect(draftBefore.entries.filter((entry) => entry.status === 'draft')).toHaveLength(1);
    await page.close();
    page = await context.newPage();
    await page.goto(`${origin}/home`, { waitUntil: 'networkidle' });
    await page.locator('header').getByRole('link', { name: 'Exercises' }).click();
    await page.getByRole('link', { name: 'Thought record' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Carry on' }).count()).toBe(1);
    await tabAndPress(page, 'main button.button--primary');
    await expectStep(page, 'What went through your mind?');
    expect(await page.locator('textarea').inputValue()).toBe(THOUGHT);
    expect(await page.locator(`#${suggestedId}`).isChecked()).toBe(true);
    await tabAndPress(page, NEXT);

    // Step 4: the facts; the original thought stays in view on every later step.
    await expectStep(page, 'Look at the facts');
    expect(await page.locator('.kept-in-view').innerText()).toContain(THOUGHT);
    await tabAndType(page, '.list-field input[type="text"]', 'She has not replied for two hours.');
    const againstInput = page.locator('.list-field').nth(1).locator('input[type="text"]');
    const againstId = await againstInput.getAttribute('id');
    await tabAndType(page, `#${againstId}`, 'She told me she was at her sister’s tonight.');
    await tabAndPress(page, NEXT);

    await expectStep(page, 'A fairer thought');
    expect(await page.locator('.kept-in-view').innerText()).toContain(THOUGHT);
    await tabAndType(page, 'textarea', 'Sam is probably busy. She has always come back to me.');
    await tabAndPress(page, NEXT);

    await expectStep(page, 'How do you feel now?');
    expect(await page.locator('.kept-in-view').innerText()).toContain(THOUGHT);
    await tabAndType(page, '.rows-field input[type="text"]', 'Worried');
    await tabAndPress(page, NEXT);

    // How it felt, then finish: the history lists it.
    await expectStep(page, 'How did that feel?');
    expect(await tabUntilFocused(page, 'input[name="finish-distress"]')).toBeGreaterThan(0);
    await page.keyboard.press('ArrowRight');
    expect(await tabUntilFocused(page, 'input[name="finish-helpful"]')).toBeGreaterThan(0);
    for (let press = 0; press < 7; press += 1) await page.keyboard.press('ArrowRight');
    await expectAccessible(page, 'thought record: how it felt');
    await tabAndPress(page, NEXT);
    await page.waitForURL('**/exercises/thought-record?entry=*');
    await expect.poll(() => page.locator('main').innerText()).toContain('Finished and saved');
    const finished = await page.locator('main').innerText();
    expect(finished).toContain(THOUGHT);
    await expectAccessible(page, 'thought record: finished entry');
    const after = await pageApi<{ entries: { status: string }[] }>(
      page,
      '/api/exercises/thought-record/entries',
    );
    expect(after.entries.map((entry) => entry.status)).toEqual(['completed']);

    // One step of the closeness ladder, then the chart of expected and real difficulty.
    await page.goto(`${origin}/exercises`, { waitUntil: 'networkidle' });
    await page.getByRole('link', { name: 'Closeness ladder' }).click();
    await page.getByRole('button', { name: 'Start' }).click();
    await expectStep(page, 'Where the ladder leads');
    await page
      .getByLabel('Where would you like the ladder to take you?')
      .fill('To tell Sam how I feel.');
    await page.getByLabel('Who feels safe enough to practise with?').fill('Sam');
    await page.locator(NEXT).click();
    await expectStep(page, 'Build your ladder');
    const rungs = ['Say good morning to Sam', 'Tell Sam about my day', 'Say I missed her'];
    for (const [index, rung] of rungs.entries()) {
      if (index > 0) await page.getByRole('button', { name: 'Add a row' }).click();
      await page.locator('.rows-field__row').nth(index).getByLabel('The step').fill(rung);
    }
    // A short ladder is fine, but the page says gently that 8 to 15 small steps work best.
    const guidance = page.locator('.ladder-guidance');
    expect(await guidance.innerText()).toContain('Small steps help');
    expect(await guidance.innerText()).toContain('Steps so far: 3.');
    await expectAccessible(page, 'closeness ladder: gentle guidance');
    await page.locator(NEXT).click();
    await expectStep(page, 'Before you try a step');
    await page.getByLabel('Which step will you try?').selectOption('Tell Sam about my day');
    await page.locator('input[type="range"]').focus();
    for (let press = 0; press < 2; press += 1) await page.keyboard.press('ArrowRight');
    await page.locator(NEXT).click();
    await expectStep(page, 'After you try it');
    expect(await page.locator('.kept-in-view').innerText()).toContain('Tell Sam about my day');
    await page.locator('input[type="range"]').focus();
    for (let press = 0; press < 4; press += 1) await page.keyboard.press('ArrowLeft');
    await page.getByLabel('Move up to the next step').check();
    await page.locator(NEXT).click();
    await expectStep(page, 'How did that feel?');
    await page.locator(NEXT).click();
    await page.waitForURL('**/exercises/closeness-ladder?entry=*');
    const chart = page.locator('.ladder-chart svg[role="img"]');
    await expect.poll(() => chart.count()).toBe(1);
    expect(await page.locator('.ladder-chart').innerText()).toContain(
      'One step tried. You expected 60 out of 100, and it was 30.',
    );
    await expectAccessible(page, 'closeness ladder: chart');
    await page.getByRole('button', { name: 'Show as a table' }).click();
    const row = await page.locator('.ladder-chart tbody tr').innerText();
    expect(row).toContain('Tell Sam about my day');
    expect(row).toMatch(/60\s+30/);
    await expectAccessible(page, 'closeness ladder: table');

    // The next go carries the same ladder on: the rungs are filled in, the one managed is
    // marked, and the lowest one not yet managed is suggested.
    await page.goto(`${origin}/exercises/closeness-ladder`, { waitUntil: 'networkidle' });
    await page.getByRole('button', { name: 'Start' }).click();
    await expectStep(page, 'Where the ladder leads');
    await page.locator(NEXT).click();
    await expectStep(page, 'Build your ladder');
    const steps = page.locator('.rows-field__row').getByLabel('The step');
    await expect.poll(() => steps.count()).toBe(3);
    for (const [index, rung] of rungs.entries()) {
      expect(await steps.nth(index).inputValue()).toBe(rung);
    }
    const progress = page.locator('.ladder-progress');
    const soFar = await progress.innerText();
    expect(soFar).toContain('Your steps from last time are filled in');
    expect(soFar).toContain('1 of 3 steps managed so far.');
    expect(await page.locator('.ladder-progress__managed').innerText()).toMatch(
      /^Tell Sam about my day\s+✓ managed$/,
    );
    expect(soFar).toContain('Next up: Say good morning to Sam');
    await expectAccessible(page, 'closeness ladder: carried over');
    await page.locator(NEXT).click();
    await expectStep(page, 'Before you try a step');
    expect(await page.locator('.ladder-progress').innerText()).toContain(
      'Next up: Say good morning to Sam',
    );
    await page.getByRole('button', { name: 'Choose this step' }).click();
    expect(await page.getByLabel('Which step will you try?').inputValue()).toBe(
      'Say good morning to Sam',
    );
    await expectAccessible(page, 'closeness ladder: next up');

    expect(requests.filter((url) => !url.startsWith(origin))).toEqual([]);
    expect(consoleErrors).toEqual([]);
    await context.close();
  }, 180_000);

  it('guides paced breathing with reduced motion, and passes axe in dark mode at 200 % zoom', async () => {
    const { context, consoleErrors } = await newContext(env.browser, {
      colorScheme: 'dark',
      reducedMotion: 'reduce',
      viewport: { width: 640, height: 800 },
    });
    const origin = env.server.origin;
    const page = await context.newPage();
    await signIn(page, origin, username, password);
    await expectAccessible(page, 'home (dark)');

    for (const [path, name] of [
      ['/plan', 'plan'],
      ['/exercises', 'library'],
      ['/exercises/closeness-ladder', 'closeness ladder with its chart'],
      ['/exercises/i-statement-builder', 'I-statement builder'],
    ] as const) {
      await page.goto(`${origin}${path}`, { waitUntil: 'networkidle' });
      await expect.poll(() => page.locator('h1').count()).toBe(1);
      await expectAccessible(page, `${name} (dark)`);
      await noSidewaysScroll(page, name);
    }

    // A blame word is pointed out gently.
    const builder = exerciseById('i-statement-builder');
    const statementStep = builder.steps.findIndex((step) =>
      step.fields.some((field) => 'checks' in field && field.checks === 'blame-words'),
    );
    await page.goto(`${origin}/exercises/i-statement-builder?step=${statementStep + 1}`, {
      waitUntil: 'networkidle',
    });
    await page.getByLabel('What you will say').fill('You never ask how my day was.');
    await expect.poll(() => page.locator('.blame-note mark').count()).toBeGreaterThan(0);
    await expectAccessible(page, 'I-statement: blame words (dark)');

    // Worrying words in an exercise: crisis help comes first and takes focus; the text is kept.
    await page
      .getByLabel('What you will say')
      .fill('Everything feels pointless lately. Some nights I just want to die.');
    const alert = page.locator('.safety-alert');
    await expect.poll(() => alert.getAttribute('data-level'), { timeout: 10_000 }).toBe('crisis');
    expect(await alert.evaluate((element) => element === document.activeElement)).toBe(true);
    expect(await alert.innerText()).toContain('What you wrote is saved.');
    await expectAccessible(page, 'I-statement: crisis help first (dark)');

    await page.goto(`${origin}/exercises/paced-breathing`, { waitUntil: 'networkidle' });
    await page.getByRole('button', { name: 'Start' }).click();
    await expectStep(page, 'Get ready');
    await page.getByLabel(/^Box breathing/).check();
    await page.getByLabel('2 minutes').check();
    await page.locator(NEXT).click();
    await expectStep(page, 'Breathe along');
    // Reduced motion: no moving circle, words only, in a live region; no audio anywhere.
    expect(await page.locator('.breathing__circle').isVisible()).toBe(false);
    expect(await page.locator('audio, video').count()).toBe(0);
    expect(await page.locator('main').innerText()).toContain('uses words only');
    const cue = page.locator('.breathing__cue');
    // Screen readers hear each phase once, not the count that changes every second.
    const announcement = page.locator('.breathing__announcement');
    expect(await announcement.getAttribute('aria-live')).toBe('polite');
    expect(await cue.getAttribute('aria-hidden')).toBe('true');
    await tabAndPress(page, '.breathing button');
    await expect.poll(() => cue.innerText(), { timeout: 5_000 }).toMatch(/^Breathe in… 2…/);
    await expect.poll(() => cue.innerText(), { timeout: 5_000 }).toContain('3…');
    expect(await announcement.textContent()).toBe('Breathe in');
    await expectAccessible(page, 'paced breathing: guide running (dark)');
    await noSidewaysScroll(page, 'paced breathing');
    expect((await focused(page)).text).toBe('Stop');
    await page.keyboard.press('Space');
    expect(await cue.innerText()).toContain('Paused');
    await page.getByLabel('I stopped early, and that is fine').check();
    await page.locator(NEXT).click();
    await expectStep(page, 'Notice the difference');
    await page.getByLabel('What did you notice?').fill('My shoulders dropped.');
    await page.locator(NEXT).click();
    await expectStep(page, 'How did that feel?');
    await page.locator(NEXT).click();
    await page.waitForURL('**/exercises/paced-breathing?entry=*');
    await expect.poll(() => page.locator('main').innerText()).toContain('My shoulders dropped.');
    await expectAccessible(page, 'paced breathing: finished (dark)');

    expect(consoleErrors).toEqual([]);
    await context.close();
  }, 120_000);
});
