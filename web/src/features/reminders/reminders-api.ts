import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { ReminderKind, WeekdayName } from '../../../../core/reminders/schedule';

export type { ReminderKind, WeekdayName };

export interface ReminderItem {
  kind: ReminderKind;
  days: WeekdayName[];
  time: string;
}

export interface ReminderSettings {
  timeZone: string | null;
  items: ReminderItem[];
  email: boolean;
  emailAvailable: boolean;
  calendarFeed: { active: boolean; createdAt: string | null };
}

export interface DueReminder {
  id: string;
  kind: ReminderKind;
  at: string;
}

const SETTINGS_KEY = ['reminders'] as const;
const DUE_KEY = ['reminders', 'due'] as const;

export function useReminderSettings() {
  return useQuery({
    queryKey: SETTINGS_KEY,
    queryFn: () => api<ReminderSettings>('/api/reminders'),
  });
}

export function useSaveReminders() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { timeZone: string; items: ReminderItem[]; email?: boolean }) =>
      api<ReminderSettings>('/api/reminders', { method: 'PUT', body }),
    onSuccess: (saved) => client.setQueryData(SETTINGS_KEY, saved),
  });
}

export function useNewCalendarFeed() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api<{ url: string }>('/api/reminders/calendar-feed', { method: 'POST' }),
    onSuccess: () => client.invalidateQueries({ queryKey: SETTINGS_KEY, exact: true }),
  });
}

export function useStopCalendarFeed() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api<void>('/api/reminders/calendar-feed', { method: 'DELETE' }),
    onSuccess: () => client.invalidateQueries({ queryKey: SETTINGS_KEY, exact: true }),
  });
}

/** Reminders that fell due in the last day and were not dismissed; looked at every minute. */
export function useDueReminders() {
  return useQuery({
    queryKey: DUE_KEY,
    queryFn: () => api<{ reminders: DueReminder[] }>('/api/reminders/due'),
    refetchInterval: 60_000,
  });
}

export function useDismissReminder() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      api<void>(`/api/reminders/due/${encodeURIComponent(id)}/dismiss`, { method: 'POST' }),
    onSuccess: () => client.invalidateQueries({ queryKey: DUE_KEY }),
  });
}
