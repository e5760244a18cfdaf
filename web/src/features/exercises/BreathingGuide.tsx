import { useEffect, useState, useSyncExternalStore } from 'react';
import type { BreathingPattern } from '../../../../core/exercises/catalogue';
import { t } from '../../i18n';

const REDUCED_MOTION = '(prefers-reduced-motion: reduce)';

function subscribeReducedMotion(onChange: () => void) {
  const query = window.matchMedia(REDUCED_MOTION);
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
}

/** Whether the person has asked their device for less motion. */
export function usePrefersReducedMotion(): boolean {
  return useSyncExternalStore(
    subscribeReducedMotion,
    () => window.matchMedia(REDUCED_MOTION).matches,
    () => false,
  );
}

/**
 * The paced-breathing guide: a circle that grows on the in-breath and shrinks on the
 * out-breath, and the same guidance as words ("Breathe in… 2… 3…") in a live region. With
 * reduced motion (the device setting, or the person's choice here) nothing moves: only the
 * words change. No sound. Started and stopped with one button.
 */
export function BreathingGuide(props: { pattern: BreathingPattern; minutes: number }) {
  const { pattern } = props;
  const deviceReduced = usePrefersReducedMotion();
  const [wordsOnly, setWordsOnly] = useState(false);
  const still = deviceReduced || wordsOnly;
  const [running, setRunning] = useState(false);
  const [elapsed, setElapsed] = useState(0);
  const total = props.minutes * 60;
  const cycle = pattern.phases.reduce((sum, phase) => sum + phase.seconds, 0);
  const finished = elapsed >= total;

  useEffect(() => {
    if (!running) return;
    const timer = window.setInterval(() => {
      setElapsed((seconds) => seconds + 1);
    }, 1000);
    return () => window.clearInterval(timer);
  }, [running]);

  useEffect(() => {
    if (finished) setRunning(false);
  }, [finished]);

  // Where in the breath we are: which phase, and which second of it (1-based).
  let within = cycle > 0 ? elapsed % cycle : 0;
  let phaseIndex = 0;
  for (const [index, phase] of pattern.phases.entries()) {
    if (within < phase.seconds) {
      phaseIndex = index;
      break;
    }
    within -= phase.seconds;
  }
  const phase = pattern.phases[phaseIndex] ?? pattern.phases[0];
  // A hold keeps the circle the size the breath before it left it.
  let shape = phase?.action ?? 'out';
  for (let back = phaseIndex; shape === 'hold' && back > 0; back -= 1) {
    shape = pattern.phases[back - 1]?.action ?? 'out';
  }
  const second = within + 1;
  const counting = Array.from({ length: second - 1 }, (_, index) => ` ${index + 2}…`).join('');
  const cue = !running
    ? finished
      ? t('exercise.breathing.finished')
      : elapsed > 0
        ? t('exercise.breathing.paused')
        : t('exercise.breathing.ready')
    : `${phase?.cue ?? ''}…${counting}`;
  const remaining = Math.max(0, total - elapsed);

  return (
    <section className="breathing" aria-labelledby="breathing-title">
      <h3 id="breathing-title">{pattern.title}</h3>
      <p>{pattern.description}</p>
      <div
        className={`breathing__circle${still ? ' breathing__circle--still' : ''}`}
        data-action={running ? shape : 'rest'}
        style={still || !running ? undefined : { transitionDuration: `${phase?.seconds ?? 4}s` }}
        aria-hidden="true"
      />
      {/* The count on screen changes every second; a screen reader hears only each new phase
          ("Breathe in", "Hold") and the state, not a number a second over its own guidance. */}
      <p className="breathing__cue" aria-hidden="true">
        {cue}
      </p>
      <p className="visually-hidden breathing__announcement" aria-live="polite" aria-atomic="true">
        {running ? (phase?.cue ?? '') : cue}
      </p>
      <p className="hint">
        {t('exercise.breathing.remaining', {
          minutes: Math.floor(remaining / 60),
          seconds: String(remaining % 60).padStart(2, '0'),
        })}
      </p>
      <p className="actions">
        <button
          type="button"
          className="button button--primary"
          aria-pressed={running}
          onClick={() => {
            if (finished) setElapsed(0);
            setRunning((now) => !now);
          }}
        >
          {running
            ? t('exercise.breathing.stop')
            : elapsed > 0 && !finished
              ? t('exercise.breathing.resume')
              : t('exercise.breathing.start')}
        </button>
      </p>
      {deviceReduced ? (
        <p className="hint">{t('exercise.breathing.reducedMotion')}</p>
      ) : (
        <p>
          <label className="choice-field__option">
            <input
              type="checkbox"
              checked={wordsOnly}
              onChange={(event) => setWordsOnly(event.target.checked)}
            />
            <span>{t('exercise.breathing.wordsOnly')}</span>
          </label>
        </p>
      )}
    </section>
  );
}
