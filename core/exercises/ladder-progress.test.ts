import { describe, expect, it } from 'vitest';
import { exerciseById } from './catalogue';
import {
  LADDER_EXERCISE,
  carriedRungs,
  ladderGuidance,
  ladderProgress,
  managedKeys,
  rungKey,
  type RungRow,
  ladderPoints,
  type LadderEntry,
} from './ladder-progress';

type ExerciseValues = LadderEntry['values'];
interface ExerciseEntry extends LadderEntry {
  exerciseId: string;
  exerciseVersion: number;
  revision: number;
  feeling: null;
  createdAt: string;
}

let made = 0;
function go(
  day: number,
  values: ExerciseValues,
  status: ExerciseEntry['status'] = 'completed',
): ExerciseEntry {
  made += 1;
  const at = `2026-11-${String(day).padStart(2, '0')}T10:00:00.000Z`;
  return {
    id: `go${made}`,
    exerciseId: LADDER_EXERCISE,
    exerciseVersion: 1,
    revision: 1,
    status,
    values,
    feeling: null,
    createdAt: at,
    updatedAt: at,
    completedAt: status === 'completed' ? at : null,
  };
}

const RUNGS: RungRow[] = [
  { step: 'Say good morning to Sam', expected: 10 },
  { step: 'Tell Sam about my day', expected: 25 },
  { step: 'Say I missed her', expected: 40 },
];

function climb(
  day: number,
  rung: string,
  actual?: number,
  rungs: RungRow[] = RUNGS,
): ExerciseEntry {
  return go(day, {
    ladder: { rungs },
    before: { rung, predicted: 50 },
    ...(actual === undefined ? {} : { after: { actual } }),
  });
}

describe('the closeness ladder', () => {
  it('is the exercise these helpers are for, with rungs of a step and an expected rating', () => {
    const ladder = exerciseById(LADDER_EXERCISE);
    const field = ladder.steps.find((step) => step.id === 'ladder')?.fields[0];
    expect(field?.kind).toBe('rows');
    if (field?.kind !== 'rows') return;
    expect(field.id).toBe('rungs');
    expect(field.columns.map((column) => column.id)).toEqual(['step', 'expected']);
    expect([field.minRows, field.maxRows]).toEqual([8, 15]);
  });
});

describe('carriedRungs', () => {
  it('is null before any ladder is finished; drafts do not count', () => {
    expect(carriedRungs([])).toBeNull();
    expect(carriedRungs([go(1, { ladder: { rungs: RUNGS } }, 'draft')])).toBeNull();
  });

  it('copies the latest completed ladder word for word, leaving out blank rows', () => {
    const older = go(1, { ladder: { rungs: [{ step: 'An old rung', expected: 5 }] } });
    const newer = go(8, {
      ladder: { rungs: [...RUNGS, { step: '  ' }, { step: 'Hold her hand' }] },
    });
    const draft = go(9, { ladder: { rungs: [{ step: 'Still typing' }] } }, 'draft');
    expect(carriedRungs([newer, draft, older])).toEqual([...RUNGS, { step: 'Hold her hand' }]);
  });

  it('falls back to an older go when the latest has no rungs', () => {
    const older = go(1, { ladder: { rungs: RUNGS } });
    const newer = go(8, { ladder: { rungs: [] } });
    expect(carriedRungs([older, newer])).toEqual(RUNGS);
  });
});

describe('managedKeys and ladderProgress', () => {
  it('counts a rung as managed once a completed go recorded how hard it really was, however hard', () => {
    const entries = [
      climb(1, 'Say good morning to Sam', 90),
      climb(2, 'Tell Sam about my day'), // tried, no rating yet
      go(3, { before: { rung: 'Say I missed her' }, after: { actual: 20 } }, 'draft'),
    ];
    expect([...managedKeys(entries)]).toEqual(['say good morning to sam']);
    const { rungs, nextUp } = ladderProgress(RUNGS, entries);
    expect(rungs.map((rung) => rung.managed)).toEqual([true, false, false]);
    expect(nextUp).toBe('Tell Sam about my day');
  });

  it('knows a rung by its words, ignoring case and spacing', () => {
    expect(rungKey('  Tell  Sam about MY day ')).toBe('tell sam about my day');
    const entries = [climb(1, 'tell sam about my day', 30)];
    expect(ladderProgress(RUNGS, entries).rungs[1]?.managed).toBe(true);
  });

  it('suggests the lowest rung not yet managed, by expected difficulty, even one added later', () => {
    const rungs: RungRow[] = [...RUNGS, { step: 'Wave at Sam', expected: 5 }];
    expect(ladderProgress(rungs, []).nextUp).toBe('Wave at Sam');
    const entries = [climb(1, 'Wave at Sam', 10), climb(8, 'Tell Sam about my day', 20)];
    expect(ladderProgress(rungs, entries).nextUp).toBe('Say good morning to Sam');
  });

  it('uses the written order when rungs are not rated, and is null once all are managed', () => {
    const unrated: RungRow[] = RUNGS.map(({ step }) => ({ step: String(step) }));
    const entries = [climb(1, 'Tell Sam about my day', 30, unrated)];
    expect(ladderProgress(unrated, entries).nextUp).toBe('Say good morning to Sam');
    const all = RUNGS.map((rung, index) => climb(index + 1, String(rung.step), 20));
    expect(ladderProgress(RUNGS, all).nextUp).toBeNull();
    expect(ladderProgress(undefined, all)).toEqual({ rungs: [], nextUp: null });
  });

  it('keeps carried rungs the same, so the chart names the same rung across goes', () => {
    const first = climb(1, 'Say good morning to Sam', 30);
    const carried = carriedRungs([first]) ?? [];
    const second = climb(8, String(carried[0]?.step), 15, carried);
    const points = ladderPoints([second, first]);
    expect(points.map((point) => point.rung)).toEqual([
      'Say good morning to Sam',
      'Say good morning to Sam',
    ]);
    expect(points.map((point) => point.actual)).toEqual([30, 15]);
  });
});

describe('ladderGuidance', () => {
  const ladder = (count: number, step = 10) =>
    Array.from({ length: count }, (_, index) => ({
      step: `Rung ${index + 1}`,
      expected: Math.min(100, index * step),
    }));

  it('says gently when there are fewer than 8 or more than 15 rungs', () => {
    expect(ladderGuidance(undefined)).toEqual({
      count: 0,
      tooFew: false,
      tooMany: false,
      jumps: [],
    });
    expect(ladderGuidance(ladder(3))).toMatchObject({ count: 3, tooFew: true, tooMany: false });
    expect(ladderGuidance(ladder(8))).toMatchObject({ tooFew: false, tooMany: false });
    expect(ladderGuidance(ladder(15, 5))).toMatchObject({ tooFew: false, tooMany: false });
    expect(ladderGuidance(ladder(16, 5))).toMatchObject({ count: 16, tooMany: true });
    expect(ladderGuidance([...ladder(3), { step: '' }]).count).toBe(3);
  });

  it('points out neighbouring rungs more than 20 points apart, in order of difficulty', () => {
    expect(ladderGuidance(ladder(8, 20)).jumps).toEqual([]);
    const rungs: RungRow[] = [
      { step: 'Hold hands', expected: 70 },
      { step: 'Wave', expected: 10 },
      { step: 'Unrated' },
      { step: 'Say hello', expected: 25 },
    ];
    expect(ladderGuidance(rungs).jumps).toEqual([{ from: 'Say hello', to: 'Hold hands', gap: 45 }]);
  });
});
