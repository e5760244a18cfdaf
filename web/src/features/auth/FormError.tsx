import { useEffect, useRef } from 'react';
import { ApiError } from '../../api/client';
import { t } from '../../i18n';

/** A form-level error that takes focus, so it is announced and seen at once. */
export function FormError({ error }: { error: unknown }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (error) ref.current?.focus();
  }, [error]);
  if (!error) return null;
  return (
    <div className="notice notice--error" role="alert" tabIndex={-1} ref={ref}>
      <p>{error instanceof ApiError ? error.message : t('error.generic')}</p>
    </div>
  );
}
