import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { CATALOGUE, topicLabelKey, EXERCISE_TOPICS } from '../../../core/exercises/catalogue';
import { renderPlanMessage, type PlanMessage } from '../../../core/plan/plan-messages';
import { RequireSignIn } from '../features/auth/RequireSignIn';
import { useSession } from '../features/auth/session';
import { useConsent } from '../features/consent/consent';
import { draftKey, readDraft } from '../features/drafts/drafts';
import { findExercise, modalityLabel, targetNames } from '../features/exercises/exercise-words';
import { ConsentNeeded, HealthError } from '../features/health/HealthError';
import { ErrorMessage } from '../features/layout/ErrorMessage';
import { usePageTitle } from '../features/layout/use-page-title';
import {
  plannedMinutes,
  usePlan,
  usePlanPreferences,
  useSavePreferences,
  useSkipStep,
  useSwapStep,
  type Plan,
  type PlanPreferences,
  type PlanStep,
} from '../features/plan/plan-api';
import { isMessageKey, t } from '../i18n';
import { BusyButton } from '../features/layout/BusyButton';

export default function PlanPage() {
  usePageTitle(t('plan.title'));
  return (
    <RequireSignIn>
      <PlanContent />
    </RequireSignIn>
  );
}

function PlanContent() {
  const consent = useConsent();
  const current = consent.data?.consent?.current === true;
  const plan = usePlan(current);
  let body;
  if (consent.isError)
    body = <ErrorMessage error={consent.error} onRetry={() => consent.refetch()} />;
  else if (consent.data && !current) body = <ConsentNeeded />;
  else if (plan.isError) body = <HealthError error={plan.error} onRetry={() => plan.refetch()} />;
  else if (plan.data) body = <PlanView plan={plan.data} />;
  else body = <p role="status">{t('layout.loading')}</p>;
  return (
    <div className="page plan">
      <h1>{t('plan.title')}</h1>
      <p className="lead">{t('plan.intro')}</p>
      {body}
    </div>
  );
}

/** A reason in the app's own words: from its descriptor, or as the server wrote it. */
function say(item: { reason: string; reasonMessage?: PlanMessage }): string {
  return item.reasonMessage ? renderPlanMessage(item.reasonMessage, t) : item.reason;
}

function levelText(level: string, part: 'title' | 'text'): string {
  const key = `plan.level.${level}.${part}`;
  return isMessageKey(key) ? t(key) : '';
}

