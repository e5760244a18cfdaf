import { describe, expect, it } from 'vitest';
import { assessRisk } from './risk';
import { flagsOfStoredRiskLevels, storedRiskLevel } from './stored-risk';

describe('storedRiskLevel', () => {
  it('keeps both flags when words raise a crisis and also name abuse', () => {
    const assessment = assessRisk('He hits me every night and I want to kill myself.');
    expect(assessment.level).toBe('crisis');
    expect(storedRiskLevel(assessment)).toBe('crisis+safeguarding');
    expect(flagsOfStoredRiskLevels([storedRiskLevel(assessment)])).toEqual({
      crisis: true,
      safeguarding: true,
    });
  });

  it('keeps a single level as it is', () => {
    expect(storedRiskLevel(assessRisk('I want to kill myself tonight'))).toBe('crisis');
    expect(storedRiskLevel(assessRisk("he hits me and won't let me see my friends"))).toBe(
      'safeguarding',
    );
    expect(storedRiskLevel(assessRisk('A quiet walk by the river today.'))).toBe('none');
  });

  it('reads flags from any mix of stored values, and none from unknown or empty ones', () => {
    expect(flagsOfStoredRiskLevels(['none', 'concern', null, 'nonsense'])).toEqual({
      crisis: false,
      safeguarding: false,
    });
    expect(flagsOfStoredRiskLevels(['crisis', 'safeguarding'])).toEqual({
      crisis: true,
      safeguarding: true,
    });
  });
});
