import type { MessageKey } from '../../i18n';

/** Gentle questions about closeness to start an entry from; their words live in i18n. */
export const JOURNAL_PROMPTS: readonly MessageKey[] = [
  'journal.prompt.1',
  'journal.prompt.2',
  'journal.prompt.3',
  'journal.prompt.4',
  'journal.prompt.5',
  'journal.prompt.6',
  'journal.prompt.7',
  'journal.prompt.8',
];
