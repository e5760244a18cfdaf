import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ApiError } from '../api/client';
import type { CheckAnswers, CheckDefinition, CheckDraft, SafetyAnswer } from '../api/types';
import { RequireSignIn } from '../features/auth/RequireSignIn';
import { useSession } from '../features/auth/session';
import {
  CHECK_DRAFT_KEY,
  postCheckResponse,
  putCheckDraft,
  useCheckDefinition,
  useCheckDraft,
  useForgetCheck,
} from '../features/closeness-check/check-api';
import {
  answeredCount,
  deviceCopy,
  resumeScreen,
  screensOf,
  startingPoint,
  type CheckScreen,
  type LocalCheckDraft,
} from '../features/closeness-check/check-progress';
import { safetyFromAnswers } from '../features/closeness-check/check-safety';
import { joinNames, unscoredParts } from '../features/closeness-check/check-words';
import { DraftSync, type SyncStatus } from '../features/closeness-check/draft-sync';
import { useSendOnLeave } from '../features/closeness-check/use-send-on-leave';
import { SafetyQuestionField, ScaleQuestion } from '../features/closeness-check/QuestionFields';
import { useConsent } from '../features/consent/consent';
import { readDraft, removeDraft, saveDraft } from '../features/drafts/drafts';
import { checkDraftKey } from '../features/closeness-check/check-sign-out';
import {
  ConsentNeeded,
  HealthError,
  isConsentRequired,
  isUnreachable,
} from '../features/health/HealthError';
import { ErrorMessage } from '../features/layout/ErrorMessage';
import { usePageTitle } from '../features/layout/use-page-title';
import { needsSafetyAlert, SafetyAlert } from '../features/safety/SafetyAlert';
import { t } from '../i18n';
import { BusyButton } from '../features/layout/BusyButton';

export default function CheckPage() {
  usePageTitle(t('check.title'));
  return (
    <RequireSignIn>
      <CheckLoader />
    </RequireSignIn>
  );
}

/** Loads the definition and the server's draft, then hands over to the Check itself. */
function CheckLoader() {
  const session = useSession();
  const consent = useConsent();
  const userId = session.data?.user.id ?? '';
  const consentMissing = consent.data !== undefined && consent.data.consent?.current !== true;
  const definition = useCheckDefinition();
  const draft = useCheckDraft(consent.data !== undefined && !consentMissing);

  // With no connection the Check can still carry on from the copy on this device.
  const draftUnreachable = draft.isError && isUnreachable(draft.error);
  let body;
  if (consent.isError) {
    body = <ErrorMessage error={consent.error} onRetry={() => consent.refetch()} />;
  } else if (consentMissing || (draft.isError && isConsentRequired(draft.error))) {
    body = <ConsentNeeded />;
  } else if (definition.isError) {
    body = <ErrorMessage error={definition.error} onRetry={() => definition.refetch()} />;
  } else if (draft.isError && !draftUnreachable) {
    body = <HealthError error={draft.error} onRetry={() => draft.refetch()} />;
  } else if (definition.data && (draft.isFetchedAfterMount || draftUnreachable)) {
    return (
      <CheckRunner
        key={userId}
        definition={definition.data}
        userId={userId}
        serverDraft={draftUnreachable ? undefined : (draft.data ?? null)}
      />
    );
  } else {
    body = <p role="status">{t('layout.loading')}</p>;
  }
  return (
    <div className="page page--narrow">
      <h1>{t('check.title')}</h1>
      {body}
    </div>
  );
}

const INTRO = -1;

function readLocal(key: string): LocalCheckDraft | null {
  const stored = readDraft<LocalCheckDraft>(key);
  if (!stored || typeof stored !== 'object' || typeof stored.version !== 'number') return null;
  return {
    version: stored.version,
    answers: stored.answers && typeof stored.answers === 'object' ? stored.answers : {},
    screen: typeof stored.screen === 'number' ? stored.screen : null,
    synced: stored.synced === true,
  };
}

/**
 * The Check: an introduction, a few questions a screen, then the safety questions. Each answer
 * is kept on this device at once and sent to the server (see draft-sync.ts), so closing the
 * tab or losing the connection loses nothing; the next visit carries on where it stopped.
 */
