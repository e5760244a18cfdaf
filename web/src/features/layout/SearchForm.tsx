import { useEffect, useState, type FormEvent } from 'react';

/**
 * A search box with its button, as a `role="search"` form. Keeps its own draft and hands the
 * trimmed text over on submit; follows `value` when the page's search changes (back, a link).
 */
export function SearchForm(props: {
  id: string;
  label: string;
  submitLabel: string;
  value: string;
  onSearch: (query: string) => void;
}) {
  const [draft, setDraft] = useState(props.value);
  useEffect(() => setDraft(props.value), [props.value]);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    props.onSearch(draft.trim());
  };
  return (
    <form className="search-form" onSubmit={onSubmit} role="search">
      <label htmlFor={props.id}>{props.label}</label>
      <div className="search-form__row">
        <input
          id={props.id}
          type="search"
          name="q"
          maxLength={200}
          value={draft}
          onChange={(event) => setDraft(event.target.value)}
        />
        <button className="button" type="submit">
          {props.submitLabel}
        </button>
      </div>
    </form>
  );
}
