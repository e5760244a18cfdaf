import { useQuery } from '@tanstack/react-query';
import { Link, useLocation } from 'react-router';
import { api } from '../api/client';
import type { ArticleSummary } from '../api/types';
import { RequireSignIn } from '../features/auth/RequireSignIn';
import { displayName, useSession } from '../features/auth/session';
import { CheckHomeCard } from '../features/closeness-check/CheckHomeCard';
import { useConsent } from '../features/consent/consent';
import { ConsentNeeded } from '../features/health/HealthError';
import { ArticleList } from '../features/learn/ArticleList';
import { usePageTitle } from '../features/layout/use-page-title';
import { DueReminders } from '../features/reminders/DueReminders';
import { t, type MessageKey } from '../i18n';

/** The first articles a newcomer is pointed to: what the fear is, then the four signs. */
const STARTING_ORDER = 4;

/** The everyday tools, each a card with a link; the words live in i18n. */
const TOOLS: readonly { to: string; title: MessageKey; text: MessageKey }[] = [
  { to: '/plan', title: 'layout.nav.plan', text: 'home.tools.plan.text' },
  { to: '/progress', title: 'layout.nav.progress', text: 'progress.tool.text' },
  { to: '/exercises', title: 'layout.nav.exercises', text: 'home.tools.exercises.text' },
  { to: '/checkin', title: 'layout.nav.checkin', text: 'home.tools.checkin.text' },
  { to: '/journal', title: 'layout.nav.journal', text: 'home.tools.journal.text' },
  { to: '/safety-plan', title: 'layout.nav.safetyPlan', text: 'home.tools.safetyPlan.text' },
  { to: '/my-data', title: 'layout.nav.myData', text: 'home.tools.myData.text' },
];

export default function HomePage() {
  usePageTitle(t('layout.nav.home'));
  return (
    <RequireSignIn>
      <HomeContent />
    </RequireSignIn>
  );
}

function HomeContent() {
  const session = useSession();
  const consent = useConsent();
  const location = useLocation();
  const articles = useQuery({
    queryKey: ['learn', ''],
    queryFn: () => api<ArticleSummary[]>('/api/learn'),
  });
  const user = session.data?.user;
  const consentGiven = (location.state as { consentGiven?: boolean } | null)?.consentGiven === true;
  const current = consent.data?.consent?.current === true;

  return (
    <div className="page">
      <h1>{t('home.title', { name: user ? displayName(user) : '' })}</h1>
      <p className="lead">{t('home.intro')}</p>
      <DueReminders />
      {consentGiven ? (
        <p className="notice" role="status">
          {t('consent.thanks')}
        </p>
      ) : null}
      {consent.data && !current ? <ConsentNeeded text={t('home.consent.needed.text')} /> : null}
      {current ? (
        <p>
          {t('home.consent.ok')} <Link to="/consent">{t('home.consent.manage')}</Link>
        </p>
      ) : null}
      {current ? <CheckHomeCard /> : null}
      <section aria-labelledby="tools-title">
        <h2 id="tools-title">{t('home.tools.title')}</h2>
        <ul className="tool-cards">
          {TOOLS.map((tool) => (
            <li key={tool.to} className="tool-card">
              <h3 className="tool-card__title">
                <Link to={tool.to}>{t(tool.title)}</Link>
              </h3>
              <p>{t(tool.text)}</p>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="start-reading">
        <h2 id="start-reading">{t('home.read.title')}</h2>
        <p>{t('home.read.text')}</p>
        {articles.data ? (
          <ArticleList articles={articles.data.slice(0, STARTING_ORDER)} headingLevel={3} />
        ) : null}
        <p>
          <Link to="/learn">{t('home.read.all')}</Link>
        </p>
      </section>
    </div>
  );
}
