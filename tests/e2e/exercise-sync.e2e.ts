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
import { pageApi, signIn, signUpAndConsent } from './support/journeys';

/**
 * An exercise carried across devices: a thought record begun in one browser profile is
 * carried on and finished in a brand-new one (nothing on the device); two profiles writing in
 * the same field see both versions and choose, losing nothing. The paced-breathing guide
 * moves with normal motion and stays still with reduced motion, its words advancing either
 * way, started and stopped from the keyboard. axe-core runs on each view.
 */

const SAVED = 'Saved.';
const PASSWORD = 'a heron waits by the weir';

interface Entry {
  id: string;
  status: string;
  revision: number;
  values: Record<string, Record<string, unknown>>;
}

async function expectAccessible(page: Page, name: string) {
  const violations = await axeViolations(page);
  expect(violations, `${name}:\n${describeViolations(violations)}`).toEqual([]);
}

const saveStatus = (page: Page) => page.locator('.check-status').innerText();

async function thoughtRecordEntries(page: Page): Promise<Entry[]> {
  return (await pageApi<{ entries: Entry[] }>(page, '/api/exercises/thought-record/entries'))
    .entries;
}

describe.skipIf(!chromiumPath)('exercises across devices', () => {
  const env = useServerAndBrowser();

  it('carries a thought record on in a brand-new browser profile and finishes it there', async () => {
    const origin = env.server.origin;
    const username = `heron_${Date.now().toString(36)}`;
    const situation = 'At the bus stop, Sam did not text back.';
    const thought = 'They are tired of me.';

    // Device A: write part of it, wait for "Saved.", close the profile.
    const a = await newContext(env.browser);
    const pageA = await a.context.newPage();
    await signUpAndConsent(pageA, origin, username, PASSWORD);
    await pageA.goto(`${origin}/exercises/thought-record`, { waitUntil: 'networkidle' });
    await pageA.getByRole('button', { name: 'Start' }).click();
    await pageA.getByLabel('Where were you, who was there, and what happened?').fill(situation);
    await expect.poll(() => saveStatus(pageA), { timeout: 10_000 }).toBe(SAVED);
    await pageA.goto(`${origin}/exercises/thought-record?step=3`, { waitUntil: 'networkidle' });
    await pageA.getByLabel('The thought', { exact: true }).fill(thought);
    await expect.poll(() => saveStatus(pageA), { timeout: 10_000 }).toBe(SAVED);
    expect(a.consoleErrors).toEqual([]);
    await a.context.close();

    // Device B: nothing stored on it; sign in, open the thought record, carry on.
    const b = await newContext(env.browser);
    const pageB = await b.context.newPage();
    await signIn(pageB, origin, username, PASSWORD);
    expect(
      await pageB.evaluate(() => Object.keys(localStorage).filter((key) => key.includes('draft'))),
    ).toEqual([]);
    await pageB.goto(`${origin}/exercises/thought-record`, { waitUntil: 'networkidle' });
    await expect.poll(() => pageB.getByRole('button', { name: 'Carry on' }).count()).toBe(1);
    await pageB.getByRole('button', { name: 'Carry on' }).click();
    await pageB.goto(`${origin}/exercises/thought-record?step=1`, { waitUntil: 'networkidle' });
    expect(
      await pageB.getByLabel('Where were you, who was there, and what happened?').inputValue(),
    ).toBe(situation);
    await pageB.goto(`${origin}/exercises/thought-record?step=3`, { waitUntil: 'networkidle' });
    const thoughtField = pageB.getByLabel('The thought', { exact: true });
    expect(await thoughtField.inputValue()).toBe(thought);
    await thoughtField.fill(`${thought} Or they are busy at work.`);
    await expect.poll(() => saveStatus(pageB), { timeout: 10_000 }).toBe(SAVED);

    // Finish on B.
    await pageB.goto(`${origin}/exercises/thought-record?step=done`, { waitUntil: 'networkidle' });
    await pageB.getByRole('button', { name: 'Finish' }).click();
    await expect
      .poll(() => pageB.getByText('Finished and saved.').count(), { timeout: 10_000 })
      .toBe(1);
    const entries = await thoughtRecordEntries(pageB);
    expect(entries).toHaveLength(1);
    expect(entries[0]?.status).toBe('completed');
    expect(entries[0]?.values).toMatchObject({
      situation: { situation },
      thought: { thought: `${thought} Or they are busy at work.` },
    });
    expect(b.consoleErrors).toEqual([]);
    await b.context.close();
  }, 180_000);

  it('shows both versions when two devices write in the same field, and keeps both', async () => {
    const origin = env.server.origin;
    const username = `wren_${Date.now().toString(36)}`;
    const situationLabel = 'Where were you, who was there, and what happened?';

    const phone = await newContext(env.browser);
    const pagePhone = await phone.context.newPage();
    await signUpAndConsent(pagePhone, origin, username, PASSWORD);
    await pagePhone.goto(`${origin}/exercises/thought-record`, { waitUntil: 'networkidle' });
    await pagePhone.getByRole('button', { name: 'Start' }).click();
    await pagePhone.getByLabel(situationLabel).fill('At dinner.');
    await expect.poll(() => saveStatus(pagePhone), { timeout: 10_000 }).toBe(SAVED);

    // The laptop opens the same draft.
    const laptop = await newContext(env.browser);
    const pageLaptop = await laptop.context.newPage();
    await signIn(pageLaptop, origin, username, PASSWORD);
    await pageLaptop.goto(`${origin}/exercises/thought-record`, { waitUntil: 'networkidle' });
    await pageLaptop.getByRole('button', { name: 'Carry on' }).click();
    await pageLaptop.goto(`${origin}/exercises/thought-record?step=1`, {
      waitUntil: 'networkidle',
    });
    expect(await pageLaptop.getByLabel(situationLabel).inputValue()).toBe('At dinner.');

    // The phone carries on first; then the laptop writes in the same field.
    const fromPhone = 'At dinner with Alex, who looked at their phone all evening.';
    const fromLaptop = 'At dinner. I went quiet and felt invisible.';
    await pagePhone.getByLabel(situationLabel).fill(fromPhone);
    await expect.poll(() => saveStatus(pagePhone), { timeout: 10_000 }).toBe(SAVED);
    await pageLaptop.getByLabel(situationLabel).fill(fromLaptop);

    // The laptop sees both versions, announced politely, and nothing is overwritten.
    const conflict = pageLaptop.locator('[aria-labelledby="exercise-conflict-title"]');
    await expect.poll(() => conflict.count(), { timeout: 10_000 }).toBe(1);
    const shown = await conflict.innerText();
    expect(shown).toContain(fromPhone);
    expect(shown).toContain(fromLaptop);
    expect(
      await pageLaptop.locator('[role="status"][aria-live="polite"]').first().innerText(),
    ).toContain('changed on another device');
    expect(await saveStatus(pageLaptop)).toContain('changed on another device');
    const stored = await thoughtRecordEntries(pageLaptop);
    expect(stored[0]?.values.situation?.situation).toBe(fromPhone);
    await expectAccessible(pageLaptop, 'the conflict view');

    // Chosen with the keyboard: keep both, then use the choices.
    const both = 'input[type="radio"][value="both"]';
    expect(
      await tabUntilFocused(pageLaptop, 'input[type="radio"][name="conflict-0"]', 60),
    ).toBeGreaterThan(0);
    await pageLaptop.focus(both);
    await pageLaptop.keyboard.press('Space');
    expect(await pageLaptop.isChecked(both)).toBe(true);
    await pageLaptop.getByRole('button', { name: 'Use my choices' }).focus();
    await pageLaptop.keyboard.press('Enter');
    await expect.poll(() => conflict.count()).toBe(0);
    await expect.poll(() => saveStatus(pageLaptop), { timeout: 10_000 }).toBe(SAVED);
    const kept = await pageLaptop.getByLabel(situationLabel).inputValue();
    expect(kept).toContain(fromPhone);
    expect(kept).toContain(fromLaptop);
    const after = await thoughtRecordEntries(pageLaptop);
    expect(after).toHaveLength(1);
    expect(after[0]?.values.situation?.situation).toBe(kept);
    await expectAccessible(pageLaptop, 'after choosing');

    // The phone, reopened, has both too: its older copy merges with the newer server copy.
    await pagePhone.goto(`${origin}/exercises/thought-record?step=1`, { waitUntil: 'networkidle' });
    await expect
      .poll(() => pagePhone.getByLabel(situationLabel).inputValue(), { timeout: 10_000 })
      .toBe(kept);
    expect(await pagePhone.locator('[aria-labelledby="exercise-conflict-title"]').count()).toBe(0);

    expect(phone.consoleErrors).toEqual([]);
    expect(laptop.consoleErrors).toEqual([]);
    await phone.context.close();
    await laptop.context.close();
  }, 180_000);
});

