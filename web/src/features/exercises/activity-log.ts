import { completedEntries } from './exercise-progress';
import type { ExerciseEntry } from './exercises-api';

/** One logged activity of a finished confidence-builders week. */
export interface ActivityLogRow {
  entryId: string;
  date: string;
  activity: string;
  /** 'yes', 'partly' or 'no' ("not this time"), if the person said. */
  done: string | null;
  mastery: number | null;
  enjoyment: number | null;
}

/** What an activity has given the person so far, across every week they logged it. */
export interface ActivitySummary {
  activity: string;
  /** How many times it was done, fully or partly. */
  times: number;
  /** Averages to one decimal place, or null when it was never rated. */
  mastery: number | null;
  enjoyment: number | null;
}

const rating = (value: unknown) =>
  typeof value === 'number' && Number.isFinite(value) ? value : null;

/** Every logged activity of the finished weeks, newest week first, in the person's order. */
export function activityLog(entries: readonly ExerciseEntry[]): ActivityLogRow[] {
  return completedEntries(entries).flatMap((entry) => {
    const rows = entry.values.log?.log;
    if (!Array.isArray(rows)) return [];
    return rows.flatMap((row) => {
      if (typeof row !== 'object') return [];
      const activity = typeof row.activity === 'string' ? row.activity.trim() : '';
      if (activity === '') return [];
      return [
        {
          entryId: entry.id,
          date: entry.completedAt ?? entry.updatedAt,
          activity,
          done: typeof row.done === 'string' ? row.done : null,
          mastery: rating(row.mastery),
          enjoyment: rating(row.enjoyment),
        },
      ];
    });
  });
}

const sameActivity = (name: string) => name.toLowerCase().replace(/\s+/g, ' ');

const average = (values: number[]) =>
  values.length === 0
    ? null
    : Math.round((values.reduce((sum, value) => sum + value, 0) / values.length) * 10) / 10;

/**
 * Each activity with its average mastery and enjoyment, the most enjoyed first (then the most
 * mastery, then by name). Activities are matched by name, ignoring capitals and extra spaces;
 * times marked "not this time" are left out, as there was nothing to rate.
 */
export function summariseActivities(rows: readonly ActivityLogRow[]): ActivitySummary[] {
  const groups = new Map<string, { activity: string; mastery: number[]; enjoyment: number[] }>();
  const times = new Map<string, number>();
  for (const row of rows) {
    if (row.done === 'no') continue;
    const key = sameActivity(row.activity);
    const group = groups.get(key) ?? { activity: row.activity, mastery: [], enjoyment: [] };
    if (row.mastery !== null) group.mastery.push(row.mastery);
    if (row.enjoyment !== null) group.enjoyment.push(row.enjoyment);
    groups.set(key, group);
    times.set(key, (times.get(key) ?? 0) + 1);
  }
  const byScore = (value: number | null) => value ?? -1;
  return [...groups.entries()]
    .map(([key, group]) => ({
      activity: group.activity,
      times: times.get(key) ?? 0,
      mastery: average(group.mastery),
      enjoyment: average(group.enjoyment),
    }))
    .sort(
      (a, b) =>
        byScore(b.enjoyment) - byScore(a.enjoyment) ||
        byScore(b.mastery) - byScore(a.mastery) ||
        a.activity.localeCompare(b.activity),
    );
}

/** The activity that gave the most sense of achievement on average, if any was rated. */
export function mostMastery(summaries: readonly ActivitySummary[]): ActivitySummary | null {
  let best: ActivitySummary | null = null;
  for (const summary of summaries) {
    if (summary.mastery === null) continue;
    if (!best || summary.mastery > (best.mastery ?? -1)) best = summary;
  }
  return best;
}
