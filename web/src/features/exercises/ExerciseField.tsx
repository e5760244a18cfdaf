import { useId, type ReactNode } from 'react';
import type {
  ChoiceField,
  ColumnField,
  ExerciseField as Field,
  ListField,
  RatingField,
  RowsField,
} from '../../../../core/exercises/catalogue';
import { t } from '../../i18n';
import { BlameWordsNote } from './BlameWordsNote';
import type { ExerciseValues, FieldValue } from './exercises-api';
import { ThinkingTrapsField } from './ThinkingTrapsField';

export interface FieldProps {
  field: Field;
  /** Unique on the page, for ids and radio names. */
  name: string;
  value: FieldValue | undefined;
  values: ExerciseValues;
  onChange: (value: FieldValue) => void;
}

/** One field of an exercise step, built from the catalogue: a proper label, help and input. */
export function ExerciseFieldInput(props: FieldProps) {
  const { field, name, value, onChange } = props;
  const id = `field-${name}`;
  const helpId = field.help ? `${id}-help` : undefined;
  const help = field.help ? (
    <p className="hint" id={helpId}>
      {field.help}
    </p>
  ) : null;

  switch (field.kind) {
    case 'text':
    case 'long-text': {
      const text = typeof value === 'string' ? value : '';
      return (
        <div className="field">
          <label htmlFor={id}>{field.label}</label>
          {help}
          {field.kind === 'text' ? (
            <input
              id={id}
              type="text"
              value={text}
              aria-describedby={helpId}
              onChange={(event) => onChange(event.target.value)}
            />
          ) : (
            <textarea
              id={id}
              rows={4}
              value={text}
              aria-describedby={helpId}
              onChange={(event) => onChange(event.target.value)}
            />
          )}
          {field.checks === 'blame-words' ? <BlameWordsNote text={text} /> : null}
        </div>
      );
    }
    case 'rating-0-100':
    case 'rating-0-10':
      return (
        <RatingInput
          field={field}
          name={name}
          help={help}
          helpId={helpId}
          value={typeof value === 'number' ? value : undefined}
          onChange={onChange}
        />
      );
    case 'choice':
    case 'multi-choice':
      return (
        <ChoiceInput field={field} name={name} help={help} value={value} onChange={onChange} />
      );
    case 'list':
      return (
        <ListInput
          field={field}
          name={name}
          help={help}
          value={Array.isArray(value) ? (value as string[]) : []}
          onChange={onChange}
        />
      );
    case 'rows':
      return (
        <RowsInput
          field={field}
          name={name}
          help={help}
          value={Array.isArray(value) ? (value as Record<string, string | number>[]) : undefined}
          onChange={onChange}
        />
      );
    case 'pick-row': {
      const rows = props.values[field.from.step]?.[field.from.field];
      const options = Array.isArray(rows)
        ? rows
            .map((row) => (typeof row === 'object' ? Object.values(row)[0] : row))
            .filter((cell): cell is string => typeof cell === 'string' && cell.trim() !== '')
        : [];
      const chosen = typeof value === 'string' ? value : '';
      return (
        <div className="field">
          <label htmlFor={id}>{field.label}</label>
          {help}
          {options.length === 0 ? (
            <p className="hint">{t('exercise.pickRow.none')}</p>
          ) : (
            <select
              id={id}
              value={chosen}
              aria-describedby={helpId}
              onChange={(event) => onChange(event.target.value)}
            >
              <option value="">{t('exercise.pickRow.choose')}</option>
              {options.map((option) => (
                <option key={option} value={option}>
                  {option}
                </option>
              ))}
              {chosen && !options.includes(chosen) ? (
                <option value={chosen}>{chosen}</option>
              ) : null}
            </select>
          )}
        </div>
      );
    }
    case 'thinking-traps':
      return (
        <ThinkingTrapsField
          field={field}
          name={name}
          text={props.values[field.from.step]?.[field.from.field]}
          value={Array.isArray(value) ? (value as string[]) : []}
          onChange={onChange}
        />
      );
  }
}

