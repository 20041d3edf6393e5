/**
 * Items grouped by a key, in their order; items whose key is null are left out.
 *
 * @example
 * groupBy(openItems, (i) => i.customerId).get('c-1'); // that customer's open items
 */
export function groupBy<T>(items: readonly T[], key: (t: T) => string | null): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    if (k === null) continue;
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}
