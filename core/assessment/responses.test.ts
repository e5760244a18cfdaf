import { describe, expect, it } from 'vitest';
import { safetyResponse } from '../safety/safety-response';
import { CURRENT_CLOSENESS_CHECK, SCORED_SUBSCALE_IDS } from './closeness-check.definition';
import { computePsychometrics, describeChange } from './psychometrics';
import {
  changesBetween,
  isResearchReady,
  psychometricsView,
  researchCopy,
  responseSafety,
  retakeAfter,
  RETAKE_BY_DAYS,
  RETAKE_FROM_DAYS,
  safetyAssessment,
  summarise,
} from './responses';
import { scoreClosenessCheck } from './scoring';

const definition = CURRENT_CLOSENESS_CHECK;

/** Every scored item at one level of difficulty, every safety question answered "No". */
function answersAt(level: number, overrides: Record<string, number> = {}): Record<string, number> {
  const answers: Record<string, number> = {};
  for (const item of definition.items) answers[item.id] = item.reverse ? 6 - level : level;
  for (const question of definition.safetyQuestions) answers[question.id] = 0;
  return { ...answers, ...overrides };
}

describe('summarise', () => {
  it('carries the profile of a result with the stored id, time and change', () => {
    const result = scoreClosenessCheck(answersAt(4));
    const summary = summarise({ id: 'r1', createdAt: '2026-12-01T09:00:00.000Z' }, result, null);
    expect(summary).toEqual({
      id: 'r1',
      version: definition.version,
      createdAt: '2026-12-01T09:00:00.000Z',
      scores: result.scores,
      index: result.index,
      bands: result.bands,
      closenessFear: result.closenessFear,
      highest: result.highest,
      completion: result.completion,
      change: null,
    });
    // No safety, no answers: those are added only where they belong.
    expect(summary).not.toHaveProperty('safety');
    expect(summary).not.toHaveProperty('answers');
  });
});

describe('changesBetween', () => {
  const newest = scoreClosenessCheck(answersAt(2));
  const middle = scoreClosenessCheck(answersAt(3));
  const oldest = scoreClosenessCheck(answersAt(4));

  it('compares each response with the one before it; the oldest has no change', () => {
    const changes = changesBetween([newest, middle, oldest], () => null);
    expect(changes).toHaveLength(3);
    expect(changes[0]).toEqual(describeChange(middle, newest, null));
    expect(changes[1]).toEqual(describeChange(oldest, middle, null));
    expect(changes[2]).toBeNull();
    expect(changes[0]?.trust).toMatchObject({ before: 3, after: 2, label: 'not-assessed' });
  });

  it('asks for the figures of the newer response’s version, and passes them on', () => {
    const asked: number[] = [];
    const figures = computePsychometrics([], definition);
    const changes = changesBetween([newest, oldest], (version) => {
      asked.push(version);
      return figures;
    });
    expect(asked).toEqual([definition.version]);
    expect(changes[0]?.avoidance.reason).toBe('too-few-responses');
  });

  it('is empty for no responses, and null for a single one', () => {
    expect(changesBetween([], () => null)).toEqual([]);
    expect(changesBetween([newest], () => null)).toEqual([null]);
  });
});

describe('retakeAfter', () => {
  const latest = '2026-12-01T09:00:00.000Z';

  it('suggests a retake from two weeks and by four weeks after the latest response', () => {
    expect(RETAKE_FROM_DAYS).toBe(14);
    expect(RETAKE_BY_DAYS).toBe(28);
    expect(retakeAfter(latest, new Date(latest))).toEqual({
      suggestedFrom: '2026-12-15T09:00:00.000Z',
      suggestedBy: '2026-12-29T09:00:00.000Z',
      due: false,
    });
  });

  it('is due from the first suggested moment on, not a millisecond before', () => {
    const from = Date.parse('2026-12-15T09:00:00.000Z');
    expect(retakeAfter(latest, new Date(from - 1)).due).toBe(false);
    expect(retakeAfter(latest, new Date(from)).due).toBe(true);
    expect(retakeAfter(latest, new Date(from + 86_400_000 * 30)).due).toBe(true);
  });

  it('counts whole days of elapsed time, whatever the time zone or a clock change in between', () => {
    // Across the UK's change to summer time (29 March 2026).
    const retake = retakeAfter('2026-03-20T23:30:00.000Z', new Date('2026-03-21T00:00:00.000Z'));
    expect(retake.suggestedFrom).toBe('2026-04-03T23:30:00.000Z');
    expect(retake.suggestedBy).toBe('2026-04-17T23:30:00.000Z');
  });
});

