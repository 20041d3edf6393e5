import { getLocale } from './i18n/index.js';

/**
 * An answer of the API's error shape `{ error: { code, message, field? } }`, the message in the UI's
 * language; `field` names the input at fault (a path such as `reason`) when the API says which.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field: string | null = null,
  ) {
    super(message);
  }
}

/** The network failed before any answer: shown with the UI's own text. */
export class NetworkError extends Error {}

const CSRF_COOKIE = 'cg_csrf';

function csrfToken(): string {
  const pair = document.cookie.split('; ').find((c) => c.startsWith(`${CSRF_COOKIE}=`));
  return pair ? decodeURIComponent(pair.slice(CSRF_COOKIE.length + 1)) : '';
}

let onUnauthenticated: (() => void) | null = null;

/** Called when any call answers 401: the app goes back to the login page. */
export function setUnauthenticatedHandler(handler: (() => void) | null): void {
  onUnauthenticated = handler;
}

async function send(method: string, path: string, body?: BodyInit, type?: string): Promise<Response> {
  const headers: Record<string, string> = { 'accept-language': getLocale(), accept: 'application/json' };
  if (type) headers['content-type'] = type;
  if (method !== 'GET') headers['x-csrf-token'] = csrfToken();
  let res: Response;
  try {
    res = await fetch(path, { method, headers, credentials: 'same-origin', ...(body ? { body } : {}) });
  } catch (error) {
    throw new NetworkError(error instanceof Error ? error.message : String(error));
  }
  if (res.ok) return res;
  const answer = (await res.json().catch(() => null)) as {
    error?: { code?: string; message?: string; field?: string };
  } | null;
  const code = answer?.error?.code ?? `HTTP_${res.status}`;
  if (res.status === 401 && !path.endsWith('/auth/login')) onUnauthenticated?.();
  const message = answer?.error?.message ?? `${res.status} ${res.statusText}`;
  throw new ApiError(res.status, code, message, answer?.error?.field ?? null);
}

export async function apiGet<T>(path: string): Promise<T> {
  return (await (await send('GET', path)).json()) as T;
}

export async function apiPost<T>(path: string, body: unknown): Promise<T> {
  return (await (await send('POST', path, JSON.stringify(body), 'application/json')).json()) as T;
}

/** PATCH or DELETE (or POST) with a JSON body; answers the JSON the API sends back. */
export async function apiSend<T>(
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  path: string,
  body?: unknown,
): Promise<T> {
  const res = await send(method, path, JSON.stringify(body ?? {}), 'application/json');
  return (await res.json()) as T;
}

/** A multipart upload (field `file`). */
export async function apiUpload<T>(path: string, file: File): Promise<T> {
  const form = new FormData();
  form.append('file', file, file.name);
  return (await (await send('POST', path, form)).json()) as T;
}

/** Downloads a file answer (the Excel export) and saves it under the server's name. */
export async function apiDownload(path: string, fallbackName: string): Promise<void> {
  const res = await send('GET', path);
  const disposition = res.headers.get('content-disposition') ?? '';
  const name = /filename="([^"]+)"/.exec(disposition)?.[1] ?? fallbackName;
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
