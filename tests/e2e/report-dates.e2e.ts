import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { addDays } from '../../core/plan/week';
import { earliestReportDate } from '../../core/report/session-report';
import { TestClient } from '../support/http-client';
import { signUpWithConsent } from '../support/personal-data';
import {
  axeViolations,
  chromiumPath,
  describeViolations,
  launchBrowser,
  newContext,
  startServer,
  type RunningServer,
} from './support/browser';
import { signIn } from './support/journeys';

/**
 * Choosing the report's start day by keyboard. The date box gives a whole day on many
 * keystrokes (the first digit of a year gives year 2), so the page must ask only for days
 * within five years ago and today, say so gently beside the box otherwise, keep the last
 * report on screen, and never lose the box, whatever a request answers.
 */

const DAY_MS = 86_400_000;
const ZONE = 'Europe/London';

type Part = 'year' | 'month' | 'day';

/** The keys that type `day` into a date box whose parts come in `order`. */
function keysFor(day: string, order: readonly Part[]): string[] {
  const [year, month, date] = day.split('-') as [string, string, string];
  const parts = { year, month, day: date };
  return order.flatMap((part) => [...parts[part]]);
}

/** Which part of a YYYY-MM-DD value differs between two values. */
function changedPart(before: string, after: string): Part | null {
  if (before.slice(0, 4) !== after.slice(0, 4)) return 'year';
  if (before.slice(5, 7) !== after.slice(5, 7)) return 'month';
  if (before.slice(8) !== after.slice(8)) return 'day';
  return null;
}

