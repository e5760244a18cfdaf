import { t } from '../../i18n';
import type { ExerciseEntry, FieldValue } from './exercises-api';
import {
  carriedRungs,
  ladderGuidance,
  ladderProgress,
} from '../../../../core/exercises/ladder-progress';

/**
 * Where the person is on their closeness ladder: the rungs managed so far and what is next
 * up (see ladder-progress.ts for the rule). Shown on the step where the ladder is built, with
 * gentle guidance on its size and gaps, and on the step where a rung is chosen, with a button
 * to choose the next one. Nothing here stops anyone going on.
 */
export function LadderProgress(props: {
  rungs: FieldValue | undefined;
  entries: readonly ExerciseEntry[];
  /** Where a rung is chosen: chooses the next rung. */
  onChoose?: (step: string) => void;
  /** Where the ladder is built: says it was carried over, and gives the guidance. */
  building?: boolean;
}) {
  const { rungs, nextUp } = ladderProgress(props.rungs, props.entries);
  const carried = props.building === true && carriedRungs(props.entries) !== null;
  const managed = rungs.filter((rung) => rung.managed).length;
  const guidance = props.building ? ladderGuidance(props.rungs) : null;
  const gentle = guidance && (guidance.tooFew || guidance.tooMany || guidance.jumps.length > 0);
  return (
    <>
      {carried || (rungs.length > 0 && (managed > 0 || props.onChoose)) ? (
        <section className="notice ladder-progress" aria-labelledby="ladder-progress-title">
          <h3 id="ladder-progress-title">{t('exercise.ladder.progressTitle')}</h3>
          {carried ? <p>{t('exercise.ladder.carried')}</p> : null}
          <p>{t('exercise.ladder.managedCount', { managed, count: rungs.length })}</p>
          <ol className="ladder-progress__rungs">
            {rungs.map((rung, index) => (
              <li key={index} className={rung.managed ? 'ladder-progress__managed' : undefined}>
                {rung.step}
                {rung.managed ? (
                  <>
                    {' '}
                    <span className="ladder-progress__mark">
                      <span aria-hidden="true">✓ </span>
                      {t('exercise.ladder.managed')}
                    </span>
                  </>
                ) : null}
              </li>
            ))}
          </ol>
          {rungs.length > 0 ? (
            <p className="ladder-progress__next">
              <strong>
                {nextUp !== null
                  ? t('exercise.ladder.nextUp', { step: nextUp })
                  : t('exercise.ladder.allManaged')}
              </strong>
            </p>
          ) : null}
          {nextUp !== null && props.onChoose ? (
            <p>
              <button
                type="button"
                className="button button--small"
                onClick={() => props.onChoose?.(nextUp)}
              >
                {t('exercise.ladder.chooseNext')}
              </button>
            </p>
          ) : null}
        </section>
      ) : null}
      {guidance && gentle ? (
        <section className="notice ladder-guidance" aria-labelledby="ladder-guidance-title">
          <h3 id="ladder-guidance-title">{t('exercise.ladder.guidanceTitle')}</h3>
          <ul>
            {guidance.tooFew ? (
              <li>{t('exercise.ladder.tooFew', { count: guidance.count })}</li>
            ) : null}
            {guidance.tooMany ? (
              <li>{t('exercise.ladder.tooMany', { count: guidance.count })}</li>
            ) : null}
            {guidance.jumps.map((jump, index) => (
              <li key={index}>{t('exercise.ladder.jump', { ...jump })}</li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
