import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { CSV_KINDS } from '../../core/privacy/export-kinds';
import {
  axeViolations,
  chromiumPath,
  describeViolations,
  newContext,
  tabUntilFocused,
  useServerAndBrowser,
} from './support/browser';
import { alertPlacement, signUpAndConsent } from './support/journeys';

/**
 * The journal, the safety help after a worrying save, the safety plan (also offline, on Get
 * help now), the daily check-in by keyboard, export and account deletion — as a person
 * would click through them. axe-core runs on every page they see.
 */

const CRISIS_TEXT = 'Everything feels pointless lately. Some nights I just want to die.';
const BENIGN_TEXT =
  'My sister and I walked by the river on Sunday. I told her how I have been feeling, and she listened.';
const FIRST_PROMPT = 'When did you last feel close to someone? What made it feel safe?';
const PLAN_WARNING_SIGN = 'I stop answering messages from friends';
const PLAN_PERSON = 'My sister Ana, 07700 900123';
const CHECKIN_NOTE = 'Rang my sister and felt lighter afterwards.';

/** Requests that fail while the browser is offline are expected, not errors of the app. */
const OFFLINE_NOISE = /ERR_INTERNET_DISCONNECTED|ERR_FAILED|Failed to fetch|sw\.js/;

function mainNav(page: Page, name: string) {
  return page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true });
}

function isEntryPage(url: URL): boolean {
  return /^\/journal\/(?!new$)[^/]+$/.test(url.pathname);
}

