import { useEffect, useId, useRef, useState } from 'react';
import { labelAnchor, linearScale, linePath, niceTicks } from './chart-geometry';
import './charts.css';

/**
 * Closer's one chart: a small SVG drawing of a few series over a shared x axis (decision
 * 0014: about a kilobyte, instead of a charting library). It is a picture with a name
 * (`role="img"`), so the numbers it shows must also be given in words or a table — use
 * `ChartWithTable`, which does both.
 *
 * - Lines, points only, or bars, each series in one of three tones taken from CSS custom
 *   properties (charts.css), so light and dark mode both read well.
 * - Meaning never rests on colour alone: each series also has its own dash pattern and
 *   marker shape, shown in the key, and a marked point (for example a reliable change) gets
 *   a diamond and a short label.
 * - Real text for the ticks; the drawing is as wide as its space (300 to 600 units, one unit
 *   about one pixel), so the labels stay readable on a 320 px screen and at 200 % zoom, and
 *   it prints as vectors. A narrow chart shows fewer x labels. Nothing moves, so reduced
 *   motion is respected.
 */

export type SeriesTone = 1 | 2 | 3;
export type MarkerShape = 'circle' | 'square' | 'triangle' | 'none';

export interface ChartPoint {
  x: number;
  /** Null: no value here; a line breaks rather than joining across the gap. */
  y: number | null;
  /** A short label for a point that stands out (drawn as a labelled diamond). */
  mark?: string;
}

export interface ChartSeries {
  id: string;
  /** The series' name in the key. */
  label: string;
  /** 'line' (with markers), 'points' (markers only) or 'bars'. Default: 'line'. */
  kind?: 'line' | 'points' | 'bars';
  tone: SeriesTone;
  /** The line's pattern, so lines differ without colour. Default: 'solid'. */
  dash?: 'solid' | 'dashed' | 'dotted';
  /** Default: 'circle' for points, none for lines. */
  marker?: MarkerShape;
  points: readonly ChartPoint[];
}

export interface AxisTick {
  value: number;
  label: string;
}

export interface LineChartProps {
  /** The accessible name: what the chart shows, in one sentence. */
  name: string;
  series: readonly ChartSeries[];
  x: { domain: readonly [number, number]; ticks: readonly AxisTick[] };
  /** Ticks default to about five round numbers across the domain; `label` names the scale. */
  y: { domain: readonly [number, number]; ticks?: readonly number[]; label?: string };
  /** The key's words for a marked point (when any point has `mark`). */
  markLabel?: string;
}

/** The widest drawing, in units; narrower spaces get a narrower drawing (never below MIN). */
const WIDTH = 600;
const MIN_WIDTH = 300;
const HEIGHT = 260;
/** Room each x label needs, in units, so labels never run into each other. */
const LABEL_ROOM = 80;
const PAD = { top: 28, right: 32, bottom: 36, left: 44 };
const MARKER = 5;

function Marker({
  shape,
  x,
  y,
  className,
}: {
  shape: MarkerShape;
  x: number;
  y: number;
  className: string;
}) {
  switch (shape) {
    case 'circle':
      return <circle className={className} cx={x} cy={y} r={MARKER} />;
    case 'square':
      return (
        <rect
          className={className}
          x={x - MARKER}
          y={y - MARKER}
          width={MARKER * 2}
          height={MARKER * 2}
        />
      );
    case 'triangle':
      return (
        <polygon
          className={className}
          points={`${x},${y - MARKER - 1} ${x + MARKER + 1},${y + MARKER} ${x - MARKER - 1},${y + MARKER}`}
        />
      );
    case 'none':
      return null;
  }
}

function Diamond({ x, y }: { x: number; y: number }) {
  const size = MARKER + 4;
  return (
    <polygon
      className="chart__mark"
      points={`${x},${y - size} ${x + size},${y} ${x},${y + size} ${x - size},${y}`}
    />
  );
}

function markerOf(series: ChartSeries): MarkerShape {
  return series.marker ?? (series.kind === 'points' ? 'circle' : 'none');
}

/** A sample of a series' look for the key: its line pattern and marker, or a bar. */
function KeySwatch({ series }: { series: ChartSeries }) {
  const kind = series.kind ?? 'line';
  return (
    <svg className="chart__swatch" viewBox="0 0 32 16" aria-hidden="true" focusable="false">
      {kind === 'bars' ? (
        <rect
          className={`chart__bar chart--tone-${series.tone}`}
          x={8}
          y={2}
          width={16}
          height={12}
        />
      ) : (
        <>
          {kind === 'line' ? (
            <line
              className={`chart__line chart__line--${series.dash ?? 'solid'} chart--tone-${series.tone}`}
              x1={1}
              x2={31}
              y1={8}
              y2={8}
            />
          ) : null}
          <Marker
            shape={markerOf(series)}
            x={16}
            y={8}
            className={`chart__marker chart--tone-${series.tone}`}
          />
        </>
      )}
    </svg>
  );
}

/**
 * The drawing's width in units: the figure's width in CSS pixels, between MIN_WIDTH and
 * WIDTH, so one unit stays about one pixel and text keeps its size on a small screen.
 */