function CheckRunner(props: {
  definition: CheckDefinition;
  userId: string;
  /** Undefined when the server could not be reached. */
  serverDraft: CheckDraft | null | undefined;
}) {
  const { definition } = props;
  const localKey = checkDraftKey(props.userId);
  const queryClient = useQueryClient();
  const forgetCheck = useForgetCheck();
  const navigate = useNavigate();
  const screens = useMemo(() => screensOf(definition), [definition]);
  const safetyScreen = screens.findIndex((screen) => screen.kind === 'safety');

  const [start] = useState(() => {
    const local = readLocal(localKey);
    // Server unreachable: trust this device's copy, and send it once the server is back.
    if (props.serverDraft === undefined) {
      const usable = local && local.version === definition.version ? local : null;
      return startingPoint(definition, usable ? { ...usable, synced: false } : null, null);
    }
    return startingPoint(definition, local, props.serverDraft);
  });
  const [answers, setAnswers] = useState<CheckAnswers>(start.answers);
  const answersRef = useRef(start.answers);
  const localRef = useRef<LocalCheckDraft>({
    version: definition.version,
    answers: start.answers,
    screen: start.screen,
    synced: !start.needsSending,
  });
  const [status, setStatus] = useState<SyncStatus>(
    start.needsSending ? 'saving' : Object.keys(start.answers).length > 0 ? 'saved' : 'idle',
  );
  const [refusal, setRefusal] = useState<unknown>(null);
  const [alert, setAlert] = useState<SafetyAnswer | null>(() => {
    const safety = safetyFromAnswers(definition, start.answers);
    return needsSafetyAlert(safety) ? safety : null;
  });
  const [submitting, setSubmitting] = useState(false);
  const [submitError, setSubmitError] = useState<unknown>(null);

  const [sync] = useState(
    () =>
      new DraftSync<CheckAnswers>({
        send: async (toSend, { keepalive }) => {
          const { draft } = await putCheckDraft(toSend, keepalive);
          queryClient.setQueryData(CHECK_DRAFT_KEY, draft);
        },
        onStatus: (next, error) => {
          setStatus(next);
          setRefusal(next === 'refused' ? (error ?? null) : null);
        },
        onSynced: (synced) => {
          if (synced !== answersRef.current) return;
          // The copy was removed meanwhile (signed out, or the Check sent): do not write it back.
          if (readDraft(localKey) === null) return;
          localRef.current = { ...localRef.current, synced: true };
          saveDraft(localKey, deviceCopy(definition, localRef.current));
        },
        isRetryable: isUnreachable,
      }),
  );

  // Answers only this device had (the server never confirmed them) go to the server now.
  useEffect(() => {
    if (start.needsSending) sync.change(start.answers);
  }, [start, sync]);

  useSendOnLeave(sync);

  // The screen lives in the address, so the browser's Back button goes back a screen.
  const [params, setParams] = useSearchParams();
  const requested = Number(params.get('screen'));
  const stage =
    Number.isInteger(requested) && requested >= 1 && requested <= screens.length
      ? requested - 1
      : INTRO;
  const screen = stage === INTRO ? null : (screens[stage] ?? null);
  const showAlert = alert !== null && stage === safetyScreen;

  const titleRef = useRef<HTMLHeadingElement>(null);
  const screenTitleRef = useRef<HTMLHeadingElement>(null);
  const shownStage = useRef(stage);
  useEffect(() => {
    if (stage !== INTRO && localRef.current.screen !== stage) {
      localRef.current = { ...localRef.current, screen: stage };
      saveDraft(localKey, deviceCopy(definition, localRef.current));
    }
    // Only when the screen changes (not on opening the page, nor when the alert comes or goes):
    // focus the new screen's heading, so it is announced and the keyboard starts there. The
    // safety help, when shown, takes focus itself.
    if (shownStage.current === stage) return;
    shownStage.current = stage;
    if (showAlert) return;
    (stage === INTRO ? titleRef.current : screenTitleRef.current)?.focus();
  }, [stage, localKey, showAlert, definition]);

  const goTo = (next: number) => {
    setParams(next === INTRO ? {} : { screen: String(next + 1) });
  };

  const choose = (id: string, value: number) => {
    change(id, { ...answersRef.current, [id]: value });
  };

  /** Skipping is allowed at any time, so a chosen answer can be taken back. */
  const clear = (id: string) => {
    const next = { ...answersRef.current };
    delete next[id];
    change(id, next);
  };

  const change = (id: string, next: CheckAnswers) => {
    answersRef.current = next;
    setAnswers(next);
    localRef.current = { ...localRef.current, answers: next, synced: false };
    saveDraft(localKey, deviceCopy(definition, localRef.current));
    sync.change(next);
    if (definition.safetyQuestions.some((question) => question.id === id)) {
      const safety = safetyFromAnswers(definition, next);
      // New help only when the level changes, so choosing again does not move focus again.
      setAlert((current) =>
        !needsSafetyAlert(safety)
          ? null
          : current?.level === safety.level && current.resources.length === safety.resources.length
            ? current
            : safety,
      );
    }
  };

  const startAgain = () => {
    const none: CheckAnswers = {};
    answersRef.current = none;
    setAnswers(none);
    setAlert(null);
    localRef.current = { version: definition.version, answers: none, screen: null, synced: false };
    saveDraft(localKey, deviceCopy(definition, localRef.current));
    sync.change(none);
    goTo(0);
  };

  const submit = async () => {
    setSubmitting(true);
    setSubmitError(null);
    await sync.stop();
    try {
      const result = await postCheckResponse(answersRef.current);
      removeDraft(localKey);
      await forgetCheck();
      navigate(`/check/results/${encodeURIComponent(result.id)}`, {
        state: { safety: result.safety, justTaken: true },
      });
    } catch (error) {
      sync.resume();
      setSubmitError(error);
      setSubmitting(false);
    }
  };

  const count = answeredCount(definition, answers);

  return (
    <div className="page page--narrow check">
      {showAlert ? (
        <SafetyAlert
          safety={alert}
          saved="checkAnswer"
          onDismiss={() => setAlert(null)}
          text={alert.level === 'safeguarding' ? t('check.safety.safeguardingText') : undefined}
        />
      ) : null}
      <h1 tabIndex={-1} ref={titleRef}>
        {definition.title}
      </h1>
      {screen === null ? (
        <CheckIntro
          definition={definition}
          answered={count.answered}
          total={count.total}
          versionChanged={start.versionChanged}
          onStart={() =>
            goTo(count.answered > 0 ? resumeAt(definition, answers, localRef.current.screen) : 0)
          }
          onStartAgain={startAgain}
        />
      ) : (
        <form
          className="check-screen"
          onSubmit={(event: FormEvent) => {
            event.preventDefault();
            if (stage === screens.length - 1) void submit();
            else goTo(stage + 1);
          }}
          onKeyDown={(event) => {
            // On the last screen, Enter while on an answer must not send the whole Check:
            // sending is a choice made with the button, never a side effect of answering.
            const target = event.target as HTMLElement;
            if (
              event.key === 'Enter' &&
              stage === screens.length - 1 &&
              target instanceof HTMLInputElement &&
              target.type === 'radio'
            ) {
              event.preventDefault();
            }
          }}
          noValidate
          aria-labelledby="check-screen-title"
        >
          <div className="check-progress">
            <h2 id="check-screen-title" tabIndex={-1} ref={screenTitleRef}>
              {t('check.screen', { screen: stage + 1, screens: screens.length })}
            </h2>
            <progress
              className="check-progress__bar"
              max={screens.length}
              value={stage + 1}
              aria-labelledby="check-screen-title"
            />
            <p className="hint">
              {t('check.answered', { answered: count.answered, total: count.total })}
            </p>
          </div>
          <ScreenQuestions
            screen={screen}
            definition={definition}
            answers={answers}
            itemCount={definition.items.length}
            onChoose={choose}
            onClear={clear}
          />
          {screen.kind === 'safety' ? (
            <FinishNote definition={definition} answers={answers} submitError={submitError} />
          ) : null}
          <p className="actions check-actions">
            <button type="button" className="button" onClick={() => goTo(stage - 1)}>
              {t('check.back')}
            </button>
            <BusyButton type="submit" className="button button--primary" busy={submitting}>
              {stage === screens.length - 1
                ? submitting
                  ? t('auth.working')
                  : t('check.finish.submit')
                : t('check.next')}
            </BusyButton>
          </p>
          <SaveStatus status={status} refusal={refusal} />
        </form>
      )}
    </div>
  );
}

