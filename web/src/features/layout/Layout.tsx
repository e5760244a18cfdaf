import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Link, NavLink, useLocation, useNavigate } from 'react-router';
import { t } from '../../i18n';
import { useSession, useSignOut } from '../auth/session';
import { BusyButton } from './BusyButton';

/**
 * The frame of every page: a skip link, Get help now (a plain link, so it works even if the
 * app's scripts fail), the main navigation, and the reminder that Closer is not a crisis
 * service.
 */
export function Layout({ children }: { children: ReactNode }) {
  const session = useSession();
  const signOut = useSignOut();
  const navigate = useNavigate();
  const location = useLocation();
  const mainRef = useRef<HTMLElement>(null);
  const online = useOnline();
  const firstRender = useRef(true);
  const [menuOpen, setMenuOpen] = useState(false);

  // After a client-side navigation, move focus to the new page so keyboard and screen-reader
  // users start at its top, as they would after a full page load.
  // A page that has already put focus somewhere inside itself (the safety alert after a
  // save, say) keeps it: that is what the person most needs to hear first.
  useEffect(() => {
    setMenuOpen(false);
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    const main = mainRef.current;
    const active = document.activeElement;
    if (main && active && active !== main && main.contains(active)) return;
    main?.focus();
  }, [location.pathname]);

  const signedIn = Boolean(session.data);
  const onSignOut = () => {
    signOut.mutate(undefined, {
      onSettled: (result) =>
        navigate('/', {
          state: { signedOut: true, checkAnswersRemoved: result?.checkAnswersRemoved === true },
        }),
    });
  };

  return (
    <>
      <a className="skip-link" href="#main">
        {t('layout.skipToContent')}
      </a>
      <header className="site-header">
        <div className="site-header__inner">
          <Link className="brand" to={signedIn ? '/home' : '/'}>
            <span aria-hidden="true" className="brand__mark" />
            {t('app.name')}
          </Link>
          <nav
            aria-label={t('layout.nav.label')}
            className={`site-nav${signedIn ? ' site-nav--signed-in' : ''}${menuOpen ? ' site-nav--open' : ''}`}
          >
            {signedIn ? (
              // Only on narrow screens (see styles.css): the signed-in menu folds away.
              <button
                type="button"
                className="site-nav__toggle button"
                aria-expanded={menuOpen}
                aria-controls="site-nav-list"
                onClick={() => setMenuOpen((open) => !open)}
              >
                {t('layout.nav.menu')}
              </button>
            ) : null}
            <ul id="site-nav-list">
              {signedIn ? (
                <>
                  <li>
                    <NavLink to="/home">{t('layout.nav.home')}</NavLink>
                  </li>
                  <li>
                    <NavLink to="/plan">{t('layout.nav.plan')}</NavLink>
                  </li>
                  <li>
                    <NavLink to="/progress">{t('layout.nav.progress')}</NavLink>
                  </li>
                  <li>
                    <NavLink to="/exercises">{t('layout.nav.exercises')}</NavLink>
                  </li>
                  <li>
                    <NavLink to="/check">{t('layout.nav.check')}</NavLink>
                  </li>
                  <li>
                    <NavLink to="/checkin">{t('layout.nav.checkin')}</NavLink>
                  </li>
                  <li>
                    <NavLink to="/journal">{t('layout.nav.journal')}</NavLink>
                  </li>
                  <li>
                    <NavLink to="/safety-plan">{t('layout.nav.safetyPlan')}</NavLink>
                  </li>
                </>
              ) : null}
              <li>
                <NavLink to="/learn">{t('layout.nav.learn')}</NavLink>
              </li>
              {signedIn ? (
                <>
                  <li>
                    <NavLink to="/reminders">{t('layout.nav.reminders')}</NavLink>
                  </li>
                  <li>
                    <NavLink to="/my-data">{t('layout.nav.myData')}</NavLink>
                  </li>
                  <li>
                    <NavLink to="/consent">{t('layout.nav.privacy')}</NavLink>
                  </li>
                  <li>
                    <BusyButton
                      type="button"
                      className="link-button"
                      onClick={onSignOut}
                      busy={signOut.isPending}
                    >
                      {t('layout.nav.signOut')}
                    </BusyButton>
                  </li>
                </>
              ) : (
                <>
                  <li>
                    <NavLink to="/signin">{t('layout.nav.signIn')}</NavLink>
                  </li>
                  <li>
                    <NavLink to="/signup">{t('layout.nav.signUp')}</NavLink>
                  </li>
                </>
              )}
            </ul>
          </nav>
          <a className="help-now" href="/help">
            {t('layout.getHelpNow')}
          </a>
        </div>
        {online ? null : (
          <p className="offline-banner" role="status">
            {t('layout.offline')}
          </p>
        )}
      </header>
      <main id="main" ref={mainRef} tabIndex={-1}>
        {children}
      </main>
      <footer className="site-footer">
        <p>
          {t('layout.footer.notCrisis')} <a href="/help">{t('layout.getHelpNow')}</a>
        </p>
        <p>{t('layout.footer.privacy')}</p>
      </footer>
    </>
  );
}

function useOnline(): boolean {
  const [online, setOnline] = useState(() => navigator.onLine);
  useEffect(() => {
    const update = () => setOnline(navigator.onLine);
    window.addEventListener('online', update);
    window.addEventListener('offline', update);
    return () => {
      window.removeEventListener('online', update);
      window.removeEventListener('offline', update);
    };
  }, []);
  return online;
}
