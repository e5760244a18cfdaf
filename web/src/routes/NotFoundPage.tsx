import { Link } from 'react-router';
import { usePageTitle } from '../features/layout/use-page-title';
import { t } from '../i18n';

export default function NotFoundPage() {
  usePageTitle(t('notFound.title'));
  return (
    <div className="page page--narrow">
      <h1>{t('notFound.title')}</h1>
      <p>{t('notFound.text')}</p>
      <p>
        <Link to="/">{t('notFound.home')}</Link>
      </p>
    </div>
  );
}
