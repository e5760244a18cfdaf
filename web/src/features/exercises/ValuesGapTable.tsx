import { useId } from 'react';
import { t } from '../../i18n';
import { TableScroll } from '../layout/TableScroll';
import type { FieldValue } from './exercises-api';
import { biggestGap, rankValuesGaps } from './values-gaps';

/**
 * The values compass after rating: each area's gap (how much it matters minus how much it is
 * lived now), biggest first, as a table whose gap cells carry a small bar. The numbers are
 * always in the table itself, so the bars are decoration only. With `onChoose`, the biggest
 * gap can be chosen as the area to turn into a goal.
 */
export function ValuesGapTable(props: {
  rows: FieldValue | undefined;
  headingLevel: 2 | 3;
  chosen?: string;
  onChoose?: (area: string) => void;
}) {
  const titleId = useId();
  const gaps = rankValuesGaps(props.rows);
  const biggest = biggestGap(props.rows);
  const Heading = props.headingLevel === 2 ? 'h2' : 'h3';
  return (
    <section className="values-gaps" aria-labelledby={titleId}>
      <Heading id={titleId}>{t('exercise.gaps.title')}</Heading>
      {gaps.length === 0 ? (
        <p>{t('exercise.gaps.none')}</p>
      ) : (
        <>
          <p>
            {biggest
              ? t('exercise.gaps.summary', {
                  area: biggest.area,
                  importance: biggest.importance,
                  living: biggest.living,
                })
              : t('exercise.gaps.noGap')}
          </p>
          <TableScroll label={t('exercise.gaps.table')}>
            <table>
              <caption className="visually-hidden">{t('exercise.gaps.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('exercise.gaps.area')}</th>
                  <th scope="col">{t('exercise.gaps.importance')}</th>
                  <th scope="col">{t('exercise.gaps.living')}</th>
                  <th scope="col">{t('exercise.gaps.gap')}</th>
                </tr>
              </thead>
              <tbody>
                {gaps.map((gap) => (
                  <tr key={gap.area}>
                    <th scope="row">{gap.area}</th>
                    <td>{gap.importance}</td>
                    <td>{gap.living}</td>
                    <td>
                      <span className="values-gaps__cell">
                        <span className="values-gaps__number">{gap.gap}</span>
                        <span
                          className="values-gaps__bar"
                          style={{ width: `${gap.gap / 2}rem` }}
                          aria-hidden="true"
                        />
                      </span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
          {props.onChoose && biggest ? (
            props.chosen === biggest.area ? (
              <p className="notice" role="status">
                {t('exercise.gaps.chosen', { area: biggest.area })}
              </p>
            ) : (
              <p>
                <button
                  type="button"
                  className="button"
                  onClick={() => props.onChoose?.(biggest.area)}
                >
                  {t('exercise.gaps.choose', { area: biggest.area })}
                </button>
              </p>
            )
          ) : null}
        </>
      )}
    </section>
  );
}