describe('safety', () => {
  it('turns worrying answers into reasons that quote the question, crisis first', () => {
    const result = scoreClosenessCheck(
      answersAt(3, { 'safety-partner-fear': 1, 'safety-self-harm': 1 }),
    );
    const assessment = safetyAssessment(result, definition);
    expect(assessment.level).toBe('crisis');
    expect(assessment.reasons).toEqual([
      {
        level: 'crisis',
        rule: 'closeness-check:safety-self-harm',
        match: definition.safetyQuestions.find((q) => q.id === 'safety-self-harm')?.text,
      },
      {
        level: 'safeguarding',
        rule: 'closeness-check:safety-partner-fear',
        match: definition.safetyQuestions.find((q) => q.id === 'safety-partner-fear')?.text,
      },
    ]);
    // With both, the help lines are the crisis ones and then the abuse lines.
    const help = safetyResponse(assessment, 'GB');
    expect(help.resources[0]?.id).toBe('gb-999');
    expect(help.resources.some((line) => line.group === 'safeguarding')).toBe(true);
  });

  it('is "none" with no reasons when nothing is worrying, declined answers listed', () => {
    const result = scoreClosenessCheck(answersAt(3, { 'safety-partner-control': 2 }));
    expect(safetyAssessment(result, definition)).toEqual({ level: 'none', reasons: [] });
    expect(responseSafety(result)).toEqual({
      level: 'none',
      flags: [],
      declined: ['safety-partner-control'],
    });
  });
});

describe('research copies', () => {
  it('are ready only when every subscale has a score', () => {
    expect(isResearchReady(scoreClosenessCheck(answersAt(3)))).toBe(true);
    // One item of a sign may be missing (4 of 5 is 80 %)...
    const { 'avoidance-5': _sign, ...withoutOneSignItem } = answersAt(3);
    expect(isResearchReady(scoreClosenessCheck(withoutOneSignItem))).toBe(true);
    // ...but not one item of a root (2 of 3 is not enough).
    const { 'coping-1': _root, ...withoutOneRootItem } = answersAt(3);
    expect(isResearchReady(scoreClosenessCheck(withoutOneRootItem))).toBe(false);
    expect(isResearchReady(scoreClosenessCheck({}))).toBe(false);
  });

  it('hold the scored answers only: never a safety answer', () => {
    const answers = answersAt(4, { 'safety-self-harm': 1 });
    const copy = researchCopy(answers, definition);
    expect(Object.keys(copy)).toEqual(definition.items.map((item) => item.id));
    expect(Object.keys(copy).some((id) => id.startsWith('safety'))).toBe(false);
    for (const item of definition.items) expect(copy[item.id]).toBe(answers[item.id]);
  });

  it('leave unanswered items out', () => {
    expect(researchCopy({ 'trust-1': 2, 'safety-self-harm': 0 }, definition)).toEqual({
      'trust-1': 2,
    });
  });
});

describe('psychometricsView', () => {
  it('keeps n, alpha, SD and status per subscale, the version and the minimum', () => {
    const report = computePsychometrics([], definition);
    const view = psychometricsView(report);
    expect(view.version).toBe(definition.version);
    expect(view.minimumResponses).toBe(report.minimumResponses);
    expect(Object.keys(view.subscales)).toEqual([...SCORED_SUBSCALE_IDS]);
    expect(view.subscales.trust).toEqual({
      n: 0,
      alpha: null,
      sd: null,
      status: 'too-few-responses',
    });
  });
});
