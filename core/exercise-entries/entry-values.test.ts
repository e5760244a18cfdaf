import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors/domain-error';
import { CATALOGUE, exerciseById } from '../exercises/catalogue';
import {
  ENTRY_TEXT_MAX,
  INVALID_EXERCISE_VALUES,
  entryTexts,
  validateEntryValues,
} from './entry-values';

const thoughtRecord = exerciseById('thought-record');

/** The error `validateEntryValues` throws for this input. */
function problemOf(input: unknown, exercise = thoughtRecord): DomainError {
  try {
    validateEntryValues(exercise, input);
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected the values to be refused');
}

describe('validateEntryValues', () => {
  it.each(CATALOGUE.map((exercise) => [exercise.id, exercise] as const))(
    'accepts the worked example of %s exactly as written',
    (_id, exercise) => {
      const example = JSON.parse(JSON.stringify(exercise.workedExample.answers));
      expect(validateEntryValues(exercise, example)).toEqual(example);
    },
  );

  it('accepts a partial draft and an empty one', () => {
    expect(validateEntryValues(thoughtRecord, {})).toEqual({});
    expect(validateEntryValues(thoughtRecord, { thought: { belief: 40 } })).toEqual({
      thought: { belief: 40 },
    });
  });

  it('names an unknown step or field', () => {
    expect(problemOf({ nowhere: {} }).details).toEqual({ step: 'nowhere', reason: 'unknown-step' });
    const field = problemOf({ thought: { mood: 'x' } });
    expect(field.code).toBe(INVALID_EXERCISE_VALUES);
    expect(field.details).toEqual({ step: 'thought', field: 'mood', reason: 'unknown-field' });
  });

  it('takes ratings as whole numbers in range only', () => {
    expect(problemOf({ thought: { belief: 101 } }).details?.reason).toBe('out-of-range');
    expect(problemOf({ thought: { belief: -1 } }).details?.reason).toBe('out-of-range');
    expect(problemOf({ thought: { belief: 40.5 } }).details?.reason).toBe('not-whole');
    expect(problemOf({ thought: { belief: '40' } }).details?.reason).toBe('wrong-type');
  });

  it('takes thinking traps from the list, each once', () => {
    expect(problemOf({ thought: { traps: ['not-a-trap'] } }).details?.reason).toBe(
      'unknown-option',
    );
    expect(
      problemOf({ thought: { traps: ['mind-reading', 'mind-reading'] } }).details?.reason,
    ).toBe('duplicate');
  });

  it('bounds text, lists and tables', () => {
    const long = 'a'.repeat(ENTRY_TEXT_MAX + 1);
    expect(problemOf({ thought: { thought: long } }).details?.reason).toBe('too-long');
    expect(
      problemOf({ evidence: { for: Array.from({ length: 9 }, () => 'a fact') } }).details?.reason,
    ).toBe('too-many');
    expect(
      problemOf({ feelings: { feelings: [{ feeling: 'Sad', colour: 'blue' }] } }).details,
    ).toEqual({ step: 'feelings', field: 'feelings', column: 'colour', reason: 'unknown-column' });
    expect(
      problemOf({ feelings: { feelings: [{ feeling: 'Sad', strength: 140 }] } }).details,
    ).toEqual({ step: 'feelings', field: 'feelings', column: 'strength', reason: 'out-of-range' });
  });

  it('refuses anything that is not grouped by step and field', () => {
    for (const input of [null, [], 'text', 3, { thought: [] }, { thought: 'text' }]) {
      expect(problemOf(input).code).toBe(INVALID_EXERCISE_VALUES);
    }
  });
});

describe('entryTexts', () => {
  it('gathers the words a person wrote, not ratings or option ids', () => {
    const texts = entryTexts(thoughtRecord, {
      situation: { situation: 'At the station.' },
      feelings: { feelings: [{ feeling: 'Scared', strength: 80 }] },
      thought: { thought: 'They will leave.', belief: 70, traps: ['fortune-telling'] },
      evidence: { for: ['One fact.', ' '] },
    });
    expect(texts).toEqual(['At the station.', 'Scared', 'They will leave.', 'One fact.']);
  });
});
