import { useDeferredValue, useMemo } from 'react';
import type { ThinkingTrapsField as Field } from '../../../../core/exercises/catalogue';
import {
  THINKING_TRAPS,
  type ThinkingTrapId,
  type ThinkingTrapSuggestion,
} from '../../../../core/exercises/thinking-traps';
import type { SafetyResponse } from '../../../../core/safety/safety-response';
import { t } from '../../i18n';
import { personRegion } from '../safety/person-region';
import { HelpLineList } from '../safety/SafetyAlert';
import type { FieldValue } from './exercises-api';
import { HighlightedText } from './HighlightedText';
import { trapsGuidance } from './traps-guidance';

/**
 * Thinking traps that might fit the person's thought: suggested from its words (in the
 * browser, offline), with the words that suggested each one marked. The person ticks the
 * ones that fit; a suggestion is never chosen for them. When the thought tells of abuse or a
 * crisis, no trap is suggested: the field says kindly that this may not be a thinking trap and
 * shows who can help instead. The person can still write, tick and save.
 */
export function ThinkingTrapsField(props: {
  field: Field;
  name: string;
  text: FieldValue | undefined;
  value: string[];
  onChange: (value: string[]) => void;
}) {
  const text = useDeferredValue(typeof props.text === 'string' ? props.text : '');
  const region = useMemo(() => personRegion(), []);
  const guidance = useMemo(() => trapsGuidance(text, region), [text, region]);
  const suggestions: ThinkingTrapSuggestion[] =
    guidance.show === 'traps' ? guidance.suggestions : [];
  const suggested = new Map(suggestions.map((suggestion) => [suggestion.trap, suggestion]));
  // Suggested traps first, in the order of confidence; then the rest in catalogue order.
  const order: ThinkingTrapId[] = [
    ...suggestions.map((suggestion) => suggestion.trap),
    ...THINKING_TRAPS.map((trap) => trap.id).filter((id) => !suggested.has(id)),
  ];
  const toggle = (id: string, on: boolean) =>
    props.onChange(on ? [...props.value, id] : props.value.filter((chosen) => chosen !== id));
  const list = (
    <ul className="traps-field__list">
      {order.map((id) => {
        const trap = THINKING_TRAPS.find((candidate) => candidate.id === id);
        if (!trap) return null;
        const suggestion = suggested.get(id);
        const inputId = `trap-${props.name}-${id}`;
        return (
          <li key={id} className={suggestion ? 'trap trap--suggested' : 'trap'}>
            <input
              id={inputId}
              type="checkbox"
              checked={props.value.includes(id)}
              aria-describedby={`${inputId}-about`}
              onChange={(event) => toggle(id, event.target.checked)}
            />
            <label htmlFor={inputId}>
              <span className="trap__name">{trap.name}</span>
              {suggestion ? (
                <span className="trap__badge">{t('exercise.traps.suggested')}</span>
              ) : null}
            </label>
            <div id={`${inputId}-about`} className="trap__about">
              <p>{trap.explanation}</p>
              {suggestion ? (
                <p className="trap__words">
                  {t('exercise.traps.because')}{' '}
                  <q>
                    <HighlightedText text={text} ranges={suggestion.words} />
                  </q>
                </p>
              ) : null}
              <p className="hint">{trap.question}</p>
            </div>
          </li>
        );
      })}
    </ul>
  );
  return (
    <fieldset className="field traps-field">
      <legend>{props.field.label}</legend>
      {props.field.help ? <p className="hint">{props.field.help}</p> : null}
      <div role="status" className="traps-field__status">
        {guidance.show === 'safety' ? (
          <p>{t('exercise.traps.unsafe.status')}</p>
        ) : guidance.show === 'write-first' ? (
          <p className="hint">{t('exercise.traps.writeFirst')}</p>
        ) : suggestions.length > 0 ? (
          <p>{t('exercise.traps.mightFit', { count: suggestions.length })}</p>
        ) : (
          <p className="hint">{t('exercise.traps.noneSuggested')}</p>
        )}
      </div>
      {guidance.show === 'safety' ? <UnsafeThoughtHelp safety={guidance.safety} /> : null}
      {guidance.show === 'safety' ? (
        <details className="traps-field__anyway">
          <summary>{t('exercise.traps.unsafe.showTraps')}</summary>
          {list}
        </details>
      ) : (
        list
      )}
    </fieldset>
  );
}

/**
 * Help in place of trap suggestions, shown as the person writes. Unlike the alert after a
 * save it does not take focus: it appears beside the text they are still typing.
 */
function UnsafeThoughtHelp({ safety }: { safety: SafetyResponse }) {
  const crisis = safety.level === 'crisis';
  const emergency = safety.resources.find((line) => line.need === 'emergency');
  const emergencyNumber = emergency?.contacts[0]?.number;
  return (
    <section
      className={`safety-alert safety-alert--${safety.level} traps-field__help`}
      aria-labelledby="traps-help-title"
      data-level={safety.level}
    >
      <h3 id="traps-help-title" className="safety-alert__title">
        {crisis ? t('safety.crisis.title') : t('safety.safeguarding.title')}
      </h3>
      <p>{crisis ? t('exercise.traps.unsafe.crisis') : t('exercise.traps.unsafe.safeguarding')}</p>
      {emergencyNumber ? (
        <p className="safety-alert__danger">
          {t('safety.crisis.danger', { number: emergencyNumber })}
        </p>
      ) : null}
      <h4 className="safety-alert__lines-title">{t('safety.lines')}</h4>
      <HelpLineList lines={safety.resources} />
      <p className="actions">
        {/* A plain link: Get help now is a server page that works without the app. */}
        <a className="button button--help" href="/help">
          {t('safety.helpNow')}
        </a>
      </p>
      <p className="hint">{t('exercise.traps.unsafe.keepWriting')}</p>
    </section>
  );
}
