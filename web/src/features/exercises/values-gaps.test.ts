import { describe, expect, it } from 'vitest';
import { biggestGap, rankValuesGaps } from './values-gaps';

describe('rankValuesGaps', () => {
  it('puts the biggest gap first, and the more important area first on a tie', () => {
    const ranked = rankValuesGaps([
      { area: 'Work or study', importance: 7, living: 7 },
      { area: 'Friendships', importance: 6, living: 3 },
      { area: 'Close relationships', importance: 9, living: 3 },
      { area: 'Health and body', importance: 8, living: 5 },
    ]);
    expect(ranked.map((gap) => [gap.area, gap.gap])).toEqual([
      ['Close relationships', 6],
      ['Health and body', 3],
      ['Friendships', 3],
      ['Work or study', 0],
    ]);
  });

  it('keeps the person’s own order when gap and importance are the same', () => {
    const ranked = rankValuesGaps([
      { area: 'B', importance: 5, living: 2 },
      { area: 'A', importance: 5, living: 2 },
    ]);
    expect(ranked.map((gap) => gap.area)).toEqual(['B', 'A']);
  });

  it('never gives a negative gap, and skips areas without a name or both ratings', () => {
    const ranked = rankValuesGaps([
      { area: 'Fun and rest', importance: 3, living: 8 },
      { area: '  ', importance: 9, living: 0 },
      { area: 'Community', importance: 6 },
      'not a row' as unknown as Record<string, string | number>,
    ]);
    expect(ranked).toEqual([{ area: 'Fun and rest', importance: 3, living: 8, gap: 0 }]);
  });

  it('gives nothing for a missing or wrong value', () => {
    expect(rankValuesGaps(undefined)).toEqual([]);
    expect(rankValuesGaps('text')).toEqual([]);
  });
});

describe('biggestGap', () => {
  it('names the area with the biggest gap', () => {
    expect(
      biggestGap([
        { area: 'Family', importance: 6, living: 5 },
        { area: 'Community', importance: 8, living: 2 },
      ])?.area,
    ).toBe('Community');
  });

  it('offers nothing when every area is lived as much as it matters', () => {
    expect(biggestGap([{ area: 'Family', importance: 6, living: 6 }])).toBeNull();
  });
});
