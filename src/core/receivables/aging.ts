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
import { forEachOpenLine } from './open-items.js';

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

/** Aging in each document currency; see `convertAgingToBase` for the base-currency view. */
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
 * Ages the open items of a ledger as of any date, per customer and per currency, in one pass
 * over settlements and one over invoices.
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
  const asOfDay = epochDayUnchecked(options.asOf);
  const byCustomer = new Map<string, Map<string, number[]>>();
  const only = options.customerId;
  forEachOpenLine(ledger, options.asOf, (invoice, dueOn, open) => {
    if (only !== undefined && invoice.customerId !== only) return;
    const from = basis === 'due' ? dueOn : invoice.issuedOn;
    const amounts = rowFor(byCustomer, invoice.customerId, invoice.currency, buckets.length);
    const b = bucketOf(asOfDay - epochDayUnchecked(from));
    amounts[b] = (amounts[b] as number) + open;
  });
  const customerRows = toCustomerRows(byCustomer);
  return ok({
    asOf: options.asOf,
    basis,
    buckets,
    byCustomer: customerRows,
    byCurrency: sumByCurrency(customerRows, buckets.length),
  });
}

function rowFor(map: Map<string, Map<string, number[]>>, customerId: string, currency: string, n: number): number[] {
  let perCurrency = map.get(customerId);
  if (!perCurrency) {
    perCurrency = new Map();
    map.set(customerId, perCurrency);
  }
  let amounts = perCurrency.get(currency);
  if (!amounts) {
    amounts = new Array<number>(n).fill(0);
    perCurrency.set(currency, amounts);
  }
  return amounts;
}

function toCustomerRows(map: Map<string, Map<string, number[]>>): CustomerAgingRow[] {
  const rows: CustomerAgingRow[] = [];
  for (const [customerId, perCurrency] of map) {
    for (const [currency, amounts] of perCurrency) {
      rows.push({ customerId, currency, amounts, total: sumAmounts(amounts) });
    }
  }
  return rows.sort((a, b) => compareText(a.customerId, b.customerId) || compareText(a.currency, b.currency));
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
