import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { ApiError } from '../api/client';
import type { Checkin, CheckinInput, SafetyAnswer } from '../api/types';
import { RequireSignIn } from '../features/auth/RequireSignIn';
import { useCheckins, useSaveCheckin } from '../features/checkins/checkins-api';
import { addDays, browserTimeZone, today as todayIn } from '../features/checkins/days';
import { RatingField } from '../features/checkins/RatingField';
import { WeekView } from '../features/checkins/WeekView';
import { HealthError, isUnreachable } from '../features/health/HealthError';
import { usePageTitle } from '../features/layout/use-page-title';
import { needsSafetyAlert, SafetyAlert } from '../features/safety/SafetyAlert';
import { t } from '../i18n';
import { BusyButton } from '../features/layout/BusyButton';

const NOTE_MAX = 5_000;
const MIDDLE = 5;

export default function CheckinPage() {
  usePageTitle(t('checkin.title'));
  return (
    <RequireSignIn>
      <CheckinContent />
    </RequireSignIn>
  );
}

function CheckinContent() {
  const timeZone = useMemo(browserTimeZone, []);
  const today = todayIn(timeZone);
  const checkins = useCheckins(addDays(today, -6), today);
  const [safety, setSafety] = useState<SafetyAnswer | null>(null);
  const [saved, setSaved] = useState(false);
  // Here rather than in the form: the form is replaced once today's check-in exists, and the
  // answer to the save must still arrive.
  const save = useSaveCheckin();
  const savedRef = useRef<HTMLParagraphElement>(null);
  const showAlert = needsSafetyAlert(safety);

  useEffect(() => {
    if (saved && !showAlert) savedRef.current?.focus();
  }, [saved, showAlert]);

  const todays = (checkins.data ?? [])
    .filter((checkin) => checkin.date === today)
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];

  return (
    <div className="page">
      {showAlert ? (
        <SafetyAlert safety={safety} saved="checkin" onDismiss={() => setSafety(null)} />
      ) : null}
      {saved && !showAlert ? (
        <p className="notice" role="status" tabIndex={-1} ref={savedRef}>
          {t('checkin.saved')}
        </p>
      ) : null}
      <h1>{t('checkin.title')}</h1>
      <p className="lead">{t('checkin.intro')}</p>
      {checkins.isPending ? <p role="status">{t('layout.loading')}</p> : null}
      {checkins.isError ? (
        <HealthError error={checkins.error} onRetry={() => checkins.refetch()} />
      ) : null}
      {checkins.data ? (
        <>
          <CheckinForm
            // A new form once today's check-in exists, so it starts from what was saved.
            key={todays?.id ?? 'new'}
            existing={todays ?? null}
            saving={save.isPending}
            error={save.error}
            onSubmit={(id, input) => {
              setSaved(false);
              setSafety(null);
              save.mutate(
                { id, input: { ...input, timeZone } },
                {
                  onSuccess: (answer) => {
                    setSaved(true);
                    setSafety(answer.safety);
                  },
                },
              );
            }}
          />
          <section aria-labelledby="week-title">
            <h2 id="week-title">{t('checkin.week.title')}</h2>
            <p className="hint">{t('checkin.week.hint')}</p>
            <WeekView checkins={checkins.data} today={today} />
            <p className="hint">{t('checkin.timeZone', { zone: timeZone })}</p>
          </section>
        </>
      ) : null}
    </div>
  );
}

function CheckinForm(props: {
  existing: Checkin | null;
  saving: boolean;
  error: Error | null;
  onSubmit: (id: string | null, input: Omit<CheckinInput, 'timeZone'>) => void;
}) {
  const { existing } = props;
  const [mood, setMood] = useState(existing?.mood ?? MIDDLE);
  const [closeness, setCloseness] = useState(existing?.closeness ?? MIDDLE);
  const [stress, setStress] = useState(existing?.stress ?? MIDDLE);
  const [note, setNote] = useState(existing?.note ?? '');
  const errorRef = useRef<HTMLDivElement>(null);
  const error = props.error;

  useEffect(() => {
    if (error) errorRef.current?.focus();
  }, [error]);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    props.onSubmit(existing?.id ?? null, {
      mood,
      closeness,
      stress,
      note: note.trim() === '' ? null : note,
    });
  };

  return (
    <form
      className="form form--wide"
      onSubmit={onSubmit}
      noValidate
      aria-labelledby="checkin-form-title"
    >
      <h2 id="checkin-form-title" className="visually-hidden">
        {t('checkin.title')}
      </h2>
      {existing ? <p className="notice">{t('checkin.editing')}</p> : null}
      {error ? (
        <div className="notice notice--error" role="alert" tabIndex={-1} ref={errorRef}>
          <p>
            {isUnreachable(error) || !(error instanceof ApiError)
              ? t('checkin.failed')
              : error.message}
          </p>
        </div>
      ) : null}
      <RatingField
        id="checkin-mood"
        label={t('checkin.mood.label')}
        hint={t('checkin.mood.hint')}
        value={mood}
        onChange={setMood}
      />
      <RatingField
        id="checkin-closeness"
        label={t('checkin.closeness.label')}
        hint={t('checkin.closeness.hint')}
        value={closeness}
        onChange={setCloseness}
      />
      <RatingField
        id="checkin-stress"
        label={t('checkin.stress.label')}
        hint={t('checkin.stress.hint')}
        value={stress}
        onChange={setStress}
      />
      <div className="field">
        <label htmlFor="checkin-note">{t('checkin.note.label')}</label>
        <p className="hint" id="checkin-note-hint">
          {t('checkin.note.hint')}
        </p>
        <textarea
          id="checkin-note"
          name="note"
          rows={3}
          maxLength={NOTE_MAX}
          value={note}
          onChange={(event) => setNote(event.target.value)}
          aria-describedby="checkin-note-hint"
        />
      </div>
      <p>
        <BusyButton className="button button--primary" type="submit" busy={props.saving}>
          {props.saving ? t('auth.working') : existing ? t('checkin.update') : t('checkin.save')}
        </BusyButton>
      </p>
    </form>
  );
}
