import { useRef, useState, type FormEvent } from 'react';
import { ApiError, api } from '../../api/client';
import type { SafetyAnswer } from '../../api/types';
import { t } from '../../i18n';
import { needsSafetyAlert, SafetyAlert } from '../safety/SafetyAlert';
import { BusyButton } from '../layout/BusyButton';

/** What the server answers after an import (POST /api/me/import). */
interface ImportAnswer {
  imported: Record<ImportedKind, number>;
  leftOut: Record<string, number>;
  safety: SafetyAnswer;
}

const IMPORTED_KINDS = [
  'checkins',
  'journal',
  'safetyPlan',
  'closenessChecks',
  'closenessCheckDraft',
  'exerciseEntries',
  'planWeeks',
  'planPreferences',
] as const;
type ImportedKind = (typeof IMPORTED_KINDS)[number];

type State =
  | { step: 'idle' }
  | { step: 'working' }
  | { step: 'done'; answer: ImportAnswer }
  | { step: 'failed'; message: string };

/** The message for a refused import: the server's path for a damaged file, else its own words. */
function problemOf(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.code === 'import_invalid' || error.code === 'import_foreign')
      return typeof error.details?.path === 'string'
        ? t('myData.import.invalid', { path: error.details.path })
        : t('myData.import.notJson');
    return error.message;
  }
  return t('error.generic');
}

/**
 * "Import from a Closer export": a file picker for the JSON file from another Closer server.
 * The file is read in the browser and sent whole; the server checks all of it first, so a
 * refused file changes nothing.
 */
export function ImportExport() {
  const [state, setState] = useState<State>({ step: 'idle' });
  const [safetyShown, setSafetyShown] = useState(true);
  const input = useRef<HTMLInputElement>(null);
  const result = useRef<HTMLDivElement>(null);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const file = input.current?.files?.[0];
    if (!file) {
      setState({ step: 'failed', message: t('myData.import.noFile') });
      return;
    }
    setState({ step: 'working' });
    let body: unknown;
    try {
      body = JSON.parse(await file.text());
    } catch {
      setState({ step: 'failed', message: t('myData.import.notJson') });
      return;
    }
    try {
      const answer = await api<ImportAnswer>('/api/me/import', { method: 'POST', body });
      setSafetyShown(true);
      setState({ step: 'done', answer });
    } catch (error) {
      setState({ step: 'failed', message: problemOf(error) });
    }
    result.current?.focus();
  };

  const leftOut =
    state.step === 'done'
      ? Object.values(state.answer.leftOut).reduce((sum, count) => sum + count, 0)
      : 0;
  return (
    <section aria-labelledby="import-title">
      <h2 id="import-title">{t('myData.import.title')}</h2>
      <p>{t('myData.import.text')}</p>
      <p className="hint">{t('myData.import.emptyOnly')}</p>
      <form onSubmit={onSubmit} noValidate>
        <p>
          <label htmlFor="import-file">{t('myData.import.file')}</label>
          <br />
          <input id="import-file" ref={input} type="file" accept=".json,application/json" />
        </p>
        <p>
          <BusyButton className="button" type="submit" busy={state.step === 'working'}>
            {t('myData.import.start')}
          </BusyButton>
        </p>
      </form>
      <div ref={result} tabIndex={-1} aria-live="polite">
        {state.step === 'working' ? <p role="status">{t('myData.import.working')}</p> : null}
        {state.step === 'failed' ? (
          <div className="notice notice--error" role="alert">
            <p>{t('myData.import.failed')}</p>
            <p>{state.message}</p>
          </div>
        ) : null}
        {state.step === 'done' ? (
          <div className="notice">
            {safetyShown && needsSafetyAlert(state.answer.safety) ? (
              <SafetyAlert
                safety={state.answer.safety}
                saved="journal"
                onDismiss={() => setSafetyShown(false)}
              />
            ) : null}
            <p>{t('myData.import.done')}</p>
            <ul>
              {IMPORTED_KINDS.map((kind) => (
                <li key={kind}>
                  {t(`myData.import.count.${kind}`, { count: state.answer.imported[kind] })}
                </li>
              ))}
            </ul>
            {leftOut > 0 ? <p>{t('myData.import.leftOut', { count: leftOut })}</p> : null}
          </div>
        ) : null}
      </div>
    </section>
  );
}
