/**
 * One customer out of a credit report of the whole book (scores, limits, reviews), for the
 * per-customer read routes: the report is computed (and cached) once for the book, and a page that
 * shows one customer receives that customer alone.
 */
export function pickCustomer<T extends { readonly customerId: string; readonly code: string }>(
  rows: readonly T[],
  customer: string,
): T | null {
  return rows.find((r) => r.customerId === customer) ?? rows.find((r) => r.code === customer) ?? null;
}
