import { completedEntries } from './exercise-progress';
import type { ExerciseEntry } from './exercises-api';

/** The three parts of a relationship pattern reflection, in the order they are written. */
export const EPISODE_PARTS = ['wish', 'other', 'me'] as const;
export type EpisodePart = (typeof EPISODE_PARTS)[number];

/** One finished reflection: what I wished for, how they responded, how I responded. */
export interface Episode {
  id: string;
  date: string;
  wish: string;
  other: string;
  me: string;
}

/** A word that comes back in the same part of several reflections. */
export interface RepeatedWord {
  part: EpisodePart;
  /** The word as the person first wrote it. */
  word: string;
  /** The reflections it appears in, oldest first. */
  episodeIds: string[];
}

/**
 * Little words that say nothing about a pattern on their own, and the words every reflection
 * uses because the questions ask for them ("wish", "feel", "respond").
 */
const COMMON_WORDS = new Set(
  (
    'a about after again all also am an and any are as at be because been before being but by ' +
    'can could did do does doing done for from get got had has have he her hers him his how i ' +
    "i'd i'll i'm i've if in into is it it's its just me more most much my myself no not now of " +
    'off on once one only or other our out over really said say says she so some still such than ' +
    'that the their them then there these they this those to too up us very was we were what ' +
    'when where which while who why will with would you your yours ' +
    'feel feeling felt want wanted wish wished respond responded response like thing things ' +
    'something someone time bit lot go goes going gone went make made'
  ).split(' '),
);

/** Lower case, curly apostrophes made straight, and a plural or possessive "s" set aside. */
function wordKey(word: string): string {
  const lower = word.toLowerCase().replace(/’/g, "'");
  if (lower.endsWith("'s")) return lower.slice(0, -2);
  if (lower.length > 4 && lower.endsWith('s') && !lower.endsWith('ss')) return lower.slice(0, -1);
  return lower;
}

/** The distinct meaningful words of a text, by key, each with the form first written. */
function meaningfulWords(text: string): Map<string, string> {
  const words = new Map<string, string>();
  for (const match of text.matchAll(/[\p{L}]+(?:['’][\p{L}]+)*/gu)) {
    const written = match[0];
    if (COMMON_WORDS.has(written.toLowerCase().replace(/’/g, "'"))) continue;
    const key = wordKey(written);
    if (key.length < 3 || COMMON_WORDS.has(key)) continue;
    if (!words.has(key)) words.set(key, written.toLowerCase());
  }
  return words;
}

const textOf = (entry: ExerciseEntry, part: EpisodePart) => {
  const value = entry.values[part]?.[part];
  return typeof value === 'string' ? value.trim() : '';
};

/** The finished reflections, oldest first, with at least one of the three parts written. */
export function episodesFrom(entries: readonly ExerciseEntry[]): Episode[] {
  return completedEntries(entries)
    .reverse()
    .map((entry) => ({
      id: entry.id,
      date: entry.completedAt ?? entry.updatedAt,
      wish: textOf(entry, 'wish'),
      other: textOf(entry, 'other'),
      me: textOf(entry, 'me'),
    }))
    .filter((episode) => EPISODE_PARTS.some((part) => episode[part] !== ''));
}

/**
 * Words that come back in the same part of at least two reflections: plain word overlap that
 * anyone can check by reading the reflections side by side. It is only something the person
 * might notice, never a finding about them. Most shared first; at most `perPart` for each part.
 */
export function repeatedWords(episodes: readonly Episode[], perPart = 3): RepeatedWord[] {
  const found: (RepeatedWord & { order: number })[] = [];
  EPISODE_PARTS.forEach((part, partOrder) => {
    const seen = new Map<string, { word: string; episodeIds: string[] }>();
    for (const episode of episodes) {
      for (const [key, written] of meaningfulWords(episode[part])) {
        const now = seen.get(key) ?? { word: written, episodeIds: [] };
        now.episodeIds.push(episode.id);
        seen.set(key, now);
      }
    }
    [...seen.values()]
      .filter((word) => word.episodeIds.length >= 2)
      .sort((a, b) => b.episodeIds.length - a.episodeIds.length || a.word.localeCompare(b.word))
      .slice(0, perPart)
      .forEach((word) => found.push({ part, ...word, order: partOrder }));
  });
  return found
    .sort((a, b) => b.episodeIds.length - a.episodeIds.length || a.order - b.order)
    .map(({ order: _order, ...word }) => word);
}
