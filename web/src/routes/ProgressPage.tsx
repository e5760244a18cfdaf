import { RequireSignIn } from '../features/auth/RequireSignIn';
import { useCheckDefinition } from '../features/closeness-check/check-api';
import { useConsent } from '../features/consent/consent';
import { ConsentNeeded, HealthError } from '../features/health/HealthError';
import { ErrorMessage } from '../features/layout/ErrorMessage';
import { usePageTitle } from '../features/layout/use-page-title';
import { useProgress } from '../features/progress/progress-api';
import {
  CheckCharts,
  CheckinCharts,
  LadderSection,
  StepsSection,
  WeekSummary,
} from '../features/progress/ProgressSections';
import { t } from '../i18n';

/**
 * My progress: this week in plain words first, then check-in trends, the Closeness Check's
 * parts over time, the closeness ladder and plan steps per week. Every chart can be read as a
 * table; nothing counts what was missed (no streaks).
 */
export default function ProgressPage() {
  usePageTitle(t('progress.title'));
  return (
    <RequireSignIn>
      <ProgressContent />
    </RequireSignIn>
  );
}

function ProgressContent() {
  const consent = useConsent();
  const consentMissing = consent.data !== undefined && consent.data.consent?.current !== true;
  const progress = useProgress(consent.data !== undefined && !consentMissing);
  const definition = useCheckDefinition();
  const data = progress.data;

  return (
    <div className="page">
      <h1>{t('progress.title')}</h1>
      <p className="lead">{t('progress.intro')}</p>
      {consentMissing ? <ConsentNeeded /> : null}
      {progress.isError ? (
        <HealthError error={progress.error} onRetry={() => progress.refetch()} />
      ) : null}
      {!consentMissing && progress.isPending ? <p role="status">{t('progress.loading')}</p> : null}
      {data ? (
        <>
          <WeekSummary summary={data.summary} />
          <CheckinCharts progress={data} />
          {definition.isError ? (
            <ErrorMessage error={definition.error} onRetry={() => definition.refetch()} />
          ) : null}
          <CheckCharts
            checks={data.checks}
            definition={definition.data}
            definitionFailed={definition.isError}
          />
          <LadderSection ladder={data.ladder} />
          <StepsSection progress={data} />
        </>
      ) : null}
    </div>
  );
}
