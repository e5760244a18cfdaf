import { Link } from 'react-router';
import type { ScoredSubscaleId } from '../../../../core/assessment/closeness-check.definition';
import type { SubscaleChange } from '../../../../core/assessment/psychometrics';
import type { ArticleSummary, CheckDefinition, CheckScores } from '../../api/types';
import { t } from '../../i18n';
import { topicLabel } from '../learn/ArticleList';
import { bandOf } from './check-words';

/** At most this many articles under each part of the profile; the topic link leads to more. */
const ARTICLES_PER_PART = 3;

/**
 * A 0–100 bar drawn in SVG (attributes, not inline styles, so the strict CSP allows it). It is
 * hidden from assistive technology: the number and the band word beside it say the same.
 * Thin marks show where the bands begin.
 */
export function ScoreBar({
  index,
  thresholds,
}: {
  index: number | null;
  thresholds?: { someFrom: number; markedFrom: number } | undefined;
}) {
  const value = index === null ? 0 : Math.max(0, Math.min(100, index));
  return (
    <svg
      className="score-bar"
      viewBox="0 0 100 8"
      preserveAspectRatio="none"
      aria-hidden="true"
      focusable="false"
    >
      <rect className="score-bar__track" x="0" y="0" width="100" height="8" rx="1" />
      {value > 0 ? (
        <rect className="score-bar__fill" x="0" y="0" width={value} height="8" rx="1" />
      ) : null}
      {thresholds
        ? [thresholds.someFrom, thresholds.markedFrom].map((at) => (
            <line key={at} className="score-bar__mark" x1={at} x2={at} y1="0" y2="8" />
          ))
        : null}
    </svg>
  );
}

/** The number and band in words: "62 out of 100. Marked." */
export function ScoreText({
  definition,
  scores,
  id,
}: {
  definition: CheckDefinition;
  scores: CheckScores;
  id: ScoredSubscaleId;
}) {
  const index = scores.index[id];
  const band = bandOf(definition, scores.bands[id]);
  if (index === null || index === undefined) {
    return <p className="score-text">{t('check.results.noScore')}</p>;
  }
  return (
    <p className="score-text">
      <strong className="score-text__number">{t('check.results.outOf', { index })}</strong>
      {band ? (
        <>
          {' '}
          <span className={`band band--${band.id}`}>{band.label}</span>
          <span className="score-text__band-description">{band.description}</span>
        </>
      ) : null}
    </p>
  );
}

/** The articles on a part's topics, its own topic first. */
export function articlesFor(
  topics: readonly string[],
  library: readonly ArticleSummary[],
): ArticleSummary[] {
  const chosen: ArticleSummary[] = [];
  const add = (article: ArticleSummary) => {
    if (!chosen.includes(article)) chosen.push(article);
  };
  for (const topic of topics) {
    // An article mainly about the topic before one that only touches on it.
    for (const article of library) if (article.topics[0] === topic) add(article);
    for (const article of library) if (article.topics.includes(topic)) add(article);
  }
  return chosen.slice(0, ARTICLES_PER_PART);
}

/** One sign or root on the profile: the bar, what it means, what helps, and what to read. */
export function SubscaleCard(props: {
  definition: CheckDefinition;
  scores: CheckScores;
  id: ScoredSubscaleId;
  title: string;
  change: SubscaleChange | null;
  library: readonly ArticleSummary[] | undefined;
}) {
  const { definition, scores, id } = props;
  const guide = definition.guides[id];
  const headingId = `part-${id}`;
  const articles = guide && props.library ? articlesFor(guide.learnTopics, props.library) : [];
  const mainTopic = guide?.learnTopics[0];
  return (
    <li className="profile-part" aria-labelledby={headingId} data-subscale={id}>
      <h3 id={headingId} className="profile-part__title">
        {props.title}
      </h3>
      <ScoreBar index={scores.index[id] ?? null} thresholds={definition.bandThresholds} />
      <ScoreText definition={definition} scores={scores} id={id} />
      {props.change ? <ChangeLine change={props.change} definition={definition} /> : null}
      {guide ? (
        <>
          <p>
            <strong>{t('check.results.higherMeans')}</strong> {guide.higherMeans}
          </p>
          <p>
            <strong>{t('check.results.whatHelps')}</strong> {guide.whatHelps}
          </p>
        </>
      ) : null}
      {articles.length > 0 || mainTopic ? (
        <div className="profile-part__reading">
          <p className="profile-part__reading-title" id={`${headingId}-reading`}>
            {t('check.results.read')}
          </p>
          <ul aria-labelledby={`${headingId}-reading`}>
            {articles.map((article) => (
              <li key={article.slug}>
                <Link to={`/learn/${article.slug}`}>{article.title}</Link>
              </li>
            ))}
            {mainTopic ? (
              <li>
                <Link to={`/learn?topic=${encodeURIComponent(mainTopic)}`}>
                  {t('check.results.moreOnTopic', { topic: topicLabel(mainTopic) })}
                </Link>
              </li>
            ) : null}
          </ul>
        </div>
      ) : null}
    </li>
  );
}

function indexOf(score: number, scale: CheckDefinition['scale']): number {
  return Math.round(((score - scale.min) / (scale.max - scale.min)) * 100);
}

/**
 * The change since the Check before, in the same 0–100 points as the bar. Called reliable
 * only when the server says so; otherwise it is a plain difference.
 */
export function ChangeLine({
  change,
  definition,
}: {
  change: SubscaleChange;
  definition: CheckDefinition;
}) {
  if (change.before === null || change.after === null) {
    return (
      <p className="change">
        <span className="change__label">{t('check.change.since')}</span>{' '}
        {t('check.change.noComparison')}
      </p>
    );
  }
  const before = indexOf(change.before, definition.scale);
  const after = indexOf(change.after, definition.scale);
  const points = Math.abs(after - before);
  let words: string;
  if (after === before) words = t('check.change.same', { after });
  else if (after > before)
    words = t(points === 1 ? 'check.change.upOne' : 'check.change.up', { points, before, after });
  else
    words = t(points === 1 ? 'check.change.downOne' : 'check.change.down', {
      points,
      before,
      after,
    });
  let verdict: string | null = null;
  if (change.reliable && change.label === 'reliable-improvement')
    verdict = t('check.change.reliableDown');
  else if (change.reliable && change.label === 'reliable-deterioration')
    verdict = t('check.change.reliableUp');
  else if (change.label === 'no-reliable-change') verdict = t('check.change.withinNoise');
  return (
    <p className="change" data-reliable={change.reliable ? 'true' : 'false'}>
      <span className="change__label">{t('check.change.since')}</span> {words}
      {verdict ? (
        <> {change.reliable ? <strong className="change__reliable">{verdict}</strong> : verdict}</>
      ) : null}
    </p>
  );
}