function RatingInput(props: {
  field: RatingField;
  name: string;
  help: ReactNode;
  helpId: string | undefined;
  value: number | undefined;
  onChange: (value: number) => void;
}) {
  const { field, name, value } = props;
  const legendId = `legend-${name}`;
  const max = field.kind === 'rating-0-100' ? 100 : 10;
  if (max === 10) {
    return (
      <fieldset className="field rating-field">
        <legend id={legendId}>{field.label}</legend>
        {props.help}
        <p className="hint rating-field__ends">
          {t('exercise.rating.ends', { low: field.lowLabel, high: field.highLabel, max })}
        </p>
        <div className="rating-field__points">
          {Array.from({ length: 11 }, (_, point) => (
            <label key={point} className="rating-field__point">
              <input
                type="radio"
                name={name}
                value={point}
                checked={value === point}
                onChange={() => props.onChange(point)}
              />
              <span>{point}</span>
            </label>
          ))}
        </div>
      </fieldset>
    );
  }
  const sliderId = `slider-${name}`;
  const shown = value ?? 50;
  return (
    <fieldset className="field rating-field">
      <legend id={legendId}>{field.label}</legend>
      {props.help}
      <div className="slider">
        <input
          id={sliderId}
          type="range"
          min={0}
          max={100}
          step={5}
          value={shown}
          aria-labelledby={legendId}
          aria-describedby={`${sliderId}-ends ${props.helpId ?? ''}`.trim()}
          aria-valuetext={value === undefined ? t('exercise.rating.unset') : String(value)}
          className={value === undefined ? 'slider--unset' : undefined}
          onChange={(event) => props.onChange(Number(event.target.value))}
        />
        <output htmlFor={sliderId} className="slider__value" aria-hidden="true">
          {value === undefined ? t('exercise.rating.unsetShort') : value}
        </output>
      </div>
      <p className="hint slider__ends" id={`${sliderId}-ends`}>
        <span>{t('exercise.rating.low', { label: field.lowLabel })}</span>
        <span>{t('exercise.rating.high', { label: field.highLabel })}</span>
      </p>
    </fieldset>
  );
}

function ChoiceInput(props: {
  field: ChoiceField;
  name: string;
  help: ReactNode;
  value: FieldValue | undefined;
  onChange: (value: FieldValue) => void;
}) {
  const { field, name, value } = props;
  const multi = field.kind === 'multi-choice';
  const chosen = multi ? (Array.isArray(value) ? (value as string[]) : []) : [value];
  return (
    <fieldset className="field choice-field">
      <legend>{field.label}</legend>
      {props.help}
      {field.options.map((option) => (
        <label key={option.id} className="choice-field__option">
          <input
            type={multi ? 'checkbox' : 'radio'}
            name={name}
            value={option.id}
            checked={chosen.includes(option.id)}
            onChange={(event) => {
              if (!multi) props.onChange(option.id);
              else {
                const current = chosen as string[];
                props.onChange(
                  event.target.checked
                    ? [...current, option.id]
                    : current.filter((id) => id !== option.id),
                );
              }
            }}
          />
          <span>{option.label}</span>
        </label>
      ))}
    </fieldset>
  );
}

