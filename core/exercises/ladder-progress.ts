/**
 * The closeness ladder's pure rules, shared by the browser (the exercise page) and the server
 * (the progress page): which rungs are managed, what is next up, gentle guidance, and the
 * predicted-versus-actual points of the chart. Moved here from the web app so both compute
 * the same points from the same entries.
 */

/** One value of a field, as saved: text, a rating, an option id, lines or ids, or table rows. */
export type FieldValue = string | number | string[] | Record<string, string | number>[];

/** What the ladder rules need of an exercise entry (the web's and the server's both fit). */
export interface LadderEntry {
  id: string;
  status: 'draft' | 'completed';
  /** Step id → field id → value. */
  values: Readonly<Record<string, Readonly<Record<string, FieldValue>>>>;
  updatedAt: string;
  completedAt: string | null;
}

/** Completed entries, newest first (by completion, else last save). */
export function completedLadderEntries<Entry extends LadderEntry>(
  entries: readonly Entry[],
): Entry[] {
  return entries
    .filter((entry) => entry.status === 'completed')
    .sort((a, b) => ((b.completedAt ?? b.updatedAt) > (a.completedAt ?? a.updatedAt) ? 1 : -1));
}

/**
 * Climbing the closeness ladder over the weeks, one go at a time.
 *
 * A rung is known by its words (the "step" cell). A new go starts with the rungs of the
 * person's latest completed ladder copied word for word, so the step chosen in each go, and so
 * each point of the predicted-versus-actual chart, names the same rung from week to week.
 * Words are compared ignoring case and spacing, so a tidied-up rung keeps its history.
 *
 * The rule for "managed", written down so it stays kind and clear: a rung is managed once any
 * completed go chose it and recorded how hard it really was — whatever the number. Trying a
 * step and noticing how it went is the achievement; a high rating never takes it away, and
 * a go left unfinished never counts against anyone. Repeating a managed step is always fine.
 *
 * "Next up" is the lowest rung not yet managed: the one with the lowest expected difficulty,
 * and among equals (or rungs not rated yet) the one written first. A rung without a rating
 * sits just after the rung written before it. It is only a suggestion; the choice stays the
 * person's.
 *
 * The gentle guidance never blocks anything: it says when the ladder has fewer than 8 or more
 * than 15 rungs, and where two neighbouring rungs (in order of expected difficulty) are more
 * than 20 points apart, as small steps help.
 */

export const LADDER_EXERCISE = 'closeness-ladder';
export const FEWEST_RUNGS = 8;
export const MOST_RUNGS = 15;
/** Neighbouring rungs further apart than this (out of 100) get a gentle "small steps help". */
export const BIGGEST_GAP = 20;

export type RungRow = Record<string, string | number>;

export interface LadderRung {
  step: string;
  expected: number | null;
  managed: boolean;
}

export interface LadderJump {
  from: string;
  to: string;
  gap: number;
}

export interface LadderGuidance {
  count: number;
  tooFew: boolean;
  tooMany: boolean;
  jumps: LadderJump[];
}

/** The key a rung is known by: its words, ignoring case and spacing. */
export function rungKey(step: string): string {
  return step.trim().replace(/\s+/g, ' ').toLocaleLowerCase('en-GB');
}

function stepOf(row: RungRow): string {
  return typeof row.step === 'string' ? row.step : '';
}

