import { isMessageKey, t } from '../i18n';

/** An error from the API, with its stable code and a message ready to show a person. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

let csrfToken: string | null = null;

/** Remembered from sign-in and session answers; sent with every state-changing request. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/**
 * Calls the API on the same origin. Errors come back as ApiError with a message from the
 * i18n layer where one exists for the code, so the person never sees a raw server string.
 */
export async function api<T>(
  path: string,
  init: { method?: string; body?: unknown; keepalive?: boolean } = {},
): Promise<T> {
  const method = init.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json' };
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: init.body === undefined ? null : JSON.stringify(init.body),
      // Lets a last save finish while the tab closes.
      keepalive: init.keepalive === true,
    });
  } catch {
    throw new ApiError(0, 'network_error', t('error.network'));
  }
  if (response.status === 204) return undefined as T;
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const error = (
      body as {
        error?: { code?: string; message?: string; details?: Record<string, unknown> };
      } | null
    )?.error;
    const code = error?.code ?? 'internal_error';
    throw new ApiError(response.status, code, messageFor(code, error?.details), error?.details);
  }
  return body as T;
}

function messageFor(code: string, details?: Record<string, unknown>): string {
  const key = `api.${code}`;
  if (isMessageKey(key)) {
    const seconds = typeof details?.retryAfterSeconds === 'number' ? details.retryAfterSeconds : 60;
    return t(key, { minutes: Math.max(1, Math.ceil(seconds / 60)) });
  }
  return t('error.generic');
}
