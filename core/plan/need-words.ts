/**
 * How the plan names each sign and root inside a sentence ("Sharing your thoughts and
 * feelings came out highest of your four signs, so…"). The Check's own titles are headings;
 * these are the same ideas, worded to sit in the middle of a sentence.
 */
import { SIGN_IDS, type ScoredSubscaleId } from '../assessment/closeness-check.definition';

export const NEED_PHRASES: Readonly<Record<ScoredSubscaleId, string>> = {
  avoidance: 'pulling away when people get close',
  trust: 'finding it hard to trust',
  sharing: 'sharing your thoughts and feelings',
  anxiety: 'feeling anxious in close moments',
  childhood: 'what you learned growing up',
  'relational-trauma': 'past relationships and family ways',
  'self-esteem': 'how you see yourself',
  coping: 'your ways of coping with stress',
};

export function isSign(id: ScoredSubscaleId): boolean {
  return (SIGN_IDS as readonly string[]).includes(id);
}

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "a", "a and b", "a, b and c". */
export function joinWords(words: readonly string[]): string {
  if (words.length <= 1) return words[0] ?? '';
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

/**
 * The phrases of several subscales, joined with a comma before the last "and", because the
 * phrases have "and" in them: "sharing your thoughts and feelings, and finding it hard to trust".
 */
export function needPhrases(ids: readonly ScoredSubscaleId[]): string {
  const phrases = ids.map((id) => NEED_PHRASES[id]);
  if (phrases.length <= 1) return phrases[0] ?? '';
  return `${phrases.slice(0, -1).join(', ')}, and ${phrases[phrases.length - 1]}`;
}
