import { describe, expect, it } from 'vitest';
import { summariseWeek } from './weekly-summary';

const week = '2027-W05'; // Monday 1 February to Sunday 7 February 2027

describe('summariseWeek', () => {
  it('counts check-ins and describes closeness from the first to the last day of the week', () => {
    const summary = summariseWeek({
      week,
      checkins: [
        { date: '2027-02-01', mood: 5, closeness: 4, stress: 7 },
        { date: '2027-02-03', mood: 5, closeness: 5, stress: 7 },
        { date: '2027-02-03', mood: 6, closeness: 5, stress: 6 },
        { date: '2027-02-05', mood: 7, closeness: 6, stress: 5 },
        { date: '2027-02-07', mood: 5, closeness: 6, stress: 4 },
      ],
      stepsCompleted: 2,
      checksTaken: 0,
    });
    expect(summary).toMatchObject({
      week,
      from: '2027-02-01',
      to: '2027-02-07',
      checkins: 5,
      daysCheckedIn: 4,
      stepsCompleted: 2,
    });
    expect(summary.changes.closeness).toEqual({ from: 4, to: 6, direction: 'rose' });
    expect(summary.changes.stress).toEqual({ from: 7, to: 4, direction: 'fell' });
    expect(summary.changes.mood).toEqual({ from: 5, to: 5, direction: 'same' });
  });

  it('leaves out check-ins from other weeks, including the Sunday before and the Monday after', () => {
    const summary = summariseWeek({
      week,
      checkins: [
        { date: '2027-01-31', mood: 1, closeness: 1, stress: 1 },
        { date: '2027-02-04', mood: 5, closeness: 5, stress: 5 },
        { date: '2027-02-08', mood: 9, closeness: 9, stress: 9 },
      ],
      stepsCompleted: 0,
      checksTaken: 1,
    });
    expect(summary.checkins).toBe(1);
    expect(summary.checksTaken).toBe(1);
  });

  it('does not call one day a trend', () => {
    const summary = summariseWeek({
      week,
      checkins: [{ date: '2027-02-02', mood: 3, closeness: 3, stress: 3 }],
      stepsCompleted: 0,
      checksTaken: 0,
    });
    expect(summary.changes).toEqual({ mood: null, closeness: null, stress: null });
  });

  it('summarises a quiet week without counting anything as missed', () => {
    const summary = summariseWeek({ week, checkins: [], stepsCompleted: 0, checksTaken: 0 });
    expect(summary).toMatchObject({ checkins: 0, daysCheckedIn: 0 });
    expect(Object.keys(summary)).not.toContain('missed');
  });
});
