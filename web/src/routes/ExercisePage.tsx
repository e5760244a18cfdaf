import { useEffect, useMemo, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { Link, useLocation, useNavigate, useParams, useSearchParams } from 'react-router';
import type { FieldConflict } from '../../../core/exercise-entries/entry-merge';
import { mergeEntryValues } from '../../../core/exercise-entries/entry-merge';
import type { Exercise, ExerciseStep, RatingField } from '../../../core/exercises/catalogue';
import { exerciseAtVersion } from '../../../core/exercises/catalogue.versions';
import type { SafetyAnswer } from '../api/types';
import { RequireSignIn } from '../features/auth/RequireSignIn';
import { useSession } from '../features/auth/session';
import { DraftSync, type SyncStatus } from '../features/closeness-check/draft-sync';
import { useSendOnLeave } from '../features/closeness-check/use-send-on-leave';
import { useConsent } from '../features/consent/consent';
import { draftKey, readDraft, removeDraft, saveDraft } from '../features/drafts/drafts';
import { ActivityLogView } from '../features/exercises/ActivityLogView';
import { conflictKey, EntryConflicts } from '../features/exercises/EntryConflicts';
import { BreathingGuide } from '../features/exercises/BreathingGuide';
import {
  completedEntries,
  exerciseStart,
  ladderPoints,
  newestDraft,
  resumeStep,
  valueOf,
  withValue,
  type ExerciseStart,
  type LocalExerciseDraft,
  type ServerBase,
} from '../features/exercises/exercise-progress';
import { findExercise, modalityLabel, targetNames } from '../features/exercises/exercise-words';
import { ExerciseFieldInput } from '../features/exercises/ExerciseField';
import { keptAnswer, type KeptAnswer } from '../features/exercises/kept-in-view';
import { TableScroll } from '../features/layout/TableScroll';
import {
  changedElsewhere,
  completeExerciseEntry,
  createExerciseEntry,
  deleteExerciseEntry,
  updateExerciseEntry,
  useExerciseEntries,
  useExerciseEntry,
  useForgetEntries,
  type ExerciseEntry,
  type ExerciseValues,
  type FieldValue,
} from '../features/exercises/exercises-api';
import { ExerciseValuesView } from '../features/exercises/ExerciseValuesView';
import { LadderChart } from '../features/exercises/LadderChart';
import { LadderProgress } from '../features/exercises/LadderProgress';
import { LADDER_EXERCISE, carriedRungs } from '../../../core/exercises/ladder-progress';
import { RelationshipPatterns } from '../features/exercises/RelationshipPatterns';
import { ValuesGapTable } from '../features/exercises/ValuesGapTable';
import {
  ConsentNeeded,
  HealthError,
  isConsentRequired,
  isUnreachable,
} from '../features/health/HealthError';
import { formatDate } from '../features/layout/format';
import { usePageTitle } from '../features/layout/use-page-title';
import { needsSafetyAlert, SafetyAlert } from '../features/safety/SafetyAlert';
import { t } from '../i18n';
import { BusyButton } from '../features/layout/BusyButton';

export default function ExercisePage() {
  const { exerciseId } = useParams();
  const exercise = findExercise(exerciseId);
  usePageTitle(exercise?.title ?? t('exercise.notFound.title'));
  if (!exercise) {
    return (
      <div className="page page--narrow">
        <h1>{t('exercise.notFound.title')}</h1>
        <p>{t('exercise.notFound.text')}</p>
        <p>
          <Link to="/exercises">{t('exercises.title')}</Link>
        </p>
      </div>
    );
  }
  return (
    <RequireSignIn>
      <ExerciseLoader key={exercise.id} exercise={exercise} />
    </RequireSignIn>
  );
}

function readLocal(key: string): LocalExerciseDraft | null {
  const stored = readDraft<LocalExerciseDraft>(key);
  if (!stored || typeof stored !== 'object' || typeof stored.values !== 'object') return null;
  return {
    entryId: typeof stored.entryId === 'string' ? stored.entryId : null,
    values: stored.values ?? {},
    step: typeof stored.step === 'number' ? stored.step : null,
    synced: stored.synced === true,
    baseRevision: typeof stored.baseRevision === 'number' ? stored.baseRevision : null,
    baseValues:
      stored.baseValues !== null && typeof stored.baseValues === 'object'
        ? stored.baseValues
        : null,
  };
}

/**
 * The exercise with the fields of the version an entry was made with, so an older draft is
 * carried on with its own fields; the current one for a new entry (or a version this copy of
 * the app does not know, which the server then refuses clearly, keeping the device copy).
 */
function exerciseForEntry(exercise: Exercise, entry: ExerciseEntry | null | undefined): Exercise {
  if (!entry || typeof entry.exerciseVersion !== 'number') return exercise;
  if (entry.exerciseVersion === exercise.version) return exercise;
  try {
    return exerciseAtVersion(exercise.id, entry.exerciseVersion);
  } catch {
    return exercise;
  }
}

/** Loads the person's entries (and the newest draft in full), then shows the exercise. */
function ExerciseLoader({ exercise }: { exercise: Exercise }) {
  const session = useSession();
  const consent = useConsent();
  const userId = session.data?.user.id ?? '';
  const consentMissing = consent.data !== undefined && consent.data.consent?.current !== true;
  const entries = useExerciseEntries(exercise.id, consent.data !== undefined && !consentMissing);
  const draftSummary = entries.data ? newestDraft(entries.data) : null;
  const draft = useExerciseEntry(exercise.id, draftSummary?.id ?? null);
  // A new round after finishing or starting again: the view starts afresh, with no draft.
  const [round, setRound] = useState(0);
  const unreachable = entries.isError && isUnreachable(entries.error);

  let body;
  if (consentMissing || (entries.isError && isConsentRequired(entries.error))) {
    body = <ConsentNeeded />;
  } else if (entries.isError && !unreachable) {
    body = <HealthError error={entries.error} onRetry={() => entries.refetch()} />;
  } else if (
    unreachable ||
    (entries.isFetchedAfterMount && (draftSummary === null || draft.isFetched))
  ) {
    const serverDraft = unreachable ? undefined : (draft.data ?? draftSummary);
    return (
      <ExerciseView
        key={round}
        onFresh={() => setRound((now) => now + 1)}
        exercise={exerciseForEntry(exercise, serverDraft)}
        userId={userId}
        entries={entries.data ?? []}
        serverDraft={serverDraft}
      />
    );
  } else {
    body = <p role="status">{t('layout.loading')}</p>;
  }
  return (
    <div className="page page--narrow">
      <h1>{exercise.title}</h1>
      {body}
    </div>
  );
}

const DONE = 'done';

/**
 * One exercise: an introduction (what it is, safety notes, a worked example, past entries),
 * then a step at a time, then how it felt. Every change is kept on this device at once and
 * sent to the server one request at a time with the newest values (see draft-sync.ts), so a
 * closed tab or a lost connection loses nothing, and another device carries on from here.
 */
function ExerciseView(props: {
  /** Starts the view afresh (after finishing, or starting again). */
  onFresh: () => void;
  exercise: Exercise;
  userId: string;
  entries: ExerciseEntry[];
  /** Undefined when the server could not be reached. */
  serverDraft: ExerciseEntry | null | undefined;
}) {
  const { exercise } = props;
  const localKey = draftKey(props.userId, `exercise.${exercise.id}`);
  const forgetEntries = useForgetEntries();
  const navigate = useNavigate();
  const location = useLocation();

  const [start] = useState<ExerciseStart>(() => {
    const local = readLocal(localKey);
    if (props.serverDraft === undefined) {
      return exerciseStart(exercise, local ? { ...local, synced: false } : null, null);
    }
    return exerciseStart(exercise, local, props.serverDraft);
  });
  const [values, setValues] = useState<ExerciseValues>(start.values);
  const valuesRef = useRef(start.values);
  const entryIdRef = useRef<string | null>(start.entryId);
  /** The server's copy this device last heard of: what the next save is based on. */
  const baseRef = useRef<ServerBase | null>(start.base);
  /**
   * Fields changed here and on another device, waiting for the person's choice. While there
   * are any, nothing is sent (so neither version is overwritten), and the copy on the device
   * keeps its older base, so a reload shows the same choice again.
   */
  const [conflicts, setConflicts] = useState<FieldConflict[]>(start.conflicts);
  const conflictsRef = useRef(start.conflicts);
  const [resolved, setResolved] = useState(false);
  const localRef = useRef<LocalExerciseDraft>({
    entryId: start.entryId,
    values: start.values,
    step: start.step,
    synced: !start.needsSending && start.conflicts.length === 0,
    // With conflicts waiting, the device copy keeps the base it grew from (see above).
    ...(start.conflicts.length > 0
      ? {}
      : {
          baseRevision: start.base?.revision ?? null,
          baseValues: start.base?.values ?? null,
        }),
  });
  const [status, setStatus] = useState<SyncStatus>(
    start.needsSending ? 'saving' : Object.keys(start.values).length > 0 ? 'saved' : 'idle',
  );
  const [alert, setAlert] = useState<SafetyAnswer | null>(null);
  const [completing, setCompleting] = useState(false);
  const [completeError, setCompleteError] = useState<unknown>(null);

  const showSafety = (safety: SafetyAnswer | undefined) => {
    if (!needsSafetyAlert(safety)) return;
    // New help only when the level changes, so typing on does not move focus again and again.
    setAlert((current) => (current?.level === safety.level ? current : safety));
  };

  const writeLocal = (next: Partial<LocalExerciseDraft>) => {
    localRef.current = { ...localRef.current, ...next };
    saveDraft(localKey, localRef.current);
  };

  /** The server confirmed these values at this revision: the base of the next save. */
  const confirmed = (revision: number, confirmedValues: ExerciseValues) => {
    baseRef.current = { revision, values: confirmedValues };
    if (conflictsRef.current.length === 0) {
      writeLocal({ baseRevision: revision, baseValues: confirmedValues });
    }
  };

  const showValues = (next: ExerciseValues) => {
    valuesRef.current = next;
    setValues(next);
  };

  /**
   * Another device saved since this copy's base: merge field by field. What changed in one
   * place is kept; fields changed in both wait for the person (nothing sent meanwhile).
   * Answers whether the merged values can be sent at once.
   */
  const reconcile = (server: ExerciseEntry): boolean => {
    const merge = mergeEntryValues(baseRef.current?.values ?? {}, valuesRef.current, server.values);
    showValues(merge.values);
    writeLocal({ values: merge.values, synced: false });
    baseRef.current = { revision: server.revision, values: server.values };
    if (merge.conflicts.length === 0) {
      writeLocal({ baseRevision: server.revision, baseValues: server.values });
      return true;
    }
    conflictsRef.current = merge.conflicts;
    setConflicts(merge.conflicts);
    setResolved(false);
    return false;
  };

  const [sync] = useState(
    () =>
      new DraftSync<ExerciseValues>({
        send: async (toSend, { keepalive }) => {
          // Choices are waiting: send nothing that could overwrite either version.
          if (conflictsRef.current.length > 0) return;
          const id = entryIdRef.current;
          let saved;
          try {
            saved = id
              ? await updateExerciseEntry(
                  exercise.id,
                  id,
                  toSend,
                  keepalive,
                  baseRef.current?.revision,
                )
              : await createExerciseEntry(exercise.id, toSend, keepalive);
          } catch (error) {
            const server = changedElsewhere(error);
            if (!server) throw error;
            // Merged: the merged values go next, on the server's revision.
            if (reconcile(server)) sync.change(valuesRef.current);
            return;
          }
          if (!id) {
            entryIdRef.current = saved.entry.id;
            writeLocal({ entryId: saved.entry.id });
          }
          confirmed(saved.entry.revision, toSend);
          showSafety(saved.safety);
        },
        onStatus: (next) => setStatus(next),
        onSynced: (synced) => {
          if (synced !== valuesRef.current) return;
          writeLocal({ synced: true });
        },
        isRetryable: isUnreachable,
      }),
  );

  useEffect(() => {
    if (start.needsSending) sync.change(start.values);
  }, [start, sync]);

  useSendOnLeave(sync);

  // The step lives in the address, so the browser's Back button goes back a step.
  const [params, setParams] = useSearchParams();
  const stepParam = params.get('step');
  const viewing = params.get('entry');
  const requested = Number(stepParam);
  const stage =
    stepParam === DONE
      ? exercise.steps.length
      : Number.isInteger(requested) && requested >= 1 && requested <= exercise.steps.length
        ? requested - 1
        : null;

  const headingRef = useRef<HTMLHeadingElement>(null);
  const titleRef = useRef<HTMLHeadingElement>(null);
  const shownStage = useRef(stage);
  useEffect(() => {
    if (stage !== null && stage < exercise.steps.length && localRef.current.step !== stage) {
      writeLocal({ step: stage });
    }
    if (shownStage.current === stage) return;
    shownStage.current = stage;
    (stage === null ? titleRef.current : headingRef.current)?.focus();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- writeLocal only touches refs
  }, [stage, exercise.steps.length]);

  const goTo = (next: number | null) => {
    if (next === null) setParams({});
    else if (next >= exercise.steps.length) setParams({ step: DONE });
    else setParams({ step: String(next + 1) });
  };

  const change = (stepId: string, fieldId: string, value: FieldValue) => {
    const next = withValue(valuesRef.current, stepId, fieldId, value);
    showValues(next);
    writeLocal({ values: next, synced: false });
    sync.change(next);
  };

  /** The person chose, for each conflicting field: keep it, and send everything. */
  const resolve = (chosen: Map<string, FieldValue | undefined>) => {
    const next: ExerciseValues = {};
    for (const [stepId, fields] of Object.entries(valuesRef.current)) {
      for (const [fieldId, value] of Object.entries(fields)) {
        if (!chosen.has(conflictKey({ step: stepId, field: fieldId })))
          (next[stepId] ??= {})[fieldId] = value;
      }
    }
    for (const conflict of conflictsRef.current) {
      const value = chosen.get(conflictKey(conflict));
      if (value !== undefined) (next[conflict.step] ??= {})[conflict.field] = value;
    }
    conflictsRef.current = [];
    setConflicts([]);
    setResolved(true);
    showValues(next);
    const base = baseRef.current;
    writeLocal({
      values: next,
      synced: false,
      baseRevision: base?.revision ?? null,
      baseValues: base?.values ?? null,
    });
    setCompleteError(null);
    sync.change(next);
  };

  const startAgain = async () => {
    await sync.stop();
    const old = entryIdRef.current;
    removeDraft(localKey);
    if (old) await deleteExerciseEntry(exercise.id, old).catch(() => undefined);
    await forgetEntries(exercise.id);
    props.onFresh();
    goTo(0);
  };

  const complete = async (feeling: { distress?: number; helpful?: number }) => {
    if (conflictsRef.current.length > 0) {
      setCompleteError('conflict');
      return;
    }
    setCompleting(true);
    setCompleteError(null);
    await sync.stop();
    try {
      let id = entryIdRef.current;
      if (!id) {
        const created = await createExerciseEntry(exercise.id, valuesRef.current);
        id = created.entry.id;
        entryIdRef.current = id;
        confirmed(created.entry.revision, valuesRef.current);
      }
      const finish = (entryId: string) =>
        completeExerciseEntry(exercise.id, entryId, {
          values: valuesRef.current,
          ...(baseRef.current ? { baseRevision: baseRef.current.revision } : {}),
          ...feeling,
        });
      let done;
      try {
        done = await finish(id);
      } catch (error) {
        const server = changedElsewhere(error);
        // Changed elsewhere: merged values are finished at once; conflicts wait for a choice.
        if (!server) throw error;
        if (!reconcile(server)) {
          sync.resume();
          setCompleteError('conflict');
          setCompleting(false);
          return;
        }
        done = await finish(id);
      }
      removeDraft(localKey);
      await forgetEntries(exercise.id);
      navigate(`/exercises/${exercise.id}?entry=${encodeURIComponent(done.entry.id)}`, {
        state: { justCompleted: true, safety: done.safety },
      });
      props.onFresh();
    } catch (error) {
      sync.resume();
      setCompleteError(error);
      setCompleting(false);
    }
  };

  const started = Object.keys(values).length > 0;
  const step = stage !== null && stage < exercise.steps.length ? exercise.steps[stage] : null;

  // A new go of the closeness ladder starts from the rungs of the latest finished go, word for
  // word, so the ladder is climbed over the weeks rather than written again each time. Only
  // when this go has never had rungs: rungs the person cleared stay cleared.
  const ladderStep = exercise.id === LADDER_EXERCISE && step?.id === 'ladder';
  useEffect(() => {
    if (!ladderStep || valueOf(valuesRef.current, 'ladder', 'rungs') !== undefined) return;
    const carried = carriedRungs(props.entries);
    if (carried) change('ladder', 'rungs', carried);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- change only touches refs and state
  }, [ladderStep, props.entries]);
  const completedState = location.state as {
    justCompleted?: boolean;
    safety?: SafetyAnswer;
  } | null;

  return (
    <div className="page page--narrow exercise">
      {alert && stage !== null ? (
        <SafetyAlert safety={alert} saved="exercise" onDismiss={() => setAlert(null)} />
      ) : null}
      <h1 tabIndex={-1} ref={titleRef}>
        {exercise.title}
      </h1>
      <p className="visually-hidden" role="status" aria-live="polite">
        {conflicts.length === 1
          ? t('exercise.conflict.announceOne')
          : conflicts.length > 1
            ? t('exercise.conflict.announce', { count: conflicts.length })
            : resolved
              ? t('exercise.conflict.applied')
              : ''}
      </p>
      {conflicts.length > 0 && !viewing ? (
        <EntryConflicts exercise={exercise} conflicts={conflicts} onResolve={resolve} />
      ) : null}
      {viewing ? (
        <EntryView
          exercise={exercise}
          entryId={viewing}
          entries={props.entries}
          justCompleted={completedState?.justCompleted === true}
          safety={completedState?.safety}
        />
      ) : stage === null ? (
        <ExerciseIntro
          exercise={exercise}
          entries={props.entries}
          started={started}
          onStart={() =>
            goTo(started ? (localRef.current.step ?? resumeStep(exercise, values)) : 0)
          }
          onStartAgain={() => void startAgain()}
        />
      ) : step ? (
        <StepForm
          exercise={exercise}
          stage={stage}
          step={step}
          values={values}
          extra={stepExtra(exercise, step, values, props.entries, change)}
          headingRef={headingRef}
          onChange={change}
          onBack={() => goTo(stage === 0 ? null : stage - 1)}
          onNext={() => goTo(stage + 1)}
          status={conflicts.length > 0 ? 'conflict' : status}
        />
      ) : (
        <FinishForm
          exercise={exercise}
          headingRef={headingRef}
          completing={completing}
          error={completeError}
          onBack={() => goTo(exercise.steps.length - 1)}
          onComplete={(feeling) => void complete(feeling)}
        />
      )}
    </div>
  );
}

function ExerciseIntro(props: {
  exercise: Exercise;
  entries: ExerciseEntry[];
  started: boolean;
  onStart: () => void;
  onStartAgain: () => void;
}) {
  const { exercise } = props;
  const [confirming, setConfirming] = useState(false);
  const done = completedEntries(props.entries);
  return (
    <>
      <p className="lead">{exercise.summary}</p>
      <ul className="exercise-facts">
        <li>{t('exercises.minutes', { minutes: exercise.minutes })}</li>
        <li>{modalityLabel(exercise.modality)}</li>
        <li>{t('exercises.helpsWith', { names: targetNames(exercise.targets) })}</li>
        <li>{t('exercise.intro.saving')}</li>
      </ul>
      {props.started ? (
        <section className="card card--calm" aria-labelledby="exercise-resume-title">
          <h2 id="exercise-resume-title">{t('exercise.resume.title')}</h2>
          <p>{t('exercise.resume.text')}</p>
          {confirming ? (
            <div>
              <p>{t('exercise.resume.confirm')}</p>
              <p className="actions">
                <button type="button" className="button" onClick={props.onStartAgain}>
                  {t('exercise.resume.confirmYes')}
                </button>
                <button type="button" className="button" onClick={() => setConfirming(false)}>
                  {t('exercise.resume.confirmNo')}
                </button>
              </p>
            </div>
          ) : (
            <p className="actions">
              <button type="button" className="button button--primary" onClick={props.onStart}>
                {t('exercise.carryOn')}
              </button>
              <button type="button" className="button" onClick={() => setConfirming(true)}>
                {t('exercise.resume.startAgain')}
              </button>
            </p>
          )}
        </section>
      ) : (
        <p>
          <button type="button" className="button button--primary" onClick={props.onStart}>
            {t('exercise.start')}
          </button>
        </p>
      )}
      <section className="card card--attention" aria-labelledby="exercise-safety-title">
        <h2 id="exercise-safety-title">{t('exercise.safetyNotes')}</h2>
        <ul>
          {exercise.safetyNotes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      </section>
      <section className="card example" aria-labelledby="exercise-example-title">
        <h2 id="exercise-example-title">{t('exercise.example.title')}</h2>
        <p className="example__label">{t('exercise.example.label')}</p>
        <p>{exercise.workedExample.intro}</p>
        <ExerciseValuesView
          exercise={exercise}
          values={exercise.workedExample.answers}
          headingLevel={3}
        />
      </section>
      {exercise.id === 'closeness-ladder' ? (
        <LadderChart points={ladderPoints(props.entries)} />
      ) : null}
      {exercise.id === 'relationship-pattern' ? (
        <RelationshipPatterns entries={props.entries} headingLevel={2} />
      ) : null}
      {exercise.id === 'confidence-builders' ? (
        <ActivityLogView exercise={exercise} entries={props.entries} />
      ) : null}
      <section aria-labelledby="exercise-history-title">
        <h2 id="exercise-history-title">{t('exercise.history.title')}</h2>
        {done.length === 0 ? (
          <p>{t('exercise.history.none')}</p>
        ) : (
          <ul className="exercise-history">
            {done.map((entry) => (
              <li key={entry.id}>
                <Link to={`?entry=${encodeURIComponent(entry.id)}`}>
                  {t('exercise.history.item', {
                    date: formatDate(entry.completedAt ?? entry.updatedAt),
                  })}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

function KeptInView({
  exercise,
  stage,
  values,
}: {
  exercise: Exercise;
  stage: number;
  values: ExerciseValues;
}) {
  const items = exercise.keepInView.flatMap((ref) => {
    const at = exercise.steps.findIndex((step) => step.id === ref.step);
    const field = exercise.steps[at]?.fields.find((candidate) => candidate.id === ref.field);
    if (!field || at < 0 || at >= stage) return [];
    const answer = keptAnswer(field, valueOf(values, ref.step, ref.field));
    return answer ? [{ ref, field, answer }] : [];
  });
  if (items.length === 0) return null;
  return (
    <aside className="kept-in-view" aria-labelledby="kept-in-view-title">
      <h3 id="kept-in-view-title" className="kept-in-view__title">
        {t('exercise.keptInView')}
      </h3>
      <dl>
        {items.map((item) => (
          <div
            key={`${item.ref.step}.${item.ref.field}`}
            data-field={`${item.ref.step}.${item.ref.field}`}
          >
            <dt>{item.field.label}</dt>
            <dd>
              <KeptAnswerView answer={item.answer} label={item.field.label} />
            </dd>
          </div>
        ))}
      </dl>
    </aside>
  );
}

function KeptAnswerView({ answer, label }: { answer: KeptAnswer; label: string }) {
  switch (answer.kind) {
    case 'text':
      return <>{answer.text}</>;
    case 'rating':
      return (
        <>
          <span className="kept-in-view__rating">
            {t('exercise.view.outOf', { value: String(answer.value), max: answer.max })}
          </span>{' '}
          <span className="hint">
            {t('exercise.rating.ends', {
              low: answer.lowLabel,
              max: answer.max,
              high: answer.highLabel,
            })}
          </span>
        </>
      );
    case 'rows':
      return (
        <TableScroll label={label}>
          <table className="kept-in-view__table">
            <caption className="visually-hidden">{label}</caption>
            <thead>
              <tr>
                {answer.columns.map((column) => (
                  <th key={column} scope="col">
                    {column}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {answer.rows.map((row, index) => (
                <tr key={index}>
                  {row.map((cell, column) => (
                    <td key={column}>{cell}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      );
  }
}

/**
 * Views the generic fields cannot give: the values compass shows its gaps, biggest first,
 * where the area is chosen, and the biggest can be chosen with one press; the relationship
 * pattern reflection shows earlier reflections side by side where patterns are looked for.
 */
function stepExtra(
  exercise: Exercise,
  step: ExerciseStep,
  values: ExerciseValues,
  entries: ExerciseEntry[],
  onChange: (stepId: string, fieldId: string, value: FieldValue) => void,
): ReactNode {
  if (exercise.id === 'values-compass' && step.id === 'gap') {
    const chosen = valueOf(values, 'gap', 'area');
    return (
      <ValuesGapTable
        rows={valueOf(values, 'areas', 'areas')}
        headingLevel={3}
        chosen={typeof chosen === 'string' ? chosen : undefined}
        onChoose={(area) => onChange('gap', 'area', area)}
      />
    );
  }
  if (exercise.id === 'relationship-pattern' && step.id === 'pattern') {
    return <RelationshipPatterns entries={entries} headingLevel={3} />;
  }
  if (exercise.id === LADDER_EXERCISE && (step.id === 'ladder' || step.id === 'before')) {
    return (
      <LadderProgress
        rungs={valueOf(values, 'ladder', 'rungs')}
        entries={entries}
        building={step.id === 'ladder'}
        onChoose={step.id === 'before' ? (rung) => onChange('before', 'rung', rung) : undefined}
      />
    );
  }
  return null;
}

function StepForm(props: {
  exercise: Exercise;
  stage: number;
  step: ExerciseStep;
  values: ExerciseValues;
  headingRef: React.RefObject<HTMLHeadingElement | null>;
  onChange: (stepId: string, fieldId: string, value: FieldValue) => void;
  onBack: () => void;
  onNext: () => void;
  status: SyncStatus | 'conflict';
  /** A view of its own for this step of this exercise, shown after the prompt. */
  extra?: ReactNode;
}) {
  const { exercise, stage, step, values } = props;
  const total = exercise.steps.length;
  const patterns = exercise.breathingPatterns;
  const breathing = patterns && step.id === 'breathe';
  const patternId = valueOf(values, 'before', 'pattern');
  const pattern = patterns?.find((candidate) => candidate.id === patternId) ?? patterns?.[0];
  const length = Number(valueOf(values, 'before', 'length'));
  return (
    <form
      className="exercise-step"
      aria-labelledby="exercise-step-title"
      noValidate
      onSubmit={(event: FormEvent) => {
        event.preventDefault();
        props.onNext();
      }}
    >
      <p className="hint">{t('exercise.stepOf', { step: stage + 1, steps: total })}</p>
      <progress
        className="check-progress__bar"
        max={total + 1}
        value={stage + 1}
        aria-hidden="true"
      />
      <h2 id="exercise-step-title" tabIndex={-1} ref={props.headingRef}>
        {step.title}
      </h2>
      <KeptInView exercise={exercise} stage={stage} values={values} />
      <p className="lead">{step.prompt}</p>
      {props.extra}
      {breathing && pattern ? (
        <BreathingGuide
          pattern={pattern}
          minutes={Number.isFinite(length) && length > 0 ? length : 2}
        />
      ) : null}
      {step.fields.map((field) => (
        <ExerciseFieldInput
          key={field.id}
          field={field}
          name={`${step.id}-${field.id}`}
          value={valueOf(values, step.id, field.id)}
          values={values}
          onChange={(value) => props.onChange(step.id, field.id, value)}
        />
      ))}
      <p className="actions">
        <button type="button" className="button" onClick={props.onBack}>
          {t('check.back')}
        </button>
        <button type="submit" className="button button--primary">
          {stage === total - 1 ? t('exercise.toFinish') : t('check.next')}
        </button>
      </p>
      <SaveStatus status={props.status} />
    </form>
  );
}

const DISTRESS_FIELD: RatingField = {
  id: 'distress',
  kind: 'rating-0-10',
  label: t('exercise.finish.distress'),
  lowLabel: t('exercise.finish.distressLow'),
  highLabel: t('exercise.finish.distressHigh'),
};

const HELPFUL_FIELD: RatingField = {
  id: 'helpful',
  kind: 'rating-0-10',
  label: t('exercise.finish.helpful'),
  lowLabel: t('exercise.finish.helpfulLow'),
  highLabel: t('exercise.finish.helpfulHigh'),
};

function FinishForm(props: {
  exercise: Exercise;
  headingRef: React.RefObject<HTMLHeadingElement | null>;
  completing: boolean;
  error: unknown;
  onBack: () => void;
  onComplete: (feeling: { distress?: number; helpful?: number }) => void;
}) {
  const [distress, setDistress] = useState<number | undefined>();
  const [helpful, setHelpful] = useState<number | undefined>();
  const errorRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (props.error) errorRef.current?.focus();
  }, [props.error]);
  return (
    <form
      className="exercise-step"
      aria-labelledby="exercise-step-title"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        props.onComplete({
          ...(distress === undefined ? {} : { distress }),
          ...(helpful === undefined ? {} : { helpful }),
        });
      }}
    >
      <h2 id="exercise-step-title" tabIndex={-1} ref={props.headingRef}>
        {t('exercise.finish.title')}
      </h2>
      <p className="lead">{t('exercise.finish.text')}</p>
      <ExerciseFieldInput
        field={DISTRESS_FIELD}
        name="finish-distress"
        value={distress}
        values={{}}
        onChange={(value) => setDistress(value as number)}
      />
      <ExerciseFieldInput
        field={HELPFUL_FIELD}
        name="finish-helpful"
        value={helpful}
        values={{}}
        onChange={(value) => setHelpful(value as number)}
      />
      {props.error ? (
        <div className="notice notice--error" role="alert" tabIndex={-1} ref={errorRef}>
          <p>
            {props.error === 'conflict'
              ? t('exercise.conflict.finishFirst')
              : t('exercise.finish.failed')}
          </p>
        </div>
      ) : null}
      <p className="actions">
        <button type="button" className="button" onClick={props.onBack}>
          {t('check.back')}
        </button>
        <BusyButton type="submit" className="button button--primary" busy={props.completing}>
          {props.completing ? t('auth.working') : t('exercise.finish.submit')}
        </BusyButton>
      </p>
    </form>
  );
}

function EntryView(props: {
  exercise: Exercise;
  entryId: string;
  entries: ExerciseEntry[];
  justCompleted: boolean;
  safety: SafetyAnswer | undefined;
}) {
  const { exercise } = props;
  const entry = useExerciseEntry(exercise.id, props.entryId);
  const [safety, setSafety] = useState(props.safety);
  const points = useMemo(() => ladderPoints(props.entries), [props.entries]);
  return (
    <>
      {needsSafetyAlert(safety) ? (
        <SafetyAlert safety={safety} saved="exercise" onDismiss={() => setSafety(undefined)} />
      ) : null}
      {props.justCompleted ? (
        <div className="notice" role="status">
          <p>{t('exercise.done.thanks')}</p>
        </div>
      ) : null}
      {exercise.id === 'closeness-ladder' ? <LadderChart points={points} /> : null}
      {entry.isError ? (
        <HealthError error={entry.error} onRetry={() => entry.refetch()} />
      ) : entry.data ? (
        <section aria-labelledby="entry-title">
          <h2 id="entry-title">
            {t('exercise.history.item', {
              date: formatDate(entry.data.completedAt ?? entry.data.updatedAt),
            })}
          </h2>
          <ExerciseValuesView exercise={exercise} values={entry.data.values} headingLevel={3} />
          {exercise.id === 'values-compass' ? (
            <ValuesGapTable rows={valueOf(entry.data.values, 'areas', 'areas')} headingLevel={3} />
          ) : null}
        </section>
      ) : (
        <p role="status">{t('layout.loading')}</p>
      )}
      <p className="actions">
        <Link to={`/exercises/${exercise.id}`}>{t('exercise.backToExercise')}</Link>
        <Link to="/plan">{t('plan.backToPlan')}</Link>
      </p>
    </>
  );
}

function SaveStatus({ status }: { status: SyncStatus | 'conflict' }) {
  const text =
    status === 'conflict'
      ? t('exercise.status.conflict')
      : status === 'saving'
        ? t('exercise.status.saving')
        : status === 'saved'
          ? t('exercise.status.saved')
          : status === 'offline'
            ? t('exercise.status.offline')
            : status === 'refused'
              ? t('exercise.status.refused')
              : '';
  return (
    <p className={`check-status check-status--${status}`} role="status">
      {text}
    </p>
  );
}
