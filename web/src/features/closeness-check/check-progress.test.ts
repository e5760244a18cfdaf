import { describe, expect, it } from 'vitest';
import { CURRENT_CLOSENESS_CHECK } from '../../../../core/assessment/closeness-check.definition';
import { completionOf } from '../../../../core/assessment/scoring';
import type { CheckDefinition, CheckDraft } from '../../api/types';
import {
  acceptedAnswers,
  answeredCount,
  deviceCopy,
  resumeScreen,
  screensOf,
  startingPoint,
  type LocalCheckDraft,
} from './check-progress';
import { safetyFromAnswers } from './check-safety';

/** The definition as the API serves it: the same data, as JSON. */
const definition = JSON.parse(JSON.stringify(CURRENT_CLOSENESS_CHECK)) as CheckDefinition;
const ids = definition.items.map((item) => item.id);

function answered(count: number, value = 3): Record<string, number> {
  return Object.fromEntries(ids.slice(0, count).map((id) => [id, value]));
}

function serverDraft(answers: Record<string, number>, version = definition.version): CheckDraft {
  return {
    version,
    answers,
    updatedAt: '2026-12-01T10:00:00.000Z',
    completion: completionOf(answers, CURRENT_CLOSENESS_CHECK),
  };
}

function local(answers: Record<string, number>, synced: boolean, screen = 3): LocalCheckDraft {
  return { version: definition.version, answers, screen, synced };
}

describe('screens of the Check', () => {
  it('shows four questions a screen, then the safety questions on a screen of their own', () => {
    const screens = screensOf(definition);
    expect(screens).toHaveLength(9);
    expect(screens.slice(0, 8).every((screen) => screen.kind === 'items')).toBe(true);
    expect(screens.map((screen) => (screen.kind === 'items' ? screen.first : 'safety'))).toEqual([
      1,
      5,
      9,
      13,
      17,
      21,
      25,
      29,
      'safety',
    ]);
    expect(screens[8]?.kind === 'safety' && screens[8].questions).toHaveLength(3);
  });

  it('counts scored and safety questions together', () => {
    expect(answeredCount(definition, { ...answered(10), 'safety-self-harm': 0 })).toEqual({
      answered: 11,
      total: 35,
    });
  });
});

describe('where a Check carries on', () => {
  it('starts at the first screen when nothing is answered', () => {
    expect(resumeScreen(definition, {})).toBe(0);
  });

  it('goes to the screen after the last one finished, leaving earlier skips alone', () => {
    const answers = answered(16);
    delete answers[ids[2] as string];
    expect(resumeScreen(definition, answers)).toBe(4);
  });

  it('stays on a screen that is only part answered', () => {
    expect(resumeScreen(definition, answered(14))).toBe(3);
  });

  it('goes to the safety screen once every scored question is answered', () => {
    expect(resumeScreen(definition, answered(32))).toBe(8);
    expect(resumeScreen(definition, { ...answered(32), 'safety-self-harm': 0 })).toBe(8);
  });
});

describe('answers kept on the device and on the server', () => {
  it('prefers answers the server never confirmed: they are the newest, and are sent', () => {
    const start = startingPoint(
      definition,
      local(answered(17), false, 4),
      serverDraft(answered(16)),
    );
    expect(start.answers).toEqual(answered(17));
    expect(start.screen).toBe(4);
    expect(start.needsSending).toBe(true);
  });

  it('prefers the server once this device is in step, as another device may have carried on', () => {
    const start = startingPoint(definition, local(answered(8), true, 2), serverDraft(answered(20)));
    expect(start.answers).toEqual(answered(20));
    // The screen seen here no longer matches what was answered elsewhere.
    expect(start.screen).toBeNull();
    expect(start.needsSending).toBe(false);
  });

  it('keeps the screen seen last when this device and the server agree', () => {
    const start = startingPoint(definition, local(answered(8), true, 1), serverDraft(answered(8)));
    expect(start.screen).toBe(1);
  });

  it('drops a copy in step with a server that has no draft any more (sent or cleared elsewhere)', () => {
    const start = startingPoint(definition, local(answered(8), true), null);
    expect(start.answers).toEqual({});
    expect(start.needsSending).toBe(false);
  });

  it('sets aside a draft of another version, and says so', () => {
    const start = startingPoint(definition, null, serverDraft(answered(8), definition.version + 1));
    expect(start.answers).toEqual({});
    expect(start.versionChanged).toBe(true);
  });

  it('keeps only answers this version accepts', () => {
    expect(
      acceptedAnswers(definition, {
        [ids[0] as string]: 5,
        [ids[1] as string]: 6,
        [ids[2] as string]: 2.5,
        'not-a-question': 1,
        'safety-self-harm': 2,
        'safety-partner-fear': 3,
        __proto__: 1,
      }),
    ).toEqual({ [ids[0] as string]: 5, 'safety-self-harm': 2 });
    expect(acceptedAnswers(definition, null)).toEqual({});
  });
});

describe('help shown while the safety questions are answered', () => {
  it('shows nothing for "No" or "I would rather not say"', () => {
    const safety = safetyFromAnswers(
      definition,
      { 'safety-self-harm': 0, 'safety-partner-fear': 2 },
      'GB',
    );
    expect(safety.level).toBe('none');
    expect(safety.resources).toEqual([]);
  });

  it('shows crisis help, emergency number first, for thoughts of self-harm', () => {
    const safety = safetyFromAnswers(definition, { 'safety-self-harm': 1 }, 'GB');
    expect(safety.level).toBe('crisis');
    expect(safety.resources[0]?.need).toBe('emergency');
    expect(safety.resources.some((line) => line.group === 'safeguarding')).toBe(false);
  });

  it('shows specialist help for fear of a partner, never crisis lines alone', () => {
    const safety = safetyFromAnswers(definition, { 'safety-partner-control': 1 }, 'GB');
    expect(safety.level).toBe('safeguarding');
    expect(safety.resources[0]?.need).toBe('emergency');
    expect(safety.resources.some((line) => line.need.startsWith('domestic-abuse'))).toBe(true);
    expect(safety.resources.some((line) => line.need === 'crisis')).toBe(false);
  });

  it('puts crisis first when both are worrying, and keeps the specialist lines', () => {
    const safety = safetyFromAnswers(
      definition,
      { 'safety-self-harm': 1, 'safety-partner-fear': 1 },
      'US',
    );
    expect(safety.level).toBe('crisis');
    expect(safety.resources.some((line) => line.group === 'safeguarding')).toBe(true);
    expect(safety.resources[0]?.contacts[0]?.number).toBe('911');
  });
});

describe('the copy kept on this device', () => {
  const withSafety = { ...answered(32), 'safety-self-harm': 1, 'safety-partner-fear': 0 };

  it('keeps safety answers only until the server has confirmed them', () => {
    expect(deviceCopy(definition, local(withSafety, false)).answers).toEqual(withSafety);
    const confirmed = deviceCopy(definition, local(withSafety, true)).answers;
    expect(confirmed).toEqual(answered(32));
    expect(Object.keys(confirmed).some((id) => id.startsWith('safety-'))).toBe(false);
  });

  it('still opens on the screen seen last when only the safety answers are left out', () => {
    const start = startingPoint(
      definition,
      deviceCopy(definition, local(withSafety, true, 8)),
      serverDraft(withSafety),
    );
    expect(start.answers).toEqual(withSafety);
    expect(start.screen).toBe(8);
    expect(start.needsSending).toBe(false);
  });
});
