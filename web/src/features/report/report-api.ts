import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ReportCheckins, ReportChecks } from '../../../../core/report/session-report';
import type { StepsInWeek } from '../../../../core/progress/plan-steps';
import { api } from '../../api/client';

/** A finished exercise entry in the report's period. */
export interface ReportEntry {
  id: string;
  exerciseId: string;
  title: string;
  completedAt: string;
}

/** What `GET /api/report` answers (server/src/routes/report/schema.ts). */
export interface SessionReport {
  from: string;
  to: string;
  timeZone: string;
  lastReportAt: string | null;
  checks: ReportChecks;
  checkins: ReportCheckins;
  steps: { completed: ReportEntry[]; perWeek: StepsInWeek[] };
  journal: { id: string; createdAt: string; excerpt: string }[];
  /** How many more journal entries the period has, older than those listed (at most 100). */
  journalMore: number;
  exercises: ReportEntry[];
}

const REPORT_KEY = ['report'] as const;

/** The report since `from` (null: the server's default start), in the person's time zone. */
export function useSessionReport(from: string | null, timeZone: string) {
  return useQuery({
    queryKey: [...REPORT_KEY, from, timeZone],
    queryFn: () => {
      const search = new URLSearchParams({ timeZone });
      if (from !== null) search.set('from', from);
      return api<SessionReport>(`/api/report?${search.toString()}`);
    },
    placeholderData: (previous) => previous,
  });
}

/** Records that the person printed or shared the report, only when they say so. */
export function useReportPrinted() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api<{ lastReportAt: string }>('/api/report/printed', { method: 'POST' }),
    // The report on screen stays as printed; only the date of the last report changes.
    onSuccess: ({ lastReportAt }) =>
      client.setQueriesData<SessionReport>({ queryKey: REPORT_KEY }, (report) =>
        report ? { ...report, lastReportAt } : report,
      ),
  });
}
