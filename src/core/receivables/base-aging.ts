import { minorUnits, roundWith } from '../money/index.js';
import { ok, type Result } from '../shared/index.js';
import { epochDayUnchecked, type LocalDate } from '../time/index.js';
import { resolveBoundaries } from './aging.js';
import type { AgingBasis, AgingBucket, AgingPreset } from './aging-buckets.js';
import { buildAgingScheme } from './aging-buckets.js';
import { checkMonths } from './aging-series.js';
import { type BaseCurrency, listRates, type RateUsed, rateToBase } from './base-currency.js';
import type { LedgerInvoice, ReceivablesLedger } from './ledger.js';
import { LEDGER_INSTALMENTS, LEDGER_VOID, type LedgerColumns, ledgerColumns } from './ledger-columns.js';
import { forEachOpenLine, splitOverInstalments } from './open-items.js';
import { seriesDates } from './periods.js';

/**
 * Converts open lines into the base currency, one line at a time, at one date's rates: the one
 * conversion rule of every receivables figure (each open item revalued at the rate of the date,
 * half-even; every total a sum of revalued items), so a figure is equal to the fen wherever it is
 * shown and the rows of a table add up to its total. The same arithmetic as `convert`.
 */
export class LineConverter {
  private readonly factors: (number | null)[];
  readonly rates: ReadonlyMap<string, number>;
  /** Currencies met without a rate on the date (their lines are left out). */
  readonly missing = new Set<string>();

  constructor(
    private readonly currencies: readonly string[],
    base: BaseCurrency,
    on: LocalDate,
  ) {
    const rates = new Map<string, number>();
    this.factors = currencies.map((c) => {
      const rate = rateToBase(base.fx, c, base.currency, on);
      if (!rate.ok) return null;
      rates.set(c, rate.value);
      return c === base.currency ? 1 : rate.value;
    });
    this.rates = rates;
    this.scales = currencies.map((c) => 10 ** (minorUnits(base.currency) - minorUnits(c)));
    this.base = base.currency;
  }

  private readonly scales: number[];
  private readonly base: string;

  /** The base amount of `amount` minor units in currency slot `c`; null without a rate. */
  toBase(amount: number, c: number): number | null {
    const rate = this.factors[c];
    if (rate === null || rate === undefined) {
      this.missing.add(this.currencies[c] as string);
      return null;
    }
    if (this.currencies[c] === this.base) return amount;
    return roundWith(amount * rate * (this.scales[c] as number), 'halfEven');
  }

  /** The rates used, for a report (only currencies that had a line). */
  used(slots: Iterable<number>): RateUsed[] {
    const out = new Map<string, number>();
    for (const c of slots) {
      const code = this.currencies[c] as string;
      const rate = this.rates.get(code);
      if (rate !== undefined) out.set(code, rate);
    }
    return listRates(out);
  }
}

export interface BaseAgingRow {
  readonly customerId: string;
  readonly amounts: readonly number[];
  readonly total: number;
}

/** An aging in the base currency: every open line revalued at the as-of rate, then bucketed. */
export interface BaseAging {
  readonly currency: string;
  readonly on: LocalDate;
  readonly basis: AgingBasis;
  readonly buckets: readonly AgingBucket[];
  readonly rates: readonly RateUsed[];
  /** One row per customer with an open line, sorted by customer id; they add up to `totals`. */
  readonly byCustomer: readonly BaseAgingRow[];
  readonly totals: { readonly amounts: readonly number[]; readonly total: number };
}

function missingRate(conv: LineConverter, base: BaseCurrency, on: LocalDate) {
  const first = [...conv.missing].sort()[0];
  return first === undefined ? null : rateToBase(base.fx, first, base.currency, on);
}

/**
 * The aging of a ledger in the base currency as of a date: each open line (an invoice, or an
 * instalment) revalued at the as-of rate, then bucketed by customer. A currency with open lines
 * and no rate is an `AR_FX_RATE_MISSING` error naming the pair and date.
 *
 * @example
 * computeBaseAging(ledger, { asOf: '2026-12-08' }, { currency: 'CNY', fx }) // ok({ totals: { total: 3_682_201_171, … } })
 */
export function computeBaseAging(
  ledger: ReceivablesLedger,
  options: { asOf: LocalDate; basis?: AgingBasis; boundaries?: readonly number[]; preset?: AgingPreset },
  base: BaseCurrency,
): Result<BaseAging> {
  const basis = options.basis ?? 'due';
  const scheme = buildAgingScheme(resolveBoundaries(options), basis);
  if (!scheme.ok) return scheme;
  const { buckets, bucketOf } = scheme.value;
  const cols = ledgerColumns(ledger);
  const conv = new LineConverter(cols.currencies, base, options.asOf);
  const asOfDay = epochDayUnchecked(options.asOf);
  const n = buckets.length;
  const sums = new Float64Array(cols.customerIds.length * n);
  const seen = new Uint8Array(cols.customerIds.length);
  const usedCurrencies = new Set<number>();
  forEachOpenLine(ledger, options.asOf, (_invoice, dueOn, open, part, row) => {
    const c = cols.currency[row] as number;
    const amount = conv.toBase(open, c);
    if (amount === null) return;
    usedCurrencies.add(c);
    const from =
      basis === 'issue'
        ? (cols.issued[row] as number)
        : part < 0
          ? (cols.due[row] as number)
          : epochDayUnchecked(dueOn);
    const customer = cols.customer[row] as number;
    const at = customer * n + bucketOf(asOfDay - from);
    sums[at] = (sums[at] as number) + amount;
    seen[customer] = 1;
  });
  const failed = missingRate(conv, base, options.asOf);
  if (failed && !failed.ok) return failed;
  const totals = new Array<number>(n).fill(0);
  const byCustomer: BaseAgingRow[] = [];
  const order = Int32Array.from(cols.customerIds.keys()).sort((a, b) =>
    (cols.customerIds[a] as string) < (cols.customerIds[b] as string) ? -1 : 1,
  );
  for (const c of order) {
    if (seen[c] !== 1) continue;
    const amounts = Array.from(sums.subarray(c * n, (c + 1) * n));
    amounts.forEach((v, b) => {
      totals[b] = (totals[b] as number) + v;
    });
    byCustomer.push({ customerId: cols.customerIds[c] as string, amounts, total: sum(amounts) });
  }
  return ok({
    currency: base.currency,
    on: options.asOf,
    basis,
    buckets,
    rates: conv.used(usedCurrencies),
    byCustomer,
    totals: { amounts: totals, total: sum(totals) },
  });
}

