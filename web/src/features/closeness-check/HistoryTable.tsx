import { Link } from 'react-router';
import type { ScoredSubscaleId } from '../../../../core/assessment/closeness-check.definition';
import type { CheckDefinition, CheckSummary } from '../../api/types';
import { t } from '../../i18n';
import { formatDate, formatDateTime } from '../layout/format';
import { TableScroll } from '../layout/TableScroll';
import { bandOf, scoredSubscales } from './check-words';

const LINE_WIDTH = 120;
const LINE_HEIGHT = 36;
const LINE_PADDING = 4;

/**
 * A small line of one part's scores over time (0–100, oldest on the left). Decoration only:
 * the same numbers are in the row it sits in, so it is hidden from assistive technology.
 */
export function ScoreLine({ values }: { values: (number | null)[] }) {
  const step = values.length > 1 ? (LINE_WIDTH - 2 * LINE_PADDING) / (values.length - 1) : 0;
  const y = (value: number) =>
    LINE_PADDING + ((100 - value) / 100) * (LINE_HEIGHT - 2 * LINE_PADDING);
  const x = (position: number) =>
    values.length > 1 ? LINE_PADDING + position * step : LINE_WIDTH / 2;
  // A missing score breaks the line rather than joining across the gap.
  const runs: { x: number; y: number }[][] = [[]];
  values.forEach((value, position) => {
    if (value === null) runs.push([]);
    else runs[runs.length - 1]?.push({ x: x(position), y: y(value) });
  });
  return (
    <svg
      className="score-line"
      viewBox={`0 0 ${LINE_WIDTH} ${LINE_HEIGHT}`}
      width={LINE_WIDTH}
      height={LINE_HEIGHT}
      aria-hidden="true"
      focusable="false"
    >
      <line
        className="score-line__axis"
        x1={LINE_PADDING}
        x2={LINE_WIDTH - LINE_PADDING}
        y1={LINE_HEIGHT - LINE_PADDING}
        y2={LINE_HEIGHT - LINE_PADDING}
      />
      {runs.map((run, index) =>
        run.length > 1 ? (
          <polyline
            key={index}
            className="score-line__line"
            points={run.map((point) => `${point.x},${point.y}`).join(' ')}
          />
        ) : null,
      )}
      {runs.flat().map((point, index) => (
        <circle key={index} className="score-line__point" cx={point.x} cy={point.y} r="2.5" />
      ))}
    </svg>
  );
}

/**
 * Each part's score at each Check, oldest first, as a plain table: the number, the band word,
 * and, where the server judged it so, a reliable change since the Check before.
 */
export function HistoryTable({
  definition,
  responses,
}: {
  definition: CheckDefinition;
  /** Newest first, as the API gives them. */
  responses: CheckSummary[];
}) {
  const oldestFirst = [...responses].reverse();
  // Two Checks on one day are told apart by their time.
  const days = oldestFirst.map((response) => formatDate(response.createdAt));
  const label = (response: CheckSummary, position: number) =>
    days.indexOf(days[position] ?? '') !== days.lastIndexOf(days[position] ?? '')
      ? formatDateTime(response.createdAt)
      : formatDate(response.createdAt);
  const { signs, roots } = scoredSubscales(definition);
  const row = (subscale: { id: ScoredSubscaleId; title: string }) => (
    <tr key={subscale.id} data-subscale={subscale.id}>
      <th scope="row">{subscale.title}</th>
      {oldestFirst.map((response) => {
        const index = response.index[subscale.id];
        const band = bandOf(definition, response.bands[subscale.id]);
        const change = response.change?.[subscale.id];
        return (
          <td key={response.id}>
            {index === null || index === undefined ? (
              <span className="history__none">{t('check.history.none')}</span>
            ) : (
              <>
                <span className="history__index">{index}</span>{' '}
                {band ? <span className={`band band--${band.id}`}>{band.label}</span> : null}
              </>
            )}
            {change?.reliable ? (
              <span className="history__reliable">
                <span aria-hidden="true">◆ </span>
                {change.label === 'reliable-improvement'
                  ? t('check.history.reliableDown')
                  : t('check.history.reliableUp')}
              </span>
            ) : null}
          </td>
        );
      })}
      <td>
        <ScoreLine values={oldestFirst.map((response) => response.index[subscale.id] ?? null)} />
      </td>
    </tr>
  );
  const group = (title: string) => (
    <tr className="history__group">
      <th scope="rowgroup" colSpan={oldestFirst.length + 2}>
        {title}
      </th>
    </tr>
  );
  return (
    <TableScroll label={t('check.history.table')}>
      <table className="history">
        <caption>{t('check.history.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('check.history.part')}</th>
            {oldestFirst.map((response, position) => (
              <th scope="col" key={response.id}>
                <Link to={`/check/results/${encodeURIComponent(response.id)}`}>
                  {label(response, position)}
                </Link>
              </th>
            ))}
            <th scope="col">{t('check.history.overTime')}</th>
          </tr>
        </thead>
        <tbody>
          {group(t('check.results.signs'))}
          {signs.map(row)}
        </tbody>
        <tbody>
          {group(t('check.results.roots'))}
          {roots.map(row)}
        </tbody>
      </table>
    </TableScroll>
  );
}
