import type { CheckAnswers, CheckDefinition, CheckDraft } from '../../api/types';

/** Four questions a screen: 32 questions make 8 screens, then one for the safety questions. */
export const QUESTIONS_PER_SCREEN = 4;

export type CheckItem = CheckDefinition['items'][number];
export type SafetyQuestion = CheckDefinition['safetyQuestions'][number];

export type CheckScreen =
  | {
      kind: 'items';
      items: CheckItem[];
      /** 1-based number of its first question. */ first: number;
    }
  | { kind: 'safety'; questions: SafetyQuestion[] };

/** The screens of a definition, in the order they are shown. */
export function screensOf(definition: CheckDefinition): CheckScreen[] {
  const screens: CheckScreen[] = [];
  for (let start = 0; start < definition.items.length; start += QUESTIONS_PER_SCREEN) {
    screens.push({
      kind: 'items',
      items: definition.items.slice(start, start + QUESTIONS_PER_SCREEN),
      first: start + 1,
    });
  }
  if (definition.safetyQuestions.length > 0) {
    screens.push({ kind: 'safety', questions: definition.safetyQuestions });
  }
  return screens;
}

/** Every question id in the order shown: scored items, then the safety questions. */
export function questionOrder(definition: CheckDefinition): string[] {
  return [
    ...definition.items.map((item) => item.id),
    ...definition.safetyQuestions.map((question) => question.id),
  ];
}

/**
 * Only the answers this definition accepts: a copy kept on the device from an older version,
 * or tampered with, can never send the server something it would refuse.
 */
export function acceptedAnswers(definition: CheckDefinition, answers: unknown): CheckAnswers {
  const accepted: CheckAnswers = {};
  if (answers === null || typeof answers !== 'object') return accepted;
  const values = answers as Record<string, unknown>;
  const take = (id: string, allowed: (value: number) => boolean) => {
    const value = Object.hasOwn(values, id) ? values[id] : undefined;
    if (typeof value === 'number' && Number.isInteger(value) && allowed(value)) {
      accepted[id] = value;
    }
  };
  for (const item of definition.items) {
    take(item.id, (value) => value >= definition.scale.min && value <= definition.scale.max);
  }
  for (const question of definition.safetyQuestions) {
    take(question.id, (value) => question.options.some((option) => option.value === value));
  }
  return accepted;
}

export function answeredCount(definition: CheckDefinition, answers: CheckAnswers) {
  const order = questionOrder(definition);
  return {
    answered: order.filter((id) => Object.hasOwn(answers, id)).length,
    total: order.length,
  };
}

/**
 * The screen to carry on from: the one after the last question answered (or that screen
 * itself, if something on it is still open). Skipped questions earlier on are left alone:
 * skipping is allowed, and the person can go back to them.
 */
export function resumeScreen(definition: CheckDefinition, answers: CheckAnswers): number {
  const screens = screensOf(definition);
  let last = -1;
  screens.forEach((screen, index) => {
    const ids =
      screen.kind === 'items'
        ? screen.items.map((item) => item.id)
        : screen.questions.map((question) => question.id);
    if (ids.some((id) => Object.hasOwn(answers, id))) last = index;
  });
  if (last < 0) return 0;
  const screen = screens[last];
  const ids =
    screen?.kind === 'items'
      ? screen.items.map((item) => item.id)
      : (screen?.questions.map((question) => question.id) ?? []);
  const complete = ids.every((id) => Object.hasOwn(answers, id));
  return complete ? Math.min(last + 1, screens.length - 1) : last;
}

/** The copy of a Check in progress kept on this device. */
export interface LocalCheckDraft {
  version: number;
  answers: CheckAnswers;
  /** The screen last shown (0-based), so a closed tab opens where it was. */
  screen: number | null;
  /** True once the server has confirmed it holds exactly these answers. */
  synced: boolean;
}

export interface StartingPoint {
  answers: CheckAnswers;
  screen: number | null;
  /** The device holds answers the server has not confirmed: send them. */
  needsSending: boolean;
  /** A draft of an older version of the Check was set aside. */
  versionChanged: boolean;
}

/**
 * Where a Check starts, from the copy on this device and the server's draft:
 * - answers on this device that the server never confirmed (a lost connection, a tab closed
 *   mid-save) are the newest there are: they win, and are sent;
 * - otherwise the server's draft wins, as another device may have carried on since; if the
 *   server has none, the Check was finished or cleared elsewhere, so the copy here is dropped.
 * A draft of another version of the Check cannot be resumed (its questions differ).
 */
export function startingPoint(
  definition: CheckDefinition,
  local: LocalCheckDraft | null,
  server: CheckDraft | null,
): StartingPoint {
  const version = definition.version;
  const localUsable = local !== null && local.version === version;
  const serverUsable = server !== null && server.version === version;
  const versionChanged =
    (local !== null && local.version !== version && Object.keys(local.answers ?? {}).length > 0) ||
    (server !== null && server.version !== version && Object.keys(server.answers).length > 0);

  if (localUsable && !local.synced) {
    return {
      answers: acceptedAnswers(definition, local.answers),
      screen: local.screen,
      needsSending: true,
      versionChanged,
    };
  }
  if (serverUsable) {
    const answers = acceptedAnswers(definition, server.answers);
    // The device copy holds no confirmed safety answers (see deviceCopy), so compare without them.
    const sameAsLocal =
      localUsable &&
      JSON.stringify(sortedEntries(withoutSafety(definition, local.answers))) ===
        JSON.stringify(sortedEntries(withoutSafety(definition, answers)));
    return {
      answers,
      // The screen seen last on this device, while it still matches what the server has.
      screen: sameAsLocal ? local.screen : null,
      needsSending: false,
      versionChanged,
    };
  }
  return { answers: {}, screen: null, needsSending: false, versionChanged };
}

/**
 * What is written to this device. Safety answers (thoughts of self-harm, a frightening
 * partner) are kept only while the server has not confirmed them: once it holds them, locked
 * with the person's key, a plain copy on a possibly shared device is a risk with no use left.
 */
export function deviceCopy(definition: CheckDefinition, draft: LocalCheckDraft): LocalCheckDraft {
  if (!draft.synced) return draft;
  return { ...draft, answers: withoutSafety(definition, draft.answers) };
}

function withoutSafety(definition: CheckDefinition, answers: CheckAnswers): CheckAnswers {
  const safetyIds = new Set(definition.safetyQuestions.map((question) => question.id));
  return Object.fromEntries(Object.entries(answers).filter(([id]) => !safetyIds.has(id)));
}

function sortedEntries(answers: CheckAnswers): [string, number][] {
  return Object.entries(answers).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}
