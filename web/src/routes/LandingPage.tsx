import { Link, useLocation } from 'react-router';
import { t } from '../i18n';
import { usePageTitle } from '../features/layout/use-page-title';

export default function LandingPage() {
  usePageTitle(t('app.tagline'));
  const location = useLocation();
  const state = location.state as {
    signedOut?: boolean;
    checkAnswersRemoved?: boolean;
    accountDeleted?: boolean;
  } | null;
  const signedOut = state?.signedOut === true;
  const accountDeleted = state?.accountDeleted === true;
  return (
    <div className="page page--landing">
      {accountDeleted ? (
        <p className="notice" role="status">
          {t('landing.accountDeleted')}
        </p>
      ) : null}
      {signedOut ? (
        <p className="notice" role="status">
          {t('auth.signedOut')}
          {state?.checkAnswersRemoved === true ? (
            <> {t('auth.signedOut.checkAnswersRemoved')}</>
          ) : null}
        </p>
      ) : null}
      <section className="hero" aria-labelledby="landing-title">
        <h1 id="landing-title">{t('landing.title')}</h1>
        <p className="lead">{t('landing.intro')}</p>
        <p className="actions">
          <Link className="button button--primary" to="/signup">
            {t('landing.cta.join')}
          </Link>
          <Link className="button" to="/learn">
            {t('landing.cta.learn')}
          </Link>
          <Link to="/signin">{t('landing.cta.signIn')}</Link>
        </p>
      </section>
      <div className="columns">
        <section className="card" aria-labelledby="what-title">
          <h2 id="what-title">{t('landing.what.title')}</h2>
          <ul>
            <li>{t('landing.what.learn')}</li>
            <li>{t('landing.what.check')}</li>
            <li>{t('landing.what.plan')}</li>
            <li>{t('landing.what.share')}</li>
          </ul>
        </section>
        <section className="card card--calm" aria-labelledby="not-title">
          <h2 id="not-title">{t('landing.not.title')}</h2>
          <ul>
            <li>
              {t('landing.not.crisis')} <a href="/help">{t('layout.getHelpNow')}</a>
            </li>
            <li>{t('landing.not.diagnosis')}</li>
            <li>{t('landing.not.therapy')}</li>
          </ul>
        </section>
      </div>
      <section className="card" aria-labelledby="privacy-title">
        <h2 id="privacy-title">{t('landing.privacy.title')}</h2>
        <p>{t('landing.privacy.text')}</p>
      </section>
    </div>
  );
}
