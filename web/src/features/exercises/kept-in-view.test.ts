import { describe, expect, it } from 'vitest';
import { CATALOGUE, exerciseById } from '../../../../core/exercises/catalogue';
import type { FieldValue } from './exercises-api';
import { KEPT_IN_VIEW_KINDS, keptAnswer } from './kept-in-view';

describe('what an exercise keeps in view', () => {
  const kept = CATALOGUE.flatMap((exercise) =>
    exercise.keepInView.map((ref) => {
      const field = exercise.steps
        .find((step) => step.id === ref.step)
        ?.fields.find((candidate) => candidate.id === ref.field);
      const example = exercise.workedExample.answers[ref.step]?.[ref.field] as
        FieldValue | undefined;
      return { name: `${exercise.id}: ${ref.step}.${ref.field}`, field, example };
    }),
  );

  it.each(kept.map((item) => [item.name, item] as const))(
    '%s is a kind of field the page can show, and its worked example shows',
    (_name, item) => {
      expect(item.field).toBeDefined();
      if (!item.field) return;
      expect(KEPT_IN_VIEW_KINDS.has(item.field.kind), item.field.kind).toBe(true);
      expect(keptAnswer(item.field, item.example)).not.toBeNull();
    },
  );

  it('shows a rating as its number with what the ends mean', () => {
    const field = exerciseById('stress-relaxation').steps[0]?.fields.find(
      (candidate) => candidate.id === 'stress',
    );
    if (!field) throw new Error('no stress rating');
    expect(keptAnswer(field, 7)).toEqual({
      kind: 'rating',
      value: 7,
      max: 10,
      lowLabel: 'Not at all',
      highLabel: 'Extremely',
    });
    expect(keptAnswer(field, 0)).toMatchObject({ value: 0 });
  });

  it('shows rows as a table with choices by their labels, leaving out empty rows', () => {
    const field = exerciseById('confidence-builders')
      .steps.find((step) => step.id === 'plan')
      ?.fields.find((candidate) => candidate.id === 'activities');
    if (field?.kind !== 'rows') throw new Error('no activity rows');
    const answer = keptAnswer(field, [
      { activity: 'Swim 20 lengths', when: 'Tuesday', kind: 'both' },
      { activity: ' ', when: '' },
    ]);
    expect(answer?.kind).toBe('rows');
    if (answer?.kind !== 'rows') return;
    expect(answer.columns).toEqual(field.columns.map((column) => column.label));
    expect(answer.rows).toHaveLength(1);
    expect(answer.rows[0]?.[0]).toBe('Swim 20 lengths');
    expect(answer.rows[0]).not.toContain('both');
  });

  it('shows nothing for an empty answer', () => {
    const field = exerciseById('thought-record').steps[0]?.fields[0];
    if (!field) throw new Error('no field');
    expect(keptAnswer(field, '   ')).toBeNull();
    expect(keptAnswer(field, undefined)).toBeNull();
  });
});