describe.skipIf(!chromiumPath)('journal, safety help, safety plan, check-in and leaving', () => {
  const env = useServerAndBrowser();

  const pagesChecked: string[] = [];
  async function expectAccessible(page: Page, name: string) {
    await page.waitForLoadState('networkidle');
    const violations = await axeViolations(page);
    expect(violations, `${name}:\n${describeViolations(violations)}`).toEqual([]);
    pagesChecked.push(name);
  }

  it('shows crisis help first, keeps the plan offline, and lets the person take everything and go', async () => {
    const { context, requests, consoleErrors } = await newContext(env.browser);
    const page = await context.newPage();
    const origin = env.server.origin;
    const username = `willow_${Date.now().toString(36)}`;
    const password = 'the kettle sings on a rainy morning';

    await signUpAndConsent(page, origin, username, password);
    for (const name of ['Check in', 'Journal', 'Safety plan', 'My data']) {
      await expect
        .poll(() => page.locator('.tool-card').getByRole('link', { name }).count(), {
          message: name,
        })
        .toBe(1);
    }
    await expectAccessible(page, 'home with the tools');

    // A journal entry that mentions wanting to die.
    await mainNav(page, 'Journal').click();
    await page.waitForURL('**/journal');
    await expect.poll(() => page.getByText('Your journal is empty').count()).toBe(1);
    await expectAccessible(page, 'empty journal');
    await page.getByRole('link', { name: 'Write a new entry' }).click();
    await page.waitForURL('**/journal/new');
    await expectAccessible(page, 'new journal entry');
    await page.getByLabel('What is on your mind?').fill(CRISIS_TEXT);
    await page.getByRole('button', { name: 'Save entry' }).click();
    await page.waitForURL(isEntryPage);

    // Crisis help comes before anything else on the page, and has focus.
    await expect.poll(() => page.getByRole('alert').count()).toBe(1);
    await expect.poll(async () => (await alertPlacement(page))?.focused).toBe(true);
    const placement = await alertPlacement(page);
    expect(placement).not.toBeNull();
    expect(placement?.first).toBe(true);
    expect(placement?.beforeHeading).toBe(true);
    expect(placement?.level).toBe('crisis');
    expect(placement?.text).toContain('Your journal entry is saved.');
    // Emergency first, then the crisis lines; Get help now and the safety plan.
    expect(placement?.hrefs[0]).toBe('tel:999');
    expect(placement?.hrefs).toContain('tel:116123');
    expect(placement?.hrefs).toContain('/help');
    expect(placement?.hrefs).toContain('/safety-plan');
    expect(await page.locator('.entry__text').innerText()).toBe(CRISIS_TEXT);
    await expectAccessible(page, 'crisis help after saving');
    await page.getByRole('button', { name: 'Close this message' }).click();
    await expect.poll(() => page.getByRole('alert').count()).toBe(0);

    // The entry was saved: it is in the list after a reload.
    await page.getByRole('link', { name: 'Back to my journal' }).click();
    await page.waitForURL('**/journal');
    await page.reload({ waitUntil: 'networkidle' });
    await expect.poll(() => page.locator('.entry-card').count()).toBe(1);
    expect(await page.locator('.entry-card').first().innerText()).toContain('I just want to die');
    await expectAccessible(page, 'journal list');

    // A gentle entry from a prompt. The draft survives a reload before it is saved.
    await page.getByRole('link', { name: 'Write a new entry' }).click();
    await page.waitForURL('**/journal/new');
    await page.getByRole('button', { name: FIRST_PROMPT }).click();
    const text = page.getByLabel('What is on your mind?');
    await expect.poll(() => text.inputValue()).toBe(`${FIRST_PROMPT}\n\n`);
    await text.press('End');
    await page.keyboard.type(BENIGN_TEXT);
    await page.getByLabel('Mood (optional)').selectOption('7');
    await page.getByLabel('Tags (optional)').fill('family, walks');
    await expect
      .poll(() =>
        page.evaluate(() =>
          Object.keys(localStorage)
            .filter((key) => key.startsWith('closer.draft.'))
            .map((key) => localStorage.getItem(key) ?? '')
            .join(''),
        ),
      )
      .toContain('walks');
    await page.reload({ waitUntil: 'networkidle' });
    await expect
      .poll(() => page.getByText('We brought back what you were writing').count())
      .toBe(1);
    expect(await page.getByLabel('What is on your mind?').inputValue()).toBe(
      `${FIRST_PROMPT}\n\n${BENIGN_TEXT}`,
    );
    expect(await page.getByLabel('Mood (optional)').inputValue()).toBe('7');
    await expectAccessible(page, 'new entry with a restored draft');
    await page.getByRole('button', { name: 'Save entry' }).click();
    await page.waitForURL(isEntryPage);
    await expect.poll(() => page.getByText('Your entry is saved.').count()).toBe(1);
    expect(await page.getByRole('alert').count()).toBe(0);
    await expect.poll(() => page.getByText('Mood: 7 out of 10').count()).toBe(1);
    const drafts = await page.evaluate(() =>
      Object.keys(localStorage).filter((key) => key.startsWith('closer.draft.')),
    );
    expect(drafts).toEqual([]);
    await expectAccessible(page, 'gentle entry saved');

    // Changing the entry saves over the same one.
    await page.getByRole('button', { name: 'Change this entry' }).click();
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).innerText())
      .toBe('Change this entry');
    await page.getByLabel('Tags (optional)').fill('family, walks, sunday');
    await page.getByRole('button', { name: 'Save entry' }).click();
    await expect.poll(() => page.getByText('Your entry is saved.').count()).toBe(1);
    await expect.poll(() => page.getByRole('link', { name: 'sunday' }).count()).toBe(1);

    // Search finds it by a word in the text.
    await page.getByRole('link', { name: 'Back to my journal' }).click();
    await page.waitForURL('**/journal');
    await page.getByRole('searchbox', { name: 'Search your journal' }).fill('river');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.waitForURL('**/journal?q=river');
    await expect.poll(() => page.getByRole('status').first().innerText()).toBe('1 entry');
    expect(await page.locator('.entry-card').innerText()).toContain('walked by the river');

    // When a save fails (no connection), the words stay on screen and on this device.
    await page.route('**/api/journal', (route) =>
      route.request().method() === 'POST' ? route.abort('internetdisconnected') : route.continue(),
    );
    await page.getByRole('link', { name: 'Write a new entry' }).click();
    await page.waitForURL('**/journal/new');
    await page.getByLabel('What is on your mind?').fill('A few words written on the train.');
    await page.getByRole('button', { name: 'Save entry' }).click();
    await expect
      .poll(() => page.getByRole('alert').innerText())
      .toContain('Your words are kept on this device');
    expect(await page.getByLabel('What is on your mind?').inputValue()).toBe(
      'A few words written on the train.',
    );
    const kept = await page.evaluate(() =>
      Object.keys(localStorage)
        .filter((key) => key.startsWith('closer.draft.'))
        .map((key) => localStorage.getItem(key) ?? '')
        .join(''),
    );
    expect(kept).toContain('written on the train');
    await expectAccessible(page, 'save failed, words kept');
    await page.unroute('**/api/journal');

    // A safety plan, saved.
    await mainNav(page, 'Safety plan').click();
    await page.waitForURL('**/safety-plan');
    await expect.poll(() => page.locator('fieldset.plan-section').count()).toBe(6);
    await expectAccessible(page, 'empty safety plan');
    await page.getByRole('button', { name: 'Add an item to Warning signs' }).click();
    await page.keyboard.type(PLAN_WARNING_SIGN);
    await page.getByRole('button', { name: 'Add an item to People I can ask for help' }).click();
    await page.keyboard.type(PLAN_PERSON);
    await page.getByRole('button', { name: 'Save my safety plan' }).click();
    await expect.poll(() => page.getByText('Your safety plan is saved.').count()).toBe(1);
    await expect
      .poll(() => page.getByText('A copy of your safety plan is kept on this device').count())
      .toBe(1);
    const stored = await page.evaluate(() => localStorage.getItem('closer.safetyPlan'));
    expect(JSON.parse(stored ?? '{}').sections.warningSigns).toEqual([PLAN_WARNING_SIGN]);
    await expectAccessible(page, 'saved safety plan');

    // Offline: Get help now still opens, with the numbers and the plan from this device.
    await page.waitForFunction(async () => {
      await navigator.serviceWorker.ready;
      return Boolean(navigator.serviceWorker.controller) && Boolean(await caches.match('/help'));
    });
    await context.setOffline(true);
    await page.goto(`${origin}/help`);
    // Truly offline: the API cannot be reached; the page came from the service worker.
    const reachable = await page.evaluate(() =>
      fetch('/api/me').then(
        () => true,
        () => false,
      ),
    );
    expect(reachable).toBe(false);
    const help = await page.locator('main').innerText();
    for (const number of ['999', '116 123', '85258', '111']) expect(help).toContain(number);
    await expect.poll(() => page.locator('#my-safety-plan').isVisible()).toBe(true);
    const offlinePlan = await page.locator('#my-safety-plan').innerText();
    expect(offlinePlan).toContain(PLAN_WARNING_SIGN);
    expect(offlinePlan).toContain(PLAN_PERSON);
    expect(
      await page
        .locator('#my-safety-plan')
        .getByRole('link', { name: 'Open my safety plan' })
        .count(),
    ).toBe(1);
    await expectAccessible(page, 'get help now, offline, with the safety plan');
    await context.setOffline(false);

    // Closer unreachable while the app is open: the plan page shows the copy, to read.
    await page.route('**/api/safety-plan', (route) => route.abort('internetdisconnected'));
    await page.goto(`${origin}/safety-plan`, { waitUntil: 'networkidle' });
    await expect.poll(() => page.getByText('This is the copy of your plan').count()).toBe(1);
    expect(await page.locator('main').innerText()).toContain(PLAN_PERSON);
    expect(await page.locator('main input').count()).toBe(0);
    await expectAccessible(page, 'safety plan from this device');
    await page.unroute('**/api/safety-plan');

    // Check in by keyboard alone: three ratings and a note.
    await page.goto(`${origin}/checkin`, { waitUntil: 'networkidle' });
    await expect.poll(() => page.locator('table.week tbody tr').count()).toBe(7);
    await expectAccessible(page, 'check-in');
    expect(await tabUntilFocused(page, '#checkin-mood')).toBeGreaterThan(0);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('checkin-closeness');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('checkin-stress');
    await page.keyboard.press('Home');
    for (let press = 0; press < 3; press += 1) await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('checkin-note');
    await page.keyboard.type(CHECKIN_NOTE);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Save my check-in');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByText('Your check-in is saved.').count()).toBe(1);
    const todayRow = page.locator('table.week tbody tr').first();
    await expect.poll(() => todayRow.innerText()).toContain(CHECKIN_NOTE);
    expect((await todayRow.locator('th, td').allInnerTexts()).slice(0, 4)).toEqual([
      'Today',
      '7',
      '4',
      '3',
    ]);
    // Days without a check-in are shown plainly, with no streak to keep.
    expect(await page.getByText('No check-in').count()).toBe(6);
    await expectAccessible(page, 'check-in saved, in the week view');

    // The same day, the check-in is changed rather than made again.
    await page.reload({ waitUntil: 'networkidle' });
    await expect.poll(() => page.getByText('You have already checked in today').count()).toBe(1);
    expect(await page.locator('#checkin-mood').inputValue()).toBe('7');
    await page.locator('#checkin-stress').focus();
    await page.keyboard.press('ArrowRight');
    await page.getByRole('button', { name: 'Save my changes' }).press('Enter');
    await expect.poll(() => page.getByText('Your check-in is saved.').count()).toBe(1);
    await expect.poll(async () => (await todayRow.locator('td').allInnerTexts())[2]).toBe('4');
    const checkins = await page.evaluate(
      async () => (await (await fetch('/api/checkins')).json()).checkins as unknown[],
    );
    expect(checkins).toHaveLength(1);

    // Export: everything, as JSON.
    const exported = await page.evaluate(async () => {
      const response = await fetch('/api/me/export');
      return { status: response.status, body: await response.text() };
    });
    expect(exported.status).toBe(200);
    const everything = JSON.stringify(JSON.parse(exported.body));
    expect(everything).toContain('Some nights I just want to die.');
    expect(everything).toContain('walked by the river');
    expect(everything).toContain(CHECKIN_NOTE);
    expect(everything).toContain(PLAN_WARNING_SIGN);

    // Deleting an entry asks first.
    await page.goto(`${origin}/journal`, { waitUntil: 'networkidle' });
    await page
      .locator('.entry-card')
      .filter({ hasText: 'walked by the river' })
      .getByRole('heading')
      .getByRole('link')
      .click();
    await page.waitForURL(isEntryPage);
    await page.getByRole('button', { name: 'Delete this entry' }).click();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent))
      .toBe('Delete this entry?');
    await expectAccessible(page, 'delete an entry: are you sure?');
    await page.getByRole('button', { name: 'Yes, delete it' }).click();
    await page.waitForURL('**/journal');
    await expect.poll(() => page.getByText('The entry is deleted.').count()).toBe(1);
    await expect.poll(() => page.locator('.entry-card').count()).toBe(1);

    // My data: downloads, an empty access log, and deleting the account.
    await mainNav(page, 'My data').click();
    await page.waitForURL('**/my-data');
    await expect
      .poll(() => page.getByText('Nobody else has looked at your records.').count())
      .toBe(1);
    const downloads = await page
      .locator('main a[download]')
      .evaluateAll((links) => links.map((link) => link.getAttribute('href')));
    // Every kind the server offers, from the one shared list; the Check's own among them.
    expect(downloads).toEqual([
      '/api/me/export',
      '/api/me/export?format=fhir',
      ...CSV_KINDS.map((kind) => `/api/me/export?format=csv&kind=${kind}`),
    ]);
    expect(downloads).toContain('/api/me/export?format=csv&kind=closeness-check');
    await expectAccessible(page, 'my data');
    await page.getByRole('button', { name: 'Delete my account' }).click();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent))
      .toBe('Are you sure?');
    await page.getByLabel('Your password').fill('not the right password');
    await page.getByRole('button', { name: 'Yes, delete my account for good' }).click();
    await expect
      .poll(() => page.getByRole('alert').first().innerText())
      .toContain('That password is not right');
    await expectAccessible(page, 'delete account, wrong password');
    await page.getByLabel('Your password').fill(password);
    await page.getByRole('button', { name: 'Yes, delete my account for good' }).click();
    await page.waitForURL(`${origin}/`);
    await expect
      .poll(() => page.getByText('Your account and everything in it have been deleted').count())
      .toBe(1);
    await expect.poll(() => mainNav(page, 'Sign in').count()).toBe(1);
    const me = await page.evaluate(async () => (await fetch('/api/me')).status);
    expect(me).toBe(401);
    const leftBehind = await page.evaluate(() =>
      Object.keys(localStorage).filter((key) => key.startsWith('closer.')),
    );
    expect(leftBehind).toEqual([]);
    await expectAccessible(page, 'landing page after deletion');

    // Nothing left Closer's origin, and nothing broke quietly.
    const foreign = requests.filter((url) => !url.startsWith(origin) && !url.startsWith('data:'));
    expect(foreign).toEqual([]);
    expect(consoleErrors.filter((error) => !OFFLINE_NOISE.test(error))).toEqual([]);
    expect(pagesChecked.length).toBeGreaterThanOrEqual(15);
    await context.close();
  }, 120_000);

  it('in dark mode, on a narrow screen: the new pages and the help pass axe, and the menu folds away', async () => {
    const { context, consoleErrors } = await newContext(env.browser, {
      colorScheme: 'dark',
      reducedMotion: 'reduce',
      viewport: { width: 480, height: 800 },
    });
    const page = await context.newPage();
    const origin = env.server.origin;
    await signUpAndConsent(
      page,
      origin,
      `fern_${Date.now().toString(36)}`,
      'moss grows on the north side',
    );

    // The signed-in menu is folded behind one button; Get help now stays in view.
    const menu = page.getByRole('button', { name: 'Menu' });
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    expect(await mainNav(page, 'Journal').isVisible()).toBe(false);
    expect(await page.getByRole('link', { name: 'Get help now' }).first().isVisible()).toBe(true);
    await menu.click();
    expect(await menu.getAttribute('aria-expanded')).toBe('true');
    await mainNav(page, 'Journal').click();
    await page.waitForURL('**/journal');
    await expect.poll(() => menu.getAttribute('aria-expanded')).toBe('false');

    for (const path of [
      '/home',
      '/checkin',
      '/journal',
      '/journal/new',
      '/safety-plan',
      '/my-data',
    ]) {
      await page.goto(origin + path, { waitUntil: 'networkidle' });
      await expect.poll(() => page.getByRole('heading', { level: 1 }).count()).toBe(1);
      await expectAccessible(page, `${path} (dark, narrow)`);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - window.innerWidth,
      );
      expect(overflow, path).toBeLessThanOrEqual(0);
    }

    // The crisis help, in dark mode.
    await page.goto(`${origin}/journal/new`, { waitUntil: 'networkidle' });
    await page.getByLabel('What is on your mind?').fill('I have decided to kill myself tonight.');
    await page.getByRole('button', { name: 'Save entry' }).click();
    await page.waitForURL(isEntryPage);
    await expect.poll(async () => (await alertPlacement(page))?.level).toBe('crisis');
    await expectAccessible(page, 'crisis help (dark, narrow)');

    // Abuse: specialist lines, calmly; no safety-plan exercise offered. Still saved.
    await page.goto(`${origin}/journal/new`, { waitUntil: 'networkidle' });
    await page
      .getByLabel('What is on your mind?')
      .fill('My partner hits me when he is angry and I am scared to go home.');
    await page.getByRole('button', { name: 'Save entry' }).click();
    await page.waitForURL(isEntryPage);
    await expect.poll(async () => (await alertPlacement(page))?.level).toBe('safeguarding');
    const safeguarding = await alertPlacement(page);
    expect(safeguarding?.first).toBe(true);
    expect(safeguarding?.focused).toBe(true);
    expect(safeguarding?.hrefs[0]).toBe('tel:999');
    expect(safeguarding?.hrefs).toContain('tel:08082000247');
    expect(safeguarding?.hrefs).not.toContain('/safety-plan');
    expect(safeguarding?.text).toContain('Your journal entry is saved.');
    expect(safeguarding?.text).toContain('never your fault');
    await expectAccessible(page, 'safeguarding help (dark, narrow)');

    // Low mood in a check-in note: a gentle note with the listening services.
    await page.goto(`${origin}/checkin`, { waitUntil: 'networkidle' });
    await page
      .getByLabel('Anything you want to add? (optional)')
      .fill('I feel so hopeless lately, nothing ever gets better.');
    await page.getByRole('button', { name: 'Save my check-in' }).click();
    await expect.poll(async () => (await alertPlacement(page))?.level).toBe('concern');
    const concern = await alertPlacement(page);
    expect(concern?.first).toBe(true);
    expect(concern?.text).toContain('Your check-in is saved.');
    expect(concern?.hrefs).toContain('tel:116123');
    expect(concern?.hrefs).not.toContain('tel:999');
    await expectAccessible(page, 'gentle note after a check-in (dark, narrow)');
    await page.goto(`${origin}/help`, { waitUntil: 'networkidle' });
    await expectAccessible(page, 'get help now (dark, narrow)');

    // Without consent, each health page says so kindly and leads to the privacy notice.
    const withdrawn = await page.evaluate(async () => {
      const { csrfToken } = await (await fetch('/api/auth/session')).json();
      return (
        await fetch('/api/consent', { method: 'DELETE', headers: { 'x-csrf-token': csrfToken } })
      ).status;
    });
    expect(withdrawn).toBeLessThan(300);
    for (const path of ['/checkin', '/journal', '/journal/new', '/safety-plan']) {
      await page.goto(origin + path, { waitUntil: 'networkidle' });
      await expect
        .poll(() => page.getByRole('heading', { name: 'One thing before we start' }).count(), {
          message: path,
        })
        .toBe(1);
      expect(
        await page.getByRole('link', { name: 'Read the privacy notice' }).getAttribute('href'),
      ).toBe('/consent');
    }
    await expectAccessible(page, 'consent needed (dark, narrow)');
    expect(consoleErrors).toEqual([]);
    await context.close();
  }, 120_000);
});
