import { useRef, useState } from 'react';
import type { CheckDefinition } from '../../api/types';
import { t } from '../../i18n';
import type { CheckItem, SafetyQuestion } from './check-progress';

/**
 * One question of the Check as a native radio group: the fieldset's legend is the question,
 * each point of the scale a labelled radio. Arrow keys move between the points and choose,
 * Tab moves on to the next question, as in any form.
 */
export function ScaleQuestion(props: {
  item: CheckItem;
  number: number;
  scale: CheckDefinition['scale'];
  value: number | undefined;
  onChange: (value: number) => void;
  onClear: () => void;
}) {
  const { item, scale } = props;
  const clearing = useClearAnswer(props.value, props.onClear);
  const values: number[] = [];
  for (let value = scale.min; value <= scale.max; value += 1) values.push(value);
  return (
    <fieldset className="check-question" ref={clearing.fieldsetRef}>
      <legend id={`check-${item.id}-legend`}>
        <span className="check-question__number">{props.number}.</span> {item.text}
      </legend>
      <div className="check-scale">
        {values.map((value) => {
          const id = `check-${item.id}-${value}`;
          return (
            <div className="check-scale__option" key={value}>
              <input
                type="radio"
                id={id}
                name={item.id}
                value={value}
                checked={props.value === value}
                onChange={() => props.onChange(value)}
              />
              <label htmlFor={id}>{scale.labels[String(value)] ?? String(value)}</label>
            </div>
          );
        })}
      </div>
      <ClearAnswer
        clearing={clearing}
        answered={props.value !== undefined}
        legendId={`check-${item.id}-legend`}
      />
    </fieldset>
  );
}

/** A safety question: its own answers (Yes, No, I would rather not say), never scored. */
export function SafetyQuestionField(props: {
  question: SafetyQuestion;
  value: number | undefined;
  onChange: (value: number) => void;
  onClear: () => void;
}) {
  const { question } = props;
  const clearing = useClearAnswer(props.value, props.onClear);
  return (
    <fieldset className="check-question check-question--safety" ref={clearing.fieldsetRef}>
      <legend id={`check-${question.id}-legend`}>{question.text}</legend>
      <div className="check-scale check-scale--choices">
        {question.options.map((option) => {
          const id = `check-${question.id}-${option.value}`;
          return (
            <div className="check-scale__option" key={option.value}>
              <input
                type="radio"
                id={id}
                name={question.id}
                value={option.value}
                checked={props.value === option.value}
                onChange={() => props.onChange(option.value)}
              />
              <label htmlFor={id}>{option.label}</label>
            </div>
          );
        })}
      </div>
      <ClearAnswer
        clearing={clearing}
        answered={props.value !== undefined}
        legendId={`check-${question.id}-legend`}
      />
    </fieldset>
  );
}

/**
 * Taking an answer back. The button goes once the answer is cleared, so focus moves to the
 * question's first choice (choosing nothing) and a polite status says what happened.
 */
function useClearAnswer(value: number | undefined, onClear: () => void) {
  const fieldsetRef = useRef<HTMLFieldSetElement>(null);
  const [cleared, setCleared] = useState(false);
  const clear = () => {
    onClear();
    setCleared(true);
    fieldsetRef.current?.querySelector<HTMLInputElement>('input[type="radio"]')?.focus();
  };
  return { fieldsetRef, clear, justCleared: cleared && value === undefined };
}

function ClearAnswer(props: {
  clearing: ReturnType<typeof useClearAnswer>;
  answered: boolean;
  legendId: string;
}) {
  return (
    <>
      {props.answered ? (
        <button
          type="button"
          className="button button--small check-question__clear"
          aria-describedby={props.legendId}
          onClick={props.clearing.clear}
        >
          {t('check.clearAnswer')}
        </button>
      ) : null}
      <p className="visually-hidden" role="status">
        {props.clearing.justCleared ? t('check.answerCleared') : ''}
      </p>
    </>
  );
}
