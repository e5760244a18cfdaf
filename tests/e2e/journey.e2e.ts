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

/**
 * The first visit of a new person, as they would click through it: landing page, Get help
 * now, sign up, consent, Learn, search, sign out, sign in again. axe-core runs on every page
 * they see, and every request must stay on Closer's own origin.
 */
describe.skipIf(!chromiumPath)('a new person’s first visit', () => {
  const env = useServerAndBrowser();

  const pagesChecked: string[] = [];
  async function expectAccessible(page: Page, name: string, { onHelpPage = false } = {}) {
    await page.waitForLoadState('networkidle');
    const violations = await axeViolations(page);
    expect(violations, `${name}:\n${describeViolations(violations)}`).toEqual([]);
    // Get help now can be reached from the keyboard on every page, arriving fresh at its top
    // (on its own page, the first help line can).
    // A second tab of the same browser, so the journey's own page keeps its state.
    const fresh = await page.context().newPage();
    await fresh.goto(page.url(), { waitUntil: 'networkidle' });
    const target = onHelpPage ? 'a.contact' : 'a[href="/help"]';
    expect(
      await tabUntilFocused(fresh, target),
      `${name}: Get help now by keyboard`,
    ).toBeGreaterThan(0);
    await fresh.close();
    pagesChecked.push(name);
  }

  it('goes from the landing page to signing in again, accessibly, on one origin', async () => {
    const { context, requests, consoleErrors } = await newContext(env.browser);
    const page = await context.newPage();
    const username = `river_${Date.now().toString(36)}`;
    const password = 'a slow walk by the quiet canal';

    // Arrive.
    await page.goto(env.server.origin);
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toContain('Closeness can feel hard');
    await expect.poll(() => page.getByText('It is not a crisis service').count()).toBe(1);
    await expectAccessible(page, 'landing');

    // Find Get help now, and see the UK numbers.
    await page.getByRole('link', { name: 'Get help now' }).first().click();
    await page.waitForURL(`${env.server.origin}/help`);
    const help = await page.locator('main').innerText();
    for (const number of ['999', '116 123', '85258', '111']) expect(help).toContain(number);
    await expectAccessible(page, 'get help now', { onHelpPage: true });
    await page.goBack();

    // Join with a made-up name.
    await page.getByRole('link', { name: 'Join Closer' }).first().click();
    await page.waitForURL('**/signup');
    await page.getByLabel('A made-up name').check();
    await page.getByLabel('Made-up name', { exact: true }).fill(username);
    await page.getByLabel('Password', { exact: true }).fill('password1');
    await page.getByRole('button', { name: 'Create my account' }).click();
    // A very common password is refused kindly, and nothing else is lost.
    await expect.poll(() => page.getByRole('alert').innerText()).toContain('too common');
    expect(await page.getByLabel('Made-up name', { exact: true }).inputValue()).toBe(username);
    await expectAccessible(page, 'sign up with an error');
    await page.getByLabel('Password', { exact: true }).fill(password);
    await page.getByRole('button', { name: 'Create my account' }).click();

    // Read the consent notice and agree.
    await page.waitForURL('**/consent');
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toContain('privacy');
    await expect.poll(() => page.getByText('health information').count()).toBeGreaterThan(0);
    await expectAccessible(page, 'consent');
    await page.getByLabel(/I have read this and I agree/).check();
    await page.getByRole('button', { name: 'I agree' }).click();
    await page.waitForURL('**/home');
    await expect.poll(() => page.getByText('Your consent is saved').count()).toBe(1);
    await expectAccessible(page, 'home');

    // Read a Learn article.
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Learn' })
      .click();
    await page.waitForURL('**/learn');
    await expect.poll(() => page.locator('.article-card').count()).toBeGreaterThanOrEqual(17);
    await expectAccessible(page, 'learn');
    await page.getByRole('link', { name: 'Finding it hard to trust' }).click();
    await page.waitForURL('**/learn/finding-it-hard-to-trust');
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe('Finding it hard to trust');
    expect(await page.locator('article .prose p').count()).toBeGreaterThan(2);
    await expectAccessible(page, 'article');

    // Search the library.
    await page.getByRole('link', { name: 'Back to the library' }).click();
    await page.getByRole('searchbox', { name: 'Search the library' }).fill('boundaries');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.waitForURL('**/learn?q=boundaries');
    await expect
      .poll(() => page.locator('.article-card').first().innerText())
      .toContain('boundaries');
    const results = await page.locator('.article-card').count();
    expect(results).toBeGreaterThan(0);
    expect(results).toBeLessThan(17);
    await expectAccessible(page, 'search results');

    // Sign out: the server forgets the session.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(`${env.server.origin}/`);
    await expect.poll(() => page.getByText('You have signed out').count()).toBe(1);
    const me = await page.evaluate(async () => (await fetch('/api/me')).status);
    expect(me).toBe(401);

    // Sign in again, by keyboard alone.
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Sign in' })
      .click();
    await page.waitForURL('**/signin');
    await expectAccessible(page, 'sign in');
    await page.getByLabel('Email address or made-up name').focus();
    await page.keyboard.type(username);
    await page.keyboard.press('Tab');
    await page.keyboard.type(password);
    await page.keyboard.press('Enter');
    await page.waitForURL('**/home');
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toContain(username);
    await expect.poll(() => page.getByText('Your consent is in place').count()).toBe(1);

    // Nothing left Closer's origin, and nothing broke quietly.
    const foreign = requests.filter(
      (url) => !url.startsWith(env.server.origin) && !url.startsWith('data:'),
    );
    expect(foreign).toEqual([]);
    expect(consoleErrors).toEqual([]);
    expect(pagesChecked.length).toBeGreaterThanOrEqual(8);
    await context.close();
  });
});
