import type { Checkin } from '../../api/types';
import { t } from '../../i18n';
import { TableScroll } from '../layout/TableScroll';
import { formatDay, weekEnding } from './days';

/**
 * The last seven days as a plain table. A day without a check-in just says so: no streaks,
 * no gaps counted, nothing to live up to.
 */
export function WeekView({ checkins, today }: { checkins: Checkin[]; today: string }) {
  // The latest check-in of each day, if there were several.
  const byDay = new Map<string, Checkin>();
  for (const checkin of checkins) {
    const known = byDay.get(checkin.date);
    if (!known || known.createdAt < checkin.createdAt) byDay.set(checkin.date, checkin);
  }
  const days = weekEnding(today).reverse();
  return (
    <TableScroll label={t('checkin.week.table')}>
      <table className="week">
        <caption className="visually-hidden">{t('checkin.week.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('checkin.week.day')}</th>
            <th scope="col">{t('checkin.mood.label')}</th>
            <th scope="col">{t('checkin.closeness.label')}</th>
            <th scope="col">{t('checkin.stress.label')}</th>
            <th scope="col">{t('checkin.week.note')}</th>
          </tr>
        </thead>
        <tbody>
          {days.map((day) => {
            const checkin = byDay.get(day);
            return (
              <tr key={day} data-day={day}>
                <th scope="row">{day === today ? t('checkin.week.today') : formatDay(day)}</th>
                {checkin ? (
                  <>
                    <td>{checkin.mood}</td>
                    <td>{checkin.closeness}</td>
                    <td>{checkin.stress}</td>
                    <td className="week__note">{checkin.note ?? ''}</td>
                  </>
                ) : (
                  <td colSpan={4} className="week__none">
                    {t('checkin.week.none')}
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableScroll>
  );
}