function useDrawingWidth() {
  const ref = useRef<HTMLElement>(null);
  const [width, setWidth] = useState(WIDTH);
  useEffect(() => {
    const element = ref.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    const measure = () => {
      const space = element.getBoundingClientRect().width;
      if (space > 0) setWidth(Math.round(Math.min(WIDTH, Math.max(MIN_WIDTH, space))));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return { ref, width };
}

/** At most `most` of the ticks, evenly chosen, always with the first and the last. */
function fewerTicks<T>(ticks: readonly T[], most: number): readonly T[] {
  if (ticks.length <= most) return ticks;
  if (most <= 1) return ticks.slice(-1);
  const chosen = new Set<number>();
  for (let step = 0; step < most; step += 1)
    chosen.add(Math.round((step * (ticks.length - 1)) / (most - 1)));
  return ticks.filter((_, index) => chosen.has(index));
}

export function LineChart({ name, series, x, y, markLabel }: LineChartProps) {
  const titleId = useId();
  const { ref, width } = useDrawingWidth();
  const xTicks = fewerTicks(
    x.ticks,
    Math.max(2, Math.floor((width - PAD.left - PAD.right) / LABEL_ROOM)),
  );
  const xOf = linearScale(x.domain, [PAD.left, width - PAD.right]);
  const yOf = linearScale(y.domain, [HEIGHT - PAD.bottom, PAD.top]);
  const yTicks = y.ticks ?? niceTicks(y.domain[0], y.domain[1], 5);
  const bars = series.filter((one) => one.kind === 'bars');
  // Bars share the space between neighbouring x values.
  const barXs = [...new Set(bars.flatMap((one) => one.points.map((point) => point.x)))];
  const spacing =
    barXs.length > 1
      ? Math.abs(xOf(barXs[1] ?? 0) - xOf(barXs[0] ?? 0))
      : width - PAD.left - PAD.right;
  const barWidth = Math.min(36, (spacing * 0.7) / Math.max(1, bars.length));
  const marked = series.some((one) => one.points.some((point) => point.mark));

  return (
    <figure className="chart" ref={ref}>
      <ul className="chart__key">
        {series.map((one) => (
          <li key={one.id}>
            <KeySwatch series={one} />
            {one.label}
          </li>
        ))}
        {marked && markLabel ? (
          <li>
            <svg className="chart__swatch" viewBox="0 0 32 16" aria-hidden="true" focusable="false">
              <polygon className="chart__mark" points="16,1 23,8 16,15 9,8" />
            </svg>
            {markLabel}
          </li>
        ) : null}
      </ul>
      <svg
        className="chart__svg"
        viewBox={`0 0 ${width} ${HEIGHT}`}
        role="img"
        aria-labelledby={titleId}
      >
        <title id={titleId}>{name}</title>
        {y.label ? (
          <text className="chart__tick" x={4} y={14} textAnchor="start">
            {y.label}
          </text>
        ) : null}
        {yTicks.map((tick) => (
          <g key={tick}>
            <line
              className="chart__grid"
              x1={PAD.left}
              x2={width - PAD.right}
              y1={yOf(tick)}
              y2={yOf(tick)}
            />
            <text className="chart__tick" x={PAD.left - 8} y={yOf(tick) + 5} textAnchor="end">
              {tick}
            </text>
          </g>
        ))}
        {xTicks.map((tick) => (
          <text
            key={tick.value}
            className="chart__tick"
            x={xOf(tick.value)}
            y={HEIGHT - 10}
            textAnchor="middle"
          >
            {tick.label}
          </text>
        ))}
        {bars.map((one, index) =>
          one.points.map((point, position) =>
            // A bar of nothing is not drawn at all: the axis already says 0.
            point.y === null || point.y === y.domain[0] ? null : (
              <rect
                key={`${one.id}-${position}`}
                className={`chart__bar chart--tone-${one.tone}`}
                x={xOf(point.x) - (barWidth * bars.length) / 2 + index * barWidth}
                y={Math.min(yOf(point.y), yOf(y.domain[0]))}
                width={barWidth}
                height={Math.abs(yOf(y.domain[0]) - yOf(point.y))}
              />
            ),
          ),
        )}
        {series
          .filter((one) => (one.kind ?? 'line') === 'line')
          .map((one) => (
            <path
              key={one.id}
              className={`chart__line chart__line--${one.dash ?? 'solid'} chart--tone-${one.tone}`}
              d={linePath(
                one.points.map((point) => ({
                  x: xOf(point.x),
                  y: point.y === null ? null : yOf(point.y),
                })),
              )}
            />
          ))}
        {series
          .filter((one) => one.kind !== 'bars')
          .map((one) =>
            one.points.map((point, position) =>
              point.y === null ? null : (
                <Marker
                  key={`${one.id}-${position}`}
                  shape={markerOf(one)}
                  x={xOf(point.x)}
                  y={yOf(point.y)}
                  className={`chart__marker chart--tone-${one.tone}`}
                />
              ),
            ),
          )}
        {series.map((one) =>
          one.points.map((point, position) =>
            point.mark && point.y !== null ? (
              <g key={`${one.id}-mark-${position}`}>
                <Diamond x={xOf(point.x)} y={yOf(point.y)} />
                <text
                  className="chart__mark-label"
                  x={xOf(point.x)}
                  y={yOf(point.y) - 14}
                  textAnchor={labelAnchor(xOf(point.x), PAD.left, width - PAD.right)}
                >
                  {point.mark}
                </text>
              </g>
            ) : null,
          ),
        )}
      </svg>
    </figure>
  );
}
