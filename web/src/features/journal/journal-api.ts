import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { JournalEntry, JournalInput, JournalPage, SavedJournalEntry } from '../../api/types';

export const JOURNAL_KEY = ['journal'] as const;
export const JOURNAL_PAGE_SIZE = 10;

export function useJournalPage(query: string, offset: number) {
  return useQuery({
    queryKey: [...JOURNAL_KEY, 'list', query, offset],
    queryFn: () => {
      const search = new URLSearchParams({
        offset: String(offset),
        limit: String(JOURNAL_PAGE_SIZE),
      });
      if (query) search.set('q', query);
      return api<JournalPage>(`/api/journal?${search.toString()}`);
    },
  });
}

export function useJournalEntry(id: string) {
  return useQuery({
    queryKey: [...JOURNAL_KEY, 'entry', id],
    queryFn: async () =>
      (await api<{ entry: JournalEntry }>(`/api/journal/${encodeURIComponent(id)}`)).entry,
  });
}

export function useCreateEntry() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: JournalInput) =>
      api<SavedJournalEntry>('/api/journal', { method: 'POST', body: input }),
    onSuccess: (saved) => {
      queryClient.setQueryData([...JOURNAL_KEY, 'entry', saved.entry.id], saved.entry);
      return queryClient.invalidateQueries({ queryKey: [...JOURNAL_KEY, 'list'] });
    },
  });
}

export function useUpdateEntry(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: JournalInput) =>
      api<SavedJournalEntry>(`/api/journal/${encodeURIComponent(id)}`, {
        method: 'PUT',
        body: input,
      }),
    onSuccess: (saved) => {
      queryClient.setQueryData([...JOURNAL_KEY, 'entry', id], saved.entry);
      return queryClient.invalidateQueries({ queryKey: [...JOURNAL_KEY, 'list'] });
    },
  });
}

export function useDeleteEntry(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api<void>(`/api/journal/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: [...JOURNAL_KEY, 'entry', id] });
      return queryClient.invalidateQueries({ queryKey: [...JOURNAL_KEY, 'list'] });
    },
  });
}
