import { useId, useState, type ReactNode } from 'react';
import { t } from '../../i18n';
import { TableScroll } from '../layout/TableScroll';
import { LineChart, type LineChartProps } from './LineChart';

/** The same numbers as the chart, as a table: one row per point, its first cell the row's name. */
export interface ChartTable {
  /** Says what the table holds (a real <caption>). */
  caption: string;
  /** Column headings; the first heads the column of row names. */
  columns: readonly string[];
  rows: readonly { id: string; header: string; cells: readonly (string | number)[] }[];
}

export interface ChartWithTableProps {
  title: string;
  /** 2 by default; 3 for a chart inside a section of its own. */
  headingLevel?: 2 | 3;
  /** One sentence in plain words: what the chart says. Always shown. */
  summary: string;
  /** Anything else to say under the summary (a note, a key to a mark). */
  children?: ReactNode;
  chart: LineChartProps;
  table: ChartTable;
  /** A class for the whole section, for a page's own tests and styles. */
  className?: string;
  /** The toggle's words; by default "Show as a table" and "Show as a chart". */
  words?: { showTable: string; showChart: string };
}

/**
 * A chart that can always be read another way: a heading, a one-sentence summary, the chart
 * (a named picture), and a button that swaps it for a real table of the same numbers and
 * back. The button says which view it opens and reports `aria-expanded` for the table, and
 * `aria-controls` names the area that holds whichever view is showing.
 *
 * Usage:
 * ```tsx
 * <ChartWithTable title="Mood" summary="Your 7-day average is 6." chart={{ name, series, x, y }}
 *   table={{ caption, columns: ['Date', 'That day'], rows }} />
 * ```
 */
export function ChartWithTable({
  title,
  headingLevel = 2,
  summary,
  children,
  chart,
  table,
  className,
  words,
}: ChartWithTableProps) {
  const [asTable, setAsTable] = useState(false);
  const titleId = useId();
  const viewId = useId();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const showTable = words?.showTable ?? t('progress.table.show');
  const showChart = words?.showChart ?? t('progress.table.showChart');
  return (
    <section className={`chart-block${className ? ` ${className}` : ''}`} aria-labelledby={titleId}>
      <Heading id={titleId}>{title}</Heading>
      <p>{summary}</p>
      {children}
      <div id={viewId}>
        {asTable ? (
          <TableScroll label={table.caption}>
            <table className="chart-block__table">
              <caption>{table.caption}</caption>
              <thead>
                <tr>
                  {table.columns.map((column) => (
                    <th key={column} scope="col">
                      {column}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {table.rows.map((row) => (
                  <tr key={row.id}>
                    <th scope="row">{row.header}</th>
                    {row.cells.map((cell, index) => (
                      <td key={index}>{cell}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        ) : (
          <LineChart {...chart} />
        )}
      </div>
      <p>
        <button
          type="button"
          className="button button--small"
          aria-expanded={asTable}
          aria-controls={viewId}
          onClick={() => setAsTable((now) => !now)}
        >
          {asTable ? showChart : showTable}
        </button>
      </p>
    </section>
  );
}
