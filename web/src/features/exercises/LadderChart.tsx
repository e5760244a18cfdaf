import { t } from '../../i18n';
import { ChartWithTable } from '../charts/ChartWithTable';
import { timeAxis } from '../charts/time-axis';
import { formatDate } from '../layout/format';
import type { LadderPoint } from './exercise-progress';

/**
 * The closeness ladder over time: how hard each step was expected to be (predicted) and how
 * hard it really was (actual), 0 to 100, one point per go at the time it was done (so goes a
 * day apart and a month apart look different). Drawn with the shared chart, with a
 * text summary and the same numbers as a table. Used on the ladder exercise page and on the
 * progress page (which gives its own title and heading level, and its dates as calendar days).
 */
export function LadderChart({
  points,
  title = t('exercise.ladder.chartTitle'),
  headingLevel = 2,
  formatWhen = formatDate,
}: {
  points: readonly LadderPoint[];
  title?: string;
  headingLevel?: 2 | 3;
  /** How a point's `date` is written in the table; by default as an instant's date. */
  formatWhen?: (date: string) => string;
}) {
  if (points.length === 0) return null;
  const last = points[points.length - 1];
  const summary =
    last && last.predicted !== null && last.actual !== null
      ? t(points.length === 1 ? 'exercise.ladder.summaryOne' : 'exercise.ladder.summary', {
          count: points.length,
          predicted: last.predicted,
          actual: last.actual,
        })
      : t(
          points.length === 1 ? 'exercise.ladder.summaryShortOne' : 'exercise.ladder.summaryShort',
          {
            count: points.length,
          },
        );
  const axis = timeAxis(points.map((point) => point.date));
  const series = (key: 'predicted' | 'actual') =>
    points.map((point, index) => ({ x: axis.positions[index] ?? 0, y: point[key] }));
  const rated = (value: number | null) => value ?? t('exercise.ladder.notRated');

  return (
    <ChartWithTable
      className="ladder-chart"
      title={title}
      headingLevel={headingLevel}
      summary={summary}
      words={{
        showTable: t('exercise.ladder.showTable'),
        showChart: t('exercise.ladder.showChart'),
      }}
      chart={{
        name: `${title}. ${summary}`,
        series: [
          {
            id: 'predicted',
            label: t('exercise.ladder.predicted'),
            tone: 2,
            dash: 'dashed',
            marker: 'circle',
            points: series('predicted'),
          },
          {
            id: 'actual',
            label: t('exercise.ladder.actual'),
            tone: 1,
            marker: 'square',
            points: series('actual'),
          },
        ],
        x: { domain: axis.domain, ticks: axis.ticks },
        y: { domain: [0, 100], ticks: [0, 25, 50, 75, 100] },
      }}
      table={{
        caption: t('exercise.ladder.table'),
        columns: [
          t('exercise.ladder.date'),
          t('exercise.ladder.step'),
          t('exercise.ladder.predicted'),
          t('exercise.ladder.actual'),
        ],
        rows: points.map((point) => ({
          id: point.id,
          header: formatWhen(point.date),
          cells: [point.rung, rated(point.predicted), rated(point.actual)],
        })),
      }}
    />
  );
}