/** On resuming: the screen seen last on this device, else the one after the last answer. */
function resumeAt(definition: CheckDefinition, answers: CheckAnswers, seen: number | null) {
  return seen ?? resumeScreen(definition, answers);
}

function CheckIntro(props: {
  definition: CheckDefinition;
  answered: number;
  total: number;
  versionChanged: boolean;
  onStart: () => void;
  onStartAgain: () => void;
}) {
  const { definition } = props;
  const [confirming, setConfirming] = useState(false);
  const confirmRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);
  const resuming = props.answered > 0;
  return (
    <>
      <p className="lead">{definition.introduction}</p>
      {props.versionChanged ? <p className="notice">{t('check.versionChanged')}</p> : null}
      <ul className="check-facts">
        <li>{t('check.intro.time', { minutes: definition.minutes, count: props.total })}</li>
        <li>{t('check.intro.private')}</li>
        <li>{t('check.intro.skip')}</li>
        <li>{t('check.intro.painful')}</li>
        <li>{t('check.intro.saving')}</li>
      </ul>
      {resuming ? (
        <section className="card card--calm" aria-labelledby="check-resume-title">
          <h2 id="check-resume-title">{t('check.resume.title')}</h2>
          <p>{t('check.answered', { answered: props.answered, total: props.total })}</p>
          <progress
            className="check-progress__bar"
            max={props.total}
            value={props.answered}
            aria-labelledby="check-resume-title"
          />
          {confirming ? (
            <div className="check-confirm">
              <p tabIndex={-1} ref={confirmRef}>
                {t('check.resume.confirm')}
              </p>
              <p className="actions">
                <button type="button" className="button" onClick={props.onStartAgain}>
                  {t('check.resume.confirmYes')}
                </button>
                <button type="button" className="button" onClick={() => setConfirming(false)}>
                  {t('check.resume.confirmNo')}
                </button>
              </p>
            </div>
          ) : (
            <p className="actions">
              <button type="button" className="button button--primary" onClick={props.onStart}>
                {t('check.resume.carryOn')}
              </button>
              <button type="button" className="button" onClick={() => setConfirming(true)}>
                {t('check.resume.startAgain')}
              </button>
            </p>
          )}
        </section>
      ) : (
        <p>
          <button type="button" className="button button--primary" onClick={props.onStart}>
            {t('check.start')}
          </button>
        </p>
      )}
      <section aria-labelledby="check-not-title">
        <h2 id="check-not-title">{t('check.intro.notTitle')}</h2>
        <ul>
          {definition.whatItIsNot.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      </section>
      <p>
        <Link to="/check/history">{t('check.history.link')}</Link>
      </p>
    </>
  );
}

