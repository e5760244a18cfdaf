import { useCallback, useEffect, useRef } from 'react';
import { LOCAL_KEY_PREFIX } from '../auth/local-data';

/** How long typing must pause before the draft is written down (about half a second). */
export const DRAFT_DELAY_MS = 500;

/** One key per person and per thing being written, e.g. `closer.draft.<user>.journal.new`. */
export function draftKey(userId: string, name: string): string {
  return `${LOCAL_KEY_PREFIX}draft.${userId}.${name}`;
}

interface StoredDraft<T> {
  value: T;
  savedAt: string;
}

export function readDraft<T>(key: string): T | null {
  try {
    const raw = localStorage.getItem(key);
    if (!raw) return null;
    const stored = JSON.parse(raw) as StoredDraft<T>;
    return stored && typeof stored === 'object' && 'value' in stored ? stored.value : null;
  } catch {
    return null;
  }
}

function writeDraft(key: string, serialisedValue: string): void {
  try {
    localStorage.setItem(
      key,
      `{"savedAt":${JSON.stringify(new Date().toISOString())},"value":${serialisedValue}}`,
    );
  } catch {
    // Storage blocked or full: the text is still on the screen.
  }
}

/** Writes a draft now, without waiting: for answers chosen with one click, not typed. */
export function saveDraft<T>(key: string, value: T): void {
  writeDraft(key, JSON.stringify(value));
}

export function removeDraft(key: string): void {
  try {
    localStorage.removeItem(key);
  } catch {
    // As above.
  }
}

/**
 * Keeps what a person is writing on this device while they type, so nothing is lost to a
 * crash, a closed tab or a lost connection. Writes once typing pauses, and at once when the
 * page is hidden or left. A value equal to `baseline` (what is already saved) is no draft.
 * `clear` forgets the draft after a successful save; `flush` writes it now.
 */
export function useDraftAutosave<T>(key: string, value: T, baseline: T) {
  const serialised = JSON.stringify(value);
  const baselineSerialised = JSON.stringify(baseline);
  const pending = useRef<string | null>(null);
  const timer = useRef<number | undefined>(undefined);

  const flush = useCallback(() => {
    window.clearTimeout(timer.current);
    const next = pending.current;
    if (next === null) return;
    pending.current = null;
    if (next === 'remove') removeDraft(key);
    else writeDraft(key, next);
  }, [key]);

  const isFirstValue = useRef(true);
  useEffect(() => {
    // Opening the page is not typing: an untouched form leaves any stored draft alone.
    if (isFirstValue.current) {
      isFirstValue.current = false;
      return;
    }
    pending.current = serialised === baselineSerialised ? 'remove' : serialised;
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(flush, DRAFT_DELAY_MS);
  }, [serialised, baselineSerialised, flush]);

  useEffect(() => {
    window.addEventListener('pagehide', flush);
    return () => {
      window.removeEventListener('pagehide', flush);
      flush();
    };
  }, [flush]);

  const clear = useCallback(() => {
    window.clearTimeout(timer.current);
    pending.current = null;
    removeDraft(key);
  }, [key]);

  return { clear, flush };
}
