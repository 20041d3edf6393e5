/**
 * Invoice numbers found in a payment's text: exact, or one character off (a typo, a dropped or
 * doubled character), through an index of each number's one-character deletions (symmetric
 * delete), so a text is looked up in time proportional to its length, not the number of invoices.
 */

/** An invoice number as compared: NFKC, upper case, letters and digits only. */
export function normaliseReference(text: string): string {
  return text
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[^0-9A-Z]/g, '');
}

const MIN_LENGTH = 4;
/** Numbers at least this long may be matched one character off. */
const MIN_FUZZY_LENGTH = 7;

function deletions(s: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < s.length; i++) out.push(s.slice(0, i) + s.slice(i + 1));
  return out;
}

export interface ReferenceHit<T> {
  readonly item: T;
  /** The text as it appeared in the payment. */
  readonly found: string;
  readonly isExact: boolean;
}

export class ReferenceIndex<T> {
  private readonly exact = new Map<string, T[]>();
  private readonly deleted = new Map<string, T[]>();

  constructor(items: readonly T[], numberOf: (t: T) => string) {
    for (const item of items) {
      const key = normaliseReference(numberOf(item));
      if (key.length < MIN_LENGTH) continue;
      this.push(this.exact, key, item);
      if (key.length >= MIN_FUZZY_LENGTH) for (const d of deletions(key)) this.push(this.deleted, d, item);
    }
  }

  private push(map: Map<string, T[]>, key: string, item: T): void {
    const list = map.get(key);
    if (list) list.push(item);
    else map.set(key, [item]);
  }

  /**
   * The invoices a text names. Tokens are runs of letters, digits and the separators numbers are
   * written with (`INV-2026-0042`, `2026/0042`); a token also matches when it holds a number
   * glued to other text (`INV20260042付款`). Exact hits win; fuzzy ones count only without them.
   */
  find(text: string, numberOf: (t: T) => string): ReferenceHit<T>[] {
    const upper = text.normalize('NFKC').toUpperCase();
    const tokens = upper.match(/[0-9A-Z][0-9A-Z\-/_.]*[0-9A-Z]/g) ?? [];
    const exact: ReferenceHit<T>[] = [];
    const fuzzy: ReferenceHit<T>[] = [];
    const seen = new Set<T>();
    const keys = tokens
      .map((token) => ({ token, key: normaliseReference(token) }))
      .filter((t) => t.key.length >= MIN_LENGTH);
    for (const { token, key } of keys) {
      for (const item of this.exact.get(key) ?? []) {
        if (!seen.has(item)) exact.push({ item, found: token, isExact: true });
        seen.add(item);
      }
    }
    if (exact.length > 0) return exact;
    for (const { token, key } of keys) {
      if (key.length < MIN_FUZZY_LENGTH - 1) continue;
      // One substitution (both lose the same position), a dropped character (token = a deletion),
      // an extra character (a deletion of the token is the number).
      const probes = [key, ...deletions(key)];
      for (const p of probes) {
        for (const item of [...(this.deleted.get(p) ?? []), ...(p !== key ? (this.exact.get(p) ?? []) : [])]) {
          if (seen.has(item)) continue;
          const number = normaliseReference(numberOf(item));
          if (withinOneEdit(key, number)) {
            fuzzy.push({ item, found: token, isExact: false });
            seen.add(item);
          }
        }
      }
    }
    return fuzzy;
  }
}

/** True when a and b differ by at most one substitution, insertion, deletion or adjacent swap. */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  if (a.length === b.length) {
    const diff: number[] = [];
    for (let i = 0; i < a.length && diff.length <= 2; i++) if (a[i] !== b[i]) diff.push(i);
    if (diff.length === 1) return true;
    const [i, j] = diff as [number, number];
    return diff.length === 2 && j === i + 1 && a[i] === b[j] && a[j] === b[i];
  }
  const [long, short] = a.length > b.length ? [a, b] : [b, a];
  let i = 0;
  while (i < short.length && long[i] === short[i]) i++;
  return long.slice(i + 1) === short.slice(i);
}
