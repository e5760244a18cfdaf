import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  CURRENT_CLOSENESS_CHECK,
  SCORED_SUBSCALE_IDS,
} from '../../core/assessment/closeness-check.definition';
import { scoreClosenessCheck } from '../../core/assessment/scoring';
import {
  axeViolations,
  chromiumPath,
  describeViolations,
  newContext,
  tabUntilFocused,
  useServerAndBrowser,
} from './support/browser';
import {
  alertPlacement,
  focused,
  noSidewaysScroll,
  signIn,
  signUpAndConsent,
} from './support/journeys';

/**
 * The Closeness Check as a person takes it: by keyboard alone, a few questions a screen,
 * closing the tab half-way (and losing the connection for a moment), carrying on in a new
 * tab and on another device, the crisis help the moment a worrying safety answer is chosen,
 * the profile (checked against core's own scoring), a Learn article from it, the history and
 * honest change. axe-core runs on every page of the Check, light and dark.
 */

const DEFINITION = CURRENT_CLOSENESS_CHECK;
const ITEMS = DEFINITION.items;
const SCREENS = Math.ceil(ITEMS.length / 4) + 1;
const DRAFT_URL = '**/api/assessments/closeness-check/draft';

/** Skipped on purpose: one sign item (the sign still gets a score) and one root item (it does not). */
const SKIPPED = new Set(['avoidance-1', 'coping-3']);

/** A made-up person's answers: varied, and the same every run. Null means skipped. */
function plannedAnswer(position: number): number | null {
  const item = ITEMS[position];
  if (!item || SKIPPED.has(item.id)) return null;
  return ((position * 3) % 5) + 1;
}

/** Requests that fail while the connection is cut are expected, not errors of the app. */
const SAVED_STATUS = 'Your answers are saved.';
const OFFLINE_NOISE = /ERR_INTERNET_DISCONNECTED|ERR_FAILED|Failed to fetch/;

/** The screen heading has focus and says which screen this is. */
async function expectScreen(page: Page, screen: number) {
  await expect
    .poll(async () => (await focused(page)).text, { message: `screen ${screen}` })
    .toBe(`Screen ${screen} of ${SCREENS}`);
  expect((await focused(page)).id).toBe('check-screen-title');
}

/** The safety answers kept in plain text anywhere in this browser's storage. */
function localSafetyAnswers(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    Object.keys(localStorage).flatMap(
      (key) => (localStorage.getItem(key) ?? '').match(/"safety-[a-z-]+"/g) ?? [],
    ),
  );
}

/** Tab on; an answered question has its "Clear my answer" button next, so tab past it too. */
async function tabPastClearButton(page: Page) {
  await page.keyboard.press('Tab');
  if ((await focused(page)).text === 'Clear my answer') await page.keyboard.press('Tab');
}

/**
 * Answers the questions of the screen shown, by keyboard alone: from the heading, Tab into
 * each radio group, then Space (the first point) or the right arrow (which moves and chooses).
 * A skipped question is tabbed past. Then Tab to Next and press Enter.
 */
async function answerScreenByKeyboard(page: Page, screen: number, alreadyAnswered = 0) {
  const first = (screen - 1) * 4;
  for (let position = first; position < first + 4 && position < ITEMS.length; position += 1) {
    await tabPastClearButton(page);
    const now = await focused(page);
    expect(now.type, `item ${position + 1}`).toBe('radio');
    expect(now.name).toBe(ITEMS[position]?.id);
    if (position - first < alreadyAnswered) continue;
    const value = plannedAnswer(position);
    if (value === null) continue;
    if (value === 1) await page.keyboard.press('Space');
    else for (let step = 1; step < value; step += 1) await page.keyboard.press('ArrowRight');
    expect(
      await page.locator(`input[name="${ITEMS[position]?.id}"]:checked`).getAttribute('value'),
    ).toBe(String(value));
  }
  await tabPastClearButton(page);
  expect((await focused(page)).text).toBe('Back');
  await page.keyboard.press('Tab');
  expect((await focused(page)).text).toBe('Next');
  await page.keyboard.press('Enter');
  await expectScreen(page, screen + 1);
}

function answersUpTo(count: number): Record<string, number> {
  const answers: Record<string, number> = {};
  for (let position = 0; position < count; position += 1) {
    const value = plannedAnswer(position);
    const item = ITEMS[position];
    if (item && value !== null) answers[item.id] = value;
  }
  return answers;
}

