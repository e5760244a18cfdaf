import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { Checkin, CheckinInput, SavedCheckin } from '../../api/types';

export const CHECKINS_KEY = ['checkins'] as const;

/** Check-ins between two calendar days, inclusive, oldest first. */
export function useCheckins(from: string, to: string) {
  return useQuery({
    queryKey: [...CHECKINS_KEY, from, to],
    queryFn: async () =>
      (
        await api<{ checkins: Checkin[] }>(
          `/api/checkins?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`,
        )
      ).checkins,
  });
}

/** A new check-in, or a change to today's (`id` given). */
export function useSaveCheckin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: string | null; input: CheckinInput }) =>
      id === null
        ? api<SavedCheckin>('/api/checkins', { method: 'POST', body: input })
        : api<SavedCheckin>(`/api/checkins/${encodeURIComponent(id)}`, {
            method: 'PUT',
            body: input,
          }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: CHECKINS_KEY }),
  });
}
