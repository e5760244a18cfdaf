import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { helpRegion } from '../../core/safety/help-lines';
import { answersAt } from '../factories/closeness-check.factory';
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
import { printedText } from './support/history';
import { noSidewaysScroll, pageApi, signIn } from './support/journeys';

/**
 * The printable session report: a person with three weeks of history (two Checks, two
 * check-ins, two journal entries, a finished exercise) opens the report, ticks one journal
 * entry and leaves the other, and sees the preview; axe finds nothing in light mode, and in
 * dark mode at 200 % zoom with no sideways scrolling. The page is then printed to PDF as
 * Chromium prints it, and the PDF's text is read back: the report's headings, the Check
 * change in words, the check-in numbers and the chosen entry are there; the entry left out,
 * the navigation and the buttons are not.
 */

const DAY_MS = 86_400_000;
const CHOSEN = 'The first time I told Sam about my fear of being left, my hands shook.';
const LEFT_OUT = 'Something about the holiday that I keep to myself for now.';

describe.skipIf(!chromiumPath)('session report journey', () => {
  // The app's only source of time: moved back while the history is seeded, then real time.
  let offsetMs = 0;
  const clock = { now: () => new Date(Date.now() + offsetMs) };
  let server: RunningServer;
  let browser: Browser;
  let person: { login: string; password: string };

  beforeAll(async () => {
    server = await startServer({ clock });
    browser = await launchBrowser();
    const client = new TestClient(server.app);
    const daysAgo = async (days: number) => {
      offsetMs = -days * DAY_MS;
      if (person) {
        const login = await client.post('/api/auth/login', {
          login: person.login,
          password: person.password,
        });
        expect(login.status, login.text).toBe(200);
      }
    };
    const checkIn = async (mood: number, closeness: number, stress: number) => {
      const response = await client.post('/api/checkins', {
        mood,
        closeness,
        stress,
        timeZone: 'Europe/London',
      });
      expect(response.status, response.text).toBe(201);
    };

    await daysAgo(20);
    person = await signUpWithConsent(client);
    const first = await client.post('/api/assessments/closeness-check/responses', {
      answers: answersAt({ sharing: 4, avoidance: 3, trust: 3, anxiety: 3 }),
    });
    expect(first.status).toBe(201);
    await checkIn(3, 4, 8);
    expect((await client.post('/api/journal', { text: CHOSEN })).status).toBe(201);

    await daysAgo(10);
    await checkIn(6, 6, 5);
    expect((await client.post('/api/journal', { text: LEFT_OUT })).status).toBe(201);
    const entry = await client.post('/api/exercises/paced-breathing/entries', { values: {} });
    expect(entry.status, entry.text).toBe(201);
    const done = await client.post(
      `/api/exercises/paced-breathing/entries/${entry.body.entry.id}/complete`,
      { distress: 3, helpful: 7 },
    );
    expect(done.status, done.text).toBe(200);

    await daysAgo(1);
    const latest = await client.post('/api/assessments/closeness-check/responses', {
      answers: answersAt({ sharing: 2, avoidance: 3, trust: 3, anxiety: 3 }),
    });
    expect(latest.status).toBe(201);
    offsetMs = 0;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('chooses what goes in, previews it, prints it to PDF, and the PDF holds just that', async () => {
    const { context, requests, consoleErrors } = await newContext(browser, {
      timezoneId: 'Europe/London',
    });
    const origin = server.origin;
    const page = await context.newPage();
    await signIn(page, origin, person.login, person.password);

    // From My data to the report.
    await page.goto(`${origin}/my-data`, { waitUntil: 'networkidle' });
    await page.getByRole('link', { name: 'Make a report to take to a session' }).click();
    await page.waitForURL('**/report');
    await expect.poll(() => page.locator('h1').innerText()).toBe('A report for your session');
    await page.waitForLoadState('networkidle');

    // Nothing is ticked at first.
    const chosen = page.getByRole('checkbox', { name: /my hands shook/ });
    const leftOut = page.getByRole('checkbox', { name: /keep to myself/ });
    expect(await chosen.isChecked()).toBe(false);
    expect(await leftOut.isChecked()).toBe(false);
    expect(await page.locator('.report-sheet').innerText()).not.toContain('my hands shook');

    await chosen.check();
    const sheet = page.locator('.report-sheet');
    await expect.poll(() => sheet.innerText()).toContain(CHOSEN);
    const preview = await sheet.innerText();
    expect(preview).not.toContain(LEFT_OUT);
    expect(preview).toContain('Finding it hard to share thoughts and feelings:');
    expect(preview).toContain('down 50 points, from 75 to 25.');
    expect(preview).toContain('I checked in 2 times, on 2 different days.');

    const light = await axeViolations(page);
    expect(light, describeViolations(light)).toEqual([]);
    await noSidewaysScroll(page, 'report, light');

    // Printed as Chromium prints it, and read back.
    const printed = await printedText(page);

    for (const heading of [
      'My Closer report',
      'Closeness Check',
      'Check-ins',
      'Steps I finished',
      'From my journal',
    ])
      expect(printed, heading).toContain(heading);
    expect(printed).toContain(CHOSEN);
    expect(printed).toContain(
      'Finding it hard to share thoughts and feelings: down 50 points, from 75 to 25.',
    );
    expect(printed).toContain('I checked in 2 times, on 2 different days.');
    // Closeness 4 then 6 (average 5), mood 3 then 6 (4.5), stress 8 then 5 (6.5).
    expect(printed).toMatch(/Mood 3 6 4\.5/);
    expect(printed).toMatch(/Closeness 4 6 5/);
    expect(printed).toMatch(/Stress 8 5 6\.5/);
    expect(printed).toContain('I finished 1 exercise.');
    // The one line of help comes from the help-lines data, never typed in here.
    const samaritans = helpRegion('GB').lines.find((line) => line.need === 'crisis')!;
    expect(printed).toContain(`call ${samaritans.service} on ${samaritans.contacts[0]!.number}`);

    expect(printed).not.toContain(LEFT_OUT);
    for (const chrome of [
      'Get help now',
      'My data',
      'Sign out',
      'My plan',
      'Safety plan',
      'Reminders',
      'I have printed or shared this',
      'Journal entries to include',
      'Choose what goes in',
      'What will print',
    ])
      expect(printed, chrome).not.toContain(chrome);
    expect(printed).not.toMatch(/\bPrint\b/);

    // Saying so records the moment; the next report starts from today.
    expect(
      (await pageApi<{ lastReportAt: string | null }>(page, '/api/report')).lastReportAt,
    ).toBeNull();
    await page.getByRole('button', { name: 'I have printed or shared this' }).click();
    await expect
      .poll(() => page.getByRole('status').allInnerTexts())
      .toContainEqual(expect.stringContaining('Next time, the report will start from today.'));
    const after = await pageApi<{ lastReportAt: string | null; from: string }>(
      page,
      '/api/report?timeZone=Europe/London',
    );
    expect(after.lastReportAt).not.toBeNull();
    expect(after.from).toBe(new Date().toLocaleDateString('en-CA', { timeZone: 'Europe/London' }));

    expect(requests.filter((request) => !request.startsWith(origin))).toEqual([]);
    expect(consoleErrors).toEqual([]);
    await context.close();
  });

  it('passes axe in dark mode at 200 % zoom, with no sideways scrolling', async () => {
    const { context, consoleErrors } = await newContext(browser, {
      colorScheme: 'dark',
      viewport: { width: 640, height: 800 },
      timezoneId: 'Europe/London',
    });
    const page = await context.newPage();
    await signIn(page, server.origin, person.login, person.password);
    await page.goto(`${server.origin}/report`, { waitUntil: 'networkidle' });
    await expect.poll(() => page.locator('h1').innerText()).toBe('A report for your session');
    // The report now starts today (it was marked printed): go back four weeks.
    const fourWeeksAgo = new Date(Date.now() - 28 * DAY_MS).toLocaleDateString('en-CA', {
      timeZone: 'Europe/London',
    });
    await page.getByLabel('Since').fill(fourWeeksAgo);
    await page.getByRole('checkbox', { name: /my hands shook/ }).check();
    await expect.poll(() => page.locator('.report-sheet').innerText()).toContain(CHOSEN);
    const violations = await axeViolations(page);
    expect(violations, describeViolations(violations)).toEqual([]);
    await noSidewaysScroll(page, 'report, dark, 200 %');
    expect(consoleErrors).toEqual([]);
    await context.close();
  });
});
