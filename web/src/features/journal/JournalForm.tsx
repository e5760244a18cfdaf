import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { ApiError } from '../../api/client';
import type { JournalInput, SavedJournalEntry } from '../../api/types';
import { t } from '../../i18n';
import { readDraft, useDraftAutosave } from '../drafts/drafts';
import { isUnreachable } from '../health/HealthError';
import { JOURNAL_PROMPTS } from './prompts';
import { BusyButton } from '../layout/BusyButton';

/** What the form holds, as typed: the draft kept on the device has the same shape. */
export interface JournalFormValues {
  text: string;
  mood: string;
  tags: string;
}

export const EMPTY_JOURNAL_FORM: JournalFormValues = { text: '', mood: '', tags: '' };

const MAX_TAGS = 20;
const MAX_TAG_LENGTH = 50;

export function formValuesOf(entry: {
  text: string;
  mood: number | null;
  tags: string[];
}): JournalFormValues {
  return {
    text: entry.text,
    mood: entry.mood === null ? '' : String(entry.mood),
    tags: entry.tags.join(', '),
  };
}

/** Commas separate tags; blanks and repeats are dropped. */
export function parseTags(tags: string): string[] {
  const seen = new Set<string>();
  for (const raw of tags.split(',')) {
    const tag = raw.trim().slice(0, MAX_TAG_LENGTH);
    if (tag && !seen.has(tag.toLocaleLowerCase('en-GB'))) seen.add(tag);
    if (seen.size >= MAX_TAGS) break;
  }
  return [...seen];
}

function toInput(values: JournalFormValues): JournalInput {
  return {
    text: values.text,
    mood: values.mood === '' ? null : Number(values.mood),
    tags: parseTags(values.tags),
  };
}

/**
 * Writing or changing a journal entry. What is typed is kept on this device as a draft
 * until it is saved; a draft left from last time is brought back when the form opens.
 */
export function JournalForm(props: {
  draftKey: string;
  /** What is already saved (empty for a new entry). */
  baseline: JournalFormValues;
  showPrompts: boolean;
  save: (input: JournalInput) => Promise<SavedJournalEntry>;
  onSaved: (saved: SavedJournalEntry) => void;
  onCancel?: () => void;
}) {
  const { draftKey, baseline, save, onSaved } = props;
  const id = useId();
  const [restored] = useState(() => {
    const draft = readDraft<Partial<JournalFormValues>>(draftKey);
    if (!draft || typeof draft.text !== 'string') return null;
    const values = {
      text: draft.text,
      mood: String(draft.mood ?? ''),
      tags: String(draft.tags ?? ''),
    };
    return JSON.stringify(values) === JSON.stringify(baseline) ? null : values;
  });
  const [values, setValues] = useState<JournalFormValues>(restored ?? baseline);
  const [showRestored, setShowRestored] = useState(restored !== null);
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<
    { kind: 'empty' } | { kind: 'kept' } | { kind: 'refused'; message: string } | null
  >(null);
  const draft = useDraftAutosave(draftKey, values, baseline);
  const textRef = useRef<HTMLTextAreaElement>(null);
  const problemRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (problem) problemRef.current?.focus();
  }, [problem]);

  const update = (change: Partial<JournalFormValues>) =>
    setValues((current) => ({ ...current, ...change }));

  const startFromPrompt = (prompt: string) => {
    const text =
      values.text.trim() === '' ? `${prompt}\n\n` : `${values.text.trimEnd()}\n\n${prompt}\n\n`;
    update({ text });
    window.requestAnimationFrame(() => {
      const area = textRef.current;
      if (!area) return;
      area.focus();
      area.setSelectionRange(area.value.length, area.value.length);
    });
  };

  const discardDraft = () => {
    draft.clear();
    setValues(baseline);
    setShowRestored(false);
    textRef.current?.focus();
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (values.text.trim() === '') {
      setProblem({ kind: 'empty' });
      return;
    }
    // Written down before the request, so a crash while saving loses nothing.
    draft.flush();
    setSaving(true);
    setProblem(null);
    try {
      const saved = await save(toInput(values));
      draft.clear();
      onSaved(saved);
    } catch (error) {
      setSaving(false);
      setProblem(
        isUnreachable(error)
          ? { kind: 'kept' }
          : {
              kind: 'refused',
              message: error instanceof ApiError ? error.message : t('error.generic'),
            },
      );
    }
  };

  const hintId = `${id}-text-hint`;
  return (
    <form className="form form--wide" onSubmit={onSubmit} noValidate>
      {problem ? (
        <div className="notice notice--error" role="alert" tabIndex={-1} ref={problemRef}>
          {problem.kind === 'empty' ? <p>{t('journal.text.required')}</p> : null}
          {problem.kind === 'kept' ? <p>{t('journal.draft.kept')}</p> : null}
          {problem.kind === 'refused' ? (
            <>
              <p>{problem.message}</p>
              <p>{t('journal.draft.keptShort')}</p>
            </>
          ) : null}
        </div>
      ) : null}
      {showRestored ? (
        <div className="notice" role="status">
          <p>{t('journal.draft.restored')}</p>
          <p>
            <button type="button" className="link-button" onClick={discardDraft}>
              {t('journal.draft.discard')}
            </button>
          </p>
        </div>
      ) : null}
      {props.showPrompts ? (
        <section className="prompts" aria-labelledby={`${id}-prompts`}>
          <h2 id={`${id}-prompts`}>{t('journal.prompts.title')}</h2>
          <p className="hint">{t('journal.prompts.hint')}</p>
          <ul className="prompt-list">
            {JOURNAL_PROMPTS.map((key) => (
              <li key={key}>
                <button type="button" className="prompt" onClick={() => startFromPrompt(t(key))}>
                  {t(key)}
                </button>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <div className="field">
        <label htmlFor={`${id}-text`}>{t('journal.text.label')}</label>
        <p className="hint" id={hintId}>
          {t('journal.text.hint')}
        </p>
        <textarea
          id={`${id}-text`}
          name="text"
          ref={textRef}
          rows={12}
          maxLength={100_000}
          value={values.text}
          onChange={(event) => update({ text: event.target.value })}
          aria-describedby={hintId}
          aria-invalid={problem?.kind === 'empty' || undefined}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-mood`}>{t('journal.mood.label')}</label>
        <p className="hint" id={`${id}-mood-hint`}>
          {t('journal.mood.hint')}
        </p>
        <select
          id={`${id}-mood`}
          name="mood"
          value={values.mood}
          onChange={(event) => update({ mood: event.target.value })}
          aria-describedby={`${id}-mood-hint`}
        >
          <option value="">{t('journal.mood.none')}</option>
          {Array.from({ length: 11 }, (_, mood) => (
            <option key={mood} value={String(mood)}>
              {mood}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-tags`}>{t('journal.tags.label')}</label>
        <p className="hint" id={`${id}-tags-hint`}>
          {t('journal.tags.hint')}
        </p>
        <input
          id={`${id}-tags`}
          name="tags"
          type="text"
          maxLength={1_100}
          autoComplete="off"
          value={values.tags}
          onChange={(event) => update({ tags: event.target.value })}
          aria-describedby={`${id}-tags-hint`}
        />
      </div>
      <p className="actions">
        <BusyButton className="button button--primary" type="submit" busy={saving}>
          {saving ? t('auth.working') : t('journal.save')}
        </BusyButton>
        {props.onCancel ? (
          <button
            className="button"
            type="button"
            onClick={() => {
              draft.clear();
              props.onCancel?.();
            }}
          >
            {t('journal.cancel')}
          </button>
        ) : null}
      </p>
    </form>
  );
}
