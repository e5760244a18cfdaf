import { Link } from 'react-router';
import { RequireSignIn } from '../features/auth/RequireSignIn';
import { useCheckDefinition, useCheckHistory } from '../features/closeness-check/check-api';
import { HistoryTable } from '../features/closeness-check/HistoryTable';
import { RetakeNote } from '../features/closeness-check/RetakeNote';
import { useConsent } from '../features/consent/consent';
import { ConsentNeeded, HealthError } from '../features/health/HealthError';
import { ErrorMessage } from '../features/layout/ErrorMessage';
import { usePageTitle } from '../features/layout/use-page-title';
import { t } from '../i18n';

export default function CheckHistoryPage() {
  usePageTitle(t('check.history.title'));
  return (
    <RequireSignIn>
      <History />
    </RequireSignIn>
  );
}

function History() {
  const consent = useConsent();
  const consentMissing = consent.data !== undefined && consent.data.consent?.current !== true;
  const history = useCheckHistory(consent.data !== undefined && !consentMissing);
  const definition = useCheckDefinition();
  const responses = history.data?.responses ?? [];
  const anyReliable = responses.some(
    (response) => response.change && Object.values(response.change).some((part) => part?.reliable),
  );

  return (
    <div className="page">
      <h1>{t('check.history.title')}</h1>
      <p className="lead">{t('check.history.intro')}</p>
      {consentMissing ? <ConsentNeeded /> : null}
      {history.isError ? (
        <HealthError error={history.error} onRetry={() => history.refetch()} />
      ) : null}
      {definition.isError ? (
        <ErrorMessage error={definition.error} onRetry={() => definition.refetch()} />
      ) : null}
      {!consentMissing && (history.isPending || definition.isPending) ? (
        <p role="status">{t('layout.loading')}</p>
      ) : null}
      {history.data && definition.data ? (
        responses.length === 0 ? (
          <>
            <p>{t('check.history.empty')}</p>
            <p>
              <Link className="button button--primary" to="/check">
                {t('check.start')}
              </Link>
            </p>
          </>
        ) : (
          <>
            <p className="hint">{t('check.history.hint')}</p>
            <HistoryTable definition={definition.data} responses={responses} />
            <p className="hint">
              {anyReliable ? t('check.history.reliableNote') : t('check.history.noReliableYet')}
            </p>
            <p className="notice">{definition.data.bandNote}</p>
            {history.data.retake ? (
              <section aria-labelledby="retake-title">
                <h2 id="retake-title">{t('check.retake.title')}</h2>
                <RetakeNote retake={history.data.retake} />
              </section>
            ) : null}
          </>
        )
      ) : null}
    </div>
  );
}
