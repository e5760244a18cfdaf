import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError } from '../../api/client';
import type { SafetyAnswer } from '../../api/types';

/** One value of a field: text, a rating, an option id, a list of lines or ids, or table rows. */
export type FieldValue = string | number | string[] | Record<string, string | number>[];

/** Step id → field id → value, as saved on the server. */
export type ExerciseValues = Record<string, Record<string, FieldValue>>;

export interface ExerciseEntry {
  id: string;
  exerciseId: string;
  /** The version of the exercise the entry was made with. */
  exerciseVersion: number;
  /** Counted up on every save; sent back as `baseRevision`. */
  revision: number;
  status: 'draft' | 'completed';
  values: ExerciseValues;
  feeling?: { distress?: number | null; helpful?: number | null } | null;
  createdAt: string;
  updatedAt: string;
  completedAt: string | null;
}

export interface SavedExerciseEntry {
  entry: ExerciseEntry;
  safety: SafetyAnswer;
}

const base = (exerciseId: string) => `/api/exercises/${encodeURIComponent(exerciseId)}/entries`;

/** Everything cached about one exercise's entries starts with this key. */
export const entriesKey = (exerciseId: string) => ['exercises', exerciseId, 'entries'] as const;

/** The person's entries for an exercise (drafts and completed), fetched afresh on opening. */
export function useExerciseEntries(exerciseId: string, enabled = true) {
  return useQuery({
    queryKey: entriesKey(exerciseId),
    queryFn: async () => (await api<{ entries: ExerciseEntry[] }>(base(exerciseId))).entries ?? [],
    refetchOnMount: 'always',
    enabled,
  });
}

export function useExerciseEntry(exerciseId: string, id: string | null) {
  return useQuery({
    queryKey: [...entriesKey(exerciseId), id],
    queryFn: async () =>
      (await api<{ entry: ExerciseEntry }>(`${base(exerciseId)}/${encodeURIComponent(id ?? '')}`))
        .entry,
    enabled: id !== null,
  });
}

export function getExerciseEntry(exerciseId: string, id: string) {
  return api<{ entry: ExerciseEntry }>(`${base(exerciseId)}/${encodeURIComponent(id)}`);
}

export function createExerciseEntry(exerciseId: string, values: ExerciseValues, keepalive = false) {
  return api<SavedExerciseEntry>(base(exerciseId), {
    method: 'POST',
    body: { values },
    keepalive,
  });
}

export function updateExerciseEntry(
  exerciseId: string,
  id: string,
  values: ExerciseValues,
  keepalive = false,
  baseRevision?: number,
) {
  return api<SavedExerciseEntry>(`${base(exerciseId)}/${encodeURIComponent(id)}`, {
    method: 'PUT',
    body: baseRevision === undefined ? { values } : { values, baseRevision },
    keepalive,
  });
}

/** The stored entry a save was refused for (409 `entry_changed_elsewhere`), to merge with. */
export function changedElsewhere(error: unknown): ExerciseEntry | null {
  if (!(error instanceof ApiError) || error.code !== 'entry_changed_elsewhere') return null;
  const entry = error.details?.entry;
  if (entry === null || typeof entry !== 'object') return null;
  const stored = entry as ExerciseEntry;
  return typeof stored.revision === 'number' && typeof stored.values === 'object' ? stored : null;
}

export function completeExerciseEntry(
  exerciseId: string,
  id: string,
  body: { values?: ExerciseValues; distress?: number; helpful?: number; baseRevision?: number },
) {
  return api<SavedExerciseEntry>(`${base(exerciseId)}/${encodeURIComponent(id)}/complete`, {
    method: 'POST',
    body,
  });
}

export function deleteExerciseEntry(exerciseId: string, id: string) {
  return api<void>(`${base(exerciseId)}/${encodeURIComponent(id)}`, { method: 'DELETE' });
}

/** Forgets what is cached about an exercise's entries and the plan (a step may now be done). */
export function useForgetEntries() {
  const queryClient = useQueryClient();
  return (exerciseId: string) =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: entriesKey(exerciseId) }),
      queryClient.invalidateQueries({ queryKey: ['plan'] }),
    ]);
}