/** "8 March 2027", as the report writes its period. */
function longDay(day: string): string {
  return new Date(`${day}T12:00:00Z`).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

describe.skipIf(!chromiumPath)('report start day, typed', () => {
  let offsetMs = 0;
  const clock = { now: () => new Date(Date.now() + offsetMs) };
  let server: RunningServer;
  let browser: Browser;
  let person: { login: string; password: string };
  const today = new Date().toLocaleDateString('en-CA', { timeZone: ZONE });

  beforeAll(async () => {
    server = await startServer({ clock });
    browser = await launchBrowser();
    const client = new TestClient(server.app);
    offsetMs = -20 * DAY_MS;
    person = await signUpWithConsent(client);
    const checkIn = await client.post('/api/checkins', {
      mood: 4,
      closeness: 5,
      stress: 6,
      timeZone: ZONE,
    });
    expect(checkIn.status, checkIn.text).toBe(201);
    offsetMs = 0;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const orders = new WeakMap<Page, Part[]>();

  /** Puts the keyboard on the box's first part (focusing it afresh always starts there). */
  async function firstPart(page: Page) {
    const since = page.getByLabel('Since');
    await since.evaluate((element) => (element as HTMLInputElement).blur());
    await since.focus();
  }

  /**
   * The order of the box's parts, found with the arrow keys: it follows the browser's own
   * language (day first in British English, month first in American), not the page's.
   */
  async function partOrder(page: Page): Promise<Part[]> {
    const since = page.getByLabel('Since');
    await firstPart(page);
    const found: Part[] = [];
    for (let segment = 0; segment < 2; segment += 1) {
      const before = await since.inputValue();
      await page.keyboard.press('ArrowDown');
      const part = changedPart(before, await since.inputValue());
      await page.keyboard.press('ArrowUp');
      if (part) found.push(part);
      await page.keyboard.press('ArrowRight');
    }
    const order = [
      ...found,
      ...(['day', 'month', 'year'] as const).filter((part) => !found.includes(part)),
    ];
    expect(order).toHaveLength(3);
    return order;
  }

  /**
   * Types a day into the box key by key; after every key the form is still there (with
   * `settle`, once the page has had its answer to whatever it asked).
   */
  async function typeDay(page: Page, day: string, settle = false) {
    const order = orders.get(page) ?? (await partOrder(page));
    orders.set(page, order);
    await firstPart(page);
    for (const key of keysFor(day, order)) {
      await page.keyboard.press(key);
      // Time for an answer from the local server to arrive and be drawn.
      if (settle) await page.waitForTimeout(250);
      expect(await page.getByLabel('Since').count(), `after ${key}`).toBe(1);
      expect(await page.getByRole('heading', { name: 'Choose what goes in' }).count()).toBe(1);
    }
  }

  const period = (page: Page) => page.locator('.report-sheet__period').innerText();

  it('asks only for days within the bounds, keeps the form and the last report, and hints kindly', async () => {
    const { context, requests, consoleErrors } = await newContext(browser, { timezoneId: ZONE });
    const page = await context.newPage();
    await signIn(page, server.origin, person.login, person.password);
    await page.goto(`${server.origin}/report`, { waitUntil: 'networkidle' });
    await expect.poll(() => period(page)).toContain(longDay(addDays(today, -28)));

    // A day in range, typed digit by digit: the report is for that day.
    const fortnightAgo = addDays(today, -14);
    await typeDay(page, fortnightAgo, true);
    await expect
      .poll(() => period(page))
      .toBe(`From ${longDay(fortnightAgo)} to ${longDay(today)}`);
    expect(await page.locator('.report-sheet').innerText()).toContain(
      'There are no check-ins from this time.',
    );
    const threeWeeksAgo = addDays(today, -21);
    await typeDay(page, threeWeeksAgo);
    await expect.poll(() => period(page)).toContain(longDay(threeWeeksAgo));
    expect(await page.locator('.report-sheet').innerText()).toContain('I checked in once.');
    expect(await page.locator('.report-since__range').count()).toBe(0);

    // Too long ago: a hint beside the box, linked to it; the report stays as it was.
    const earliest = earliestReportDate(today);
    await typeDay(page, addDays(earliest, -1), true);
    const hint = page.locator('.report-since__range');
    await hint.waitFor();
    expect(await hint.innerText()).toBe(
      `Please choose a day from ${longDay(earliest)} to ${longDay(today)}. Until then, the report below stays as it is.`,
    );
    const since = page.getByLabel('Since');
    const hintId = await hint.getAttribute('id');
    expect((await since.getAttribute('aria-describedby'))?.split(' ')).toContain(hintId);
    expect(await since.getAttribute('aria-invalid')).toBe('true');
    expect(await period(page)).toContain(longDay(threeWeeksAgo));
    const violations = await axeViolations(page);
    expect(violations, describeViolations(violations)).toEqual([]);

    // Tomorrow is out of range too; back in range, the hint goes and the report follows.
    await typeDay(page, addDays(today, 1));
    await hint.waitFor();
    await typeDay(page, fortnightAgo);
    await expect.poll(() => period(page)).toContain(longDay(fortnightAgo));
    expect(await hint.count()).toBe(0);

    // Every start the page asked for was a day within the bounds.
    const asked = requests
      .filter((url) => url.includes('/api/report?'))
      .map((url) => new URL(url).searchParams.get('from'))
      .filter((from): from is string => from !== null);
    expect(asked.length).toBeGreaterThan(0);
    for (const from of asked) {
      expect(from >= earliest && from <= today, from).toBe(true);
    }
    expect(consoleErrors).toEqual([]);
    await context.close();
  });

  it('keeps the box and the last report when a request fails, says so politely, and tries again', async () => {
    const { context } = await newContext(browser, { timezoneId: ZONE, colorScheme: 'dark' });
    const page = await context.newPage();
    await signIn(page, server.origin, person.login, person.password);
    await page.goto(`${server.origin}/report`, { waitUntil: 'networkidle' });
    await expect.poll(() => period(page)).toContain(longDay(addDays(today, -28)));

    // The report for ten days ago is refused, as a server might be while restarting.
    const tenDaysAgo = addDays(today, -10);
    let refuse = true;
    await page.route('**/api/report?*', async (route) => {
      if (refuse && route.request().url().includes(`from=${tenDaysAgo}`)) {
        await route.fulfill({
          status: 503,
          contentType: 'application/json',
          body: JSON.stringify({ error: { code: 'unavailable', message: 'Not now.' } }),
        });
        return;
      }
      await route.continue();
    });
    await typeDay(page, tenDaysAgo);
    const failure = page.locator('.report-since [role="status"] .notice');
    await failure.waitFor();
    expect(await page.getByLabel('Since').count()).toBe(1);
    expect(await page.locator('.report-sheet').count()).toBe(1);
    const violations = await axeViolations(page);
    expect(violations, describeViolations(violations)).toEqual([]);
    refuse = false;
    await failure.getByRole('button', { name: 'Try again' }).click();
    await expect.poll(() => period(page)).toContain(longDay(tenDaysAgo));
    expect(await failure.count()).toBe(0);
    await context.close();
  });
});
