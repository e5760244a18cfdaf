import { describe, expect, it } from 'vitest';
import { healthWordsIn } from '../../core/reminders/delivery';
import {
  axeViolations,
  chromiumPath,
  describeViolations,
  newContext,
  tabUntilFocused,
  useServerAndBrowser,
} from './support/browser';
import { focused, noSidewaysScroll, pageApi, signIn, signUpAndConsent } from './support/journeys';

/**
 * Setting a reminder with the keyboard only: from the navigation to the Reminders page, a new
 * reminder on Monday and Thursday at 08:30, saved; then a private calendar link, which a
 * calendar app (no cookie) can read as text/calendar with the event in it, until it is
 * stopped. axe finds nothing, in light mode and in dark mode at 200 % zoom.
 */

describe.skipIf(!chromiumPath)('reminders journey', () => {
  const env = useServerAndBrowser();
  const username = `wren_${Date.now().toString(36)}`;
  const password = 'a wren sings in the hedge';

  it('sets a reminder by keyboard and reads the calendar feed without cookies', async () => {
    const { context, requests, consoleErrors } = await newContext(env.browser, {
      timezoneId: 'Europe/London',
    });
    const origin = env.server.origin;
    const page = await context.newPage();
    await signUpAndConsent(page, origin, username, password);

    expect(await tabUntilFocused(page, 'nav a[href="/reminders"]')).toBeGreaterThan(0);
    await page.keyboard.press('Enter');
    await page.waitForURL('**/reminders');
    await expect.poll(() => page.locator('h1').innerText()).toBe('Reminders');
    await page.waitForLoadState('networkidle');
    expect(await page.locator('header a[href="/help"]').count()).toBe(1);
    const empty = await axeViolations(page);
    expect(empty, describeViolations(empty)).toEqual([]);

    // Add a reminder: focus moves to its first field (what to be reminded about).
    expect(await tabUntilFocused(page, '#reminders-add')).toBeGreaterThan(0);
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await focused(page)).tag).toBe('select');
    expect(await page.getByLabel('Remind me about').inputValue()).toBe('checkin');
    // Monday is ticked already; tick Thursday too.
    await page.keyboard.press('Tab');
    expect((await focused(page)).type).toBe('checkbox');
    for (let presses = 0; presses < 3; presses += 1) await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    expect(await page.getByLabel('Thursday').isChecked()).toBe(true);
    expect(await page.getByLabel('Monday').isChecked()).toBe(true);
    // On to the time: past Friday, Saturday and Sunday.
    for (let presses = 0; presses < 4; presses += 1) await page.keyboard.press('Tab');
    expect((await focused(page)).type).toBe('time');
    await page.keyboard.type('0830');
    expect(await page.getByLabel('At this time').inputValue()).toBe('08:30');
    expect(await page.getByLabel('Your time zone').inputValue()).toBe('Europe/London');

    expect(await tabUntilFocused(page, 'button[type="submit"]')).toBeGreaterThan(0);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByText('Your reminders are saved.').count()).toBe(1);
    const saved = await pageApi<{ timeZone: string; items: unknown[] }>(page, '/api/reminders');
    expect(saved.timeZone).toBe('Europe/London');
    expect(saved.items).toEqual([{ kind: 'checkin', days: ['mon', 'thu'], time: '08:30' }]);

    // The calendar link: shown once, with a warning, focus on it.
    expect(await tabUntilFocused(page, '#feed-make')).toBeGreaterThan(0);
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await focused(page)).id).toBe('feed-url');
    const url = await page.locator('#feed-url').inputValue();
    expect(url).toMatch(/\/api\/reminders\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    expect(await page.getByText(/Keep this link to yourself/).count()).toBe(1);
    const withLink = await axeViolations(page);
    expect(withLink, describeViolations(withLink)).toEqual([]);

    // A calendar app sends no cookie.
    const feed = await fetch(url, { headers: { accept: 'text/calendar' } });
    expect(feed.status).toBe(200);
    expect(feed.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    const text = await feed.text();
    expect(text).toContain('BEGIN:VEVENT');
    expect(text).toContain('SUMMARY:Closer reminder');
    // 08:30 in London is 08:30 or 07:30 UTC, depending on the season.
    expect(text).toMatch(/DTSTART:\d{8}T0[78]3000Z/);
    expect(healthWordsIn(text)).toEqual([]);

    // Shown only once: after a reload the page says a link exists, without it.
    await page.reload({ waitUntil: 'networkidle' });
    expect(await page.locator('#feed-url').count()).toBe(0);
    expect(await page.getByText(/You made a calendar link on/).count()).toBe(1);
    expect(await tabUntilFocused(page, '#feed-stop')).toBeGreaterThan(0);
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.getByText('Your calendar link has stopped working.').count())
      .toBe(1);
    expect((await fetch(url)).status).toBe(404);

    expect(requests.filter((request) => !request.startsWith(origin))).toEqual([]);
    expect(consoleErrors).toEqual([]);
    await context.close();
  });

  it('passes axe in dark mode at 200 % zoom with reduced motion, with no sideways scrolling', async () => {
    const { context, consoleErrors } = await newContext(env.browser, {
      colorScheme: 'dark',
      reducedMotion: 'reduce',
      viewport: { width: 640, height: 800 },
      timezoneId: 'America/New_York',
    });
    const origin = env.server.origin;
    const page = await context.newPage();
    await signIn(page, origin, username, password);
    await page.goto(`${origin}/reminders`, { waitUntil: 'networkidle' });
    await expect.poll(() => page.locator('h1').innerText()).toBe('Reminders');
    // The saved zone is kept, not replaced by this browser's.
    expect(await page.getByLabel('Your time zone').inputValue()).toBe('Europe/London');
    const violations = await axeViolations(page);
    expect(violations, describeViolations(violations)).toEqual([]);
    await noSidewaysScroll(page, 'reminders, dark, 200 %');
    expect(await page.locator('header a[href="/help"]').count()).toBe(1);
    expect(consoleErrors).toEqual([]);
    await context.close();
  });
});
