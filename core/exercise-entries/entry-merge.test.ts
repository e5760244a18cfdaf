import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exerciseById } from '../exercises/catalogue';
import type { ExerciseField } from '../exercises/catalogue.model';
import {
  combineValues,
  conflictField,
  isEmptyValue,
  mergeEntryValues,
  sameValue,
  type EntryMerge,
} from './entry-merge';
import type { EntryValue, EntryValues } from './entry-values';

const SEED = Number(process.env.FUZZ_SEED) || 20_261_127;

describe('mergeEntryValues', () => {
  const base: EntryValues = { situation: { situation: 'At work' }, thought: { belief: 60 } };

  it('takes a field changed on one side only, from either side', () => {
    const merged = mergeEntryValues(
      base,
      { situation: { situation: 'At work, in the meeting' }, thought: { belief: 60 } },
      { situation: { situation: 'At work' }, thought: { belief: 40, thought: 'I am dull' } },
    );
    expect(merged).toEqual({
      values: {
        situation: { situation: 'At work, in the meeting' },
        thought: { belief: 40, thought: 'I am dull' },
      },
      conflicts: [],
    });
  });

  it('makes a field changed on both sides a conflict with both values, keeping mine meanwhile', () => {
    const merged = mergeEntryValues(
      base,
      { situation: { situation: 'Mine' } },
      { situation: { situation: 'Theirs' } },
    );
    expect(merged.conflicts).toEqual([
      { step: 'situation', field: 'situation', mine: 'Mine', theirs: 'Theirs' },
    ]);
    expect(merged.values.situation?.situation).toBe('Mine');
  });

  it('agrees silently when both sides made the same change', () => {
    const same = { situation: { situation: 'Both' } };
    expect(mergeEntryValues(base, same, same)).toEqual({ values: same, conflicts: [] });
  });

  it('never lets emptying a field silently win over words on the other side', () => {
    const merged = mergeEntryValues(
      base,
      { situation: { situation: '' }, thought: { belief: 60 } },
      { situation: { situation: 'At work' }, thought: { belief: 70 } },
    );
    expect(merged.values.thought?.belief).toBe(70);
    expect(merged.conflicts).toEqual([
      { step: 'situation', field: 'situation', mine: '', theirs: 'At work' },
    ]);
  });

  it('treats a device copy with no known base as changed everywhere, losing nothing', () => {
    const merged = mergeEntryValues(
      {},
      { situation: { situation: 'Here' } },
      { situation: { situation: 'There' }, thought: { thought: 'Only there' } },
    );
    expect(merged.values.thought?.thought).toBe('Only there');
    expect(merged.conflicts.map((conflict) => conflict.field)).toEqual(['situation']);
  });
});

describe('combineValues', () => {
  const record = exerciseById('thought-record');
  const field = (step: string, id: string) =>
    conflictField(record, { step, field: id }) as ExerciseField;

  it('puts texts one after the other, and lists and choices together without repeats', () => {
    expect(combineValues(field('situation', 'situation'), 'Mine', 'Theirs')).toBe('Mine\n\nTheirs');
    expect(
      combineValues(field('thought', 'traps'), ['mind-reading'], ['labelling', 'mind-reading']),
    ).toEqual(['mind-reading', 'labelling']);
    expect(
      combineValues(
        field('feelings', 'feelings'),
        [{ feeling: 'Sad', strength: 60 }],
        [
          { strength: 60, feeling: 'Sad' },
          { feeling: 'Tense', strength: 40 },
        ],
      ),
    ).toEqual([
      { feeling: 'Sad', strength: 60 },
      { feeling: 'Tense', strength: 40 },
    ]);
  });

  it('offers no combination for a rating: the person chooses one', () => {
    expect(combineValues(field('thought', 'belief'), 30, 70)).toBeUndefined();
  });
});

/** Small key spaces, so the three copies often touch the same fields. */
const text = fc.constantFrom('', ' ', 'a', 'b', 'words here', 'other words');
const value: fc.Arbitrary<EntryValue> = fc.oneof(
  text,
  fc.integer({ min: 0, max: 10 }),
  fc.array(text, { maxLength: 3 }),
  fc.array(fc.record({ c: text, n: fc.integer({ min: 0, max: 3 }) }), { maxLength: 2 }),
);
const values: fc.Arbitrary<EntryValues> = fc.dictionary(
  fc.constantFrom('s1', 's2'),
  fc.dictionary(fc.constantFrom('f1', 'f2', 'f3'), value, { maxKeys: 3 }),
  { maxKeys: 2 },
);

const at = (copy: EntryValues, step: string, field: string) => copy[step]?.[field];

/** Whether a value is still there after the merge: settled, or offered in a conflict. */
function kept(merge: EntryMerge, step: string, field: string, wanted: EntryValue): boolean {
  if (sameValue(at(merge.values, step, field), wanted)) return true;
  return merge.conflicts.some(
    (conflict) =>
      conflict.step === step &&
      conflict.field === field &&
      (sameValue(conflict.mine, wanted) || sameValue(conflict.theirs, wanted)),
  );
}

describe('mergeEntryValues (properties)', () => {
  it('never loses a value with something in it that exists on exactly one side', () => {
    fc.assert(
      fc.property(values, values, values, (base, mine, theirs) => {
        const merge = mergeEntryValues(base, mine, theirs);
        for (const [one, other] of [
          [mine, theirs],
          [theirs, mine],
        ] as const) {
          for (const [step, fields] of Object.entries(one)) {
            for (const [field, wanted] of Object.entries(fields)) {
              if (isEmptyValue(wanted) || !isEmptyValue(at(other, step, field))) continue;
              expect(kept(merge, step, field, wanted)).toBe(true);
            }
          }
        }
      }),
      { seed: SEED, numRuns: 500 },
    );
  });

  it('keeps both sides of every conflict, exactly as each side has it', () => {
    fc.assert(
      fc.property(values, values, values, (base, mine, theirs) => {
        const merge = mergeEntryValues(base, mine, theirs);
        for (const conflict of merge.conflicts) {
          expect(sameValue(conflict.mine, at(mine, conflict.step, conflict.field))).toBe(true);
          expect(sameValue(conflict.theirs, at(theirs, conflict.step, conflict.field))).toBe(true);
          expect(sameValue(conflict.mine, conflict.theirs)).toBe(false);
        }
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it('merges automatically whatever only one side changed (unless it emptied words)', () => {
    fc.assert(
      fc.property(values, values, (base, theirs) => {
        // This device changed nothing: the server's copy comes through as it is.
        const merge = mergeEntryValues(base, base, theirs);
        for (const [step, fields] of Object.entries(theirs)) {
          for (const [field, wanted] of Object.entries(fields)) {
            const emptied = isEmptyValue(wanted) && !isEmptyValue(at(base, step, field));
            if (!emptied) expect(sameValue(at(merge.values, step, field), wanted)).toBe(true);
          }
        }
        expect(
          merge.conflicts.every((conflict) => isEmptyValue(conflict.theirs)),
          'only an emptied field may ask',
        ).toBe(true);
      }),
      { seed: SEED, numRuns: 300 },
    );
  });
});
