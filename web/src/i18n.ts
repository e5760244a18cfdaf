/**
 * The web app's single door to interface text.
 *
 * Only the first page's messages (core/i18n/en-GB.first-page.ts) ship with the first page;
 * the whole dictionary loads with the first other page (`loadAllMessages`, awaited by every
 * lazily loaded page in App.tsx before it renders), so the first page stays within its
 * JavaScript budget. The server always has the whole dictionary.
 */
import { formatMessage, type TranslateValues } from '../../core/i18n/format';
import { enGBFirstPage } from '../../core/i18n/en-GB.first-page';
import type { MessageKey } from '../../core/i18n/translate';

export type { MessageKey };

/** en-GB is the only locale for now; one place to add the next. */
export const LOCALE = 'en-GB';

const messages: Partial<Record<MessageKey, string>> = { ...enGBFirstPage };
let allMessages: Promise<void> | null = null;

/** Loads the rest of the dictionary once; every page but the first awaits it before showing. */
export function loadAllMessages(): Promise<void> {
  allMessages ??= import('../../core/i18n/en-GB').then(({ enGB }) => {
    Object.assign(messages, enGB);
  });
  return allMessages;
}

/**
 * The words for a key. A key whose words have not loaded yet is a bug (a first-page
 * component using a later page's text): it is reported, and nothing half-made is shown.
 */
export function t(key: MessageKey, values?: TranslateValues): string {
  const template = messages[key];
  if (template === undefined) {
    console.error(`Interface text "${key}" was used before it was loaded.`);
    return '';
  }
  return formatMessage(template, values);
}

/** Whether a string is a key with loaded words, for codes that arrive from the API. */
export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(messages, key);
}
