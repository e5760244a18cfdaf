import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { ConsentAnswer } from '../../api/types';

export const CONSENT_KEY = ['consent'] as const;

export function useConsent() {
  return useQuery({ queryKey: CONSENT_KEY, queryFn: () => api<ConsentAnswer>('/api/consent') });
}

export function useGiveConsent() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (version: string) =>
      api<void>('/api/consent', { method: 'POST', body: { version } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: CONSENT_KEY }),
  });
}

export function useWithdrawConsent() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api<void>('/api/consent', { method: 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: CONSENT_KEY }),
  });
}
