import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  SCORED_SUBSCALE_IDS,
  type ScoredSubscaleId,
} from '../../core/assessment/closeness-check.definition';
import { CATALOGUE, topicLabelKey, type Exercise } from '../../core/exercises/catalogue';
import { t as translate } from '../../core/i18n/translate';
import { createTranslator, type MessageKey } from '../../core/i18n/translate';
import { assessRisk } from '../../core/safety/risk';
import { RISK_TEST_PHRASES } from '../../core/safety/risk-phrases';
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
  closenessCheckAnswers,
  focused,
  pageApi,
  signUpAndConsent,
  takeClosenessCheck,
} from './support/journeys';

/**
 * The weekly plan's stepped care and its controls, as a person meets them. A person who tells
 * the Check they have had thoughts of hurting themselves, and another whose recent journal
 * sounded like a crisis though their Check did not, both get the urgent plan: Get help now
 * and the safety plan before any step, no exposure or partner exercise, and kind words on
 * why. Then, by keyboard alone, a person swaps a step, leaves one for this week and reshapes
 * the plan with fewer minutes and a topic left out, with focus visible and kept on the page
 * after each action (saving the preferences loses it today: the last test, marked as failing).
 * axe-core runs after every change.
 */

const t = createTranslator();

/** Exercises an urgent plan pauses: exposure-type ones and those marked unsafe to practise. */
const PAUSED_WHEN_URGENT = CATALOGUE.filter(
  (exercise) => exercise.exposure || exercise.pausedWhenUnsafe,
);

/** A phrase of the labelled crisis set that the risk check itself reads as a crisis. */
const CRISIS_PHRASE = (() => {
  const phrase = RISK_TEST_PHRASES.find(
    (candidate) => candidate.level === 'crisis' && assessRisk(candidate.text).level === 'crisis',
  );
  if (!phrase) throw new Error('no crisis phrase the risk check flags');
  return phrase.text;
})();

/** The topic a keyboard user leaves out: saying hard things to another person. */
const AVOIDED_TOPIC = 'talking-to-someone' as const;

function touchesAvoidedTopic(exercise: Exercise): boolean {
  return exercise.topics.includes(AVOIDED_TOPIC);
}

/** The subscale a need phrase of the plan ("finding it hard to trust") names. */
function needNamed(phrase: string): ScoredSubscaleId | undefined {
  return SCORED_SUBSCALE_IDS.find((id) => t(`plan.need.${id}` as MessageKey) === phrase);
}

function exerciseTitled(title: string): Exercise {
  const exercise = CATALOGUE.find((candidate) => candidate.title === title);
  if (!exercise) throw new Error(`no exercise titled ${title}`);
  return exercise;
}

/** The step cards as the page shows them: title, heading id, status and reason. */
function stepCards(page: Page) {
  return page.locator('.plan-step').evaluateAll((cards) =>
    cards.map((card) => ({
      title: card.querySelector('.plan-step__title')?.textContent?.trim() ?? '',
      headingId: card.querySelector('.plan-step__title')?.id ?? '',
      status: card.querySelector('.plan-step__status')?.textContent?.trim() ?? '',
      reason: card.querySelector('.plan-step__reason')?.textContent?.trim() ?? '',
      buttons: [...card.querySelectorAll('button')].map((button) => button.textContent?.trim()),
    })),
  );
}

/** The planned minutes and the budget, read from the sentence above the steps. */
async function minutesShown(page: Page): Promise<{ planned: number; budget: number }> {
  const text = await page
    .locator('section[aria-labelledby="plan-steps-title"] > p.hint')
    .innerText();
  const match = /^About (\d+) of your (\d+) minutes this week\.$/.exec(text.trim());
  if (!match) throw new Error(`unexpected minutes sentence: ${text}`);
  return { planned: Number(match[1]), budget: Number(match[2]) };
}

/**
 * Presses Tab (or Shift+Tab) until the focused element satisfies `wanted`, evaluated in the
 * page with `argument`; returns the number of presses, or -1.
 */
async function tabUntil<A>(
  page: Page,
  wanted: (element: Element, argument: A) => boolean,
  argument: A,
  key: 'Tab' | 'Shift+Tab' = 'Tab',
  maxPresses = 120,
): Promise<number> {
  // Sent as an expression, so the page's own rules on eval do not apply to the test's check.
  const check = `(() => {
    const element = document.activeElement;
    return element !== null && (${wanted.toString()})(element, ${JSON.stringify(argument)});
  })()`;
  for (let presses = 1; presses <= maxPresses; presses += 1) {
    await page.keyboard.press(key);
    const hit = (await page.evaluate(check)) === true;
    if (hit) return presses;
  }
  return -1;
}

