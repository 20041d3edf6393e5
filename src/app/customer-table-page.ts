import type { CustomerRow } from './receivables/index.js';

/** The columns the customer table sorts by. */
export type CustomerSort =
  | 'name'
  | 'openMinor'
  | 'overdueMinor'
  | 'typicalDaysLate'
  | 'onTimeShare'
  | 'limitMinor'
  | 'grade';

export interface CustomerTableQuery {
  readonly sort: CustomerSort;
  readonly order: 'asc' | 'desc';
  /** Part of the name or code, any case; empty: every customer. */
  readonly q: string;
  readonly limit: number;
  readonly offset: number;
}

export type GradedRow = CustomerRow & { readonly grade: string | null };

export interface CustomerTablePage {
  readonly items: readonly GradedRow[];
  /** Rows that match the filter. */
  readonly total: number;
  readonly offset: number;
  readonly nextOffset: number | null;
  readonly hasLimits: boolean;
  readonly hasGrades: boolean;
}

const collator = new Intl.Collator('zh-CN', { numeric: true });

/** Unknown values last, whichever the direction; names in Chinese collation (pinyin). */
function compare(a: GradedRow, b: GradedRow, sort: CustomerSort, isDesc: boolean): number {
  const x = a[sort];
  const y = b[sort];
  if (x === y) return collator.compare(a.code, b.code);
  if (x === null) return 1;
  if (y === null) return -1;
  const c = typeof x === 'number' && typeof y === 'number' ? x - y : collator.compare(String(x), String(y));
  return isDesc ? -c : c;
}

/**
 * One page of the customer table: filtered by name or code, sorted by one column (ties by code,
 * so pages never overlap), with each customer's credit grade when `grades` is given (null: the
 * book is not scored, or the caller did not ask).
 *
 * @example
 * pageCustomerRows(rows, null, { sort: 'openMinor', order: 'desc', q: '', limit: 20, offset: 0 }).items.length // ≤ 20
 */
export function pageCustomerRows(
  rows: readonly CustomerRow[],
  grades: ReadonlyMap<string, string | null> | null,
  query: CustomerTableQuery,
): CustomerTablePage {
  const q = query.q.trim().toLowerCase();
  const matching: GradedRow[] = [];
  for (const r of rows) {
    if (q && !r.name.toLowerCase().includes(q) && !r.code.toLowerCase().includes(q)) continue;
    matching.push({ ...r, grade: grades?.get(r.customerId) ?? null });
  }
  const isDesc = query.order === 'desc';
  matching.sort((a, b) => compare(a, b, query.sort, isDesc));
  const end = query.offset + query.limit;
  return {
    items: matching.slice(query.offset, end),
    total: matching.length,
    offset: query.offset,
    nextOffset: end < matching.length ? end : null,
    hasLimits: rows.some((r) => r.limitMinor !== null),
    hasGrades: grades !== null,
  };
}
