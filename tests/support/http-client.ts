import type { InjectOptions } from 'fastify';
import type { OutgoingHttpHeaders } from 'node:http';
import type { App } from '../../server/src/app';

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Responses that carry a session's CSRF token in their body. */
const CSRF_SOURCES = ['/api/auth/signup', '/api/auth/login', '/api/auth/session'];

export type HttpMethod = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'OPTIONS';

export interface StoredCookie {
  name: string;
  value: string;
  path?: string;
  domain?: string;
  expires?: string;
  maxAge?: number;
  httpOnly: boolean;
  secure: boolean;
  sameSite?: string;
}

export interface RequestOptions {
  /** Sent as JSON unless `payload` is given. */
  body?: unknown;
  /** A raw body, sent as is (give a content-type header with it). */
  payload?: string | Buffer;
  query?: Record<string, string>;
  headers?: Record<string, string>;
  /**
   * The x-csrf-token header of a state-changing request: by default the token this client
   * was given; `false` leaves the header out; a string sends that string instead.
   */
  csrf?: boolean | string;
  /** Leave this client's cookies out of this one request. */
  withoutCookies?: boolean;
  /** The client address the server sees; default: this client's own. */
  remoteAddress?: string;
}

export interface TestResponse<T = any> {
  status: number;
  headers: OutgoingHttpHeaders;
  /** The parsed JSON body, or null when the answer is not JSON. */
  body: T;
  /** The body exactly as sent, for byte-by-byte comparisons. */
  text: string;
  /** Each set-cookie header of this response, parsed. */
  setCookies: StoredCookie[];
}

export interface TestClientOptions {
  /**
   * Behave as if the app were reached over HTTPS through a proxy: sends
   * `x-forwarded-proto: https` (the app must trust the proxy) and sends Secure cookies.
   */
  https?: boolean;
  /** The client address the server sees (light-my-request's remoteAddress). */
  remoteAddress?: string;
}

/**
 * A small browser stand-in over `app.inject()`: it keeps cookies (honouring deletions and
 * the Secure flag), remembers the CSRF token that auth responses hand out, and adds it to
 * state-changing requests as a browser-side app would.
 */
export class TestClient {
  readonly cookies = new Map<string, StoredCookie>();
  csrfToken: string | null = null;
  readonly https: boolean;
  remoteAddress: string;

  constructor(
    readonly app: App,
    options: TestClientOptions = {},
  ) {
    this.https = options.https ?? false;
    this.remoteAddress = options.remoteAddress ?? '127.0.0.1';
  }

  get<T = any>(url: string, options?: RequestOptions): Promise<TestResponse<T>> {
    return this.request<T>('GET', url, options);
  }

  post<T = any>(url: string, body?: unknown, options?: RequestOptions): Promise<TestResponse<T>> {
    return this.request<T>('POST', url, { ...options, ...(body === undefined ? {} : { body }) });
  }

  put<T = any>(url: string, body?: unknown, options?: RequestOptions): Promise<TestResponse<T>> {
    return this.request<T>('PUT', url, { ...options, ...(body === undefined ? {} : { body }) });
  }

  patch<T = any>(url: string, body?: unknown, options?: RequestOptions): Promise<TestResponse<T>> {
    return this.request<T>('PATCH', url, { ...options, ...(body === undefined ? {} : { body }) });
  }

  delete<T = any>(url: string, options?: RequestOptions): Promise<TestResponse<T>> {
    return this.request<T>('DELETE', url, options);
  }

