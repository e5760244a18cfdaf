import { Link } from 'react-router';
import { t } from '../../i18n';
import { formatDate } from '../layout/format';
import { useCheckDraft, useCheckHistory } from './check-api';
import { RetakeNote } from './RetakeNote';

/**
 * The Closeness Check on the home page: an invitation to take it, a way back into one
 * started, or the latest profile and when to take it again. Shown only with consent.
 */
export function CheckHomeCard() {
  const history = useCheckHistory();
  const draft = useCheckDraft();
  if (!history.data) return null;
  const latest = history.data.responses[0];
  const started = draft.data ? Object.keys(draft.data.answers).length : 0;
  return (
    <section className="card card--calm check-card" aria-labelledby="check-card-title">
      <h2 id="check-card-title">{t('check.title')}</h2>
      {latest ? (
        <>
          <p>{t('check.home.latest', { date: formatDate(latest.createdAt) })}</p>
          <p className="actions">
            <Link to={`/check/results/${encodeURIComponent(latest.id)}`}>
              {t('check.home.profile')}
            </Link>
            <Link to="/check/history">{t('check.history.link')}</Link>
          </p>
          {started > 0 ? (
            <p>
              <Link to="/check">{t('check.home.carryOn')}</Link>
            </p>
          ) : history.data.retake ? (
            <RetakeNote retake={history.data.retake} />
          ) : null}
        </>
      ) : (
        <>
          <p>{t('check.home.invite')}</p>
          <p>
            <Link className="button button--primary" to="/check">
              {started > 0 ? t('check.home.carryOn') : t('check.start')}
            </Link>
          </p>
        </>
      )}
    </section>
  );
}
