import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { t } from '../../i18n';
import { useSession } from './session';
import { ErrorMessage } from '../layout/ErrorMessage';

/** Shows its children to a signed-in person; anyone else is sent to sign in, then back. */
export function RequireSignIn({ children }: { children: ReactNode }) {
  const session = useSession();
  const location = useLocation();
  if (session.isPending) return <p role="status">{t('layout.loading')}</p>;
  if (session.isError)
    return <ErrorMessage error={session.error} onRetry={() => session.refetch()} />;
  if (!session.data) {
    return <Navigate to={`/signin?next=${encodeURIComponent(location.pathname)}`} replace />;
  }
  return <>{children}</>;
}
