/**
 * The pure arithmetic of Closer's charts: scales, tick values, SVG path strings, and calendar
 * days as numbers. No React and no DOM, so it is unit-tested on its own (chart-geometry.test.ts).
 */

/** Maps a value in `domain` onto `range` in a straight line (either may run backwards). */
export function linearScale(
  domain: readonly [number, number],
  range: readonly [number, number],
): (value: number) => number {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  // A domain of one value (one point) sits in the middle rather than dividing by zero.
  if (d0 === d1) return () => (r0 + r1) / 2;
  const ratio = (r1 - r0) / (d1 - d0);
  return (value: number) => r0 + (value - d0) * ratio;
}

/**
 * Round tick values from `min` to `max` inclusive, about `count` of them, on steps of 1, 2 or
 * 5 times a power of ten, so the axis reads "0, 2, 4, 6, 8, 10" and never "0, 1.67, 3.33".
 */
export function niceTicks(min: number, max: number, count = 5): number[] {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return [];
  if (min === max) return [min];
  const low = Math.min(min, max);
  const high = Math.max(min, max);
  const rough = (high - low) / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = ([1, 2, 5, 10].find((factor) => factor * power >= rough) ?? 10) * power;
  const ticks: number[] = [];
  // Whole multiples of the step, rounded to hide floating-point dust (0.30000000000000004).
  for (let tick = Math.ceil(low / step) * step; tick <= high + step * 1e-9; tick += step)
    ticks.push(Number(tick.toFixed(10)));
  return ticks;
}

/** The top of a count axis: the smallest nice number at least `value` (and at least 1). */
export function niceMax(value: number): number {
  if (!(value > 1)) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  const factor = [1, 2, 2.5, 5, 10].find((candidate) => candidate * power >= value) ?? 10;
  return factor * power;
}

export interface PlotPoint {
  x: number;
  /** Null is a gap: the line stops and starts again after it. */
  y: number | null;
}

/** Coordinates as SVG wants them: at most two decimal places. */
function coordinate(value: number): string {
  return String(Math.round(value * 100) / 100);
}

/**
 * An SVG path through the points in order (already in pixels). A null value breaks the line,
 * so a missing day is never drawn as if it were known; a lone point between gaps draws no
 * line (its marker shows it).
 */
export function linePath(points: readonly PlotPoint[]): string {
  const parts: string[] = [];
  let penDown = false;
  for (const point of points) {
    if (point.y === null) {
      penDown = false;
      continue;
    }
    parts.push(`${penDown ? 'L' : 'M'}${coordinate(point.x)},${coordinate(point.y)}`);
    penDown = true;
  }
  return parts.join(' ');
}

/**
 * Up to `most` values spread evenly from the first to the last, both included: where to put
 * the labels of a long axis so they never crowd (for example 84 days, 6 labels).
 */
export function spreadTicks(first: number, last: number, most: number): number[] {
  if (first === last || most <= 1) return [first];
  const span = last - first;
  const step = Math.max(1, Math.ceil(span / (most - 1)));
  const ticks: number[] = [];
  for (let value = first; value < last; value += step) ticks.push(value);
  // The last label is always the last day; one too close before it makes way.
  if (ticks.length > 1 && last - (ticks[ticks.length - 1] ?? last) < step / 2) ticks.pop();
  ticks.push(last);
  return ticks;
}

/**
 * Which way a label beside a point should run so it stays inside the plot: from the point
 * rightwards near the left edge, leftwards near the right edge, centred in between.
 */
export function labelAnchor(x: number, left: number, right: number): 'start' | 'middle' | 'end' {
  const third = (right - left) / 3;
  if (x < left + third / 2) return 'start';
  if (x > right - third / 2) return 'end';
  return 'middle';
}
