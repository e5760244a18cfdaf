import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  axeViolations,
  chromiumPath,
  describeViolations,
  newContext,
  useServerAndBrowser,
} from './support/browser';
import { signUpAndConsent } from './support/journeys';

/**
 * Exercises that listen to what is written: a thought that tells of abuse gets safeguarding
 * help in place of thinking-trap suggestions, and the person can still save it; an earlier
 * rating stays in view, as a number with what its ends mean. axe-core runs on each.
 */

const ABUSE_THOUGHT = 'It is my fault he hit me, I should have kept quiet.';
const NEXT = 'main form button[type="submit"]';

async function expectAccessible(page: Page, name: string) {
  await page.waitForLoadState('networkidle');
  const violations = await axeViolations(page);
  expect(violations, `${name}:\n${describeViolations(violations)}`).toEqual([]);
}

describe.skipIf(!chromiumPath)('exercises that listen to what is written', () => {
  const env = useServerAndBrowser();

  it('offers safeguarding help, not thinking traps, for a thought about abuse; an earlier rating stays in view', async () => {
    const { context, consoleErrors } = await newContext(env.browser);
    const origin = env.server.origin;
    const page = await context.newPage();
    await signUpAndConsent(
      page,
      origin,
      `robin_${Date.now().toString(36)}`,
      'a robin sings on the gate',
    );

    // The thought step of a thought record.
    await page.goto(`${origin}/exercises/thought-record?step=3`, { waitUntil: 'networkidle' });
    await expect.poll(() => page.locator('textarea').count()).toBe(1);
    await page.locator('textarea').fill(ABUSE_THOUGHT);
    const help = page.locator('.traps-field__help');
    await expect.poll(() => help.getAttribute('data-level')).toBe('safeguarding');
    expect(await page.locator('.trap--suggested').count()).toBe(0);
    expect(await page.locator('.trap__badge').count()).toBe(0);
    const helpText = await help.innerText();
    expect(helpText).toContain('never your fault');
    expect(helpText).toContain('999');
    expect(await help.locator('.help-line').count()).toBeGreaterThan(1);
    expect(await page.locator('.traps-field__status').innerText()).toContain(
      'may not be a thinking trap',
    );
    // The traps are there if the person wants them, folded away.
    expect(await page.locator('.traps-field__anyway').getAttribute('open')).toBeNull();
    // Never blocked: the thought is saved as it is.
    await expect
      .poll(() => page.locator('.check-status').innerText(), { timeout: 10_000 })
      .toBe('Saved.');
    expect(await page.locator('textarea').inputValue()).toBe(ABUSE_THOUGHT);
    await expectAccessible(page, 'thought record: a thought about abuse');

    // Stress check: the first rating stays in view on the next step.
    await page.goto(`${origin}/exercises/stress-relaxation`, { waitUntil: 'networkidle' });
    await page.getByRole('button', { name: 'Start' }).click();
    await page.locator('.rating-field__point').filter({ hasText: /^7$/ }).locator('input').check();
    await page.locator(NEXT).click();
    const kept = page.locator('.kept-in-view');
    await expect.poll(() => kept.count()).toBe(1);
    const keptText = await kept.innerText();
    expect(keptText).toContain('How stressed do you feel?');
    expect(keptText).toContain('7 out of 10');
    expect(keptText).toContain('0 means Not at all. 10 means Extremely.');
    await expectAccessible(page, 'stress check: the rating in view');

    expect(consoleErrors).toEqual([]);
    await context.close();
  }, 120_000);
});