const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);

/** One date of a base-currency aging series. */
export interface BaseAgingPoint {
  readonly on: LocalDate;
  readonly rates: readonly RateUsed[];
  readonly amounts: readonly number[];
  readonly total: number;
}

/**
 * The base-currency aging at each month end of the last `months` months (the last point being
 * `asOf`), each open line revalued at that date's rate: every point equals `computeBaseAging` at
 * its date, to the fen. One pass over the invoices; each is visited at the points where it is open.
 *
 * @example
 * computeBaseAgingSeries(ledger, { asOf: '2026-03-31', months: 12, boundaries: [30] }, base)
 */
export function computeBaseAgingSeries(
  ledger: ReceivablesLedger,
  options: {
    asOf: LocalDate;
    months: number;
    basis?: AgingBasis;
    boundaries?: readonly number[];
    preset?: AgingPreset;
  },
  base: BaseCurrency,
): Result<BaseAgingPoint[]> {
  const months = checkMonths(options.months);
  if (!months.ok) return months;
  const basis = options.basis ?? 'due';
  const scheme = buildAgingScheme(resolveBoundaries(options), basis);
  if (!scheme.ok) return scheme;
  const { buckets, bucketOf } = scheme.value;
  const n = buckets.length;
  const dates = seriesDates(options.asOf, months.value);
  const days = dates.map(epochDayUnchecked);
  const cols = ledgerColumns(ledger);
  const converters = dates.map((d) => new LineConverter(cols.currencies, base, d));
  const amounts = dates.map(() => new Array<number>(n).fill(0));
  const used = dates.map(() => new Set<number>());
  forEachOpenLineAt(ledger, cols, days, (p, row, key, open) => {
    const c = cols.currency[row] as number;
    const amount = (converters[p] as LineConverter).toBase(open, c);
    if (amount === null) return;
    (used[p] as Set<number>).add(c);
    const row_ = amounts[p] as number[];
    const b = bucketOf((days[p] as number) - (basis === 'issue' ? (cols.issued[row] as number) : key));
    row_[b] = (row_[b] as number) + amount;
  });
  const out: BaseAgingPoint[] = [];
  for (let p = 0; p < dates.length; p++) {
    const failed = missingRate(converters[p] as LineConverter, base, dates[p] as LocalDate);
    if (failed && !failed.ok) return failed;
    const a = amounts[p] as number[];
    out.push({
      on: dates[p] as LocalDate,
      rates: (converters[p] as LineConverter).used(used[p] as Set<number>),
      amounts: a,
      total: sum(a),
    });
  }
  return ok(out);
}

/**
 * Visits every line open at each of the sorted `days`: `visit(point, row, dueKey, open)`, with
 * the open amount as `forEachOpenLine` computes it on that day (settlements on or before it;
 * instalments split earliest-first). An invoice is visited only at the points between its issue
 * and the day it was settled in full.
 */
function forEachOpenLineAt(
  ledger: ReceivablesLedger,
  cols: LedgerColumns,
  days: readonly number[],
  visit: (point: number, row: number, dueKey: number, open: number) => void,
): void {
  const last = days[days.length - 1] as number;
  const settlements: { day: number; amount: number }[] = [];
  for (let i = 0; i < cols.length; i++) {
    const issued = cols.issued[i] as number;
    if ((cols.flags[i] as number) & LEDGER_VOID || issued > last) continue;
    settlements.length = 0;
    for (let k = cols.settlementStart[i] as number; k < (cols.settlementStart[i + 1] as number); k++)
      settlements.push({ day: cols.settlementDay[k] as number, amount: cols.settlementAmount[k] as number });
    if (settlements.length > 1) settlements.sort((a, b) => a.day - b.day);
    const amount = cols.amount[i] as number;
    const invoice = ledger.invoices[i] as LedgerInvoice;
    const hasParts = ((cols.flags[i] as number) & LEDGER_INSTALMENTS) !== 0;
    let paid = 0;
    let k = 0;
    for (let p = firstAtOrAfter(days, issued); p < days.length; p++) {
      const day = days[p] as number;
      while (k < settlements.length && (settlements[k] as { day: number }).day <= day) {
        paid += (settlements[k] as { amount: number }).amount;
        k++;
      }
      if (paid === amount && k === settlements.length) break;
      if (!hasParts) {
        if (amount - paid !== 0) visit(p, i, cols.due[i] as number, amount - paid);
        continue;
      }
      const open = splitOverInstalments(
        invoice.instalments.map((x) => x.amountMinor),
        amount,
        paid,
      );
      open.forEach((o, part) => {
        if (o !== 0) visit(p, i, epochDayUnchecked((invoice.instalments[part] as { dueOn: LocalDate }).dueOn), o);
      });
    }
  }
}

function firstAtOrAfter(days: readonly number[], day: number): number {
  let lo = 0;
  let hi = days.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((days[mid] as number) >= day) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
