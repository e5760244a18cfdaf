import { useEffect, useRef, useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { ApiError } from '../api/client';
import type { CheckChange, CheckDefinition, CheckDetail, SafetyAnswer } from '../api/types';
import { RequireSignIn } from '../features/auth/RequireSignIn';
import {
  isUnreadableResponse,
  useCheckDefinition,
  useCheckHistory,
  useCheckResponse,
  useLearnLibrary,
} from '../features/closeness-check/check-api';
import {
  highestSentence,
  scoredSubscales,
  standsOut,
  whyNotReliable,
} from '../features/closeness-check/check-words';
import { RetakeNote } from '../features/closeness-check/RetakeNote';
import { ResearchConsentCard } from '../features/closeness-check/ResearchConsentCard';
import { ScoreBar, SubscaleCard } from '../features/closeness-check/SubscaleProfile';
import { HealthError } from '../features/health/HealthError';
import { ErrorMessage } from '../features/layout/ErrorMessage';
import { formatDate } from '../features/layout/format';
import { usePageTitle } from '../features/layout/use-page-title';
import { needsSafetyAlert, SafetyAlert } from '../features/safety/SafetyAlert';
import { t } from '../i18n';

export default function CheckResultsPage() {
  usePageTitle(t('check.results.title'));
  return (
    <RequireSignIn>
      <Results />
    </RequireSignIn>
  );
}

interface Arrival {
  justTaken?: boolean;
  safety?: SafetyAnswer;
}

function Results() {
  const { id = '' } = useParams();
  const location = useLocation();
  const navigate = useNavigate();
  // What sending the Check answered; kept for this visit only, so a reload does not show the
  // help again as if the Check had just been sent.
  const [arrival] = useState(() => location.state as Arrival | null);
  useEffect(() => {
    if (arrival) navigate(location.pathname, { replace: true, state: null });
  }, [arrival, navigate, location.pathname]);
  const [safety, setSafety] = useState<SafetyAnswer | null>(arrival?.safety ?? null);
  const showAlert = needsSafetyAlert(safety);
  const savedRef = useRef<HTMLParagraphElement>(null);
  const justTaken = arrival?.justTaken === true;
  useEffect(() => {
    if (justTaken && !showAlert) savedRef.current?.focus();
  }, [justTaken, showAlert]);

  const response = useCheckResponse(id);
  const notFound = response.error instanceof ApiError && response.error.status === 404;
  const unreadable = isUnreadableResponse(response.data, response.error);

  return (
    <div className="page check-profile">
      {showAlert ? (
        <SafetyAlert
          safety={safety}
          saved="check"
          onDismiss={() => setSafety(null)}
          text={safety.level === 'safeguarding' ? t('check.safety.safeguardingText') : undefined}
        />
      ) : null}
      {justTaken && !showAlert ? (
        <p className="notice" role="status" tabIndex={-1} ref={savedRef}>
          {t('check.results.saved')}
        </p>
      ) : null}
      <h1>{t('check.results.title')}</h1>
      {response.isPending ? <p role="status">{t('layout.loading')}</p> : null}
      {notFound ? <p>{t('check.results.notFound')}</p> : null}
      {unreadable ? <p className="notice notice--error">{t('check.results.unreadable')}</p> : null}
      {response.isError && !notFound && !unreadable ? (
        <HealthError error={response.error} onRetry={() => response.refetch()} />
      ) : null}
      {response.data && !unreadable ? (
        <ProfileWithDefinition response={response.data} helpShown={showAlert || justTaken} />
      ) : null}
      <p className="actions">
        <Link to="/check/history">{t('check.history.link')}</Link>
        <Link to="/home">{t('check.results.home')}</Link>
      </p>
    </div>
  );
}

/** An old response is shown in the words of the version it answered. */
function ProfileWithDefinition({
  response,
  helpShown,
}: {
  response: CheckDetail;
  helpShown: boolean;
}) {
  const current = useCheckDefinition();
  const needsOwn = current.data !== undefined && current.data.version !== response.version;
  const own = useCheckDefinition(needsOwn ? response.version : undefined);
  const definition = needsOwn ? own.data : current.data;
  const failed = needsOwn ? own.error : current.error;
  if (failed) return <ErrorMessage error={failed} onRetry={() => void current.refetch()} />;
  if (!definition) return <p role="status">{t('layout.loading')}</p>;
  return <Profile definition={definition} response={response} helpShown={helpShown} />;
}

function Profile({
  definition,
  response,
  helpShown,
}: {
  definition: CheckDefinition;
  response: CheckDetail;
  helpShown: boolean;
}) {
  const library = useLearnLibrary();
  const history = useCheckHistory();
  const { signs, roots } = scoredSubscales(definition);
  /** What every part's card shares. */
  const cardProps = { definition, scores: response, library: library.data };
  const change: CheckChange = response.change;
  const isLatest = history.data?.responses[0]?.id === response.id;
  const fear = response.closenessFear;
  const fearBand = definition.bands.find((band) => band.id === fear.band);

  const versionsDiffer = change
    ? Object.values(change).some((part) => part?.reason === 'different-versions')
    : false;
  const whyNot = whyNotReliable(change);

  return (
    <>
      <p className="meta">{t('check.results.taken', { date: formatDate(response.createdAt) })}</p>
      {/* Later visits: a calm reminder that help is there, without taking focus again. */}
      {!helpShown && response.safety.level !== 'none' ? (
        <section className="card card--attention" aria-labelledby="check-help-title">
          <h2 id="check-help-title">{t('check.results.help.title')}</h2>
          <p>
            {response.safety.level === 'crisis'
              ? t('check.results.help.crisis')
              : t('check.results.help.safeguarding')}
          </p>
          <p className="actions">
            <a className="button button--help" href="/help">
              {t('safety.helpNow')}
            </a>
            {response.safety.level === 'crisis' ? (
              <Link className="button" to="/safety-plan">
                {t('safety.openPlan')}
              </Link>
            ) : null}
          </p>
        </section>
      ) : null}
      <p className="lead">{t('check.results.lead')}</p>

      <section aria-labelledby="stood-out-title" className="card card--calm">
        <h2 id="stood-out-title">{t('check.results.stoodOut')}</h2>
        <p data-highest="sign">{highestSentence(definition, response, 'sign')}</p>
        <p data-highest="root">{highestSentence(definition, response, 'root')}</p>
        {standsOut(definition, response, 'sign') || standsOut(definition, response, 'root') ? (
          <p className="hint">{t('check.results.stoodOutHint')}</p>
        ) : null}
      </section>

      <p className="notice">{definition.bandNote}</p>

      <section aria-labelledby="signs-title">
        <h2 id="signs-title">{t('check.results.signs')}</h2>
        <p>{t('check.results.signsIntro')}</p>
        {fear.index !== null ? (
          <div className="profile-overall">
            <ScoreBar index={fear.index} thresholds={definition.bandThresholds} />
            <p className="score-text">
              {t('check.results.overall', {
                index: fear.index,
                band: fearBand?.label ?? '',
              })}
            </p>
          </div>
        ) : null}
        <ul className="profile-parts">
          {signs.map((subscale) => (
            <SubscaleCard
              key={subscale.id}
              {...cardProps}
              id={subscale.id}
              title={subscale.title}
              change={change?.[subscale.id] ?? null}
            />
          ))}
        </ul>
      </section>

      <section aria-labelledby="roots-title">
        <h2 id="roots-title">{t('check.results.roots')}</h2>
        <p>{t('check.results.rootsIntro')}</p>
        <ul className="profile-parts">
          {roots.map((subscale) => (
            <SubscaleCard
              key={subscale.id}
              {...cardProps}
              id={subscale.id}
              title={subscale.title}
              change={change?.[subscale.id] ?? null}
            />
          ))}
        </ul>
      </section>

      <section aria-labelledby="change-title">
        <h2 id="change-title">{t('check.change.title')}</h2>
        {change === null ? (
          <p>{t('check.change.first')}</p>
        ) : (
          <>
            <p>{t('check.change.intro')}</p>
            {versionsDiffer ? <p>{t('check.change.versions')}</p> : null}
            {whyNot.length > 0 ? (
              <>
                <h3>{t('check.change.whyNotTitle')}</h3>
                {whyNot.map((key) => (
                  <p key={key}>{t(key)}</p>
                ))}
              </>
            ) : null}
          </>
        )}
      </section>

      <section aria-labelledby="check-not-title">
        <h2 id="check-not-title">{t('check.intro.notTitle')}</h2>
        <ul>
          {definition.whatItIsNot.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      </section>

      {isLatest && history.data?.retake ? (
        <section aria-labelledby="retake-title">
          <h2 id="retake-title">{t('check.retake.title')}</h2>
          <RetakeNote retake={history.data.retake} />
        </section>
      ) : null}

      <ResearchConsentCard />
    </>
  );
}