function ListInput(props: {
  field: ListField;
  name: string;
  help: ReactNode;
  value: string[];
  onChange: (value: string[]) => void;
}) {
  const { field, name } = props;
  const lines = props.value.length > 0 ? props.value : [''];
  const set = (index: number, line: string) =>
    props.onChange(lines.map((old, at) => (at === index ? line : old)));
  return (
    <fieldset className="field list-field">
      <legend>{field.label}</legend>
      {props.help}
      <ol className="list-field__lines">
        {lines.map((line, index) => (
          <li key={index}>
            <label className="visually-hidden" htmlFor={`field-${name}-${index}`}>
              {t('exercise.list.line', { label: field.label, number: index + 1 })}
            </label>
            <input
              id={`field-${name}-${index}`}
              type="text"
              value={line}
              onChange={(event) => set(index, event.target.value)}
            />
            {lines.length > 1 ? (
              <button
                type="button"
                className="button button--small"
                aria-label={t('exercise.list.remove', { number: index + 1 })}
                onClick={() => props.onChange(lines.filter((_, at) => at !== index))}
              >
                {t('exercise.remove')}
              </button>
            ) : null}
          </li>
        ))}
      </ol>
      {lines.length < field.maxItems ? (
        <button
          type="button"
          className="button button--small"
          onClick={() => props.onChange([...lines, ''])}
        >
          {t('exercise.list.add')}
        </button>
      ) : null}
    </fieldset>
  );
}

function emptyRow(columns: readonly ColumnField[]): Record<string, string | number> {
  const row: Record<string, string | number> = {};
  const first = columns[0];
  if (first) row[first.id] = '';
  return row;
}

function RowsInput(props: {
  field: RowsField;
  name: string;
  help: ReactNode;
  value: Record<string, string | number>[] | undefined;
  onChange: (value: Record<string, string | number>[]) => void;
}) {
  const { field, name } = props;
  const firstColumn = field.columns[0];
  const rows =
    props.value && props.value.length > 0
      ? props.value
      : field.presetRows && firstColumn
        ? field.presetRows.map((preset) => ({ [firstColumn.id]: preset }))
        : [emptyRow(field.columns)];
  const setCell = (index: number, column: string, cell: string | number) =>
    props.onChange(rows.map((row, at) => (at === index ? { ...row, [column]: cell } : row)));
  const hintId = `rows-${name}-count`;
  return (
    <fieldset className="field rows-field" aria-describedby={hintId}>
      <legend>{field.label}</legend>
      {props.help}
      <p className="hint" id={hintId}>
        {field.minRows === field.maxRows || field.minRows <= 1
          ? t('exercise.rows.upTo', { max: field.maxRows })
          : t('exercise.rows.between', { min: field.minRows, max: field.maxRows })}
      </p>
      <ol className="rows-field__rows">
        {rows.map((row, index) => (
          <li key={index} className="rows-field__row">
            <fieldset>
              <legend>{t('exercise.rows.row', { number: index + 1 })}</legend>
              {field.columns.map((column) => (
                <ColumnInput
                  key={column.id}
                  column={column}
                  name={`${name}-${index}-${column.id}`}
                  value={row[column.id]}
                  onChange={(cell) => setCell(index, column.id, cell)}
                />
              ))}
              {rows.length > 1 ? (
                <button
                  type="button"
                  className="button button--small"
                  aria-label={t('exercise.rows.remove', { number: index + 1 })}
                  onClick={() => props.onChange(rows.filter((_, at) => at !== index))}
                >
                  {t('exercise.remove')}
                </button>
              ) : null}
            </fieldset>
          </li>
        ))}
      </ol>
      {rows.length < field.maxRows ? (
        <button
          type="button"
          className="button button--small"
          onClick={() => props.onChange([...rows, emptyRow(field.columns)])}
        >
          {t('exercise.rows.add')}
        </button>
      ) : null}
    </fieldset>
  );
}

function ColumnInput(props: {
  column: ColumnField;
  name: string;
  value: string | number | undefined;
  onChange: (value: string | number) => void;
}) {
  const id = useId();
  const { column } = props;
  if (column.kind === 'text') {
    return (
      <div className="field field--inline">
        <label htmlFor={id}>{column.label}</label>
        <input
          id={id}
          type="text"
          value={typeof props.value === 'string' ? props.value : ''}
          onChange={(event) => props.onChange(event.target.value)}
        />
      </div>
    );
  }
  return (
    <ExerciseFieldInput
      field={column}
      name={props.name}
      value={props.value}
      values={{}}
      onChange={(value) => props.onChange(value as string | number)}
    />
  );
}
