import { fail, ok, type Result } from '../../../core/shared/index.js';

/** How the connector calls the insurer: a timeout per call and a bounded number of retries. */
export interface HttpOptions {
  readonly timeoutMs: number;
  /** Retries after a 429 or a 5xx answer or a network failure (0: one call only). */
  readonly retries: number;
  /** The longest wait a Retry-After may ask for; a longer one fails at once. */
  readonly maxWaitMs: number;
  /** Waits between attempts (tests pass one that records the waits instead of sleeping). */
  readonly sleep: (ms: number) => Promise<void>;
}

export const DEFAULT_HTTP: HttpOptions = {
  timeoutMs: 15_000,
  retries: 2,
  maxWaitMs: 60_000,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

export interface JsonAnswer {
  readonly body: unknown;
  readonly headers: Headers;
}

/** The wait a Retry-After header asks for: seconds, or an HTTP date; null when absent or unreadable. */
export function retryAfterMs(header: string | null, now: number = Date.now()): number | null {
  if (header === null || header.trim() === '') return null;
  const text = header.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const at = Date.parse(text);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

/** The insurer's own words for a refusal ({ code, message } in the body), if it gave any. */
function insurerMessage(text: string): string {
  try {
    const body = JSON.parse(text) as Record<string, unknown>;
    const parts = [body.code, body.message ?? body.error_description ?? body.error].filter(
      (v): v is string => typeof v === 'string' && v !== '',
    );
    return parts.join(': ').slice(0, 200);
  } catch {
    return text.slice(0, 200);
  }
}

/**
 * Calls the insurer and reads a JSON answer, with Node's fetch and a timeout on every attempt. A 429
 * is retried after its Retry-After (at most `maxWaitMs`), a 5xx and a network failure after 1 s, 2 s
 * … at most `retries` times; a 401/403 and any other 4xx fail at once. Every failure names the
 * endpoint (`what`, never a URL with a key in it) and the status, and never carries a secret.
 *
 * @example
 * await requestJson('covers', 'https://api.example/v3/covers', { headers: { Authorization: 'Bearer …' } }, DEFAULT_HTTP)
 */
export async function requestJson(
  what: string,
  url: string,
  init: RequestInit,
  options: HttpOptions,
): Promise<Result<JsonAnswer>> {
  let last: Result<JsonAnswer> = fail('INS_API_UNREACHABLE', { endpoint: what, reason: 'no attempt' });
  for (let attempt = 0; attempt <= options.retries; attempt++) {
    let res: Response;
    try {
      res = await fetch(url, { ...init, signal: AbortSignal.timeout(options.timeoutMs) });
    } catch (cause) {
      const timedOut = cause instanceof Error && (cause.name === 'TimeoutError' || cause.name === 'AbortError');
      last = fail('INS_API_UNREACHABLE', {
        endpoint: what,
        reason: timedOut ? `no answer within ${options.timeoutMs} ms` : String((cause as Error).message ?? cause),
      });
      if (attempt < options.retries) await options.sleep(1000 * 2 ** attempt);
      continue;
    }
    const text = await res.text();
    if (res.ok) {
      try {
        return ok({ body: JSON.parse(text) as unknown, headers: res.headers });
      } catch {
        return fail('INS_API_BAD_BODY', { endpoint: what, field: '(body)', expected: 'JSON' });
      }
    }
    if (res.status === 401 || res.status === 403)
      return fail('INS_API_UNAUTHORISED', { endpoint: what, status: res.status, message: insurerMessage(text) });
    if (res.status === 429) {
      const wait = retryAfterMs(res.headers.get('retry-after')) ?? 1000 * 2 ** attempt;
      last = fail('INS_API_RATE_LIMITED', { endpoint: what, retryAfter: Math.ceil(wait / 1000) });
      if (wait > options.maxWaitMs) return last;
      if (attempt < options.retries) await options.sleep(wait);
      continue;
    }
    if (res.status >= 500) {
      last = fail('INS_API_SERVER_ERROR', { endpoint: what, status: res.status, message: insurerMessage(text) });
      if (attempt < options.retries) await options.sleep(1000 * 2 ** attempt);
      continue;
    }
    return fail('INS_API_REFUSED', { endpoint: what, status: res.status, message: insurerMessage(text) });
  }
  return last;
}