/** A step's button, described by the step's heading, with this text. */
function isStepButton(element: Element, wanted: { headingId: string; text: string }): boolean {
  return (
    element.tagName === 'BUTTON' &&
    element.getAttribute('aria-describedby') === wanted.headingId &&
    element.textContent?.trim() === wanted.text
  );
}

/** A checkbox whose label reads `label`. */
function isCheckboxLabelled(element: Element, label: string): boolean {
  return (
    element instanceof HTMLInputElement &&
    element.type === 'checkbox' &&
    element.closest('label')?.textContent?.trim() === label
  );
}

/** Whether `target` comes after the focused element in the page. */
function isAfterFocus(page: Page, selector: string): Promise<boolean> {
  return page.evaluate((selector) => {
    const target = document.querySelector(selector);
    const active = document.activeElement;
    if (!target || !active) return true;
    return Boolean(active.compareDocumentPosition(target) & Node.DOCUMENT_POSITION_FOLLOWING);
  }, selector);
}

/** What has focus, and whether it shows: never <body>, inside the page, with a visible ring. */
function focusState(page: Page) {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (!element || element === document.body) return { onBody: true } as const;
    const style = getComputedStyle(element);
    return {
      onBody: false,
      inMain: Boolean(element.closest('main')),
      focusVisible: element.matches(':focus-visible'),
      ring:
        (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) ||
        style.boxShadow !== 'none',
      tag: element.tagName.toLowerCase(),
      id: element.id,
      text: element.textContent?.trim().slice(0, 80) ?? '',
    } as const;
  });
}

async function expectFocusShownIn(page: Page, name: string) {
  const state = await focusState(page);
  expect(state.onBody, `${name}: focus lost to the page body`).toBe(false);
  if (state.onBody) return;
  expect(state.inMain, `${name}: focus inside the page (${state.tag} ${state.text})`).toBe(true);
  expect(state.focusVisible, `${name}: focus is visible (${state.tag} ${state.text})`).toBe(true);
  expect(state.ring, `${name}: a focus ring is drawn (${state.tag} ${state.text})`).toBe(true);
}

/** Support links (Get help now, the safety plan) and where they sit against the steps. */
function supportBeforeSteps(page: Page) {
  return page.evaluate(() => {
    const main = document.querySelector('main');
    const help = main?.querySelector('.plan-support a[href="/help"]') ?? null;
    const safetyPlan = main?.querySelector('.plan-support a[href="/safety-plan"]') ?? null;
    const steps = main ? [...main.querySelectorAll('.plan-step')] : [];
    const stepsHeading = main?.querySelector('#plan-steps-title') ?? null;
    const before = (first: Element | null, later: Element | null) =>
      Boolean(
        first && later && first.compareDocumentPosition(later) & Node.DOCUMENT_POSITION_FOLLOWING,
      );
    return {
      help: help?.textContent?.trim() ?? null,
      safetyPlan: safetyPlan?.textContent?.trim() ?? null,
      helpFirst: before(help, safetyPlan),
      steps: steps.length,
      helpBeforeEveryStep: steps.every((step) => before(help, step)),
      safetyPlanBeforeEveryStep: steps.every((step) => before(safetyPlan, step)),
      bothBeforeStepsHeading: before(help, stepsHeading) && before(safetyPlan, stepsHeading),
      supportTitle: main?.querySelector('#plan-support-title')?.textContent?.trim() ?? '',
    };
  });
}

interface ApiPlan {
  recommendation: { level: string; reasons: string[] } | null;
  support: { kind: string }[];
  steps: { id: string; exerciseId: string; status: string; minutes: number }[];
  minutes: { planned: number; budget: number };
  paused: { exerciseIds: string[]; reason: string } | null;
}

function planFromApi(page: Page): Promise<ApiPlan> {
  return pageApi<ApiPlan>(page, '/api/plan?timeZone=UTC');
}

