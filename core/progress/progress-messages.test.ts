import { describe, expect, it } from 'vitest';
import { enGB } from '../i18n/en-GB';
import { renderPlanMessage } from '../plan/plan-messages';
import { weeklySummaryMessages } from './progress-messages';
import { summariseWeek } from './weekly-summary';

const week = '2027-W05'; // Monday 1 February to Sunday 7 February 2027

function words(summary: ReturnType<typeof summariseWeek>): string[] {
  return weeklySummaryMessages(summary).map((text) => renderPlanMessage(text));
}

describe('weeklySummaryMessages', () => {
  it('says how often and how closeness moved, in plain words', () => {
    const summary = summariseWeek({
      week,
      checkins: [
        { date: '2027-02-01', mood: 5, closeness: 4, stress: 7 },
        { date: '2027-02-03', mood: 5, closeness: 5, stress: 6 },
        { date: '2027-02-04', mood: 6, closeness: 5, stress: 6 },
        { date: '2027-02-05', mood: 7, closeness: 6, stress: 5 },
        { date: '2027-02-07', mood: 5, closeness: 6, stress: 4 },
      ],
      stepsCompleted: 2,
      checksTaken: 1,
    });
    expect(words(summary)).toEqual([
      'You checked in 5 times this week.',
      'Mood stayed at 5.',
      'Closeness rose from 4 to 6.',
      'Stress went down from 7 to 4.',
      'You finished 2 steps of your plan.',
      'You took the Closeness Check.',
    ]);
  });

  it('gives a quiet week one neutral, welcoming line and nothing else', () => {
    const lines = words(summariseWeek({ week, checkins: [], stepsCompleted: 0, checksTaken: 0 }));
    expect(lines).toEqual([
      'A new week, and a fresh page. Whenever you feel like it, a check-in takes about a minute.',
    ]);
  });

  it('does not call one day a trend, and says "once"', () => {
    const lines = words(
      summariseWeek({
        week,
        checkins: [{ date: '2027-02-02', mood: 3, closeness: 3.5, stress: 3 }],
        stepsCompleted: 1,
        checksTaken: 0,
      }),
    );
    expect(lines).toEqual(['You checked in once this week.', 'You finished a step of your plan.']);
  });

  it('shows halves with one decimal place', () => {
    const lines = words(
      summariseWeek({
        week,
        checkins: [
          { date: '2027-02-01', mood: 4, closeness: 4, stress: 4 },
          { date: '2027-02-01', mood: 5, closeness: 5, stress: 5 },
          { date: '2027-02-02', mood: 6, closeness: 6, stress: 6 },
        ],
        stepsCompleted: 0,
        checksTaken: 0,
      }),
    );
    expect(lines).toContain('Closeness rose from 4.5 to 6.');
  });

  it('never scolds: no progress sentence speaks of missing, streaks, "only" or failing', () => {
    const banned = /\b(missed|miss|streaks?|only|fail(ed|ing)?|should|behind|broke|lost)\b/i;
    const progress = Object.entries(enGB).filter(([key]) => key.startsWith('progress.'));
    expect(progress.length).toBeGreaterThan(20);
    for (const [key, sentence] of progress)
      expect({ key, sentence }).not.toMatchObject({
        sentence: expect.stringMatching(banned),
      });
  });
});
