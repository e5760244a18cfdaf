import { enGB, type MessageKey, type Messages } from './en-GB';

export type { MessageKey, Messages };

import { formatMessage, type TranslateValues } from './format';

export { formatMessage, type TranslateValues };

export type Translate = (key: MessageKey, values?: TranslateValues) => string;

/** Builds a translate function over one locale's messages. */
export function createTranslator(messages: Messages = enGB): Translate {
  return (key, values) => formatMessage(messages[key], values);
}

/** Whether a string is a known message key, for codes that arrive from the API. */
export function isMessageKey(key: string, messages: Messages = enGB): key is MessageKey {
  return Object.hasOwn(messages, key);
}

/** en-GB is the only locale for now; one place to add the next. */
export const LOCALE = 'en-GB';
export const t: Translate = createTranslator(enGB);
