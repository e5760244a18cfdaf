import { describe, expect, it } from 'vitest';
import { exerciseById } from '../../../../core/exercises/catalogue';
import {
  acceptedValues,
  exerciseStart,
  findBlameWords,
  ladderPoints,
  newestDraft,
  resumeStep,
} from './exercise-progress';
import type { ExerciseEntry } from './exercises-api';

const THOUGHT_RECORD = exerciseById('thought-record');

function entry(overrides: Partial<ExerciseEntry>): ExerciseEntry {
  return {
    id: 'e1',
    exerciseId: 'thought-record',
    exerciseVersion: 1,
    revision: 1,
    status: 'draft',
    values: {},
    feeling: null,
    createdAt: '2026-11-01T10:00:00.000Z',
    updatedAt: '2026-11-01T10:00:00.000Z',
    completedAt: null,
    ...overrides,
  };
}

describe('acceptedValues', () => {
  it('keeps only fields the exercise has, of the right kind', () => {
    const values = acceptedValues(THOUGHT_RECORD, {
      situation: { situation: 'At work', extra: 'dropped' },
      thought: { belief: 150, thought: 'They think I am dull', traps: ['mind-reading', 3] },
      feelings: { feelings: [{ feeling: 'Sad', strength: 60, other: true }] },
      unknown: { x: 1 },
    });
    expect(values).toEqual({
      situation: { situation: 'At work' },
      thought: { thought: 'They think I am dull', traps: ['mind-reading'] },
      feelings: { feelings: [{ feeling: 'Sad', strength: 60 }] },
    });
  });

  it('answers nothing for something that is not an object', () => {
    expect(acceptedValues(THOUGHT_RECORD, null)).toEqual({});
    expect(acceptedValues(THOUGHT_RECORD, 'text')).toEqual({});
  });
});

describe('resumeStep', () => {
  it('starts at the beginning, stays on a half-filled step and moves past a full one', () => {
    expect(resumeStep(THOUGHT_RECORD, {})).toBe(0);
    expect(resumeStep(THOUGHT_RECORD, { situation: { situation: 'At work' } })).toBe(1);
    expect(resumeStep(THOUGHT_RECORD, { thought: { thought: 'I am dull' } })).toBe(2);
  });
});

describe('exerciseStart', () => {
  const server = entry({ id: 'server', values: { situation: { situation: 'Server copy' } } });

  it('prefers values this device never had confirmed, and sends them, when based on the server copy', () => {
    const start = exerciseStart(
      THOUGHT_RECORD,
      {
        entryId: 'server',
        values: { situation: { situation: 'Newer' } },
        step: 1,
        synced: false,
        baseRevision: 1,
        baseValues: server.values,
      },
      server,
    );
    expect(start).toEqual({
      entryId: 'server',
      values: { situation: { situation: 'Newer' } },
      step: 1,
      needsSending: true,
      base: { revision: 1, values: server.values },
      conflicts: [],
    });
  });

  it('never lets a copy based on an older revision override newer server values', () => {
    const newer = entry({
      id: 'server',
      revision: 3,
      values: {
        situation: { situation: 'Server copy, carried on elsewhere' },
        thought: { thought: 'Written on the laptop' },
      },
    });
    // Changed here only in another field: merged, and sent on the server's revision.
    const merged = exerciseStart(
      THOUGHT_RECORD,
      {
        entryId: 'server',
        values: { situation: { situation: 'Server copy' }, feelings: { feelings: [] } },
        step: 2,
        synced: false,
        baseRevision: 1,
        baseValues: { situation: { situation: 'Server copy' } },
      },
      newer,
    );
    expect(merged).toMatchObject({
      values: newer.values,
      needsSending: true,
      base: { revision: 3 },
      conflicts: [],
    });
    // Changed here in the same field: both kept, nothing sent until the person chooses.
    const clash = exerciseStart(
      THOUGHT_RECORD,
      {
        entryId: 'server',
        values: { situation: { situation: 'Typed on the phone' } },
        step: 0,
        synced: false,
        baseRevision: 1,
        baseValues: { situation: { situation: 'Server copy' } },
      },
      newer,
    );
    expect(clash.needsSending).toBe(false);
    expect(clash.values.thought?.thought).toBe('Written on the laptop');
    expect(clash.conflicts).toEqual([
      {
        step: 'situation',
        field: 'situation',
        mine: 'Typed on the phone',
        theirs: 'Server copy, carried on elsewhere',
      },
    ]);
  });

  it('shows every difference when a copy does not say what it was based on', () => {
    const start = exerciseStart(
      THOUGHT_RECORD,
      { entryId: null, values: { situation: { situation: 'Newer' } }, step: 1, synced: false },
      server,
    );
    expect(start.entryId).toBe('server');
    expect(start.conflicts).toHaveLength(1);
    expect(start.needsSending).toBe(false);
  });

  it('otherwise takes the server draft, keeping the step only when the copies agree', () => {
    const same = exerciseStart(
      THOUGHT_RECORD,
      { entryId: 'server', values: server.values, step: 2, synced: true },
      server,
    );
    expect(same.step).toBe(2);
    expect(same.needsSending).toBe(false);
    const other = exerciseStart(
      THOUGHT_RECORD,
      { entryId: 'server', values: { situation: { situation: 'Old' } }, step: 2, synced: true },
      server,
    );
    expect(other).toMatchObject({ values: server.values, step: null });
  });

  it('drops a confirmed copy when the server has no draft (finished elsewhere)', () => {
    expect(
      exerciseStart(
        THOUGHT_RECORD,
        { entryId: 'gone', values: { situation: { situation: 'x' } }, step: 1, synced: true },
        null,
      ),
    ).toEqual({
      entryId: null,
      values: {},
      step: null,
      needsSending: false,
      base: null,
      conflicts: [],
    });
  });
});

describe('newestDraft and ladderPoints', () => {
  it('finds the newest draft and the climbs in order, oldest first', () => {
    const entries = [
      entry({ id: 'a', updatedAt: '2026-11-01T10:00:00.000Z' }),
      entry({ id: 'b', updatedAt: '2026-11-03T10:00:00.000Z' }),
      entry({
        id: 'c',
        status: 'completed',
        completedAt: '2026-11-05T10:00:00.000Z',
        values: { before: { rung: 'Say hello', predicted: 40 }, after: { actual: 20 } },
      }),
      entry({
        id: 'd',
        status: 'completed',
        completedAt: '2026-11-02T10:00:00.000Z',
        values: { before: { predicted: 30 } },
      }),
    ];
    expect(newestDraft(entries)?.id).toBe('b');
    expect(ladderPoints(entries).map((point) => [point.id, point.predicted, point.actual])).toEqual(
      [
        ['d', 30, null],
        ['c', 40, 20],
      ],
    );
  });
});

describe('findBlameWords', () => {
  it('finds words that can sound like blame, with where they are', () => {
    const text = 'You never listen and you make me feel small. I always try.';
    expect(findBlameWords(text).map((word) => word.text)).toEqual([
      'You never',
      'you make me',
      'always',
    ]);
    for (const word of findBlameWords(text)) {
      expect(text.slice(word.start, word.end)).toBe(word.text);
    }
  });

  it('finds nothing in a gentle I-statement', () => {
    expect(findBlameWords('I felt lonely when plans changed. I need a quick message.')).toEqual([]);
  });
});
