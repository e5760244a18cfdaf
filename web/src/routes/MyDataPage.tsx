import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { ApiError } from '../api/client';
import type { AccessLogAnswer } from '../api/types';
import { FormError } from '../features/auth/FormError';
import { PasswordField } from '../features/auth/PasswordField';
import { RequireSignIn } from '../features/auth/RequireSignIn';
import { ErrorMessage } from '../features/layout/ErrorMessage';
import { formatDateTime } from '../features/layout/format';
import { usePageTitle } from '../features/layout/use-page-title';
import {
  CSV_KINDS,
  useAccessLog,
  useDeleteAccount,
  useForgetSession,
} from '../features/my-data/my-data-api';
import { TableScroll } from '../features/layout/TableScroll';
import { ImportExport } from '../features/my-data/ImportExport';
import { t } from '../i18n';
import { BusyButton } from '../features/layout/BusyButton';

export default function MyDataPage() {
  usePageTitle(t('myData.title'));
  return (
    <RequireSignIn>
      <MyData />
    </RequireSignIn>
  );
}

function MyData() {
  return (
    <div className="page page--narrow">
      <h1>{t('myData.title')}</h1>
      <p className="lead">{t('myData.intro')}</p>
      <Downloads />
      <ImportExport />
      <AccessLog />
      <DeleteAccount />
    </div>
  );
}

function Downloads() {
  return (
    <section aria-labelledby="export-title">
      <h2 id="export-title">{t('myData.export.title')}</h2>
      <p>{t('myData.export.text')}</p>
      <p>
        <a className="button button--primary" href="/api/me/export" download>
          {t('myData.export.json')}
        </a>
      </p>
      <p className="hint">{t('myData.export.jsonHint')}</p>
      <p>
        <a href="/api/me/export?format=fhir" download>
          {t('myData.export.fhir')}
        </a>
      </p>
      <p className="hint">{t('myData.export.fhirHint')}</p>
      <p>
        <Link to="/report">{t('report.tool.link')}</Link>
      </p>
      <p className="hint">{t('report.tool.text')}</p>
      <p>{t('myData.export.csvIntro')}</p>
      <ul className="download-list">
        {CSV_KINDS.map((kind) => (
          <li key={kind}>
            <a href={`/api/me/export?format=csv&kind=${kind}`} download>
              {t(`myData.export.csv.${kind}`)}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}

function AccessLog() {
  const log = useAccessLog();
  return (
    <section aria-labelledby="log-title">
      <h2 id="log-title">{t('myData.log.title')}</h2>
      <p>{t('myData.log.intro')}</p>
      {log.isPending ? <p role="status">{t('layout.loading')}</p> : null}
      {log.isError ? <ErrorMessage error={log.error} onRetry={() => log.refetch()} /> : null}
      {log.data ? <AccessLogTable log={log.data} /> : null}
    </section>
  );
}

function AccessLogTable({ log }: { log: AccessLogAnswer }) {
  return (
    <>
      {log.intact ? null : (
        <div className="notice notice--error" role="alert">
          <p>{t('myData.log.broken')}</p>
        </div>
      )}
      {log.entries.length === 0 ? (
        <p className="notice">{t('myData.log.empty')}</p>
      ) : (
        <TableScroll label={t('myData.log.caption')}>
          <table className="log">
            <caption className="visually-hidden">{t('myData.log.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('myData.log.when')}</th>
                <th scope="col">{t('myData.log.who')}</th>
                <th scope="col">{t('myData.log.what')}</th>
                <th scope="col">{t('myData.log.why')}</th>
              </tr>
            </thead>
            <tbody>
              {log.entries.map((entry) => (
                <tr key={entry.sequence}>
                  <td>{formatDateTime(entry.at)}</td>
                  <td className="log__id">{entry.actorId}</td>
                  <td>
                    {entry.recordType}: {entry.action}
                  </td>
                  <td>{entry.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </>
  );
}

function DeleteAccount() {
  const [confirming, setConfirming] = useState(false);
  const [password, setPassword] = useState('');
  const remove = useDeleteAccount();
  const forgetSession = useForgetSession();
  const navigate = useNavigate();
  const deleted = useRef(false);
  const titleRef = useRef<HTMLHeadingElement>(null);
  const startRef = useRef<HTMLButtonElement>(null);
  const opened = useRef(false);

  useEffect(() => {
    if (confirming) titleRef.current?.focus();
    else if (opened.current) startRef.current?.focus();
    opened.current = confirming || opened.current;
  }, [confirming]);

  // The session is forgotten as this page goes, once the landing page has taken its place.
  const forget = useRef(forgetSession);
  forget.current = forgetSession;
  useEffect(
    () => () => {
      if (deleted.current) forget.current();
    },
    [],
  );

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    remove.mutate(password, {
      onSuccess: () => {
        deleted.current = true;
        navigate('/', { replace: true, state: { accountDeleted: true } });
      },
    });
  };

  const wrongPassword =
    remove.error instanceof ApiError && remove.error.code === 'password_incorrect';

  return (
    <section aria-labelledby="delete-account-title" className="danger-zone">
      <h2 id="delete-account-title">{t('myData.delete.title')}</h2>
      <p>{t('myData.delete.text')}</p>
      <p>{t('myData.delete.exportFirst')}</p>
      {confirming ? (
        <form className="form card card--attention" onSubmit={onSubmit} noValidate>
          <h3 tabIndex={-1} ref={titleRef}>
            {t('myData.delete.confirmTitle')}
          </h3>
          <p>{t('myData.delete.confirmText')}</p>
          <FormError error={remove.error} />
          <PasswordField
            label={t('myData.delete.password')}
            value={password}
            onChange={setPassword}
            autoComplete="current-password"
            invalid={wrongPassword}
          />
          <p className="actions">
            <BusyButton
              type="submit"
              className="button button--danger"
              busy={remove.isPending || password === ''}
            >
              {remove.isPending ? t('myData.delete.working') : t('myData.delete.confirm')}
            </BusyButton>
            <button
              type="button"
              className="button"
              onClick={() => {
                setPassword('');
                remove.reset();
                setConfirming(false);
              }}
            >
              {t('myData.delete.cancel')}
            </button>
          </p>
        </form>
      ) : (
        <p>
          <button
            type="button"
            className="button button--danger"
            ref={startRef}
            onClick={() => setConfirming(true)}
          >
            {t('myData.delete.start')}
          </button>
        </p>
      )}
    </section>
  );
}
