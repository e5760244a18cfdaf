import { describe, expect, it } from 'vitest';
import { dayNumberOf } from '../../../../core/checkins/calendar-day';
import type { ProgressCheck } from '../../../../core/progress/progress-view';
import {
  anyReliableChange,
  checkinChartData,
  checkSubscaleData,
  longDay,
  shortDay,
  shown,
  stepsChartData,
} from './progress-charts';

const day = (date: string) => dayNumberOf(date) ?? Number.NaN;

describe('checkinChartData', () => {
  it('places each day on its own date, with the real gaps between days', () => {
    const data = checkinChartData(
      [
        { date: '2027-02-01', value: 4, average: 4 },
        { date: '2027-02-02', value: 5.5, average: 4.8 },
        { date: '2027-02-04', value: 6, average: 5.2 },
      ],
      { from: '2027-01-25', to: '2027-02-05' },
    );
    expect(data.domain).toEqual([day('2027-02-01'), day('2027-02-05')]);
    expect(data.from).toBe('2027-02-01');
    expect(data.daily).toEqual([
      { x: day('2027-02-01'), y: 4 },
      { x: day('2027-02-02'), y: 5.5 },
      { x: day('2027-02-04'), y: 6 },
    ]);
    expect(data.average.map((point) => point.y)).toEqual([4, 4.8, 5.2]);
    expect(data.ticks[0]).toEqual({ value: day('2027-02-01'), date: '2027-02-01' });
    expect(data.ticks[data.ticks.length - 1]).toEqual({
      value: day('2027-02-05'),
      date: '2027-02-05',
    });
    expect(data.ticks.length).toBeLessThanOrEqual(6);
  });

  it('starts the axis at the range when the check-ins began before it', () => {
    const data = checkinChartData([{ date: '2027-01-20', value: 3, average: 3 }], {
      from: '2027-01-25',
      to: '2027-02-05',
    });
    expect(data.domain).toEqual([day('2027-01-25'), day('2027-02-05')]);
  });

  it('breaks the average line after a week or more without a check-in, never bridging it', () => {
    const data = checkinChartData(
      [
        { date: '2027-01-01', value: 3, average: 3 },
        { date: '2027-01-07', value: 5, average: 4 },
        { date: '2027-01-20', value: 7, average: 7 },
      ],
      { from: '2026-12-28', to: '2027-01-21' },
    );
    expect(data.average).toEqual([
      { x: day('2027-01-01'), y: 3 },
      { x: day('2027-01-07'), y: 4 },
      { x: day('2027-01-19'), y: null },
      { x: day('2027-01-20'), y: 7 },
    ]);
  });
});

/** A Check with a trust index (0–100) and change labels (only what the chart reads). */
const check = (
  id: string,
  trust: number | null,
  changes: Record<string, string> | null,
  createdAt = `2027-0${id}-01T10:00:00.000Z`,
) =>
  ({
    id,
    createdAt,
    version: 1,
    scores: { trust: 3, sharing: 2 },
    index: { trust, sharing: 50 },
    changes,
  }) as unknown as ProgressCheck;

const daysOf = (instant: string) => Date.parse(instant) / 86_400_000;

describe('checkSubscaleData', () => {
  const reliable = { trust: 'reliable-improvement', sharing: 'no-reliable-change' };
  const notJudged = { trust: 'not-assessed', sharing: 'not-assessed' };

  it('marks a reliable change, and only that, with its label', () => {
    const checks = [check('1', 75, null), check('2', 38, reliable), check('3', 31, notJudged)];
    const data = checkSubscaleData(checks, 'trust', 'reliable change');
    expect(data.points.map((point) => [point.y, point.change, point.mark])).toEqual([
      [75, null, undefined],
      [38, 'reliable-improvement', 'reliable change'],
      [31, 'not-assessed', undefined],
    ]);
    expect([data.first, data.last]).toEqual([75, 31]);
    expect(anyReliableChange(checks)).toBe(true);
    expect(anyReliableChange([checks[0]!, checks[2]!])).toBe(false);
  });

  it('leaves a Check without a score as a gap', () => {
    const data = checkSubscaleData(
      [check('1', null, null), check('2', 3, notJudged)],
      'trust',
      'reliable change',
    );
    expect(data.points.map((point) => point.y)).toEqual([null, 3]);
    expect([data.first, data.last]).toEqual([3, 3]);
  });

  it('places each Check at the day it was taken, so a week and six months look different', () => {
    const at = ['2027-01-01T10:00:00.000Z', '2027-01-08T10:00:00.000Z', '2027-07-08T10:00:00.000Z'];
    const data = checkSubscaleData(
      at.map((createdAt, index) => check(String(index + 1), 50, null, createdAt)),
      'trust',
      'reliable change',
    );
    expect(data.points.map((point) => point.x)).toEqual(at.map(daysOf));
    expect(data.domain).toEqual([daysOf(at[0]!), daysOf(at[2]!)]);
    expect(data.ticks.length).toBeGreaterThan(1);
  });
});

describe('stepsChartData', () => {
  it('gives bars of finished steps and a line of planned ones, one place per week', () => {
    const steps = Array.from({ length: 12 }, (_, index) => ({
      week: `2027-W${String(index + 1).padStart(2, '0')}`,
      completed: index === 11 ? 3 : index === 10 ? 1 : 0,
      planned: index >= 10 ? 4 : 0,
    }));
    const data = stepsChartData(steps);
    expect(data.completed).toHaveLength(12);
    expect(data.completed[11]).toEqual({ x: 11, y: 3 });
    expect(data.planned[10]).toEqual({ x: 10, y: 4 });
    expect(data.total).toBe(4);
    expect(data.max).toBe(5);
    expect(data.yTicks).toEqual([0, 1, 2, 3, 4, 5]);
    expect(data.anything).toBe(true);
    expect(data.ticks[0]).toEqual({ value: 0, week: '2027-W01', date: '2027-01-04' });
    expect(data.ticks[data.ticks.length - 1]?.week).toBe('2027-W12');
  });

  it('says when there is nothing to show, so the page can say it kindly', () => {
    const data = stepsChartData([{ week: '2027-W05', completed: 0, planned: 0 }]);
    expect(data.anything).toBe(false);
    expect(data.yTicks).toEqual([0, 1]);
  });
});

describe('words for days and numbers', () => {
  it('writes calendar days the same in every time zone', () => {
    expect(shortDay('2027-02-01')).toBe('1 Feb');
    expect(longDay('2027-02-01')).toBe('1 February 2027');
    expect(shown(4)).toBe('4');
    expect(shown(4.75)).toBe('4.8');
  });
});
