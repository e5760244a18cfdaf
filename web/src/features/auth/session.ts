import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError, setCsrfToken } from '../../api/client';
import type { SessionAnswer, User } from '../../api/types';
import { putCheckDraft } from '../closeness-check/check-api';
import { putAwayCheckCopy } from '../closeness-check/check-sign-out';

export const SESSION_KEY = ['session'] as const;

/** The signed-in person, or null. A 401 is an answer ("signed out"), not an error. */
export function useSession() {
  return useQuery({
    queryKey: SESSION_KEY,
    queryFn: async (): Promise<SessionAnswer | null> => {
      try {
        const session = await api<SessionAnswer>('/api/auth/session');
        setCsrfToken(session.csrfToken);
        return session;
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) {
          setCsrfToken(null);
          return null;
        }
        throw error;
      }
    },
    staleTime: 60_000,
    retry: false,
  });
}

export function displayName(user: User): string {
  return user.username ?? user.email?.split('@')[0] ?? '';
}

function useSessionMutation<TInput>(path: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: TInput) => api<SessionAnswer>(path, { method: 'POST', body: input }),
    onSuccess: (session) => {
      setCsrfToken(session.csrfToken);
      queryClient.setQueryData(SESSION_KEY, session);
      // Anything cached for a previous person must not survive a change of account.
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== SESSION_KEY[0] });
    },
  });
}

export function useSignUp() {
  return useSessionMutation<{ email?: string; username?: string; password: string }>(
    '/api/auth/signup',
  );
}

export function useSignIn() {
  return useSessionMutation<{ login: string; password: string }>('/api/auth/login');
}

export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    /** Resolves to whether Check answers the server never had were removed from this device. */
    mutationFn: async () => {
      const userId = queryClient.getQueryData<SessionAnswer | null>(SESSION_KEY)?.user.id;
      const checkAnswersRemoved = userId
        ? await putAwayCheckCopy(userId, (answers) => putCheckDraft(answers))
        : false;
      try {
        await api<void>('/api/auth/logout', { method: 'POST' });
      } catch {
        // As before: this device is signed out whatever the server answered.
      }
      return { checkAnswersRemoved };
    },
    onSettled: () => {
      setCsrfToken(null);
      queryClient.clear();
      queryClient.setQueryData(SESSION_KEY, null);
    },
  });
}
