import { describe, expect, it } from 'vitest';
import { SCORED_SUBSCALE_IDS } from '../assessment/closeness-check.definition';
import { describeChange } from '../assessment/psychometrics';
import { progressReadFrom, progressView, type CheckWithChange } from './progress-view';

const scores = (value: number) =>
  Object.fromEntries(SCORED_SUBSCALE_IDS.map((id) => [id, value])) as CheckWithChange['scores'];

describe('progressView', () => {
  // Wednesday 3 February 2027, 23:30 in New York is already Thursday in London.
  const now = new Date('2027-02-04T04:30:00Z');

  it('counts days and weeks in the person’s own zone', () => {
    const view = progressView({
      now,
      timeZone: 'America/New_York',
      weeks: 2,
      checkins: [
        { date: '2027-01-20', mood: 1, closeness: 1, stress: 1 },
        { date: '2027-01-25', mood: 4, closeness: 4, stress: 4 },
        { date: '2027-02-03', mood: 6, closeness: 6, stress: 6 },
      ],
      checks: [],
      ladder: [
        // Before the two weeks shown (it is on the ladder's own page): left out here.
        { id: 'z', date: '2027-01-24T12:00:00Z', rung: 'Wave', predicted: 30, actual: 10 },
        { id: 'a', date: '2027-02-04T03:00:00Z', rung: 'Say hello', predicted: 40, actual: 20 },
      ],
      plans: [{ week: '2027-W05', exerciseIds: ['thought-record'] }],
      completedExercises: [{ exerciseId: 'thought-record', completedAt: '2027-02-04T03:00:00Z' }],
    });
    expect(view.range).toEqual({ from: '2027-01-25', to: '2027-02-03', weeks: 2 });
    expect(view.checkins.closeness).toEqual([
      // 20 January is outside the range but inside the first average's look-back.
      { date: '2027-01-25', value: 4, average: 2.5 },
      { date: '2027-02-03', value: 6, average: 6 },
    ]);
    expect(view.ladder).toEqual([
      { id: 'a', date: '2027-02-03', step: 'Say hello', predicted: 40, actual: 20 },
    ]);
    expect(view.steps).toEqual([
      { week: '2027-W04', completed: 0, planned: 0 },
      { week: '2027-W05', completed: 1, planned: 1 },
    ]);
    expect(view.summary).toMatchObject({ week: '2027-W05', checkins: 1, stepsCompleted: 1 });
    expect(progressReadFrom(now, 'America/New_York', 2)).toBe('2027-01-19');
  });

  it('lists Checks oldest first with the change labels of the history, leaving out damaged ones', () => {
    const first = { version: 1, scores: scores(4), index: scores(75) };
    const second = { version: 1, scores: scores(2), index: scores(25) };
    const checks: CheckWithChange[] = [
      {
        id: 'c3',
        version: 1,
        createdAt: '2027-02-01T10:00:00Z',
        scores: scores(2),
        index: scores(25),
        change: null,
        unreadable: true,
      },
      {
        id: 'c2',
        createdAt: '2027-01-20T10:00:00Z',
        ...second,
        change: describeChange(first, second),
      },
      { id: 'c1', createdAt: '2027-01-01T10:00:00Z', ...first, change: null },
    ];
    const view = progressView({
      now,
      timeZone: 'Europe/London',
      weeks: 12,
      checkins: [],
      checks,
      ladder: [],
      plans: [],
      completedExercises: [],
    });
    expect(view.checks.map((check) => check.id)).toEqual(['c1', 'c2']);
    expect(view.checks[0]?.changes).toBeNull();
    // The 0–100 index travels with each Check, as the Check history shows it.
    expect(view.checks.map((check) => check.index.trust)).toEqual([75, 25]);
    // Without research figures, change is never called reliable.
    expect(Object.values(view.checks[1]?.changes ?? {})).toEqual(
      SCORED_SUBSCALE_IDS.map(() => 'not-assessed'),
    );
    expect(view.summary.checkins).toBe(0);
    expect(view.steps).toHaveLength(12);
  });
});
