import { enGB, type MessageKey, type Messages } from './en-GB';

export type { MessageKey, Messages };

export type TranslateValues = Record<string, string | number>;

/** Fills `{name}` placeholders. A missing value leaves the placeholder visible for review. */
export function formatMessage(template: string, values?: TranslateValues): string {
  if (!values) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(values, name) ? String(values[name]) : whole,
  );
}

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
