import { useEffect } from 'react';
import { t } from '../../i18n';

/** Every page names itself, so a screen reader announces where the person is. */
export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} – ${t('app.name')}`;
  }, [title]);
}