describe.skipIf(!chromiumPath)('the paced-breathing guide', () => {
  const env = useServerAndBrowser();

  /** Starts the guide from the keyboard and samples the circle and the words for a while. */
  async function breathe(page: Page) {
    await page.goto(`${env.server.origin}/exercises/paced-breathing?step=2`, {
      waitUntil: 'networkidle',
    });
    const start = page.locator('.breathing button[aria-pressed]');
    await expect.poll(() => start.count()).toBe(1);
    expect(await tabUntilFocused(page, '.breathing button[aria-pressed]')).toBeGreaterThan(0);
    await page.keyboard.press('Enter');
    expect(await start.getAttribute('aria-pressed')).toBe('true');
    const samples: { transform: string; display: string; cue: string }[] = [];
    for (let index = 0; index < 12; index += 1) {
      samples.push(
        await page.evaluate(() => {
          const circle = document.querySelector('.breathing__circle');
          const style = circle ? getComputedStyle(circle) : null;
          return {
            transform: style?.transform ?? '',
            display: style?.display ?? '',
            cue: document.querySelector('.breathing__cue')?.textContent ?? '',
          };
        }),
      );
      await page.waitForTimeout(500);
    }
    await expectAccessible(page, 'the breathing guide, running');
    // Stopped from the keyboard too.
    await start.focus();
    await page.keyboard.press('Space');
    expect(await start.getAttribute('aria-pressed')).toBe('false');
    expect(await page.locator('.breathing__cue').innerText()).toContain('Paused');
    return samples;
  }

  it('moves the circle with normal motion, and the words advance', async () => {
    const { context, consoleErrors } = await newContext(env.browser, {
      reducedMotion: 'no-preference',
    });
    const page = await context.newPage();
    await signUpAndConsent(page, env.server.origin, `lark_${Date.now().toString(36)}`, PASSWORD);
    const samples = await breathe(page);
    const transforms = new Set(samples.map((sample) => sample.transform));
    expect(samples.every((sample) => sample.display !== 'none')).toBe(true);
    // The scale really changes over time, through values between the two ends.
    expect(transforms.size, [...transforms].join(' | ')).toBeGreaterThan(2);
    const cues = new Set(samples.map((sample) => sample.cue));
    expect(cues.size).toBeGreaterThan(3);
    expect([...cues].some((cue) => cue.startsWith('Breathe in'))).toBe(true);
    expect(consoleErrors).toEqual([]);
    await context.close();
  }, 120_000);

  it('keeps still with reduced motion, and the words still advance', async () => {
    const { context, consoleErrors } = await newContext(env.browser, { reducedMotion: 'reduce' });
    const page = await context.newPage();
    await signUpAndConsent(page, env.server.origin, `stoat_${Date.now().toString(36)}`, PASSWORD);
    const samples = await breathe(page);
    expect(samples.every((sample) => sample.display === 'none')).toBe(true);
    expect(new Set(samples.map((sample) => sample.transform)).size).toBe(1);
    const cues = new Set(samples.map((sample) => sample.cue));
    expect(cues.size).toBeGreaterThan(3);
    expect(await page.getByText('Your device asks for less movement').count()).toBe(1);
    expect(consoleErrors).toEqual([]);
    await context.close();
  }, 120_000);
});