function PlanView({ plan }: { plan: Plan }) {
  const minutes = plannedMinutes(plan);
  // After a swap, the new step takes focus, so keyboard and screen-reader users land on it.
  const [swappedIn, setSwappedIn] = useState<string | null>(null);
  const level = plan.recommendation?.level;
  return (
    <>
      {plan.support.length > 0 ? (
        <section className="card card--attention plan-support" aria-labelledby="plan-support-title">
          <h2 id="plan-support-title">
            {level === 'urgent' ? t('plan.support.urgentTitle') : t('plan.support.title')}
          </h2>
          <ul className="plan-support__list">
            {plan.support.map((item) => (
              <li key={item.kind}>
                <SupportLink kind={item.kind} />
                <p>{say(item)}</p>
                {item.kind === 'professional-help' ? (
                  <p>
                    <Link to="/report">{t('report.tool.link')}</Link>
                  </p>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {plan.checkNeeded ? (
        <section className="card card--calm" aria-labelledby="plan-check-title">
          <h2 id="plan-check-title">{t('plan.check.title')}</h2>
          <p>{t('plan.check.text')}</p>
          <p>
            <Link className="button button--primary" to="/check">
              {t('check.start')}
            </Link>
          </p>
        </section>
      ) : null}
      {plan.recommendation && level ? (
        <section className="card card--calm" aria-labelledby="plan-level-title">
          <h2 id="plan-level-title">{levelText(level, 'title')}</h2>
          <p>{levelText(level, 'text')}</p>
          {plan.recommendation.reasons.length > 0 ? (
            <ul>
              {plan.recommendation.reasons.map((reason, index) => {
                const reasonMessage = plan.recommendation?.reasonMessages?.[index];
                return (
                  <li key={reason}>
                    {say(reasonMessage ? { reason, reasonMessage } : { reason })}
                  </li>
                );
              })}
            </ul>
          ) : null}
        </section>
      ) : null}
      <section aria-labelledby="plan-steps-title">
        <h2 id="plan-steps-title">{t('plan.steps.title')}</h2>
        {plan.pace ? <p>{say(plan.pace)}</p> : null}
        {plan.paused ? <p className="notice">{say(plan.paused)}</p> : null}
        <p className="hint">
          {minutes.budget === null
            ? t('plan.minutes', { planned: minutes.planned })
            : t('plan.minutesOf', { planned: minutes.planned, budget: minutes.budget })}
        </p>
        {plan.steps.length === 0 ? (
          <p>{t('plan.steps.none')}</p>
        ) : (
          <ol className="plan-steps">
            {plan.steps.map((step) => (
              <PlanStepCard
                key={step.id}
                step={step}
                focusOnShow={step.id === swappedIn}
                onSwapped={setSwappedIn}
              />
            ))}
          </ol>
        )}
        <p>
          <Link to="/exercises">{t('plan.library')}</Link>
        </p>
      </section>
      <PreferencesForm unreadable={plan.preferencesUnreadable === true} />
    </>
  );
}

function SupportLink({ kind }: { kind: string }) {
  if (kind === 'get-help-now' || kind === 'safeguarding-help') {
    // A plain link: Get help now is a server page that works without the app.
    return (
      <a className="button button--help" href="/help">
        {t('layout.getHelpNow')}
      </a>
    );
  }
  if (kind === 'safety-plan') {
    return (
      <Link className="button" to="/safety-plan">
        {t('layout.nav.safetyPlan')}
      </Link>
    );
  }
  return <h3 className="plan-support__name">{t('plan.support.professional')}</h3>;
}

function PlanStepCard({
  step,
  focusOnShow,
  onSwapped,
}: {
  step: PlanStep;
  focusOnShow: boolean;
  onSwapped: (stepId: string) => void;
}) {
  const session = useSession();
  const swap = useSwapStep();
  const skip = useSkipStep();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focusOnShow) headingRef.current?.focus();
  }, [focusOnShow]);
  const exercise = findExercise(step.exerciseId);
  const title = exercise?.title ?? step.exerciseId;
  const done = step.status === 'done' || step.status === 'completed';
  const skipped = step.status === 'skipped';
  const userId = session.data?.user.id ?? '';
  // The server says started when a draft was saved this week on any device; the draft kept
  // on this device also counts, for one that has not reached the server yet.
  const started =
    step.status === 'started' ||
    step.status === 'in-progress' ||
    readDraft(draftKey(userId, `exercise.${step.exerciseId}`)) !== null;
  const headingId = `plan-step-${step.id}`;
  const statusKey = done
    ? 'plan.status.done'
    : skipped
      ? 'plan.status.skipped'
      : started
        ? 'plan.status.started'
        : 'plan.status.todo';
  return (
    <li className={`plan-step${done ? ' plan-step--done' : ''}`} aria-labelledby={headingId}>
      <h3 id={headingId} className="plan-step__title" tabIndex={-1} ref={headingRef}>
        {title}
      </h3>
      <p className="plan-step__reason">{say(step)}</p>
      <p className="hint">
        {modalityLabel(step.modality)} · {t('exercises.minutes', { minutes: step.minutes })} ·{' '}
        {t('exercises.helpsWith', { names: targetNames(step.targets) })}
      </p>
      <p className="plan-step__status">{t(statusKey)}</p>
      <p className="actions">
        <Link
          className={done ? 'button' : 'button button--primary'}
          to={`/exercises/${step.exerciseId}`}
          aria-describedby={headingId}
        >
          {done ? t('plan.step.again') : started ? t('exercise.carryOn') : t('exercise.start')}
        </Link>
        {done || skipped ? null : (
          <>
            <BusyButton
              type="button"
              className="button"
              aria-describedby={headingId}
              busy={swap.isPending || skip.isPending}
              onClick={() =>
                swap.mutate(step.id, { onSuccess: (answer) => onSwapped(answer.step.id) })
              }
            >
              {t('plan.step.swap')}
            </BusyButton>
            <BusyButton
              type="button"
              className="button"
              aria-describedby={headingId}
              busy={swap.isPending || skip.isPending}
              onClick={() =>
                skip.mutate(step.id, { onSuccess: (answer) => onSwapped(answer.step.id) })
              }
            >
              {t('plan.step.skip')}
            </BusyButton>
          </>
        )}
      </p>
      {swap.isError || skip.isError ? (
        <p className="notice notice--error" role="alert">
          {errorText(swap.error ?? skip.error)}
        </p>
      ) : null}
    </li>
  );
}

function errorText(error: unknown): string {
  if (
    error &&
    typeof error === 'object' &&
    'code' in error &&
    error.code === 'plan_step_not_skippable'
  )
    return t('plan.skip.notSkippable');
  return error instanceof Error && error.message ? error.message : t('error.generic');
}

function PreferencesForm({ unreadable }: { unreadable: boolean }) {
  const preferences = usePlanPreferences();
  const save = useSavePreferences();
  const [draft, setDraft] = useState<PlanPreferences | null>(null);
  useEffect(() => {
    if (preferences.data && draft === null) setDraft(preferences.data);
  }, [preferences.data, draft]);
  if (preferences.isError || !draft) return null;
  const toggle = (list: 'avoidExercises' | 'avoidTopics', id: string, on: boolean) =>
    setDraft({
      ...draft,
      [list]: on ? [...draft[list], id] : draft[list].filter((item) => item !== id),
    });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(draft);
  };
  return (
    <section aria-labelledby="plan-preferences-title">
      <h2 id="plan-preferences-title">{t('plan.preferences.title')}</h2>
      {(unreadable || preferences.data?.unreadable) && !save.isSuccess ? (
        <p className="notice">{t('plan.preferences.unreadable')}</p>
      ) : null}
      <details className="plan-preferences">
        <summary>{t('plan.preferences.open')}</summary>
        <form onSubmit={submit} noValidate>
          <div className="field">
            <label htmlFor="plan-minutes">{t('plan.preferences.minutes')}</label>
            <p className="hint" id="plan-minutes-help">
              {t('plan.preferences.minutesHelp')}
            </p>
            <input
              id="plan-minutes"
              type="number"
              inputMode="numeric"
              min={10}
              max={600}
              step={5}
              aria-describedby="plan-minutes-help"
              value={draft.minutesPerWeek}
              onChange={(event) =>
                setDraft({ ...draft, minutesPerWeek: Number(event.target.value) })
              }
            />
          </div>
          <fieldset className="field choice-field">
            <legend>{t('plan.preferences.topics')}</legend>
            {EXERCISE_TOPICS.map((topic) => (
              <label key={topic} className="choice-field__option">
                <input
                  type="checkbox"
                  checked={draft.avoidTopics.includes(topic)}
                  onChange={(event) => toggle('avoidTopics', topic, event.target.checked)}
                />
                <span>{t(topicLabelKey(topic))}</span>
              </label>
            ))}
          </fieldset>
          <fieldset className="field choice-field">
            <legend>{t('plan.preferences.exercises')}</legend>
            {CATALOGUE.map((exercise) => (
              <label key={exercise.id} className="choice-field__option">
                <input
                  type="checkbox"
                  checked={draft.avoidExercises.includes(exercise.id)}
                  onChange={(event) => toggle('avoidExercises', exercise.id, event.target.checked)}
                />
                <span>{exercise.title}</span>
              </label>
            ))}
          </fieldset>
          <p className="actions">
            <BusyButton type="submit" className="button button--primary" busy={save.isPending}>
              {save.isPending ? t('auth.working') : t('plan.preferences.save')}
            </BusyButton>
          </p>
          <div role="status">{save.isSuccess ? <p>{t('plan.preferences.saved')}</p> : null}</div>
          {save.isError ? (
            <p className="notice notice--error" role="alert">
              {save.error instanceof Error ? save.error.message : t('error.generic')}
            </p>
          ) : null}
        </form>
      </details>
    </section>
  );
}
