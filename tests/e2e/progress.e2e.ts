import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { CURRENT_CLOSENESS_CHECK } from '../../core/assessment/closeness-check.definition';
import { RELIABILITY_MIN_RESPONSES } from '../../core/assessment/psychometrics';
import { localDate } from '../../core/checkins/local-date';
import { addDays, isoWeekOf, weekStart } from '../../core/plan/week';
import { simulatedRespondents } from '../factories/closeness-check.factory';
import {
  axeViolations,
  chromiumPath,
  describeViolations,
  launchBrowser,
  newContext,
  startServer,
  tabUntilFocused,
  type RunningServer,
} from './support/browser';
import {
  CLOSENESS,
  CLOSENESS_ROWS as EXPECTED_ROWS,
  HISTORY_ZONE as ZONE,
  SeedingClock,
  longDay,
  seedHistory,
  tableRows,
} from './support/history';
import { noSidewaysScroll, pageApi, signIn } from './support/journeys';

/**
 * The progress page for a person with history: check-ins on six days across two weeks, two
 * Closeness Checks and a closeness-ladder go. The history is seeded through the real API
 * while the server's clock is set to each earlier day (the clock is the app's only source of
 * time, so every record is made exactly as it would have been then); the clock then goes
 * back to real time, and the person signs in in the browser. They open Progress by keyboard,
 * read this week in plain words, switch the closeness chart to its table and back by
 * keyboard, and axe finds nothing in light mode and in dark mode at 200 % zoom. Last, with
 * the research figures in place, a reliable change is marked.
 */

