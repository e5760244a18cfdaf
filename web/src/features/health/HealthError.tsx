import { Link } from 'react-router';
import { ApiError } from '../../api/client';
import { t } from '../../i18n';
import { ErrorMessage } from '../layout/ErrorMessage';

/** True when the API refused because the person has not (or no longer) agreed to the notice. */
export function isConsentRequired(error: unknown): boolean {
  return error instanceof ApiError && error.code === 'consent_required';
}

/**
 * The error of a health page. Missing consent is not a fault: it gets a friendly panel that
 * leads to the privacy notice. Anything else is a calm error with a way to try again.
 */
export function HealthError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  if (isConsentRequired(error)) return <ConsentNeeded />;
  return <ErrorMessage error={error} onRetry={onRetry} />;
}

/** A friendly panel that leads to the privacy notice, for pages that hold health data. */
export function ConsentNeeded({ text = t('health.consent.text') }: { text?: string }) {
  return (
    <section className="card card--attention" aria-labelledby="consent-needed">
      <h2 id="consent-needed">{t('home.consent.needed.title')}</h2>
      <p>{text}</p>
      <p>
        <Link className="button button--primary" to="/consent">
          {t('home.consent.needed.link')}
        </Link>
      </p>
    </section>
  );
}

/** A lost connection or a server that is down, as opposed to an answer that refuses. */
export function isUnreachable(error: unknown): boolean {
  return !(error instanceof ApiError) || error.status === 0 || error.status >= 500;
}
