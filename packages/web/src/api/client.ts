import { currentLanguage } from '../i18n/i18n.tsx';

/** An error the API replied with: `{ error: { code, message, field? } }`, message in the user's language. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

/** The text to show for a failed call: the server's message in the user's language when there is one. */
export function errorMessage(err: unknown): string {
  return err instanceof ApiError ? err.message : String(err);
}

/** Where every API route starts: a path under it is the server's, never a page of the app. */
const API_PREFIX = '/api/';
export const isApiPath = (pathname: string): boolean => pathname.startsWith(API_PREFIX);

let csrfToken = '';
export function setCsrfToken(token: string): void {
  csrfToken = token;
}

export async function api<T>(method: string, url: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { 'accept-language': currentLanguage() };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET') headers['x-csrf-token'] = csrfToken;
  const res = await fetch(url, {
    method,
    headers,
    credentials: 'same-origin',
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return reply<T>(res);
}

/**
 * POSTs a file's raw bytes (plan import, evidence): no multipart, the server reads the body as is
 * and takes the name from the URL. Same CSRF header and error shape as `api()`.
 */
export async function apiUpload<T>(url: string, file: Blob): Promise<T> {
  const res = await fetch(url, {
    method: 'POST',
    headers: {
      'accept-language': currentLanguage(),
      'content-type': 'application/octet-stream',
      'x-csrf-token': csrfToken,
    },
    credentials: 'same-origin',
    body: file,
  });
  return reply<T>(res);
}

async function reply<T>(res: Response): Promise<T> {
  if (res.status === 204) return undefined as T;
  const data: unknown = await res.json().catch(() => ({}));
  if (!res.ok) {
    const err = (data as { error?: { code?: string; message?: string; field?: string } }).error;
    throw new ApiError(res.status, err?.code ?? 'INTERNAL', err?.message ?? res.statusText, err?.field);
  }
  return data as T;
}
