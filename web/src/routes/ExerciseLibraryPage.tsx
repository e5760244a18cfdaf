import { Link } from 'react-router';
import { CATALOGUE, MODALITIES, modalityLabelKey } from '../../../core/exercises/catalogue';
import { RequireSignIn } from '../features/auth/RequireSignIn';
import { targetNames } from '../features/exercises/exercise-words';
import { usePageTitle } from '../features/layout/use-page-title';
import { t } from '../i18n';

/** The exercise library, grouped by school of thought, with minutes and what each helps with. */
export default function ExerciseLibraryPage() {
  usePageTitle(t('exercises.title'));
  return (
    <RequireSignIn>
      <div className="page">
        <h1>{t('exercises.title')}</h1>
        <p className="lead">{t('exercises.intro')}</p>
        <p>
          <Link to="/plan">{t('exercises.toPlan')}</Link>
        </p>
        {MODALITIES.map((modality) => {
          const exercises = CATALOGUE.filter((exercise) => exercise.modality === modality);
          if (exercises.length === 0) return null;
          const headingId = `modality-${modality}`;
          return (
            <section key={modality} aria-labelledby={headingId}>
              <h2 id={headingId}>{t(modalityLabelKey(modality))}</h2>
              <ul className="tool-cards">
                {exercises.map((exercise) => (
                  <li key={exercise.id} className="tool-card">
                    <h3 className="tool-card__title">
                      <Link to={`/exercises/${exercise.id}`}>{exercise.title}</Link>
                    </h3>
                    <p>{exercise.summary}</p>
                    <p className="hint">
                      {t('exercises.minutes', { minutes: exercise.minutes })}.{' '}
                      {t('exercises.helpsWith', { names: targetNames(exercise.targets) })}
                    </p>
                  </li>
                ))}
              </ul>
            </section>
          );
        })}
      </div>
    </RequireSignIn>
  );
}
