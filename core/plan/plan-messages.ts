/**
 * The plan's words as message descriptors: core says which sentence (a key in
 * core/i18n, group `plan.*`) and with which values, and each side renders it with its own
 * translate. A value may itself be a descriptor (a need phrase inside a reason, a list of
 * them); exercise names are content from the catalogue and stay plain strings.
 */
import type { ScoredSubscaleId } from '../assessment/closeness-check.definition';
import { isMessageKey, t, type MessageKey, type Translate } from '../i18n/translate';

export interface PlanMessage {
  key: MessageKey;
  values?: Readonly<Record<string, string | number | PlanMessage>>;
  /** Capitalise the first letter once rendered: for a phrase that starts a sentence. */
  capitalise?: true;
}

export function message(
  key: MessageKey,
  values?: Readonly<Record<string, string | number | PlanMessage>>,
): PlanMessage {
  return values ? { key, values } : { key };
}

/** The same message, rendered with a capital first letter. */
export function capitalised(text: PlanMessage): PlanMessage {
  return { ...text, capitalise: true };
}

/** The phrase for a sign or root, to sit inside a sentence. */
export function needMessage(id: ScoredSubscaleId): PlanMessage {
  return message(`plan.need.${id}`);
}

/**
 * The phrases of several subscales, with a comma before the last "and", because the phrases
 * have "and" in them: "sharing your thoughts and feelings, and finding it hard to trust".
 */
export function needsMessage(ids: readonly ScoredSubscaleId[]): PlanMessage | string {
  const [first, ...rest] = ids;
  if (first === undefined) return '';
  let list: PlanMessage = needMessage(first);
  rest.forEach((id, index) => {
    list =
      index === rest.length - 1
        ? message('plan.list.and', { items: list, last: needMessage(id) })
        : message('plan.list.comma', { items: list, next: needMessage(id) });
  });
  return list;
}

/** Sentences one after another, with a space between. */
export function sentences(first: PlanMessage, ...more: PlanMessage[]): PlanMessage {
  return more.reduce(
    (joined, next) => message('plan.join.sentences', { first: joined, second: next }),
    first,
  );
}

const isMessage = (value: unknown): value is PlanMessage =>
  typeof value === 'object' && value !== null && typeof (value as PlanMessage).key === 'string';

/**
 * The words of a message. A plain string is answered as it is: plans stored before reasons
 * became descriptors hold their reasons in English.
 */
export function renderPlanMessage(text: PlanMessage | string, translate: Translate = t): string {
  if (typeof text === 'string') return text;
  if (!isMessage(text) || !isMessageKey(text.key)) return '';
  const values: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(text.values ?? {}))
    values[name] =
      typeof value === 'string' || typeof value === 'number'
        ? value
        : renderPlanMessage(value, translate);
  const rendered = translate(text.key, values);
  return text.capitalise ? rendered.charAt(0).toUpperCase() + rendered.slice(1) : rendered;
}
