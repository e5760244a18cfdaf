import { useId } from 'react';
import { t, type MessageKey } from '../../i18n';
import { formatDate } from '../layout/format';
import { TableScroll } from '../layout/TableScroll';
import { episodesFrom, repeatedWords, type EpisodePart } from './episode-patterns';
import type { ExerciseEntry } from './exercises-api';

const NOTICE: Record<EpisodePart, MessageKey> = {
  wish: 'exercise.patterns.notice.wish',
  other: 'exercise.patterns.notice.other',
  me: 'exercise.patterns.notice.me',
};

/**
 * The finished relationship pattern reflections side by side (what I wished for, how they
 * responded, how I responded), and words that come back in several of them. Only plain word
 * matching, offered as something the person might notice: never a finding about them.
 */
export function RelationshipPatterns(props: {
  entries: readonly ExerciseEntry[];
  headingLevel: 2 | 3;
}) {
  const titleId = useId();
  const episodes = episodesFrom(props.entries);
  if (episodes.length === 0) return null;
  const repeats = repeatedWords(episodes);
  const Heading = props.headingLevel === 2 ? 'h2' : 'h3';
  const Subheading = props.headingLevel === 2 ? 'h3' : 'h4';
  return (
    <section className="relationship-patterns" aria-labelledby={titleId}>
      <Heading id={titleId}>{t('exercise.patterns.title')}</Heading>
      <p>{t('exercise.patterns.intro')}</p>
      <TableScroll label={t('exercise.patterns.table')}>
        <table>
          <caption className="visually-hidden">{t('exercise.patterns.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('exercise.patterns.date')}</th>
              <th scope="col">{t('exercise.patterns.wish')}</th>
              <th scope="col">{t('exercise.patterns.other')}</th>
              <th scope="col">{t('exercise.patterns.me')}</th>
            </tr>
          </thead>
          <tbody>
            {episodes.map((episode) => (
              <tr key={episode.id}>
                <th scope="row">{formatDate(episode.date)}</th>
                <td>{episode.wish}</td>
                <td>{episode.other}</td>
                <td>{episode.me}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      {episodes.length < 2 ? (
        <p>{t('exercise.patterns.needMore')}</p>
      ) : repeats.length === 0 ? (
        <p>{t('exercise.patterns.noRepeats')}</p>
      ) : (
        <div className="card card--calm relationship-patterns__notice">
          <Subheading>{t('exercise.patterns.noticeTitle')}</Subheading>
          <ul>
            {repeats.map((repeat) => (
              <li key={`${repeat.part}.${repeat.word}`}>
                {t(NOTICE[repeat.part], { word: repeat.word, count: repeat.episodeIds.length })}
              </li>
            ))}
          </ul>
          <p className="hint">{t('exercise.patterns.noticeNote')}</p>
        </div>
      )}
    </section>
  );
}
