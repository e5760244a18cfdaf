import { ApiError } from '../../api/client';
import { t } from '../../i18n';

/** A calm error with a way forward; never a stack trace, never a dead end. */
export function ErrorMessage({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const message = error instanceof ApiError ? error.message : t('error.generic');
  return (
    <div className="notice notice--error" role="alert">
      <p>{message}</p>
      {onRetry ? (
        <button type="button" onClick={onRetry}>
          {t('error.tryAgain')}
        </button>
      ) : null}
    </div>
  );
}
