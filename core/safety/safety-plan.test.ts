import { describe, expect, it } from 'vitest';
import {
  emptySafetyPlan,
  SAFETY_PLAN_SECTIONS,
  safetyPlanText,
  tidySafetyPlan,
} from './safety-plan';

describe('safety plan', () => {
  it('has the six standard sections in order', () => {
    expect(SAFETY_PLAN_SECTIONS).toEqual([
      'warningSigns',
      'copingAlone',
      'distractions',
      'peopleToAsk',
      'professionals',
      'safeEnvironment',
    ]);
    expect(Object.keys(emptySafetyPlan())).toEqual([...SAFETY_PLAN_SECTIONS]);
  });

  it('trims items and drops blank ones, keeping the order', () => {
    const plan = { ...emptySafetyPlan(), copingAlone: ['  a walk ', '', '   ', 'music'] };
    expect(tidySafetyPlan(plan).copingAlone).toEqual(['a walk', 'music']);
  });

  it('gives all its text for the risk check', () => {
    const plan = { ...emptySafetyPlan(), warningSigns: ['not sleeping'], peopleToAsk: ['Sam'] };
    expect(safetyPlanText(plan)).toBe('not sleeping\nSam');
  });
});
