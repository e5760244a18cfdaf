import type { ButtonHTMLAttributes, MouseEvent } from 'react';

type BusyButtonProps = ButtonHTMLAttributes<HTMLButtonElement> & {
  /** While true the button does nothing and says so, but keeps keyboard focus. */
  busy: boolean;
};

/**
 * A button that is unavailable for a while (saving, sending) without losing focus. A
 * `disabled` button drops keyboard focus to the top of the page the moment it is disabled,
 * so someone using a keyboard or screen reader has to find their place again after every
 * save. This one is marked `aria-disabled` instead, stays in the tab order, and ignores
 * clicks and Enter (which submits a form by clicking its default button) until it is free.
 */
export function BusyButton({ busy, onClick, children, ...rest }: BusyButtonProps) {
  const guarded = (event: MouseEvent<HTMLButtonElement>) => {
    if (busy) {
      event.preventDefault();
      return;
    }
    onClick?.(event);
  };
  return (
    <button {...rest} aria-disabled={busy || undefined} onClick={guarded}>
      {children}
    </button>
  );
}
