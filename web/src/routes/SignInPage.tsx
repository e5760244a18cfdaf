import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ApiError } from '../api/client';
import { FormError } from '../features/auth/FormError';
import { PasswordField } from '../features/auth/PasswordField';
import { useSignIn } from '../features/auth/session';
import { usePageTitle } from '../features/layout/use-page-title';
import { t } from '../i18n';
import { BusyButton } from '../features/layout/BusyButton';

/** Only same-site paths are followed after sign-in, never another origin. */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/home';
}

export default function SignInPage() {
  usePageTitle(t('auth.signIn.title'));
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const signIn = useSignIn();
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    signIn.mutate({ login, password }, { onSuccess: () => navigate(safeNext(params.get('next'))) });
  };
  const invalid = signIn.error instanceof ApiError && signIn.error.code === 'invalid_credentials';

  return (
    <div className="page page--narrow">
      <h1>{t('auth.signIn.title')}</h1>
      <form onSubmit={onSubmit} noValidate className="form">
        <FormError error={signIn.error} />
        <div className="field">
          <label htmlFor="signin-login">{t('auth.signIn.login')}</label>
          <input
            id="signin-login"
            name="login"
            type="text"
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            required
            maxLength={320}
            value={login}
            onChange={(event) => setLogin(event.target.value)}
            aria-invalid={invalid || undefined}
          />
        </div>
        <PasswordField
          label={t('auth.signIn.password')}
          value={password}
          onChange={setPassword}
          autoComplete="current-password"
          invalid={invalid}
        />
        <BusyButton className="button button--primary" type="submit" busy={signIn.isPending}>
          {signIn.isPending ? t('auth.working') : t('auth.signIn.submit')}
        </BusyButton>
      </form>
      <p>
        {t('auth.signIn.noAccount')} <Link to="/signup">{t('layout.nav.signUp')}</Link>
      </p>
    </div>
  );
}
