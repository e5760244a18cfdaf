import { describe, expect, it } from 'vitest';
import {
  axeViolations,
  chromiumPath,
  describeViolations,
  newContext,
  startServer,
  useServerAndBrowser,
} from './support/browser';

describe.skipIf(!chromiumPath)('Get help now, consent withdrawal, and display preferences', () => {
  const env = useServerAndBrowser();

  it('offers Get help now on every page, signed out, without any sign-in', async () => {
    const { context } = await newContext(env.browser);
    const page = await context.newPage();
    for (const path of [
      '/',
      '/learn',
      '/learn/healthy-boundaries',
      '/signin',
      '/signup',
      '/no-such-page',
    ]) {
      await page.goto(env.server.origin + path, { waitUntil: 'networkidle' });
      const link = page.getByRole('link', { name: 'Get help now' }).first();
      expect(await link.isVisible(), path).toBe(true);
      expect(await link.getAttribute('href'), path).toBe('/help');
    }
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(
      'We could not find that page',
    );
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });

  it('keeps Get help now working when Closer’s server is down, from the service worker', async () => {
    const own = await startServer();
    const { context } = await newContext(env.browser);
    const page = await context.newPage();
    await page.goto(`${own.origin}/help`, { waitUntil: 'networkidle' });
    // Wait until the service worker controls the page and has stored the help page.
    await page.waitForFunction(async () => {
      await navigator.serviceWorker.ready;
      const cached = await caches.match('/help');
      return Boolean(navigator.serviceWorker.controller) && Boolean(cached);
    });
    await own.stop();

    await page.goto(`${own.origin}/help`);
    const text = await page.locator('main').innerText();
    for (const number of ['999', '116 123', '85258', '111']) expect(text).toContain(number);
    // Any other page asked for while the server is down also shows the help page.
    await page.goto(`${own.origin}/learn`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Get help now');
    await context.close();
  });

  it('still shows Get help now when the database is down', async () => {
    const own = await startServer();
    const { context } = await newContext(env.browser);
    const page = await context.newPage();
    await own.database.close();
    await page.goto(own.origin, { waitUntil: 'networkidle' });
    expect(await page.getByRole('link', { name: 'Get help now' }).first().isVisible()).toBe(true);
    await page.getByRole('link', { name: 'Get help now' }).first().click();
    await page.waitForURL(`${own.origin}/help`);
    expect(await page.locator('main').innerText()).toContain('116 123');
    await context.close();
    await own.app.close();
  });

  it('withdraws consent in one click, pausing health features until given again', async () => {
    const { context } = await newContext(env.browser);
    const page = await context.newPage();
    await page.goto(`${env.server.origin}/signup`, { waitUntil: 'networkidle' });
    await page.getByLabel('An email address').check();
    await page.getByLabel('Email address', { exact: true }).fill(`sam.${Date.now()}@example.org`);
    await page.getByLabel('Password', { exact: true }).fill('tea with a good friend on sunday');
    await page.getByRole('button', { name: 'Create my account' }).click();
    await page.waitForURL('**/consent');
    // Agreeing without ticking the box is gently refused.
    await page.getByRole('button', { name: 'I agree' }).click();
    await expect.poll(() => page.getByRole('alert').first().innerText()).toContain('tick the box');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel(/I have read this and I agree/).check();
    await page.getByRole('button', { name: 'I agree' }).click();
    await page.waitForURL('**/home');

    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Privacy and consent' })
      .click();
    await page.waitForURL('**/consent');
    await expect.poll(() => page.getByText(/You agreed to version/).count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    // The optional research consent is given too, here, while health consent is current.
    const research = page.locator('section.research-card');
    await research
      .getByRole('button', { name: 'Yes, add an anonymous copy of my answers' })
      .click();
    await expect.poll(() => research.getByRole('status').innerText()).toContain('Thank you');
    await page.getByRole('button', { name: 'Withdraw my consent' }).click();
    await expect.poll(() => page.getByText('You have withdrawn your consent').count()).toBe(1);
    // With health consent withdrawn, research consent is not offered, but can still be withdrawn.
    await research.getByRole('button', { name: 'Stop adding my answers' }).click();
    await expect
      .poll(() => research.getByRole('status').innerText())
      .toContain('No new copies of your answers will be added.');
    expect(
      await research
        .getByRole('button', { name: 'Yes, add an anonymous copy of my answers' })
        .count(),
    ).toBe(0);
    const researchConsent = await page.evaluate(
      async () => (await (await fetch('/api/consent/research')).json()).current as boolean,
    );
    expect(researchConsent).toBe(false);
    const status = await page.evaluate(
      async () =>
        (await (await fetch('/api/consent')).json()).consent as {
          current: boolean;
          withdrawnAt: string | null;
        },
    );
    expect(status.current).toBe(false);
    expect(status.withdrawnAt).not.toBeNull();
    expect(await axeViolations(page)).toEqual([]);

    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Home' })
      .click();
    await expect
      .poll(() => page.getByRole('heading', { name: 'One thing before we start' }).count())
      .toBe(1);
    await context.close();
  });

  it('has no accessibility violations in dark mode, and honours reduced motion', async () => {
    const { context } = await newContext(env.browser, {
      colorScheme: 'dark',
      reducedMotion: 'reduce',
    });
    const page = await context.newPage();
    for (const path of ['/', '/learn', '/learn/intimacy-and-vulnerability', '/signup', '/help']) {
      await page.goto(env.server.origin + path, { waitUntil: 'networkidle' });
      const violations = await axeViolations(page);
      expect(violations, `${path}:\n${describeViolations(violations)}`).toEqual([]);
    }
    await page.goto(env.server.origin, { waitUntil: 'networkidle' });
    const transition = await page
      .getByRole('link', { name: 'Join Closer' })
      .first()
      .evaluate((element) => getComputedStyle(element).transitionDuration);
    expect(transition).toBe('0s');
    await context.close();
  });

  it('reads well at 200 % zoom: no sideways scrolling on a narrow screen', async () => {
    // 200 % zoom of a 1280-pixel window is a 640-pixel layout viewport.
    const { context } = await newContext(env.browser, { viewport: { width: 640, height: 800 } });
    const page = await context.newPage();
    for (const path of ['/', '/learn', '/learn/healthy-boundaries', '/signup', '/help']) {
      await page.goto(env.server.origin + path, { waitUntil: 'networkidle' });
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - window.innerWidth,
      );
      expect(overflow, path).toBeLessThanOrEqual(0);
    }
    await context.close();
  });
});
