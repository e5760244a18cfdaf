import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, setCsrfToken } from '../../api/client';
import type { AccessLogAnswer } from '../../api/types';
import { SESSION_KEY } from '../auth/session';
import { clearLocalData } from '../auth/local-data';

/** The kinds of CSV the export offers, one file each: the same list the server uses. */
export { CSV_KINDS } from '../../../../core/privacy/export-kinds';

export function useAccessLog() {
  return useQuery({
    queryKey: ['access-log'],
    queryFn: () => api<AccessLogAnswer>('/api/me/access-log'),
  });
}

/**
 * Deletes the account. Nothing of the person stays in this browser: every `closer.*` key
 * (drafts, the safety plan copy) goes at once, and `forgetSession` drops the session and
 * every cached answer.
 */
export function useDeleteAccount() {
  return useMutation({
    mutationFn: async (password: string) => {
      await api<void>('/api/me', { method: 'DELETE', body: { password } });
      clearLocalData();
      setCsrfToken(null);
    },
  });
}

/**
 * Signs out locally after the account is gone. Called once the page has moved on: done
 * while a sign-in-only page is still showing, it would send the person to sign in instead.
 */
export function useForgetSession() {
  const queryClient = useQueryClient();
  return () => {
    queryClient.clear();
    queryClient.setQueryData(SESSION_KEY, null);
  };
}