async function serverDraft(page: Page): Promise<Record<string, number> | null> {
  return page.evaluate(async () => {
    const response = await fetch('/api/assessments/closeness-check/draft');
    const body = await response.json();
    return body.draft?.answers ?? null;
  });
}

describe.skipIf(!chromiumPath)('the Closeness Check', () => {
  const env = useServerAndBrowser();

  const pagesChecked: string[] = [];
  async function expectAccessible(page: Page, name: string) {
    await page.waitForLoadState('networkidle');
    const violations = await axeViolations(page);
    expect(violations, `${name}:\n${describeViolations(violations)}`).toEqual([]);
    // Get help now stays on every page of the Check.
    expect(await page.locator('header a[href="/help"]').count(), `${name}: Get help now`).toBe(1);
    pagesChecked.push(name);
  }

  it('is taken by keyboard alone, survives a closed tab and a lost connection, and explains itself', async () => {
    const { context, requests, consoleErrors } = await newContext(env.browser);
    const origin = env.server.origin;
    const username = `heron_${Date.now().toString(36)}`;
    const password = 'a heron waits in the shallow water';
    let page = await context.newPage();
    await signUpAndConsent(page, origin, username, password);

    // Home invites the person to take the Check.
    const card = page.locator('section.check-card');
    await expect.poll(() => card.getByRole('link', { name: 'Start the Check' }).count()).toBe(1);

    // The introduction: what the Check is and is not; private; about five minutes.
    await page.goto(`${origin}/check`, { waitUntil: 'networkidle' });
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).innerText())
      .toBe(DEFINITION.title);
    const intro = await page.locator('main').innerText();
    expect(intro).toContain(`about ${DEFINITION.minutes} minutes`);
    expect(intro).toContain('Nobody else sees them unless you choose to share them.');
    expect(intro).toContain('thoughts of hurting yourself');
    expect(intro).toContain('A few missing answers are fine');
    for (const line of DEFINITION.whatItIsNot) expect(intro).toContain(line);
    await expectAccessible(page, 'check: introduction');

    // Start, by keyboard.
    expect(await tabUntilFocused(page, 'main button.button--primary')).toBeGreaterThan(0);
    expect((await focused(page)).text).toBe('Start the Check');
    await page.keyboard.press('Enter');
    await expectScreen(page, 1);
    expect(await page.locator('progress').getAttribute('max')).toBe(String(SCREENS));
    expect(await page.locator('fieldset.check-question').count()).toBe(4);
    expect(await page.locator('fieldset.check-question').first().locator('input').count()).toBe(5);
    await expectAccessible(page, 'check: a question screen');

    await answerScreenByKeyboard(page, 1);
    // Back, and forward again: the heading takes focus each time, and answers stay.
    expect(await tabUntilFocused(page, '.check-actions button[type="button"]')).toBeGreaterThan(0);
    expect((await focused(page)).text).toBe('Back');
    await page.keyboard.press('Enter');
    await expectScreen(page, 1);
    expect(await page.locator('input[name="trust-1"]:checked').getAttribute('value')).toBe(
      String(plannedAnswer(1)),
    );
    expect(await tabUntilFocused(page, 'button[type="submit"]')).toBeGreaterThan(0);
    await page.keyboard.press('Enter');
    await expectScreen(page, 2);
    for (const screen of [2, 3, 4]) await answerScreenByKeyboard(page, screen);

    // Half-way. The answers reach the server; then the tab is closed.
    await expect
      .poll(() => page.locator('.check-status').innerText())
      .toBe('Your answers are saved.');
    expect(await serverDraft(page)).toEqual(answersUpTo(16));
    await page.close();

    // A new tab carries on where the old one stopped.
    page = await context.newPage();
    await page.goto(`${origin}/check`, { waitUntil: 'networkidle' });
    await expect
      .poll(() => page.getByRole('heading', { name: 'Carry on where you stopped' }).count())
      .toBe(1);
    expect(await page.locator('main').innerText()).toContain(
      'You have answered 15 of 35 questions.',
    );
    await expectAccessible(page, 'check: introduction, carrying on');
    expect(await tabUntilFocused(page, 'main button.button--primary')).toBeGreaterThan(0);
    expect((await focused(page)).text).toBe('Carry on');
    await page.keyboard.press('Enter');
    await expectScreen(page, 5);

    // The connection drops as the next answer is chosen: it is kept on this device…
    await page.route(DRAFT_URL, (route) =>
      route.request().method() === 'PUT' ? route.abort('internetdisconnected') : route.continue(),
    );
    const seventeenth = plannedAnswer(16) ?? 1;
    expect(seventeenth).toBeGreaterThan(1);
    await page.keyboard.press('Tab');
    for (let step = 1; step < seventeenth; step += 1) await page.keyboard.press('ArrowRight');
    await expect
      .poll(() => page.locator('.check-status').innerText())
      .toContain('Your answers are kept on this device');
    expect(await serverDraft(page)).toEqual(answersUpTo(16));
    await page.close();

    // …so a new tab has it, shows it, and sends it once the server can be reached.
    page = await context.newPage();
    await page.goto(`${origin}/check`, { waitUntil: 'networkidle' });
    await expect
      .poll(() => page.locator('main').innerText())
      .toContain('You have answered 16 of 35 questions.');
    await expect.poll(() => serverDraft(page)).toEqual(answersUpTo(17));
    expect(await tabUntilFocused(page, 'main button.button--primary')).toBeGreaterThan(0);
    await page.keyboard.press('Enter');
    await expectScreen(page, 5);
    expect(await page.locator(`input[name="${ITEMS[16]?.id}"]:checked`).getAttribute('value')).toBe(
      String(seventeenth),
    );

    // Another device (a fresh browser profile) carries on from the server's draft.
    {
      const other = await newContext(env.browser);
      const elsewhere = await other.context.newPage();
      await signIn(elsewhere, origin, username, password);
      await elsewhere.goto(`${origin}/check`, { waitUntil: 'networkidle' });
      await expect
        .poll(() => elsewhere.locator('main').innerText())
        .toContain('You have answered 16 of 35 questions.');
      await elsewhere.getByRole('button', { name: 'Carry on' }).click();
      await expect
        .poll(() => elsewhere.locator('#check-screen-title').innerText())
        .toBe(`Screen 5 of ${SCREENS}`);
      expect(other.consoleErrors).toEqual([]);
      await other.context.close();
    }

    // Finish the scored questions in the first browser.
    await answerScreenByKeyboard(page, 5, 1);
    for (const screen of [6, 7, 8]) await answerScreenByKeyboard(page, screen);

    // The safety questions. "Yes" to thoughts of self-harm shows crisis help at once: first
    // on the page, focused, with the emergency number, Get help now and the safety plan.
    const safetyText = await page.locator('main').innerText();
    expect(safetyText).toContain(DEFINITION.safetyIntroduction);
    expect(safetyText).toContain('Ways of coping'); // the part with too few answers for a score
    await expectAccessible(page, 'check: safety questions');
    await page.keyboard.press('Tab');
    expect((await focused(page)).name).toBe('safety-self-harm');
    await page.keyboard.press('Space'); // "Yes" is the first choice
    await expect.poll(async () => (await alertPlacement(page))?.focused).toBe(true);
    const crisis = await alertPlacement(page);
    expect(crisis?.level).toBe('crisis');
    expect(crisis?.first).toBe(true);
    expect(crisis?.beforeHeading).toBe(true);
    expect(crisis?.hrefs[0]).toBe('tel:999');
    expect(crisis?.hrefs).toContain('tel:116123');
    expect(crisis?.hrefs).toContain('/help');
    expect(crisis?.hrefs).toContain('/safety-plan');
    expect(crisis?.text).toContain('Your answer is kept.');
    await expectAccessible(page, 'check: crisis help on the safety screen');
    // Nothing is blocked: the person carries on from the alert by keyboard.
    expect(await tabUntilFocused(page, 'input[name="safety-partner-fear"]')).toBeGreaterThan(0);
    await page.keyboard.press('ArrowRight'); // "No"
    await page.keyboard.press('Tab');
    expect((await focused(page)).text).toBe('Clear my answer');
    await page.keyboard.press('Tab');
    expect((await focused(page)).name).toBe('safety-partner-control');
    await page.keyboard.press('ArrowRight'); // "No"
    expect(await page.getByRole('alert').count()).toBe(1);
    // An answer can be taken back, by keyboard: focus returns to the question, and it is said.
    await page.keyboard.press('Tab');
    expect((await focused(page)).text).toBe('Clear my answer');
    await page.keyboard.press('Enter');
    expect(await page.locator('input[name="safety-partner-control"]:checked').count()).toBe(0);
    expect((await focused(page)).name).toBe('safety-partner-control');
    await expect
      .poll(() =>
        page
          .locator('fieldset:has(input[name="safety-partner-control"]) [role="status"]')
          .innerText(),
      )
      .toBe('Your answer to this question is cleared.');
    await page.keyboard.press('ArrowRight'); // "No" again
    // Once the server holds the safety answers, this device keeps no plain copy of them.
    await expect.poll(() => page.locator('.check-status').innerText()).toBe(SAVED_STATUS);
    await expect.poll(() => localSafetyAnswers(page)).toEqual([]);
    expect(Object.keys((await serverDraft(page)) ?? {})).toContain('safety-self-harm');
    // Enter on an answer does not send the Check: only the button does.
    await page.keyboard.press('Enter');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(new URL(page.url()).pathname).toBe('/check');
    expect(await tabUntilFocused(page, 'button[type="submit"]')).toBeGreaterThan(0);
    expect((await focused(page)).text).toBe('See my results');
    await page.keyboard.press('Enter');

    // The profile, with the same help first, from the server's answer.
    await page.waitForURL(/\/check\/results\/[^/]+$/);
    await expect.poll(async () => (await alertPlacement(page))?.focused).toBe(true);
    const afterSending = await alertPlacement(page);
    expect(afterSending?.level).toBe('crisis');
    expect(afterSending?.first).toBe(true);
    expect(afterSending?.hrefs[0]).toBe('tel:999');
    expect(afterSending?.text).toContain('Your Closeness Check is saved.');
    const drafts = await page.evaluate(() =>
      Object.keys(localStorage).filter((key) => key.startsWith('closer.draft.')),
    );
    expect(drafts).toEqual([]);
    expect(await serverDraft(page)).toBeNull();

    // Every score on the profile is the one core's scoring gives for the answers chosen.
    const chosen = {
      ...answersUpTo(ITEMS.length),
      'safety-self-harm': 1,
      'safety-partner-fear': 0,
      'safety-partner-control': 0,
    };
    const expected = scoreClosenessCheck(chosen);
    await expect.poll(() => page.locator('li.profile-part').count()).toBe(8);
    for (const id of SCORED_SUBSCALE_IDS) {
      const part = page.locator(`li.profile-part[data-subscale="${id}"]`);
      const text = await part.locator('.score-text').innerText();
      const index = expected.index[id];
      if (index === null) {
        expect(text, id).toContain('No score');
      } else {
        expect(text, id).toContain(`${index} out of 100`);
        const band = DEFINITION.bands.find((candidate) => candidate.id === expected.bands[id]);
        expect(text, id).toContain(band?.label ?? '?');
      }
      expect(await part.innerText()).toContain(DEFINITION.guides[id].higherMeans);
    }
    expect(expected.index.coping).toBeNull();
    expect(expected.index.avoidance).not.toBeNull();
    const highestSign = expected.highest.sign;
    const signTitles = (highestSign?.subscales ?? []).map(
      (id) => DEFINITION.subscales.find((subscale) => subscale.id === id)?.title ?? id,
    );
    const signSentence = await page.locator('[data-highest="sign"]').innerText();
    if (highestSign?.band === 'lower') expect(signSentence).toContain('None of the four signs');
    else for (const title of signTitles) expect(signSentence).toContain(title);
    const profile = await page.locator('main').innerText();
    expect(profile).toContain(DEFINITION.bandNote);
    for (const line of DEFINITION.whatItIsNot) expect(profile).toContain(line);
    expect(profile).toContain('This is your first Check.');
    await expectAccessible(page, 'check: profile with crisis help first');
    await page.getByRole('button', { name: 'Close this message' }).click();
    await expect.poll(() => page.getByRole('alert').count()).toBe(0);

    // The optional research consent: separate, plain, and it can be given here.
    const research = page.locator('section.research-card');
    expect(await research.innerText()).toContain('This is a separate choice');
    await research
      .getByRole('button', { name: 'Yes, add an anonymous copy of my answers' })
      .click();
    await expect.poll(() => research.getByRole('status').innerText()).toContain('Thank you');
    const researchConsent = await page.evaluate(
      async () => (await (await fetch('/api/consent/research')).json()).current,
    );
    expect(researchConsent).toBe(true);

    // From the profile to a Learn article on the same topic, by keyboard.
    const trustLink = page
      .locator('li.profile-part[data-subscale="trust"]')
      .getByRole('link', { name: 'Finding it hard to trust' });
    await trustLink.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL('**/learn/finding-it-hard-to-trust');
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe('Finding it hard to trust');

    // Home now shows the latest results and when to take it again.
    await page.goto(`${origin}/home`, { waitUntil: 'networkidle' });
    await expect
      .poll(() => page.locator('section.check-card').innerText())
      .toContain('A good time to take the Check again is between');
    expect(
      await page
        .locator('section.check-card')
        .getByRole('link', { name: 'See your latest results' })
        .count(),
    ).toBe(1);

    // A second Check (sent straight to the API): change is shown as plain difference, never
    // called reliable, with the reason why.
    const second = await page.evaluate(
      async (answers) => {
        const { csrfToken } = await (await fetch('/api/auth/session')).json();
        const response = await fetch('/api/assessments/closeness-check/responses', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken },
          body: JSON.stringify({ answers }),
        });
        return { status: response.status, body: await response.json() };
      },
      Object.fromEntries(ITEMS.map((item) => [item.id, 2])),
    );
    expect(second.status).toBe(201);
    await page.goto(`${origin}/check/results/${second.body.id}`, { waitUntil: 'networkidle' });
    await expect.poll(() => page.locator('li.profile-part').count()).toBe(8);
    const secondScores = scoreClosenessCheck(Object.fromEntries(ITEMS.map((item) => [item.id, 2])));
    for (const id of SCORED_SUBSCALE_IDS) {
      const before = expected.index[id];
      const after = secondScores.index[id];
      if (before === null || after === null) continue;
      const points = Math.abs(after - before);
      const words =
        points === 0
          ? `no change (${after}).`
          : `${after > before ? 'up' : 'down'} ${points} ${points === 1 ? 'point' : 'points'}, from ${before} to ${after}.`;
      expect(
        await page.locator(`li.profile-part[data-subscale="${id}"] .change`).innerText(),
        id,
      ).toBe(`Since your last Check: ${words}`);
    }
    expect(await page.locator('.change[data-reliable="true"]').count()).toBe(0);
    expect(await page.locator('main').innerText()).toContain(
      'Why we do not call some changes reliable',
    );
    // The true reasons: too few shared answers yet, and a part with no score to compare.
    expect(await page.locator('main').innerText()).toContain('at least 100 people');
    expect(await page.locator('main').innerText()).toContain('nothing to compare yet');
    expect(await page.locator('main').innerText()).not.toContain('This is a reliable change');
    await expectAccessible(page, 'check: profile with change');

    // The history: every part over time, as a table, with when to take it again.
    await page.getByRole('link', { name: 'See all your Checks' }).click();
    await page.waitForURL('**/check/history');
    await expect.poll(() => page.locator('table.history tbody tr[data-subscale]').count()).toBe(8);
    expect(await page.locator('table.history thead th').count()).toBe(4);
    const trustRow = await page
      .locator('table.history tr[data-subscale="trust"] td')
      .allInnerTexts();
    expect(trustRow[0]).toContain(String(expected.index.trust));
    expect(await page.locator('main').innerText()).toContain('No change is marked as reliable.');
    expect(await page.locator('main').innerText()).toContain(
      'A good time to take the Check again is between',
    );
    await expectAccessible(page, 'check: history');

    // Signing out on a shared device leaves no safety answer behind, even one the server never
    // confirmed: it is removed, and the person is told what that means.
    await page.route(DRAFT_URL, (route) =>
      route.request().method() === 'PUT' ? route.abort('internetdisconnected') : route.continue(),
    );
    await page.goto(`${origin}/check?screen=${SCREENS}`, { waitUntil: 'networkidle' });
    await page.locator('input[name="safety-self-harm"]').first().check();
    await expect.poll(() => page.getByRole('alert').count()).toBe(1);
    await expect.poll(() => localSafetyAnswers(page)).toEqual(['"safety-self-harm"']);
    await page.getByRole('button', { name: 'Close this message' }).click();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(`${origin}/`);
    await expect
      .poll(() => page.locator('main').innerText())
      .toContain('To keep them private, we removed them from this device.');
    expect(await localSafetyAnswers(page)).toEqual([]);
    expect(
      await page.evaluate(() =>
        Object.keys(localStorage).filter((key) => key.startsWith('closer.draft.')),
      ),
    ).toEqual([]);
    await page.unroute(DRAFT_URL);

    const foreign = requests.filter((url) => !url.startsWith(origin) && !url.startsWith('data:'));
    expect(foreign).toEqual([]);
    expect(consoleErrors.filter((error) => !OFFLINE_NOISE.test(error))).toEqual([]);
    expect(pagesChecked.length).toBeGreaterThanOrEqual(8);
    await context.close();
  }, 180_000);

  it('in dark mode at 200 % zoom: every page of the Check passes axe, with no sideways scrolling', async () => {
    const { context, consoleErrors } = await newContext(env.browser, {
      colorScheme: 'dark',
      reducedMotion: 'reduce',
      // A 1280 × 1600 window at 200 % zoom.
      viewport: { width: 640, height: 800 },
    });
    const page: Page = await context.newPage();
    const origin = env.server.origin;
    await signUpAndConsent(page, origin, `otter_${Date.now().toString(36)}`, 'otters hold hands');
    await expectAccessible(page, 'home with the Check card (dark)');

    await page.goto(`${origin}/check`, { waitUntil: 'networkidle' });
    await expect.poll(() => page.getByRole('button', { name: 'Start the Check' }).count()).toBe(1);
    await expectAccessible(page, 'check: introduction (dark)');
    await noSidewaysScroll(page, 'introduction');

    await page.getByRole('button', { name: 'Start the Check' }).click();
    await expect
      .poll(() => page.locator('#check-screen-title').innerText())
      .toBe(`Screen 1 of ${SCREENS}`);
    await page.getByLabel('Agree', { exact: true }).first().check();
    await expectAccessible(page, 'check: a question screen (dark)');
    await noSidewaysScroll(page, 'question screen');

    // Straight to the safety screen; a partner answer leads to specialist help, never an exercise.
    await page.goto(`${origin}/check?screen=${SCREENS}`, { waitUntil: 'networkidle' });
    await expect
      .poll(() => page.locator('#check-screen-title').innerText())
      .toBe(`Screen ${SCREENS} of ${SCREENS}`);
    await page.locator('#check-safety-partner-fear-1').check();
    await expect.poll(async () => (await alertPlacement(page))?.level).toBe('safeguarding');
    const safeguarding = await alertPlacement(page);
    expect(safeguarding?.first).toBe(true);
    expect(safeguarding?.focused).toBe(true);
    expect(safeguarding?.hrefs[0]).toBe('tel:999');
    expect(safeguarding?.hrefs).toContain('tel:08082000247');
    expect(safeguarding?.hrefs).not.toContain('/safety-plan');
    expect(safeguarding?.text).toContain('never your fault');
    await expectAccessible(page, 'check: safeguarding help (dark)');
    await noSidewaysScroll(page, 'safety screen');

    await page.getByRole('button', { name: 'See my results' }).click();
    await page.waitForURL(/\/check\/results\/[^/]+$/);
    await expect.poll(async () => (await alertPlacement(page))?.level).toBe('safeguarding');
    await expect.poll(() => page.locator('li.profile-part').count()).toBe(8);
    await expectAccessible(page, 'check: profile (dark)');
    await noSidewaysScroll(page, 'profile');

    // Later visits: a calm reminder that help is there, not an alert that takes focus.
    await page.reload({ waitUntil: 'networkidle' });
    await expect
      .poll(() => page.getByRole('heading', { name: 'Help is there if you need it' }).count())
      .toBe(1);
    expect(await page.getByRole('alert').count()).toBe(0);

    await page.goto(`${origin}/check/history`, { waitUntil: 'networkidle' });
    await expect.poll(() => page.locator('table.history').count()).toBe(1);
    await expectAccessible(page, 'check: history (dark)');
    await noSidewaysScroll(page, 'history');
    expect(consoleErrors).toEqual([]);
    await context.close();
  }, 120_000);
});