  async request<T = any>(
    method: HttpMethod,
    url: string,
    options: RequestOptions = {},
  ): Promise<TestResponse<T>> {
    const headers: Record<string, string> = {};
    if (this.https) headers['x-forwarded-proto'] = 'https';
    const cookieHeader = options.withoutCookies ? '' : this.cookieHeader();
    if (cookieHeader) headers.cookie = cookieHeader;
    if (STATE_CHANGING.has(method) && options.csrf !== false) {
      const token = typeof options.csrf === 'string' ? options.csrf : this.csrfToken;
      if (token !== null) headers['x-csrf-token'] = token;
    }
    let payload: string | Buffer | undefined = options.payload;
    if (payload === undefined && options.body !== undefined) {
      payload = JSON.stringify(options.body);
      headers['content-type'] = 'application/json';
    }
    Object.assign(headers, options.headers);

    const injectOptions: InjectOptions = {
      method,
      url,
      headers,
      remoteAddress: options.remoteAddress ?? this.remoteAddress,
      ...(options.query ? { query: options.query } : {}),
      ...(payload === undefined ? {} : { payload }),
    };
    const response = await this.app.inject(injectOptions);

    const setCookies = toArray(response.headers['set-cookie']).map(parseSetCookie);
    for (const cookie of setCookies) this.store(cookie);

    const text = response.payload;
    const contentType = String(response.headers['content-type'] ?? '');
    let body: unknown = null;
    if (contentType.includes('json') && text !== '') body = JSON.parse(text);

    const pathname = url.split('?')[0] ?? url;
    if (response.statusCode < 300 && CSRF_SOURCES.includes(pathname)) {
      const token = (body as { csrfToken?: unknown } | null)?.csrfToken;
      if (typeof token === 'string') this.csrfToken = token;
    }
    if (pathname === '/api/auth/logout' && response.statusCode === 204) this.csrfToken = null;

    return {
      status: response.statusCode,
      headers: response.headers,
      body: body as T,
      text,
      setCookies,
    };
  }

  /** The session cookie this client holds (plain or __Host- prefixed), if any. */
  sessionCookie(): StoredCookie | undefined {
    return this.cookies.get('__Host-closer_session') ?? this.cookies.get('closer_session');
  }

  /** Puts a cookie in the jar, as if the server (or an attacker) had planted it. */
  setCookie(name: string, value: string, attributes: Partial<StoredCookie> = {}): void {
    this.cookies.set(name, { httpOnly: false, secure: false, ...attributes, name, value });
  }

  /** Forgets every cookie and the CSRF token, as a fresh browser would. */
  reset(): void {
    this.cookies.clear();
    this.csrfToken = null;
  }

  /** Copies another client's cookies and CSRF token (a second tab of the same browser). */
  adopt(other: TestClient): void {
    this.reset();
    for (const [name, cookie] of other.cookies) this.cookies.set(name, { ...cookie });
    this.csrfToken = other.csrfToken;
  }

  private cookieHeader(): string {
    return [...this.cookies.values()]
      .filter((cookie) => this.https || !cookie.secure)
      .map((cookie) => `${cookie.name}=${cookie.value}`)
      .join('; ');
  }

  private store(cookie: StoredCookie): void {
    const expired =
      (cookie.maxAge !== undefined && cookie.maxAge <= 0) ||
      (cookie.expires !== undefined && Date.parse(cookie.expires) <= Date.now());
    if (expired) this.cookies.delete(cookie.name);
    else this.cookies.set(cookie.name, cookie);
  }
}

/** Parses one Set-Cookie header value into its name, value and attributes. */
export function parseSetCookie(header: string): StoredCookie {
  const [pair = '', ...attributes] = header.split(';').map((part) => part.trim());
  const separator = pair.indexOf('=');
  const cookie: StoredCookie = {
    name: separator === -1 ? pair : pair.slice(0, separator),
    value: separator === -1 ? '' : pair.slice(separator + 1),
    httpOnly: false,
    secure: false,
  };
  for (const attribute of attributes) {
    const [rawKey = '', ...rest] = attribute.split('=');
    const key = rawKey.trim().toLowerCase();
    const value = rest.join('=').trim();
    if (key === 'path') cookie.path = value;
    else if (key === 'domain') cookie.domain = value;
    else if (key === 'expires') cookie.expires = value;
    else if (key === 'max-age') cookie.maxAge = Number(value);
    else if (key === 'httponly') cookie.httpOnly = true;
    else if (key === 'secure') cookie.secure = true;
    else if (key === 'samesite') cookie.sameSite = value;
  }
  return cookie;
}

function toArray(value: string | string[] | number | undefined): string[] {
  if (value === undefined) return [];
  if (Array.isArray(value)) return value;
  return [String(value)];
}
