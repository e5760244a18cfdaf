import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { ApiError } from '../api/client';
import { FormError } from '../features/auth/FormError';
import { PasswordField } from '../features/auth/PasswordField';
import { useSignUp } from '../features/auth/session';
import { usePageTitle } from '../features/layout/use-page-title';
import { t } from '../i18n';
import { BusyButton } from '../features/layout/BusyButton';

type Method = 'username' | 'email';

export default function SignUpPage() {
  usePageTitle(t('auth.signUp.title'));
  const navigate = useNavigate();
  const signUp = useSignUp();
  const [method, setMethod] = useState<Method>('username');
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const body = method === 'email' ? { email: login, password } : { username: login, password };
    // Consent comes before any health question, so a new account goes straight to it.
    signUp.mutate(body, { onSuccess: () => navigate('/consent') });
  };

  const code = signUp.error instanceof ApiError ? signUp.error.code : null;
  const loginInvalid =
    code === 'username_invalid' || code === 'email_invalid' || code === 'account_exists';
  const passwordInvalid = code?.startsWith('password_') ?? false;

  return (
    <div className="page page--narrow">
      <h1>{t('auth.signUp.title')}</h1>
      <p>{t('auth.signUp.intro')}</p>
      <form onSubmit={onSubmit} noValidate className="form">
        <FormError error={signUp.error} />
        <fieldset className="choice">
          <legend>{t('auth.signUp.method')}</legend>
          {(['username', 'email'] as const).map((option) => (
            <div className="radio" key={option}>
              <input
                type="radio"
                id={`method-${option}`}
                name="method"
                value={option}
                checked={method === option}
                onChange={() => setMethod(option)}
              />
              <label htmlFor={`method-${option}`}>{t(`auth.signUp.method.${option}`)}</label>
            </div>
          ))}
        </fieldset>
        <div className="field">
          <label htmlFor="signup-login">
            {method === 'email' ? t('auth.signUp.email') : t('auth.signUp.username')}
          </label>
          {method === 'username' ? (
            <p className="hint" id="signup-login-hint">
              {t('auth.signUp.usernameHint')}
            </p>
          ) : null}
          <input
            id="signup-login"
            name={method}
            type={method === 'email' ? 'email' : 'text'}
            autoComplete={method === 'email' ? 'email' : 'username'}
            autoCapitalize="none"
            spellCheck={false}
            required
            maxLength={method === 'email' ? 254 : 32}
            value={login}
            onChange={(event) => setLogin(event.target.value)}
            aria-describedby={method === 'username' ? 'signup-login-hint' : undefined}
            aria-invalid={loginInvalid || undefined}
          />
        </div>
        <PasswordField
          label={t('auth.signUp.password')}
          hint={t('auth.signUp.passwordHint')}
          value={password}
          onChange={setPassword}
          autoComplete="new-password"
          invalid={passwordInvalid}
        />
        <BusyButton className="button button--primary" type="submit" busy={signUp.isPending}>
          {signUp.isPending ? t('auth.working') : t('auth.signUp.submit')}
        </BusyButton>
      </form>
      <p>
        {t('auth.signUp.haveAccount')} <Link to="/signin">{t('layout.nav.signIn')}</Link>
      </p>
    </div>
  );
}
