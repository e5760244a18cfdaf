import { t } from '../../i18n';

/**
 * A 0–10 rating as a native slider: arrow keys, Home and End work everywhere, the value is
 * shown beside it, and the hint says what 0 and 10 mean.
 */
export function RatingField(props: {
  id: string;
  label: string;
  hint: string;
  value: number;
  onChange: (value: number) => void;
}) {
  const hintId = `${props.id}-hint`;
  return (
    <div className="field rating">
      <label htmlFor={props.id}>{props.label}</label>
      <p className="hint" id={hintId}>
        {props.hint}
      </p>
      <div className="rating__row">
        <span className="rating__end" aria-hidden="true">
          0
        </span>
        <input
          id={props.id}
          name={props.id}
          type="range"
          min={0}
          max={10}
          step={1}
          value={props.value}
          onChange={(event) => props.onChange(Number(event.target.value))}
          aria-describedby={hintId}
          aria-valuetext={t('checkin.value', { value: props.value })}
        />
        <span className="rating__end" aria-hidden="true">
          10
        </span>
        <output className="rating__value" htmlFor={props.id} aria-hidden="true">
          {props.value}
        </output>
      </div>
    </div>
  );
}
