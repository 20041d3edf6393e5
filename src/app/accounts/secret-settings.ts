/**
 * Secrets kept in organisation settings (a bot's signing secret, the SMTP password, a data
 * provider's API key) are written by owners and read by the product, never shown: every reader of
 * the organisation through the API or the audit log sees this mask instead. A change that sends
 * the mask back keeps what is stored.
 */
export const SECRET_MASK = '********';

/** Setting properties holding a secret, wherever they sit. */
const SECRET_KEY = /^(secret|pass|password|apiKey|apiSecret|clientSecret|token|accessToken)$/i;

type Json = unknown;

/**
 * A copy of `value` with every non-empty secret replaced by the mask.
 *
 * @example
 * maskSecrets({ 'alerts.smtp': { host: 'smtp.example', pass: 'p' } }) // { 'alerts.smtp': { host: 'smtp.example', pass: '********' } }
 */
export function maskSecrets(value: Json): Json {
  if (Array.isArray(value)) return value.map(maskSecrets);
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, Json> = {};
  for (const [k, v] of Object.entries(value)) {
    out[k] = SECRET_KEY.test(k) && typeof v === 'string' && v.length > 0 ? SECRET_MASK : maskSecrets(v);
  }
  return out;
}

const idOf = (v: Json): string | null =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && typeof (v as { id?: unknown }).id === 'string'
    ? (v as { id: string }).id
    : null;

/**
 * `next` with every secret that is still the mask put back from `stored` (the same property at the
 * same place; list items are matched by their `id` when they have one, else by position). A mask
 * with nothing stored behind it is left for the settings check to refuse.
 *
 * @example
 * keepSecrets({ pass: '********', host: 'b' }, { pass: 'p', host: 'a' }) // { pass: 'p', host: 'b' }
 */
export function keepSecrets(next: Json, stored: Json): Json {
  if (Array.isArray(next)) {
    const before = Array.isArray(stored) ? stored : [];
    return next.map((item, i) => {
      const id = idOf(item);
      const match = id === null ? before[i] : before.find((b) => idOf(b) === id);
      return keepSecrets(item, match);
    });
  }
  if (typeof next !== 'object' || next === null) return next;
  const old =
    typeof stored === 'object' && stored !== null && !Array.isArray(stored) ? (stored as Record<string, Json>) : {};
  const out: Record<string, Json> = {};
  for (const [k, v] of Object.entries(next)) {
    out[k] = SECRET_KEY.test(k) && v === SECRET_MASK && typeof old[k] === 'string' ? old[k] : keepSecrets(v, old[k]);
  }
  return out;
}

/**
 * Where a secret is still the mask (a new entry that copied it, with nothing stored behind it), as
 * a settings path ('alerts.channels.2.secret'); null when there is none.
 */
export function maskedSecretAt(value: Json, path: readonly string[] = []): string | null {
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const at = maskedSecretAt(item, [...path, String(i)]);
      if (at !== null) return at;
    }
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  for (const [k, v] of Object.entries(value)) {
    if (SECRET_KEY.test(k) && v === SECRET_MASK) return [...path, k].join('.');
    const at = maskedSecretAt(v, [...path, k]);
    if (at !== null) return at;
  }
  return null;
}
