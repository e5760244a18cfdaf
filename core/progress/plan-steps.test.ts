import { describe, expect, it } from 'vitest';
import { stepsPerWeek } from './plan-steps';

describe('stepsPerWeek', () => {
  it('counts the planned steps whose exercise was completed in that week, every week of the range', () => {
    const points = stepsPerWeek(
      [
        { week: '2026-W52', exerciseIds: ['thought-record', 'closeness-ladder'] },
        { week: '2027-W02', exerciseIds: ['values-compass'] },
      ],
      [
        { exerciseId: 'thought-record', week: '2026-W52' },
        // The same exercise twice is still one step.
        { exerciseId: 'thought-record', week: '2026-W52' },
        // Completed in a week whose plan does not have it: not a plan step.
        { exerciseId: 'values-compass', week: '2026-W52' },
        { exerciseId: 'values-compass', week: '2027-W02' },
      ],
      '2026-W52',
      '2027-W02',
    );
    expect(points).toEqual([
      { week: '2026-W52', completed: 1, planned: 2 },
      { week: '2026-W53', completed: 0, planned: 0 },
      { week: '2027-W01', completed: 0, planned: 0 },
      { week: '2027-W02', completed: 1, planned: 1 },
    ]);
  });

  it('answers nothing for a reversed range rather than looping', () => {
    expect(stepsPerWeek([], [], '2027-W05', '2027-W01')).toEqual([]);
  });
});