describe.skipIf(!chromiumPath)(
  'the weekly plan: stepped care, and its controls by keyboard',
  () => {
    const env = useServerAndBrowser();

    async function expectAccessible(page: Page, name: string) {
      await page.waitForLoadState('networkidle');
      const violations = await axeViolations(page);
      expect(violations, `${name}:\n${describeViolations(violations)}`).toEqual([]);
      expect(await page.locator('header a[href="/help"]').count(), `${name}: Get help now`).toBe(1);
    }

    async function openPlan(page: Page) {
      await page.goto(`${env.server.origin}/plan`, { waitUntil: 'networkidle' });
      await expect.poll(() => page.locator('.plan-step').count()).toBeGreaterThanOrEqual(3);
    }

    /** The urgent plan as the page shows it: help first, a short gentle week, and why. */
    async function expectUrgentPlan(page: Page, name: string, careReason: string) {
      await openPlan(page);
      const order = await supportBeforeSteps(page);
      expect(order.supportTitle).toBe(t('plan.support.urgentTitle'));
      expect(order.help).toBe(t('layout.getHelpNow'));
      expect(order.safetyPlan).toBe(t('layout.nav.safetyPlan'));
      expect(order.helpFirst, 'Get help now before the safety plan').toBe(true);
      expect(order.helpBeforeEveryStep, 'Get help now before every step').toBe(true);
      expect(order.safetyPlanBeforeEveryStep, 'the safety plan before every step').toBe(true);
      expect(order.bothBeforeStepsHeading).toBe(true);
      // While things are this hard, the week has three steps only.
      expect(order.steps).toBe(3);

      // No exposure-type exercise, nor one marked unsafe to practise, is offered.
      const titles = (await stepCards(page)).map((card) => card.title);
      for (const exercise of PAUSED_WHEN_URGENT) expect(titles, name).not.toContain(exercise.title);
      for (const title of titles) {
        const exercise = exerciseTitled(title);
        expect(exercise.exposure, `${title} is exposure`).toBe(false);
        expect(exercise.pausedWhenUnsafe, `${title} is paused when unsafe`).toBe(false);
      }
      const plan = await planFromApi(page);
      expect(plan.recommendation?.level).toBe('urgent');
      expect(plan.support.slice(0, 2).map((item) => item.kind)).toEqual([
        'get-help-now',
        'safety-plan',
      ]);
      expect([...(plan.paused?.exerciseIds ?? [])].sort()).toEqual(
        PAUSED_WHEN_URGENT.map((exercise) => exercise.id).sort(),
      );
      for (const step of plan.steps) {
        expect(plan.paused?.exerciseIds, name).not.toContain(step.exerciseId);
      }

      // The page says kindly why: the level, the reason, gentle steps, and what is paused.
      const text = await page.locator('main').innerText();
      expect(text).toContain(t('plan.level.urgent.title'));
      expect(text).toContain(t('plan.level.urgent.text'));
      expect(text).toContain(careReason);
      expect(text).toContain(t('plan.pace.urgent'));
      expect(await page.locator('main .notice').first().innerText()).toBe(t('plan.paused.urgent'));
      expect(text).toContain('that is nobody’s fault');
      await expectAccessible(page, name);
    }

    it('puts Get help now and the safety plan first and pauses exposure after a worrying safety answer', async () => {
      const { context, requests, consoleErrors } = await newContext(env.browser);
      const origin = env.server.origin;
      const page = await context.newPage();
      await signUpAndConsent(
        page,
        origin,
        `kestrel_${Date.now().toString(36)}`,
        'a kestrel hovers over the verge',
      );

      // Trust answered as hard as it gets (its gentlest exercises are paused when urgent), and
      // "Yes" to thoughts of hurting oneself.
      await takeClosenessCheck(
        page,
        origin,
        closenessCheckAnswers({
          hardest: ['trust'],
          middle: ['avoidance', 'sharing', 'anxiety'],
          worrying: ['safety-self-harm'],
        }),
      );
      await expect.poll(async () => (await alertPlacement(page))?.level).toBe('crisis');

      await expectUrgentPlan(page, 'urgent plan after the Check', t('plan.care.crisis-answer'));
      expect(await page.locator('main').innerText()).not.toContain(
        t('plan.care.crisis-in-writing'),
      );

      expect(requests.filter((url) => !url.startsWith(origin))).toEqual([]);
      expect(consoleErrors).toEqual([]);
      await context.close();
    }, 120_000);

    it('gives the urgent plan when recent writing sounded like a crisis, though the Check did not', async () => {
      const { context, requests, consoleErrors } = await newContext(env.browser);
      const origin = env.server.origin;
      const page = await context.newPage();
      await signUpAndConsent(
        page,
        origin,
        `plover_${Date.now().toString(36)}`,
        'a plover runs along the tideline',
      );

      // A journal entry in crisis language, saved as a person would.
      await page.goto(`${origin}/journal/new`, { waitUntil: 'networkidle' });
      await page.getByLabel(t('journal.text.label')).fill(CRISIS_PHRASE);
      await page.getByRole('button', { name: t('journal.save') }).click();
      await page.waitForURL((url) => /^\/journal\/(?!new$)[^/]+$/.test(url.pathname));
      await expect.poll(async () => (await alertPlacement(page))?.level).toBe('crisis');

      // The Check itself has no worrying safety answer.
      const answers = closenessCheckAnswers({
        hardest: ['trust'],
        middle: ['avoidance', 'sharing', 'anxiety'],
      });
      expect(answers['safety-self-harm']).toBe(0);
      await takeClosenessCheck(page, origin, answers);
      expect(await alertPlacement(page)).toBeNull();

      await expectUrgentPlan(
        page,
        'urgent plan after crisis writing',
        t('plan.care.crisis-in-writing'),
      );
      // Nothing the person wrote is quoted back, and the Check is not said to have raised it.
      const text = await page.locator('main').innerText();
      expect(text).not.toContain(CRISIS_PHRASE);
      expect(text).not.toContain(t('plan.care.crisis-answer'));

      expect(requests.filter((url) => !url.startsWith(origin))).toEqual([]);
      expect(consoleErrors).toEqual([]);
      await context.close();
    }, 120_000);

    it('swaps a step, leaves one for this week and reshapes the plan by keyboard alone', async () => {
      const { context, requests, consoleErrors } = await newContext(env.browser);
      const origin = env.server.origin;
      const page = await context.newPage();
      await signUpAndConsent(
        page,
        origin,
        `linnet_${Date.now().toString(36)}`,
        'a linnet sings on the gorse',
      );
      await takeClosenessCheck(
        page,
        origin,
        closenessCheckAnswers({ hardest: ['trust'], middle: ['avoidance', 'sharing', 'anxiety'] }),
      );
      // From here on, no mouse: only Tab, Shift+Tab, Enter, Space and typing.
      await openPlan(page);
      await expectAccessible(page, 'plan, before any change');
      const start = await minutesShown(page);
      expect(start.budget).toBe(60);

      // 1. Swap a step: the first one not about the topic left out later.
      const before = await stepCards(page);
      const first = before.find((card) => !touchesAvoidedTopic(exerciseTitled(card.title)));
      if (!first) throw new Error('no step to swap');
      const oldExercise = exerciseTitled(first.title);
      expect(
        await tabUntil(page, isStepButton, {
          headingId: first.headingId,
          text: t('plan.step.swap'),
        }),
        'Tab to Swap for another',
      ).toBeGreaterThan(0);
      await expectFocusShownIn(page, 'Swap for another, before pressing');
      await page.keyboard.press('Enter');
      await expect
        .poll(async () => (await stepCards(page)).map((card) => card.title))
        .not.toContain(first.title);
      // Focus lands on the step that came in, visibly.
      await expect.poll(async () => (await focused(page)).id).toMatch(/^plan-step-/);
      const swappedIn = (await stepCards(page)).find((card) =>
        card.reason.startsWith('You swapped'),
      );
      if (!swappedIn) throw new Error('no swapped-in step');
      expect((await focused(page)).id).toBe(swappedIn.headingId);
      expect((await focused(page)).text).toBe(swappedIn.title);
      await expectFocusShownIn(page, 'after a swap');
      // Another exercise for the same need, and the reason says so.
      const newExercise = exerciseTitled(swappedIn.title);
      expect(newExercise.id).not.toBe(oldExercise.id);
      // The reason may go on with a note on how to practise it.
      const said = /^You swapped (.+) for (.+), which also helps with ([^.]+)\.(?: .+)?$/.exec(
        swappedIn.reason,
      );
      expect(said, swappedIn.reason).not.toBeNull();
      expect(said?.[1]?.toLowerCase()).toContain(oldExercise.title.toLowerCase());
      expect(said?.[2]?.toLowerCase()).toContain(newExercise.title.toLowerCase());
      const need = needNamed(said?.[3] ?? '');
      expect(need, `a need in "${swappedIn.reason}"`).toBeDefined();
      if (!need) return;
      // The step it replaced was there for that same need, and both exercises help with it.
      expect(first.reason.toLowerCase()).toContain(t(`plan.need.${need}`).toLowerCase());
      expect(oldExercise.targets).toContain(need);
      expect(newExercise.targets).toContain(need);
      expect((await stepCards(page)).length).toBe(before.length);
      await expectAccessible(page, 'plan, after a swap');

      // 2. "Not this week" on a later step still to do: from the focused heading, Tab on to
      // its button.
      const afterSwap = await stepCards(page);
      const toSkip = afterSwap.find(
        (card) =>
          card.headingId !== swappedIn.headingId &&
          card.buttons.includes(t('plan.step.skip')) &&
          !touchesAvoidedTopic(exerciseTitled(card.title)),
      );
      if (!toSkip) throw new Error('no step to leave for this week');
      const skippedMinutes = exerciseTitled(toSkip.title).minutes;
      const beforeSkip = await minutesShown(page);
      expect(await isAfterFocus(page, `#${toSkip.headingId}`)).toBe(true);
      expect(
        await tabUntil(page, isStepButton, {
          headingId: toSkip.headingId,
          text: t('plan.step.skip'),
        }),
        'Tab to Not this week',
      ).toBeGreaterThan(0);
      await expectFocusShownIn(page, 'Not this week, before pressing');
      await page.keyboard.press('Space');
      await expect
        .poll(
          async () => (await stepCards(page)).find((card) => card.title === toSkip.title)?.status,
        )
        .toBe(t('plan.status.skipped'));
      const skipped = (await stepCards(page)).find((card) => card.title === toSkip.title);
      // It keeps its place, with nothing left to press but Start; its minutes no longer count.
      expect(skipped?.buttons).toEqual([]);
      expect((await stepCards(page)).length).toBe(afterSwap.length);
      expect(await minutesShown(page)).toEqual({
        planned: beforeSkip.planned - skippedMinutes,
        budget: 60,
      });
      const skippedStep = (await planFromApi(page)).steps.find(
        (step) => step.exerciseId === exerciseTitled(toSkip.title).id,
      );
      expect(skippedStep?.status).toBe('skipped');
      await expect.poll(async () => (await focused(page)).id).toBe(toSkip.headingId);
      await expectFocusShownIn(page, 'after Not this week');
      expect(await page.locator(`#${toSkip.headingId}`).locator('xpath=..').innerText()).toContain(
        t('plan.status.skipped'),
      );
      await expectAccessible(page, 'plan, after Not this week');

      // 3. Fewer minutes a week, and a topic left out.
      const beforePreferences = await minutesShown(page);
      const avoidedLabel = translate(topicLabelKey(AVOIDED_TOPIC));
      const avoided = CATALOGUE.filter((exercise) => exercise.topics.includes(AVOIDED_TOPIC));
      const titlesBefore = (await stepCards(page)).map((card) => card.title);
      expect(
        titlesBefore.some((title) => avoided.some((exercise) => exercise.title === title)),
        'the plan has an exercise of the topic about to be left out',
      ).toBe(true);
      expect(
        await tabUntilFocused(page, '.plan-preferences summary', 80),
        'Tab to the preferences',
      ).toBeGreaterThan(0);
      await expectFocusShownIn(page, 'preferences summary');
      await page.keyboard.press('Enter');
      await expect
        .poll(() => page.locator('details.plan-preferences').getAttribute('open'))
        .toBe('');
      await page.keyboard.press('Tab');
      expect((await focused(page)).id).toBe('plan-minutes');
      await expectFocusShownIn(page, 'minutes a week');
      // The topic first, then back with Shift+Tab to the minutes.
      expect(
        await tabUntil(page, isCheckboxLabelled, avoidedLabel),
        'Tab to the topic',
      ).toBeGreaterThan(0);
      await expectFocusShownIn(page, 'topic checkbox');
      await page.keyboard.press('Space');
      expect(await page.getByLabel(avoidedLabel).isChecked()).toBe(true);
      expect(
        await tabUntil(page, (element) => element.id === 'plan-minutes', null, 'Shift+Tab'),
        'Shift+Tab back to the minutes',
      ).toBeGreaterThan(0);
      await expectFocusShownIn(page, 'minutes a week, again');
      await page.keyboard.press('ControlOrMeta+A');
      await page.keyboard.type('30');
      expect(await page.locator('#plan-minutes').inputValue()).toBe('30');
      await expectAccessible(page, 'plan, preferences open');
      expect(
        await tabUntilFocused(page, '.plan-preferences button[type="submit"]', 80),
        'Tab to Save',
      ).toBeGreaterThan(0);
      await page.keyboard.press('Enter');
      await expect
        .poll(() => page.locator('.plan-preferences [role="status"]').innerText())
        .toBe(t('plan.preferences.saved'));
      await expect.poll(async () => (await minutesShown(page)).budget).toBe(30);

      // The avoided topic's exercises are gone, and fewer minutes are planned.
      const titlesAfter = (await stepCards(page)).map((card) => card.title);
      for (const exercise of avoided) expect(titlesAfter).not.toContain(exercise.title);
      const afterPreferences = await minutesShown(page);
      expect(afterPreferences.planned).toBeLessThan(beforePreferences.planned);
      // The week is already over 30 minutes, so nothing new is brought in: the steps left out
      // take their minutes with them.
      expect(titlesAfter.every((title) => titlesBefore.includes(title))).toBe(true);
      const leftOut = titlesBefore.filter((title) => !titlesAfter.includes(title));
      expect(leftOut.length).toBeGreaterThan(0);
      expect(afterPreferences.planned).toBe(
        beforePreferences.planned -
          leftOut.reduce((sum, title) => sum + exerciseTitled(title).minutes, 0),
      );
      const plan = await planFromApi(page);
      for (const step of plan.steps) {
        const exercise = CATALOGUE.find((candidate) => candidate.id === step.exerciseId);
        expect(exercise?.topics, step.exerciseId).not.toContain(AVOIDED_TOPIC);
      }
      expect(plan.minutes).toEqual({ planned: afterPreferences.planned, budget: 30 });
      // The swap and the skip still stand.
      expect(titlesAfter).toContain(swappedIn.title);
      expect(titlesAfter).not.toContain(first.title);
      expect((await stepCards(page)).find((card) => card.title === toSkip.title)?.status).toBe(
        t('plan.status.skipped'),
      );
      expect(await page.getByLabel(avoidedLabel).isChecked()).toBe(true);
      expect(await page.locator('#plan-minutes').inputValue()).toBe('30');
      // Where focus goes after saving is checked on its own, in the next test: today it is
      // lost to the page body.
      await expectAccessible(page, 'plan, after new preferences');

      expect(requests.filter((url) => !url.startsWith(origin))).toEqual([]);
      expect(consoleErrors).toEqual([]);
      await context.close();
    }, 180_000);

    // Buttons that are busy (saving) are marked aria-disabled rather than disabled
    // (BusyButton): a disabled button drops keyboard focus to the top of the page.
    it('keeps focus on the page after saving the preferences by keyboard', async () => {
      const { context, consoleErrors } = await newContext(env.browser);
      const origin = env.server.origin;
      const page = await context.newPage();
      await signUpAndConsent(
        page,
        origin,
        `siskin_${Date.now().toString(36)}`,
        'a siskin hangs from the alder cone',
      );
      await takeClosenessCheck(
        page,
        origin,
        closenessCheckAnswers({
          hardest: ['trust'],
          middle: ['avoidance', 'sharing', 'anxiety'],
        }),
      );
      await openPlan(page);
      expect(await tabUntilFocused(page, '.plan-preferences summary', 80)).toBeGreaterThan(0);
      await page.keyboard.press('Enter');
      await page.keyboard.press('Tab');
      expect((await focused(page)).id).toBe('plan-minutes');
      await page.keyboard.press('ControlOrMeta+A');
      await page.keyboard.type('45');
      expect(
        await tabUntilFocused(page, '.plan-preferences button[type="submit"]', 80),
      ).toBeGreaterThan(0);
      await page.keyboard.press('Enter');
      await expect
        .poll(() => page.locator('.plan-preferences [role="status"]').innerText())
        .toBe(t('plan.preferences.saved'));
      await expect.poll(async () => (await minutesShown(page)).budget).toBe(45);
      expect(consoleErrors).toEqual([]);
      // Focus stays somewhere sensible (the Save button, or the message that says it is
      // saved), visibly, and not on the page body.
      await expectFocusShownIn(page, 'after saving the preferences');
      await context.close();
    }, 120_000);
  },
);
