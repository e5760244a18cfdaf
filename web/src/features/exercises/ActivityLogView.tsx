import { useId } from 'react';
import type { Exercise } from '../../../../core/exercises/catalogue';
import { t } from '../../i18n';
import { formatDate } from '../layout/format';
import { TableScroll } from '../layout/TableScroll';
import { activityLog, mostMastery, summariseActivities } from './activity-log';
import type { ExerciseEntry } from './exercises-api';

/** The words the exercise itself uses for "Did you do it?" answers. */
function doneLabels(exercise: Exercise): Map<string, string> {
  const labels = new Map<string, string>();
  for (const step of exercise.steps) {
    for (const field of step.fields) {
      if (field.kind !== 'rows') continue;
      for (const column of field.columns) {
        if (column.id !== 'done' || column.kind !== 'choice') continue;
        for (const option of column.options) labels.set(option.id, option.label);
      }
    }
  }
  return labels;
}

/**
 * Confidence builders across every finished week: which activities felt best and gave the
 * most sense of achievement on average, then everything logged. Tables only, so every number
 * is there for a screen reader and nothing moves.
 */
export function ActivityLogView(props: { exercise: Exercise; entries: readonly ExerciseEntry[] }) {
  const titleId = useId();
  const rows = activityLog(props.entries);
  if (rows.length === 0) return null;
  const summaries = summariseActivities(rows);
  const first = summaries[0];
  const best = first && first.enjoyment !== null ? first : null;
  const mastery = mostMastery(summaries);
  const labels = doneLabels(props.exercise);
  const rating = (value: number | null) =>
    value === null ? t('exercise.activities.notRated') : value;
  return (
    <section className="activity-log" aria-labelledby={titleId}>
      <h2 id={titleId}>{t('exercise.activities.title')}</h2>
      {best || mastery ? (
        <ul className="activity-log__summary">
          {best ? (
            <li>
              {t('exercise.activities.best', {
                activity: best.activity,
                enjoyment: best.enjoyment ?? 0,
              })}
            </li>
          ) : null}
          {mastery ? (
            <li>
              {t('exercise.activities.mastery', {
                activity: mastery.activity,
                mastery: mastery.mastery ?? 0,
              })}
            </li>
          ) : null}
        </ul>
      ) : null}
      <h3>{t('exercise.activities.averagesTitle')}</h3>
      <TableScroll label={t('exercise.activities.averagesTable')}>
        <table className="activity-log__averages">
          <caption className="visually-hidden">{t('exercise.activities.averagesTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('exercise.activities.activity')}</th>
              <th scope="col">{t('exercise.activities.times')}</th>
              <th scope="col">{t('exercise.activities.masteryColumn')}</th>
              <th scope="col">{t('exercise.activities.enjoymentColumn')}</th>
            </tr>
          </thead>
          <tbody>
            {summaries.map((summary) => (
              <tr key={summary.activity}>
                <th scope="row">{summary.activity}</th>
                <td>{summary.times}</td>
                <td>{rating(summary.mastery)}</td>
                <td>{rating(summary.enjoyment)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <h3>{t('exercise.activities.logTitle')}</h3>
      <TableScroll label={t('exercise.activities.logTable')}>
        <table className="activity-log__rows">
          <caption className="visually-hidden">{t('exercise.activities.logTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('exercise.activities.date')}</th>
              <th scope="col">{t('exercise.activities.activity')}</th>
              <th scope="col">{t('exercise.activities.done')}</th>
              <th scope="col">{t('exercise.activities.masteryColumn')}</th>
              <th scope="col">{t('exercise.activities.enjoymentColumn')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row, index) => (
              <tr key={`${row.entryId}.${index}`}>
                <td>{formatDate(row.date)}</td>
                <th scope="row">{row.activity}</th>
                <td>{row.done ? (labels.get(row.done) ?? row.done) : ''}</td>
                <td>{rating(row.mastery)}</td>
                <td>{rating(row.enjoyment)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}
