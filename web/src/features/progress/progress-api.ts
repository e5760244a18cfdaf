import { useQuery } from '@tanstack/react-query';
import type { ProgressView } from '../../../../core/progress/progress-view';
import { api } from '../../api/client';
import { browserTimeZone } from '../checkins/days';

/** GET /api/progress as the app reads it: the view core assembles, plus the server's sentences. */
export interface Progress extends ProgressView {
  summary: ProgressView['summary'] & { sentences: string[] };
}

export const PROGRESS_KEY = ['progress'] as const;

/**
 * The person's progress over the last `weeks` weeks, counted in the browser's time zone (the
 * server's days and weeks are the person's own). Read afresh on each visit: the server keeps
 * a cached answer that it checks against the person's data, so this is cheap.
 */
export function useProgress(enabled = true, weeks?: number) {
  const timeZone = browserTimeZone();
  const query = new URLSearchParams({ timeZone });
  if (weeks !== undefined) query.set('weeks', String(weeks));
  return useQuery({
    queryKey: [...PROGRESS_KEY, timeZone, weeks ?? 'default'],
    queryFn: () => api<Progress>(`/api/progress?${query.toString()}`),
    refetchOnMount: 'always',
    enabled,
  });
}
