import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { FormError } from '../features/auth/FormError';
import { RequireSignIn } from '../features/auth/RequireSignIn';
import { ResearchConsentCard } from '../features/closeness-check/ResearchConsentCard';
import { useConsent, useGiveConsent, useWithdrawConsent } from '../features/consent/consent';
import { MarkdownView } from '../features/content/MarkdownView';
import { ErrorMessage } from '../features/layout/ErrorMessage';
import { formatDate } from '../features/layout/format';
import { usePageTitle } from '../features/layout/use-page-title';
import { t } from '../i18n';
import { BusyButton } from '../features/layout/BusyButton';

export default function ConsentPage() {
  usePageTitle(t('consent.title'));
  return (
    <RequireSignIn>
      <ConsentContent />
    </RequireSignIn>
  );
}

function ConsentContent() {
  const consent = useConsent();
  const give = useGiveConsent();
  const withdraw = useWithdrawConsent();
  const navigate = useNavigate();
  const [ticked, setTicked] = useState(false);
  const [mustTick, setMustTick] = useState(false);
  const [justWithdrawn, setJustWithdrawn] = useState(false);

  if (consent.isPending) return <p role="status">{t('layout.loading')}</p>;
  if (consent.isError)
    return <ErrorMessage error={consent.error} onRetry={() => consent.refetch()} />;

  const notice = consent.data;
  const status = notice.consent;
  const current = status?.current === true;
  const outdated =
    !current &&
    status?.version !== null &&
    status?.version !== notice.version &&
    status?.withdrawnAt === null;

  const onAgree = (event: FormEvent) => {
    event.preventDefault();
    if (!ticked) {
      setMustTick(true);
      return;
    }
    give.mutate(notice.version, {
      onSuccess: () => navigate('/home', { state: { consentGiven: true } }),
    });
  };

  return (
    <div className="page page--narrow">
      <h1>{t('consent.title')}</h1>
      <div role="status">
        {justWithdrawn ? <p className="notice">{t('consent.withdrawn')}</p> : null}
      </div>
      {current && status?.givenAt ? (
        <section className="card card--calm" aria-labelledby="consent-status">
          <h2 id="consent-status">{t('layout.nav.privacy')}</h2>
          <p>{t('consent.given', { version: notice.version, date: formatDate(status.givenAt) })}</p>
          <p className="hint" id="withdraw-hint">
            {t('consent.withdrawHint')}
          </p>
          <FormError error={withdraw.error} />
          <BusyButton
            type="button"
            className="button"
            aria-describedby="withdraw-hint"
            busy={withdraw.isPending}
            onClick={() => withdraw.mutate(undefined, { onSuccess: () => setJustWithdrawn(true) })}
          >
            {t('consent.withdraw')}
          </BusyButton>
        </section>
      ) : (
        <p className="lead">{outdated ? t('consent.outdated') : t('consent.intro')}</p>
      )}
      <article className="notice-text" aria-labelledby="notice-title">
        <h2 id="notice-title">{t('consent.version', { version: notice.version })}</h2>
        <MarkdownView source={notice.text} headingOffset={1} />
      </article>
      {current ? null : (
        <form onSubmit={onAgree} className="form" noValidate>
          {!ticked && mustTick ? (
            <p className="notice notice--error" role="alert" id="consent-must-tick">
              {t('consent.mustTick')}
            </p>
          ) : null}
          <FormError error={give.error} />
          <div className="checkbox checkbox--large">
            <input
              id="consent-agree"
              type="checkbox"
              checked={ticked}
              onChange={(event) => setTicked(event.target.checked)}
              aria-describedby={!ticked && mustTick ? 'consent-must-tick' : undefined}
            />
            <label htmlFor="consent-agree">{t('consent.agreeCheckbox')}</label>
          </div>
          <BusyButton type="submit" className="button button--primary" busy={give.isPending}>
            {t('consent.agree')}
          </BusyButton>
        </form>
      )}
      {/* The optional research consent is its own choice, kept apart from the one above. It is
          offered with health consent, but can be withdrawn whenever it is given. */}
      <ResearchConsentCard onlyToWithdraw={!current} />
    </div>
  );
}