function ScreenQuestions(props: {
  screen: CheckScreen;
  definition: CheckDefinition;
  answers: CheckAnswers;
  itemCount: number;
  onChoose: (id: string, value: number) => void;
  onClear: (id: string) => void;
}) {
  const { screen, definition, answers } = props;
  if (screen.kind === 'safety') {
    return (
      <>
        <p className="lead">{definition.safetyIntroduction}</p>
        <p className="hint">{t('check.safety.skip')}</p>
        {screen.questions.map((question) => (
          <SafetyQuestionField
            key={question.id}
            question={question}
            value={answers[question.id]}
            onChange={(value) => props.onChoose(question.id, value)}
            onClear={() => props.onClear(question.id)}
          />
        ))}
      </>
    );
  }
  const last = screen.first + screen.items.length - 1;
  return (
    <>
      <p className="hint">
        {t('check.screen.questions', { first: screen.first, last, total: props.itemCount })}{' '}
        {t('check.skipHint')}
      </p>
      {screen.items.map((item, index) => (
        <ScaleQuestion
          key={item.id}
          item={item}
          number={screen.first + index}
          scale={definition.scale}
          value={answers[item.id]}
          onChange={(value) => props.onChoose(item.id, value)}
          onClear={() => props.onClear(item.id)}
        />
      ))}
    </>
  );
}

/** Before sending: how much is answered, said kindly, and which parts will have no score. */
function FinishNote(props: {
  definition: CheckDefinition;
  answers: CheckAnswers;
  submitError: unknown;
}) {
  const { definition, answers } = props;
  const errorRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (props.submitError) errorRef.current?.focus();
  }, [props.submitError]);
  const items = definition.items.length;
  const answeredItems = definition.items.filter((item) => Object.hasOwn(answers, item.id)).length;
  const parts = unscoredParts(definition, answers);
  return (
    <section className="card card--calm" aria-labelledby="check-finish-title">
      <h3 id="check-finish-title">{t('check.finish.title')}</h3>
      <p>
        {answeredItems === items
          ? t('check.finish.all')
          : t('check.finish.some', { answered: answeredItems, total: items })}
      </p>
      {parts.length > 0 ? <p>{t('check.finish.unscored', { parts: joinNames(parts) })}</p> : null}
      {props.submitError ? (
        <div className="notice notice--error" role="alert" tabIndex={-1} ref={errorRef}>
          <p>
            {isUnreachable(props.submitError) || !(props.submitError instanceof ApiError)
              ? t('check.finish.failed')
              : props.submitError.message}
          </p>
        </div>
      ) : null}
    </section>
  );
}

/** A quiet line saying where the answers are: announced politely, never interrupting. */
function SaveStatus({ status, refusal }: { status: SyncStatus; refusal: unknown }) {
  let text = '';
  if (status === 'saving') text = t('check.status.saving');
  else if (status === 'saved') text = t('check.status.saved');
  else if (status === 'offline') text = t('check.status.offline');
  else if (status === 'refused') {
    text =
      refusal instanceof ApiError && refusal.code !== 'internal_error'
        ? `${refusal.message} ${t('check.status.keptHere')}`
        : t('check.status.refused');
  }
  return (
    <p className={`check-status check-status--${status}`} role="status">
      {text}
    </p>
  );
}
