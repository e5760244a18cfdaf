import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { PlanMessage } from '../../../../core/plan/plan-messages';
import { browserTimeZone } from '../checkins/days';

export type { PlanMessage };

export type CareLevel = 'self-help' | 'guided' | 'professional' | 'urgent';
export type SupportKind =
  'get-help-now' | 'safety-plan' | 'safeguarding-help' | 'professional-help';

export interface PlanStep {
  id: string;
  exerciseId: string;
  modality: string;
  targets: string[];
  reason: string;
  /** The reason as a message descriptor: the page renders it in its own words. */
  reasonMessage?: PlanMessage;
  /** todo, started (a draft was saved this week, on any device), done or skipped. */
  status: string;
  minutes: number;
}

export interface Plan {
  week: string;
  checkNeeded: boolean;
  recommendation: { level: CareLevel; reasons: string[]; reasonMessages?: PlanMessage[] } | null;
  support: { kind: SupportKind | string; reason: string; reasonMessage?: PlanMessage }[];
  steps: PlanStep[];
  minutes: number | { planned: number; budget: number };
  pace?: { level: number; label: string; reason: string; reasonMessage?: PlanMessage } | null;
  /** Exercises left out for safety, and why. */
  paused?: { exerciseIds: string[]; reason: string; reasonMessage?: PlanMessage } | null;
  /** True when the saved preferences could not be read and the usual ones were used. */
  preferencesUnreadable?: boolean;
}

export interface PlanPreferences {
  minutesPerWeek: number;
  avoidExercises: string[];
  avoidTopics: string[];
  /** Set when the saved preferences could not be read: these are the usual ones. */
  unreadable?: true;
}

export const PLAN_KEY = ['plan'] as const;
const PREFERENCES_KEY = [...PLAN_KEY, 'preferences'] as const;

/**
 * The person's time zone as a query string: the server counts the plan's week (Monday to
 * Sunday) on their own calendar, so a step done late on a Sunday counts for that week.
 */
function zoneQuery(): string {
  return `timeZone=${encodeURIComponent(browserTimeZone())}`;
}

export function usePlan(enabled = true) {
  return useQuery({
    queryKey: PLAN_KEY,
    queryFn: () => api<Plan>(`/api/plan?${zoneQuery()}`),
    refetchOnMount: 'always',
    enabled,
  });
}

export function usePlanPreferences(enabled = true) {
  return useQuery({
    queryKey: PREFERENCES_KEY,
    queryFn: () => api<PlanPreferences>('/api/plan/preferences'),
    enabled,
  });
}

export function useSavePreferences() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ unreadable: _unreadable, ...preferences }: PlanPreferences) =>
      api<PlanPreferences>('/api/plan/preferences', { method: 'PUT', body: preferences }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: PLAN_KEY }),
  });
}

export function useSwapStep() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (stepId: string) =>
      api<{ step: PlanStep; plan: Plan }>(
        `/api/plan/steps/${encodeURIComponent(stepId)}/swap?${zoneQuery()}`,
        { method: 'POST' },
      ),
    onSuccess: (answer) => {
      queryClient.setQueryData(PLAN_KEY, answer.plan);
    },
  });
}

/** Leaves a step still to do for this week ("Not this week"). */
export function useSkipStep() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (stepId: string) =>
      api<{ step: PlanStep; plan: Plan }>(
        `/api/plan/steps/${encodeURIComponent(stepId)}/skip?${zoneQuery()}`,
        { method: 'POST' },
      ),
    onSuccess: (answer) => {
      queryClient.setQueryData(PLAN_KEY, answer.plan);
    },
  });
}

/** The planned minutes of a plan, whichever shape the server sends. */
export function plannedMinutes(plan: Plan): { planned: number; budget: number | null } {
  return typeof plan.minutes === 'number'
    ? { planned: plan.minutes, budget: null }
    : { planned: plan.minutes.planned, budget: plan.minutes.budget };
}