describe.skipIf(!chromiumPath)('the progress page', () => {
  const clock = new SeedingClock();
  let server: RunningServer;
  let browser: Browser;
  let person: { login: string; password: string };
  let plannedThatWeek = 0;
  const today = localDate(new Date(), ZONE);

  beforeAll(async () => {
    server = await startServer({ clock });
    browser = await launchBrowser();
    ({ person, plannedThatWeek } = await seedHistory(server, clock, today));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function expectAccessible(page: Page, name: string) {
    await page.waitForLoadState('networkidle');
    const violations = await axeViolations(page);
    expect(violations, `${name}:\n${describeViolations(violations)}`).toEqual([]);
  }

  /** Signs in and opens Progress from the navigation with the keyboard alone. */
  async function openProgressByKeyboard(page: Page, origin: string) {
    await signIn(page, origin, person.login, person.password);
    expect(await tabUntilFocused(page, 'nav a[href="/progress"]')).toBeGreaterThan(0);
    await page.keyboard.press('Enter');
    await page.waitForURL('**/progress');
    await page.getByRole('heading', { level: 1, name: 'My progress' }).waitFor();
    await page.locator('.progress-checkins--closeness').waitFor();
  }

  it('shows the week in plain words and a chart that turns into a table of the right numbers', async () => {
    const { context, requests, consoleErrors } = await newContext(browser, { timezoneId: ZONE });
    const origin = server.origin;
    const page = await context.newPage();
    await openProgressByKeyboard(page, origin);

    // This week in plain words, first after the introduction, the same as the server says it.
    const thisWeek = weekStart(isoWeekOf(today));
    const checkinsThisWeek = CLOSENESS.filter(
      ([daysBefore]) => addDays(today, -daysBefore) >= thisWeek,
    ).reduce((sum, [, ratings]) => sum + ratings.length, 0);
    const week = page.locator('.progress-week');
    const weekText = await week.innerText();
    expect(weekText).toContain(
      checkinsThisWeek === 1
        ? 'You checked in once this week.'
        : `You checked in ${checkinsThisWeek} times this week.`,
    );
    const answer = await pageApi<{ summary: { sentences: string[] } }>(
      page,
      `/api/progress?timeZone=${encodeURIComponent(ZONE)}`,
    );
    for (const sentence of answer.summary.sentences) expect(weekText).toContain(sentence);
    expect(
      await page.evaluate(
        () => document.querySelector('main h2')?.closest('section')?.className ?? '',
      ),
    ).toContain('progress-week');
    expect(await page.locator('main').innerText()).not.toMatch(/streak|missed|you failed/i);

    // Each part of the Check has its chart, and no change is called reliable without the
    // research figures: the Check history's honest note says so.
    expect(await page.locator('.progress-check svg[role="img"]').count()).toBe(8);
    expect(await page.locator('.progress-checks').innerText()).toContain(
      'No change is marked as reliable.',
    );
    // The ladder's go is on its own chart.
    expect(await page.locator('.ladder-chart').innerText()).toContain(
      'One step tried. You expected 60 out of 100, and it was 30.',
    );

    // Plan steps: the finished one as a bar in its week, beside the steps planned.
    const steps = page.locator('.progress-steps');
    expect(await steps.innerText()).toContain('In these 12 weeks you finished 1 plan step.');
    expect(await steps.locator('svg[role="img"] rect.chart__bar').count()).toBe(1);
    await steps.getByRole('button', { name: 'Show as a table' }).click();
    const stepRows = await tableRows(steps);
    expect(stepRows).toHaveLength(12);
    expect(stepRows).toContainEqual([
      longDay(weekStart(isoWeekOf(addDays(today, -9)))),
      '1',
      String(plannedThatWeek),
    ]);
    await steps.getByRole('button', { name: 'Show as a chart' }).click();

    // The closeness chart, then its table, by keyboard.
    const closeness = page.locator('.progress-checkins--closeness');
    const chart = closeness.locator('svg[role="img"]');
    expect(await chart.getAttribute('aria-labelledby')).toBeTruthy();
    expect(await chart.locator('title').textContent()).toMatch(
      /^Closeness from .+: daily points and a 7-day average, which was 7 out of 10 on .+\.$/,
    );
    await expectAccessible(page, 'progress: charts, light');
    const toggle = closeness.getByRole('button', { name: 'Show as a table' });
    expect(
      await tabUntilFocused(page, '.progress-checkins--closeness button', 200),
    ).toBeGreaterThan(0);
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    await page.keyboard.press('Enter');
    const table = closeness.locator('table');
    await table.waitFor();
    expect(await chart.count()).toBe(0);
    const button = closeness.locator('button');
    expect(await button.getAttribute('aria-expanded')).toBe('true');
    expect(await button.innerText()).toBe('Show as a chart');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Show as a chart');
    const controlled = await button.getAttribute('aria-controls');
    expect(await page.locator(`[id="${controlled}"] table`).count()).toBe(1);
    expect(await table.locator('caption').innerText()).toBe(
      'Closeness each day you checked in, with the 7-day average',
    );
    expect(await table.locator('thead th[scope="col"]').allInnerTexts()).toEqual([
      'Date',
      'That day',
      '7-day average',
    ]);
    const rows = await tableRows(table);
    expect(rows).toEqual(
      EXPECTED_ROWS.map(([daysBefore, value, average]) => [
        longDay(addDays(today, -daysBefore)),
        value,
        average,
      ]),
    );
    expect(await table.locator('tbody th[scope="row"]').count()).toBe(EXPECTED_ROWS.length);
    await expectAccessible(page, 'progress: closeness as a table, light');

    await page.keyboard.press('Enter');
    await chart.waitFor();
    expect(await table.count()).toBe(0);
    expect(await button.getAttribute('aria-expanded')).toBe('false');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Show as a table');

    // Get help now stays in the frame.
    expect(await page.locator('header a.help-now[href="/help"]').count()).toBe(1);
    expect(requests.filter((url) => !url.startsWith(origin))).toEqual([]);
    expect(consoleErrors).toEqual([]);
    await context.close();
  });

  it('passes axe in dark mode at 200 % zoom, with tables and no sideways scrolling', async () => {
    const { context, requests, consoleErrors } = await newContext(browser, {
      timezoneId: ZONE,
      colorScheme: 'dark',
      reducedMotion: 'reduce',
      viewport: { width: 640, height: 800 },
    });
    const origin = server.origin;
    const page = await context.newPage();
    await signIn(page, origin, person.login, person.password);
    await page.goto(`${origin}/progress`, { waitUntil: 'networkidle' });
    await page.locator('.progress-checkins--closeness').waitFor();
    await noSidewaysScroll(page, 'progress: charts, dark');
    await expectAccessible(page, 'progress: charts, dark at 200 %');
    // Every table open at once: the widest they get.
    const showTable = page.getByRole('button', { name: 'Show as a table' });
    while ((await showTable.count()) > 0) await showTable.first().click();
    expect(await page.locator('main table').count()).toBeGreaterThanOrEqual(12);
    await noSidewaysScroll(page, 'progress: tables, dark');
    await expectAccessible(page, 'progress: tables, dark at 200 %');
    expect(requests.filter((url) => !url.startsWith(origin))).toEqual([]);
    expect(consoleErrors).toEqual([]);
    await context.close();
  });
  it('marks a reliable change once the research figures exist, and says what it means', async () => {
    // Anonymous research copies straight into the pool, as groups of ten would arrive: with
    // enough of them the Check can tell a real change from everyday ups and downs. (This
    // runs last: the first test shows the note for when it cannot yet.)
    await server.database.db
      .insertInto('research_pool')
      .values(
        simulatedRespondents(RELIABILITY_MIN_RESPONSES + 20, 4242).map((answers) => ({
          id: randomUUID(),
          version: CURRENT_CLOSENESS_CHECK.version,
          answers: JSON.stringify(answers),
          contributed_month: today.slice(0, 7),
        })),
      )
      .execute();
    const { context, requests, consoleErrors } = await newContext(browser, { timezoneId: ZONE });
    const origin = server.origin;
    const page = await context.newPage();
    await signIn(page, origin, person.login, person.password);
    await page.goto(`${origin}/progress`, { waitUntil: 'networkidle' });
    const sharing = page.locator('.progress-check--sharing');
    await sharing.waitFor();
    // Sharing went from the hardest answers to the easiest: a reliable change, marked with a
    // labelled diamond, shown in the key, and named in the table.
    expect(await sharing.locator('svg[role="img"] .chart__mark').count()).toBe(1);
    expect(await sharing.locator('svg[role="img"] .chart__mark-label').textContent()).toBe(
      'reliable change',
    );
    expect(await sharing.locator('.chart__key').innerText()).toContain('reliable change');
    expect(await page.locator('.progress-checks').innerText()).toContain(
      '"Reliable" marks a change that is bigger than the everyday ups and downs',
    );
    await expectAccessible(page, 'progress: a reliable change, light');
    await sharing.getByRole('button', { name: 'Show as a table' }).click();
    const cells = await sharing.locator('tbody tr:last-child td').allInnerTexts();
    expect(cells[1]).toBe('Reliable change: fewer difficulties');
    expect(requests.filter((url) => !url.startsWith(origin))).toEqual([]);
    expect(consoleErrors).toEqual([]);
    await context.close();
  });
});
