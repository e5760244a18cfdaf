import { describe, expect, it } from 'vitest';
import { timeAxis } from './time-axis';

describe('timeAxis', () => {
  it('spaces moments by time, not by order', () => {
    const axis = timeAxis([
      '2027-01-01T10:00:00.000Z',
      '2027-01-08T10:00:00.000Z',
      '2027-07-08T10:00:00.000Z',
    ]);
    const [a, b, c] = axis.positions as [number, number, number];
    expect(b - a).toBeCloseTo(7);
    expect(c - b).toBeCloseTo(181);
    expect(axis.domain).toEqual([a, c]);
    // Over six months the labels name months, each once.
    const labels = axis.ticks.map((tick) => tick.label);
    expect(new Set(labels).size).toBe(labels.length);
    expect(labels[0]).toMatch(/Jan 2027/);
  });

  it('spreads several goes on one calendar day across that day', () => {
    const axis = timeAxis(['2027-03-01', '2027-03-01', '2027-03-04']);
    const [a, b, c] = axis.positions as [number, number, number];
    expect(a).toBeLessThan(b);
    expect(Math.floor(a)).toBe(Math.floor(b));
    expect(c - a).toBeGreaterThan(2);
    expect(axis.ticks[0]?.label).toBe('1 Mar');
    expect(axis.ticks.map((tick) => tick.label)).toContain('4 Mar');
  });

  it('gives one tick for one moment', () => {
    const axis = timeAxis(['2027-03-01T09:00:00.000Z']);
    expect(axis.ticks).toHaveLength(1);
    expect(axis.domain[0]).toBe(axis.domain[1]);
  });
});
