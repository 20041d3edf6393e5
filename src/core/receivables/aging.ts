import { assert, fail, ok, type Result } from '../shared/index.js';
import { epochDayUnchecked, isLocalDate, type LocalDate } from '../time/index.js';
import {
  AGING_PRESETS,
  type AgingBasis,
  type AgingBucket,
  type AgingPreset,
  buildAgingScheme,
} from './aging-buckets.js';
import type { ReceivablesLedger } from './ledger.js';
import { ledgerColumns } from './ledger-columns.js';
import { forEachOpenRow } from './open-items.js';

export interface AgingOptions {
  readonly asOf: LocalDate;
  /** Age from the due date (default) or the issue date. */
  readonly basis?: AgingBasis;
  /** Bucket upper bounds in days; overrides `preset`. */
  readonly boundaries?: readonly number[];
  /** Named boundaries; 'default' when neither this nor `boundaries` is given. */
  readonly preset?: AgingPreset;
  /** Restrict to one customer. */
  readonly customerId?: string;
}

/** Open amounts in minor units of `currency`, one per bucket, and their total. */
export interface AgingRow {
  readonly currency: string;
  readonly amounts: readonly number[];
  readonly total: number;
}

export interface CustomerAgingRow extends AgingRow {
  readonly customerId: string;
}

/** Aging in each document currency; see `computeBaseAging` for the base-currency view. */
export interface AgingReport {
  readonly asOf: LocalDate;
  readonly basis: AgingBasis;
  readonly buckets: readonly AgingBucket[];
  /** One row per customer and currency, sorted by customer then currency. */
  readonly byCustomer: readonly CustomerAgingRow[];
  /** One row per currency, sorted by currency: the totals. */
  readonly byCurrency: readonly AgingRow[];
}

/** Resolves `boundaries` or `preset` (default 'default') into upper bounds. */
export function resolveBoundaries(options: {
  boundaries?: readonly number[];
  preset?: AgingPreset;
}): readonly number[] {
  return options.boundaries ?? AGING_PRESETS[options.preset ?? 'default'];
}

/**
 * Ages the open items of a ledger as of any date, per customer and per currency: one pass over the
 * ledger's columns (`ledgerColumns`), summing into one typed array per currency.
 *
 * @example
 * const r = computeAging(ledger, { asOf: '2026-03-31', preset: '30-60-90' });
 * if (r.ok) r.value.byCurrency[0]?.amounts; // [current, 1-30, 31-60, 61-90, over-90]
 */
export function computeAging(ledger: ReceivablesLedger, options: AgingOptions): Result<AgingReport> {
  if (!isLocalDate(options.asOf)) return fail('VALIDATION_FAILED', { field: 'asOf', value: options.asOf });
  const basis = options.basis ?? 'due';
  const scheme = buildAgingScheme(resolveBoundaries(options), basis);
  if (!scheme.ok) return scheme;
  const { buckets, bucketOf } = scheme.value;
  const cols = ledgerColumns(ledger);
  const asOfDay = epochDayUnchecked(options.asOf);
  const only = options.customerId === undefined ? -1 : (cols.customerIndex.get(options.customerId) ?? -2);
  const sums = new BucketSums(cols.customerIds.length, cols.currencies.length, buckets.length);
  if (only !== -2) {
    forEachOpenRow(ledger, options.asOf, (row, dueDay, open) => {
      const customer = cols.customer[row] as number;
      if (only >= 0 && customer !== only) return;
      const from = basis === 'issue' ? (cols.issued[row] as number) : dueDay;
      sums.add(cols.currency[row] as number, customer, bucketOf(asOfDay - from), open);
    });
  }
  const customerRows = sums.rows(cols.customerIds, cols.currencies);
  return ok({
    asOf: options.asOf,
    basis,
    buckets,
    byCustomer: customerRows,
    byCurrency: sumByCurrency(customerRows, buckets.length),
  });
}

/** Open amounts by currency, customer and bucket; a currency's array is made when first used. */
class BucketSums {
  private readonly sums: (Float64Array | undefined)[];
  private readonly seen: (Uint8Array | undefined)[];

  constructor(
    private readonly customers: number,
    currencies: number,
    private readonly buckets: number,
  ) {
    this.sums = new Array(currencies);
    this.seen = new Array(currencies);
  }

  add(currency: number, customer: number, bucket: number, amount: number): void {
    let sums = this.sums[currency];
    let seen = this.seen[currency];
    if (sums === undefined || seen === undefined) {
      sums = this.sums[currency] = new Float64Array(this.customers * this.buckets);
      seen = this.seen[currency] = new Uint8Array(this.customers);
    }
    const at = customer * this.buckets + bucket;
    sums[at] = (sums[at] as number) + amount;
    seen[customer] = 1;
  }

  /** One row per customer and currency with an open line, sorted by customer id then currency. */
  rows(customerIds: readonly string[], currencies: readonly string[]): CustomerAgingRow[] {
    const byId = Int32Array.from(customerIds.keys()).sort((a, b) =>
      compareText(customerIds[a] as string, customerIds[b] as string),
    );
    const byCode = Int32Array.from(currencies.keys()).sort((a, b) =>
      compareText(currencies[a] as string, currencies[b] as string),
    );
    const out: CustomerAgingRow[] = [];
    for (const c of byId) {
      for (const k of byCode) {
        const sums = this.sums[k];
        if (sums === undefined || this.seen[k]?.[c] !== 1) continue;
        const amounts = Array.from(sums.subarray(c * this.buckets, (c + 1) * this.buckets));
        out.push({
          customerId: customerIds[c] as string,
          currency: currencies[k] as string,
          amounts,
          total: sumAmounts(amounts),
        });
      }
    }
    return out;
  }
}

function sumByCurrency(rows: readonly CustomerAgingRow[], n: number): AgingRow[] {
  const totals = new Map<string, number[]>();
  for (const row of rows) {
    let acc = totals.get(row.currency);
    if (!acc) {
      acc = new Array<number>(n).fill(0);
      totals.set(row.currency, acc);
    }
    for (let i = 0; i < n; i++) acc[i] = (acc[i] as number) + (row.amounts[i] as number);
  }
  return [...totals]
    .map(([currency, amounts]) => ({ currency, amounts, total: sumAmounts(amounts) }))
    .sort((a, b) => compareText(a.currency, b.currency));
}

/** Sums integer minor amounts, checking the result stays a safe integer. */
export function sumAmounts(amounts: readonly number[]): number {
  let total = 0;
  for (const a of amounts) total += a;
  assert(Number.isSafeInteger(total), `total ${total} is not a safe integer`);
  return total;
}

export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
