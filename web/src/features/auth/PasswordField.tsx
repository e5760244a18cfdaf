import { useId, useState } from 'react';
import { t } from '../../i18n';

/** A password input with an optional hint and a "show password" switch. */
export function PasswordField(props: {
  label: string;
  hint?: string;
  value: string;
  onChange: (value: string) => void;
  autoComplete: 'new-password' | 'current-password';
  invalid?: boolean;
}) {
  const id = useId();
  const [visible, setVisible] = useState(false);
  return (
    <div className="field">
      <label htmlFor={`${id}-input`}>{props.label}</label>
      {props.hint ? (
        <p className="hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      ) : null}
      <input
        id={`${id}-input`}
        name="password"
        type={visible ? 'text' : 'password'}
        autoComplete={props.autoComplete}
        required
        maxLength={1024}
        value={props.value}
        onChange={(event) => props.onChange(event.target.value)}
        aria-describedby={props.hint ? `${id}-hint` : undefined}
        aria-invalid={props.invalid || undefined}
      />
      <div className="checkbox">
        <input
          id={`${id}-show`}
          type="checkbox"
          checked={visible}
          onChange={(event) => setVisible(event.target.checked)}
        />
        <label htmlFor={`${id}-show`}>{t('auth.showPassword')}</label>
      </div>
    </div>
  );
}
