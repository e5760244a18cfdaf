import { useId, useState } from 'react';
import { t } from '../../i18n';
import { formatDate } from '../layout/format';
import { TableScroll } from '../layout/TableScroll';
import type { LadderPoint } from './exercise-progress';

const WIDTH = 600;
const HEIGHT = 260;
const PAD = { top: 16, right: 16, bottom: 36, left: 44 };

/**
 * The closeness ladder over time: how hard each step was expected to be (predicted) and how
 * hard it really was (actual), 0 to 100. An SVG with a text summary, and the same numbers as
 * a table for anyone who prefers one. Colours come from the theme, so it works in dark mode.
 */
export function LadderChart({ points }: { points: readonly LadderPoint[] }) {
  const [asTable, setAsTable] = useState(false);
  const titleId = useId();
  const descId = useId();
  if (points.length === 0) return null;
  const innerWidth = WIDTH - PAD.left - PAD.right;
  const innerHeight = HEIGHT - PAD.top - PAD.bottom;
  const x = (index: number) =>
    PAD.left + (points.length === 1 ? innerWidth / 2 : (index * innerWidth) / (points.length - 1));
  const y = (value: number) => PAD.top + innerHeight - (value / 100) * innerHeight;
  const line = (key: 'predicted' | 'actual') =>
    points
      .map((point, index) => [index, point[key]] as const)
      .filter((pair): pair is readonly [number, number] => pair[1] !== null)
      .map(([index, value], at) => `${at === 0 ? 'M' : 'L'}${x(index)},${y(value)}`)
      .join(' ');
  const last = points[points.length - 1];
  const summary =
    last && last.predicted !== null && last.actual !== null
      ? t('exercise.ladder.summary', {
          count: points.length,
          predicted: last.predicted,
          actual: last.actual,
        })
      : t('exercise.ladder.summaryShort', { count: points.length });

  return (
    <section className="ladder-chart" aria-labelledby={titleId}>
      <h2 id={titleId}>{t('exercise.ladder.chartTitle')}</h2>
      <p id={descId}>{summary}</p>
      <p className="ladder-chart__key">
        <span className="ladder-chart__swatch ladder-chart__swatch--predicted" aria-hidden="true" />
        {t('exercise.ladder.predicted')}
        <span className="ladder-chart__swatch ladder-chart__swatch--actual" aria-hidden="true" />
        {t('exercise.ladder.actual')}
      </p>
      {asTable ? (
        <TableScroll label={t('exercise.ladder.table')}>
          <table>
            <caption className="visually-hidden">{t('exercise.ladder.chartTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('exercise.ladder.date')}</th>
                <th scope="col">{t('exercise.ladder.step')}</th>
                <th scope="col">{t('exercise.ladder.predicted')}</th>
                <th scope="col">{t('exercise.ladder.actual')}</th>
              </tr>
            </thead>
            <tbody>
              {points.map((point) => (
                <tr key={point.id}>
                  <td>{formatDate(point.date)}</td>
                  <td>{point.rung}</td>
                  <td>{point.predicted ?? '–'}</td>
                  <td>{point.actual ?? '–'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : (
        <svg
          className="ladder-chart__svg"
          viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
          role="img"
          aria-labelledby={`${titleId} ${descId}`}
        >
          {[0, 25, 50, 75, 100].map((tick) => (
            <g key={tick}>
              <line
                className="ladder-chart__grid"
                x1={PAD.left}
                x2={WIDTH - PAD.right}
                y1={y(tick)}
                y2={y(tick)}
              />
              <text
                className="ladder-chart__label"
                x={PAD.left - 8}
                y={y(tick) + 4}
                textAnchor="end"
              >
                {tick}
              </text>
            </g>
          ))}
          {points.map((point, index) => (
            <text
              key={point.id}
              className="ladder-chart__label"
              x={x(index)}
              y={HEIGHT - 12}
              textAnchor="middle"
            >
              {index + 1}
            </text>
          ))}
          <path
            className="ladder-chart__line ladder-chart__line--predicted"
            d={line('predicted')}
          />
          <path className="ladder-chart__line ladder-chart__line--actual" d={line('actual')} />
          {points.map((point, index) => (
            <g key={point.id}>
              {point.predicted !== null ? (
                <circle
                  className="ladder-chart__dot ladder-chart__dot--predicted"
                  cx={x(index)}
                  cy={y(point.predicted)}
                  r={5}
                />
              ) : null}
              {point.actual !== null ? (
                <rect
                  className="ladder-chart__dot ladder-chart__dot--actual"
                  x={x(index) - 5}
                  y={y(point.actual) - 5}
                  width={10}
                  height={10}
                />
              ) : null}
            </g>
          ))}
        </svg>
      )}
      <p>
        <button
          type="button"
          className="button button--small"
          aria-pressed={asTable}
          onClick={() => setAsTable((now) => !now)}
        >
          {asTable ? t('exercise.ladder.showChart') : t('exercise.ladder.showTable')}
        </button>
      </p>
    </section>
  );
}
