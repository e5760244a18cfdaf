import type { CheckDefinition } from '../../api/types';
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
}) {
  const { item, scale } = props;
  const values: number[] = [];
  for (let value = scale.min; value <= scale.max; value += 1) values.push(value);
  return (
    <fieldset className="check-question">
      <legend>
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
    </fieldset>
  );
}

/** A safety question: its own answers (Yes, No, I would rather not say), never scored. */
export function SafetyQuestionField(props: {
  question: SafetyQuestion;
  value: number | undefined;
  onChange: (value: number) => void;
}) {
  const { question } = props;
  return (
    <fieldset className="check-question check-question--safety">
      <legend>{question.text}</legend>
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
    </fieldset>
  );
}
