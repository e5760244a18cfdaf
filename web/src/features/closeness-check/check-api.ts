import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError } from '../../api/client';
import type {
  ArticleSummary,
  CheckAnswers,
  CheckDefinition,
  CheckDetail,
  CheckDraft,
  CheckHistory,
  ResearchConsent,
  SubmittedCheck,
} from '../../api/types';

const BASE = '/api/assessments/closeness-check';

/** Everything cached about the Check starts with this key, so one call refreshes it all. */
export const CHECK_KEY = ['closeness-check'] as const;
export const CHECK_DRAFT_KEY = [...CHECK_KEY, 'draft'] as const;
const RESEARCH_KEY = ['consent', 'research'] as const;

/**
 * The current definition, or an older version's when `version` is given (an old response is
 * shown with the words the person read then). Published versions never change.
 */
export function useCheckDefinition(version?: number) {
  return useQuery({
    queryKey: [...CHECK_KEY, 'definition', version ?? 'current'],
    queryFn: () =>
      api<CheckDefinition>(
        version === undefined ? BASE : `${BASE}/definitions/${encodeURIComponent(version)}`,
      ),
    staleTime: Infinity,
  });
}

/** The draft on the server. Always fetched afresh on opening, as another device may have moved on. */
export function useCheckDraft(enabled = true) {
  return useQuery({
    queryKey: CHECK_DRAFT_KEY,
    queryFn: async () => (await api<{ draft: CheckDraft | null }>(`${BASE}/draft`)).draft,
    refetchOnMount: 'always',
    enabled,
  });
}

/** Saves the answers so far; serialised by the caller (see draft-sync.ts). */
export function putCheckDraft(answers: CheckAnswers, keepalive = false) {
  return api<{ draft: CheckDraft }>(`${BASE}/draft`, {
    method: 'PUT',
    body: { answers },
    keepalive,
  });
}

export function deleteCheckDraft() {
  return api<void>(`${BASE}/draft`, { method: 'DELETE' });
}

export function postCheckResponse(answers: CheckAnswers) {
  return api<SubmittedCheck>(`${BASE}/responses`, { method: 'POST', body: { answers } });
}

export function useCheckHistory(enabled = true) {
  return useQuery({
    queryKey: [...CHECK_KEY, 'responses'],
    queryFn: () => api<CheckHistory>(`${BASE}/responses`),
    enabled,
  });
}

export function useCheckResponse(id: string) {
  return useQuery({
    queryKey: [...CHECK_KEY, 'response', id],
    queryFn: async () =>
      (await api<{ response: CheckDetail }>(`${BASE}/responses/${encodeURIComponent(id)}`))
        .response,
  });
}

/**
 * Whether a stored response could not be read (its encrypted copy is damaged): the server
 * answers it as `unreadable`, or, before that, with the `ciphertext_invalid` error.
 */
export function isUnreadableResponse(response: CheckDetail | undefined, error: unknown): boolean {
  if (response?.unreadable === true) return true;
  return error instanceof ApiError && error.code === 'ciphertext_invalid';
}

/** Forgets everything cached about the Check, after a new response or a deleted draft. */
export function useForgetCheck() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: CHECK_KEY });
}

/** The whole Learn library (short summaries), shared with the Learn and article pages. */
export function useLearnLibrary() {
  return useQuery({
    queryKey: ['learn', '', ''],
    queryFn: () => api<ArticleSummary[]>('/api/learn'),
  });
}

export function useResearchConsent() {
  return useQuery({
    queryKey: RESEARCH_KEY,
    queryFn: () => api<ResearchConsent>('/api/consent/research'),
  });
}

export function useChangeResearchConsent() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (change: { agree: true; version: string } | { agree: false }) =>
      change.agree
        ? api<void>('/api/consent/research', {
            method: 'POST',
            body: { version: change.version },
          })
        : api<void>('/api/consent/research', { method: 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: RESEARCH_KEY }),
  });
}
