import { describe, expect, it } from 'vitest';
import { activityLog, mostMastery, summariseActivities } from './activity-log';
import type { ExerciseEntry } from './exercises-api';

function week(
  id: string,
  status: 'draft' | 'completed',
  log: Record<string, string | number>[],
): ExerciseEntry {
  const date = `2026-11-0${id}T10:00:00.000Z`;
  return {
    id,
    exerciseId: 'confidence-builders',
    exerciseVersion: 1,
    revision: 1,
    status,
    values: { log: { log } },
    createdAt: date,
    updatedAt: date,
    completedAt: status === 'completed' ? date : null,
  };
}

const ENTRIES = [
  week('1', 'completed', [
    { activity: 'Swim 20 lengths', done: 'yes', mastery: 7, enjoyment: 6 },
    { activity: 'Food bank', done: 'yes', mastery: 8, enjoyment: 9 },
    { activity: '  ', done: 'yes', mastery: 1, enjoyment: 1 },
  ]),
  week('2', 'completed', [
    { activity: 'swim 20  lengths', done: 'partly', mastery: 5, enjoyment: 3 },
    { activity: 'Food bank', done: 'no' },
  ]),
  week('3', 'draft', [{ activity: 'Draft only', done: 'yes', mastery: 9, enjoyment: 9 }]),
];

describe('activityLog', () => {
  it('lists what was logged in finished weeks, newest week first', () => {
    expect(activityLog(ENTRIES).map((row) => [row.entryId, row.activity, row.done])).toEqual([
      ['2', 'swim 20  lengths', 'partly'],
      ['2', 'Food bank', 'no'],
      ['1', 'Swim 20 lengths', 'yes'],
      ['1', 'Food bank', 'yes'],
    ]);
  });

  it('keeps a missing rating as missing, not zero', () => {
    const row = activityLog(ENTRIES).find((item) => item.done === 'no');
    expect(row?.mastery).toBeNull();
    expect(row?.enjoyment).toBeNull();
  });
});

describe('summariseActivities', () => {
  it('averages each activity, the most enjoyed first, matching names loosely', () => {
    expect(summariseActivities(activityLog(ENTRIES))).toEqual([
      { activity: 'Food bank', times: 1, mastery: 8, enjoyment: 9 },
      { activity: 'swim 20  lengths', times: 2, mastery: 6, enjoyment: 4.5 },
    ]);
  });

  it('puts activities that were never rated last', () => {
    const summaries = summariseActivities([
      { entryId: 'a', date: '', activity: 'Walk', done: 'yes', mastery: null, enjoyment: null },
      { entryId: 'a', date: '', activity: 'Call Ana', done: 'yes', mastery: 2, enjoyment: 1 },
    ]);
    expect(summaries.map((summary) => [summary.activity, summary.enjoyment])).toEqual([
      ['Call Ana', 1],
      ['Walk', null],
    ]);
  });

  it('rounds averages to one decimal place', () => {
    const rows = [7, 8, 8].map((enjoyment) => ({
      entryId: 'a',
      date: '',
      activity: 'Run',
      done: 'yes',
      mastery: null,
      enjoyment,
    }));
    expect(summariseActivities(rows)[0]?.enjoyment).toBe(7.7);
  });
});

describe('mostMastery', () => {
  it('finds the activity that gave the most sense of achievement', () => {
    expect(mostMastery(summariseActivities(activityLog(ENTRIES)))?.activity).toBe('Food bank');
    expect(mostMastery([])).toBeNull();
  });
});
