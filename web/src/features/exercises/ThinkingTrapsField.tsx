import { useDeferredValue, useMemo } from 'react';
import type { ThinkingTrapsField as Field } from '../../../../core/exercises/catalogue';
import {
  suggestThinkingTraps,
  THINKING_TRAPS,
  type ThinkingTrapId,
} from '../../../../core/exercises/thinking-traps';
import { t } from '../../i18n';
import type { FieldValue } from './exercises-api';
import { HighlightedText } from './HighlightedText';

/**
 * Thinking traps that might fit the person's thought: suggested from its words (in the
 * browser, offline), with the words that suggested each one marked. The person ticks the
 * ones that fit; a suggestion is never chosen for them.
 */
export function ThinkingTrapsField(props: {
  field: Field;
  name: string;
  text: FieldValue | undefined;
  value: string[];
  onChange: (value: string[]) => void;
}) {
  const text = useDeferredValue(typeof props.text === 'string' ? props.text : '');
  const suggestions = useMemo(() => suggestThinkingTraps(text), [text]);
  const suggested = new Map(suggestions.map((suggestion) => [suggestion.trap, suggestion]));
  // Suggested traps first, in the order of confidence; then the rest in catalogue order.
  const order: ThinkingTrapId[] = [
    ...suggestions.map((suggestion) => suggestion.trap),
    ...THINKING_TRAPS.map((trap) => trap.id).filter((id) => !suggested.has(id)),
  ];
  const toggle = (id: string, on: boolean) =>
    props.onChange(on ? [...props.value, id] : props.value.filter((chosen) => chosen !== id));
  return (
    <fieldset className="field traps-field">
      <legend>{props.field.label}</legend>
      {props.field.help ? <p className="hint">{props.field.help}</p> : null}
      <div role="status" className="traps-field__status">
        {text.trim() === '' ? (
          <p className="hint">{t('exercise.traps.writeFirst')}</p>
        ) : suggestions.length > 0 ? (
          <p>{t('exercise.traps.mightFit', { count: suggestions.length })}</p>
        ) : (
          <p className="hint">{t('exercise.traps.noneSuggested')}</p>
        )}
      </div>
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
    </fieldset>
  );
}
