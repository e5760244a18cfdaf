import { describe, expect, it } from 'vitest';
import {
  labelAnchor,
  linearScale,
  linePath,
  niceMax,
  niceTicks,
  spreadTicks,
} from './chart-geometry';

describe('linearScale', () => {
  it('maps the domain onto the range in a straight line, also upside down', () => {
    const x = linearScale([0, 10], [40, 540]);
    expect(x(0)).toBe(40);
    expect(x(5)).toBe(290);
    expect(x(10)).toBe(540);
    const y = linearScale([0, 100], [224, 28]);
    expect(y(0)).toBe(224);
    expect(y(100)).toBe(28);
    expect(y(50)).toBe(126);
  });

  it('puts a single value in the middle instead of dividing by zero', () => {
    expect(linearScale([3, 3], [40, 540])(3)).toBe(290);
  });
});

describe('niceTicks', () => {
  it('gives round steps of 1, 2 or 5 times a power of ten, ends included', () => {
    expect(niceTicks(0, 10, 5)).toEqual([0, 2, 4, 6, 8, 10]);
    expect(niceTicks(1, 5, 4)).toEqual([1, 2, 3, 4, 5]);
    expect(niceTicks(0, 100, 4)).toEqual([0, 50, 100]);
    expect(niceTicks(0, 1, 5)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
  });

  it('copes with one value, reversed ends and nonsense', () => {
    expect(niceTicks(4, 4)).toEqual([4]);
    expect(niceTicks(10, 0, 5)).toEqual([0, 2, 4, 6, 8, 10]);
    expect(niceTicks(Number.NaN, 3)).toEqual([]);
  });
});

describe('niceMax', () => {
  it('rounds a count axis up to a nice top, at least 1', () => {
    expect(niceMax(0)).toBe(1);
    expect(niceMax(1)).toBe(1);
    expect(niceMax(3)).toBe(5);
    expect(niceMax(7)).toBe(10);
    expect(niceMax(12)).toBe(20);
    expect(niceMax(23)).toBe(25);
  });
});

describe('linePath', () => {
  it('moves to the first point and draws lines to the rest', () => {
    expect(
      linePath([
        { x: 0, y: 10 },
        { x: 5, y: 20 },
        { x: 10.123, y: 15.456 },
      ]),
    ).toBe('M0,10 L5,20 L10.12,15.46');
  });

  it('breaks the line at a missing value rather than joining across it', () => {
    expect(
      linePath([
        { x: 0, y: 1 },
        { x: 1, y: null },
        { x: 2, y: 3 },
        { x: 3, y: 4 },
      ]),
    ).toBe('M0,1 M2,3 L3,4');
  });

  it('draws nothing for no points', () => {
    expect(linePath([])).toBe('');
    expect(linePath([{ x: 1, y: null }])).toBe('');
  });
});

describe('spreadTicks', () => {
  it('spreads at most the given number of labels, first and last included', () => {
    expect(spreadTicks(0, 83, 6)).toEqual([0, 17, 34, 51, 68, 83]);
    expect(spreadTicks(0, 4, 10)).toEqual([0, 1, 2, 3, 4]);
    expect(spreadTicks(5, 5, 6)).toEqual([5]);
  });

  it('drops a label that would crowd the last one', () => {
    const ticks = spreadTicks(0, 10, 4);
    expect(ticks[0]).toBe(0);
    expect(ticks[ticks.length - 1]).toBe(10);
    expect(ticks.length).toBeLessThanOrEqual(4);
    for (let index = 1; index < ticks.length; index += 1)
      expect((ticks[index] ?? 0) - (ticks[index - 1] ?? 0)).toBeGreaterThanOrEqual(2);
  });
});

describe('labelAnchor', () => {
  it('keeps a label inside the plot: rightwards at the left edge, leftwards at the right', () => {
    expect(labelAnchor(44, 44, 568)).toBe('start');
    expect(labelAnchor(300, 44, 568)).toBe('middle');
    expect(labelAnchor(568, 44, 568)).toBe('end');
  });
});