function expectedOf(row: RungRow): number | null {
  const value = row.expected;
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** The rows of a rungs value that name a step (blank rows left out). */
export function writtenRungs(value: FieldValue | undefined): RungRow[] {
  if (!Array.isArray(value)) return [];
  return value.filter(
    (row): row is RungRow => typeof row === 'object' && stepOf(row).trim() !== '',
  );
}

/**
 * The rungs to start a new go with: those of the latest completed go that has any, with
 * their words and expected difficulty only. Null when there has been no ladder yet.
 */
export function carriedRungs(entries: readonly LadderEntry[]): RungRow[] | null {
  for (const entry of completedLadderEntries(entries)) {
    const rows = writtenRungs(entry.values.ladder?.rungs);
    if (rows.length === 0) continue;
    return rows.map((row) => {
      const kept: RungRow = { step: stepOf(row) };
      const expected = expectedOf(row);
      if (expected !== null) kept.expected = expected;
      return kept;
    });
  }
  return null;
}

/** The keys of every rung a completed go chose and recorded a real difficulty for. */
export function managedKeys(entries: readonly LadderEntry[]): Set<string> {
  const keys = new Set<string>();
  for (const entry of completedLadderEntries(entries)) {
    const rung = entry.values.before?.rung;
    const actual = entry.values.after?.actual;
    if (typeof rung === 'string' && rung.trim() !== '' && typeof actual === 'number') {
      keys.add(rungKey(rung));
    }
  }
  return keys;
}

/** The ladder as written now, each rung marked managed or not, and what is next up. */
export function ladderProgress(
  value: FieldValue | undefined,
  entries: readonly LadderEntry[],
): { rungs: LadderRung[]; nextUp: string | null } {
  const managed = managedKeys(entries);
  const rungs = writtenRungs(value).map((row) => ({
    step: stepOf(row),
    expected: expectedOf(row),
    managed: managed.has(rungKey(stepOf(row))),
  }));
  return { rungs, nextUp: lowestFirst(rungs).find((rung) => !rung.managed)?.step ?? null };
}

/** Rungs from easiest to hardest: by expected difficulty, unrated ones after the rung before. */
function lowestFirst(rungs: readonly LadderRung[]): LadderRung[] {
  let before = 0;
  return rungs
    .map((rung, index) => {
      if (rung.expected !== null) before = rung.expected;
      return { rung, index, key: rung.expected ?? before };
    })
    .sort((a, b) => a.key - b.key || a.index - b.index)
    .map((item) => item.rung);
}

/** Gentle guidance on the ladder as written; never a reason to stop anyone going on. */
export function ladderGuidance(value: FieldValue | undefined): LadderGuidance {
  const rows = writtenRungs(value);
  const rated = rows
    .map((row, index) => ({ step: stepOf(row).trim(), expected: expectedOf(row), index }))
    .filter(
      (row): row is { step: string; expected: number; index: number } => row.expected !== null,
    )
    .sort((a, b) => a.expected - b.expected || a.index - b.index);
  const jumps: LadderJump[] = [];
  for (let at = 1; at < rated.length; at += 1) {
    const lower = rated[at - 1];
    const higher = rated[at];
    if (!lower || !higher) continue;
    const gap = higher.expected - lower.expected;
    if (gap > BIGGEST_GAP) jumps.push({ from: lower.step, to: higher.step, gap });
  }
  return {
    count: rows.length,
    tooFew: rows.length > 0 && rows.length < FEWEST_RUNGS,
    tooMany: rows.length > MOST_RUNGS,
    jumps,
  };
}

/** A closeness-ladder entry as a point of the chart: predicted and actual distress (0–100). */
export interface LadderPoint {
  id: string;
  /** When the go was completed (ISO instant). */
  date: string;
  rung: string;
  predicted: number | null;
  actual: number | null;
}

/** The completed ladder climbs, oldest first, for the predicted-versus-actual chart. */
export function ladderPoints(entries: readonly LadderEntry[]): LadderPoint[] {
  return completedLadderEntries(entries)
    .reverse()
    .map((entry) => {
      const predicted = entry.values.before?.predicted;
      const actual = entry.values.after?.actual;
      const rung = entry.values.before?.rung;
      return {
        id: entry.id,
        date: entry.completedAt ?? entry.updatedAt,
        rung: typeof rung === 'string' ? rung : '',
        predicted: typeof predicted === 'number' ? predicted : null,
        actual: typeof actual === 'number' ? actual : null,
      };
    })
    .filter((point) => point.predicted !== null || point.actual !== null);
}
