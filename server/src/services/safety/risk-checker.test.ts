import { describe, expect, it } from 'vitest';
import { assessRisk } from '../../../../core/safety/risk';
import { inlineRiskChecker, workerRiskChecker } from './risk-checker';

const long = (sentence: string) =>
  `${'Today was ordinary, work then tea with my sister. '.repeat(5)}${sentence}`;
const TEXTS = [
  long('I want to die and I have the tablets ready.'),
  long('He makes me hand over my wages every Friday.'),
  long('Nothing ever seems to get any better, whatever I try.'),
  long('We walked by the river and I felt calm for once.'),
  'I want to die.',
];

/** Waits until the pool's worker has started (it loads the rules on its own thread). */
async function warm(checker: ReturnType<typeof workerRiskChecker>): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (checker.stats().ready === 0 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  expect(checker.stats().ready).toBe(1);
}

describe('the risk checker', () => {
  it('inline: the same assessment as core', async () => {
    for (const text of TEXTS)
      expect(await inlineRiskChecker.assess(text)).toEqual(assessRisk(text));
  });

  it('in a worker: the same assessment as core, for many texts at once', async () => {
    const checker = workerRiskChecker(1);
    try {
      // Before the worker is ready, texts are checked on this thread: nothing waits.
      expect(await checker.assess(TEXTS[0] ?? '')).toEqual(assessRisk(TEXTS[0] ?? ''));
      await warm(checker);
      const many = Array.from({ length: 40 }, (_, index) => TEXTS[index % TEXTS.length] ?? '');
      const answers = await Promise.all(many.map((text) => checker.assess(text)));
      answers.forEach((answer, index) => expect(answer).toEqual(assessRisk(many[index] ?? '')));
      expect(answers[0]?.level).toBe('crisis');
      expect(answers[1]?.level).toBe('safeguarding');
      // Every long text was checked in the worker; the short one on this thread.
      expect(checker.stats().checkedInWorkers).toBe(32);
      expect(checker.stats().restarts).toBe(0);
    } finally {
      await checker.close();
    }
  }, 30_000);

  it('still checks every text when the pool is closed with texts in flight', async () => {
    const checker = workerRiskChecker(1);
    await warm(checker);
    const inFlight = Array.from({ length: 20 }, () => checker.assess(TEXTS[0] ?? ''));
    await checker.close();
    for (const answer of await Promise.all(inFlight)) expect(answer.level).toBe('crisis');
    // After closing, checks still answer (on the calling thread).
    expect((await checker.assess(TEXTS[1] ?? '')).level).toBe('safeguarding');
  }, 30_000);
});
