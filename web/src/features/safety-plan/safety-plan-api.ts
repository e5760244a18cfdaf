import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { SafetyPlan, SavedSafetyPlan } from '../../api/types';
import type { SafetyPlanSections } from '../../../../core/safety/safety-plan';
import { keepLocalPlan } from './local-copy';

export const SAFETY_PLAN_KEY = ['safety-plan'] as const;

/** The plan from the server; each answer refreshes the copy kept on this device. */
export function useSafetyPlan() {
  return useQuery({
    queryKey: SAFETY_PLAN_KEY,
    queryFn: async () => {
      const { plan } = await api<{ plan: SafetyPlan }>('/api/safety-plan');
      keepLocalPlan(plan);
      return plan;
    },
  });
}

export function useSaveSafetyPlan() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (sections: SafetyPlanSections) =>
      api<SavedSafetyPlan>('/api/safety-plan', { method: 'PUT', body: { sections } }),
    onSuccess: (saved) => {
      keepLocalPlan(saved.plan);
      queryClient.setQueryData(SAFETY_PLAN_KEY, saved.plan);
    },
  });
}
