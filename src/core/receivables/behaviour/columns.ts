import { epochDayUnchecked, type LocalDate } from '../../time/index.js';
import type { BehaviourFeature } from './settings.js';

/**
 * One invoice as the behaviour model reads it. `amount` is only a weight and (as a logarithm) a
 * feature, so any positive unit works, but use one currency (or base-currency amounts) per call.
 */
export interface PaymentRecord {
  readonly customerId: string;
  readonly issuedOn: LocalDate;
  readonly dueOn: LocalDate;
  /** Null while open. Settlements after the model's `asOf` are ignored (treated as open). */
  readonly settledOn: LocalDate | null;
  readonly amount: number;
  readonly isDisputed: boolean;
  /** Delivery channel of the invoice; null when the source does not say. */
  readonly channel: 'paper' | 'electronic' | null;
}

/** Marks an open invoice in `PaymentColumns.settled`. */
export const OPEN = 2147483647;

export const FLAG_DISPUTED = 1;
export const FLAG_PAPER = 2;

/**
 * Column layout of many `PaymentRecord`s (typed arrays, dates as epoch days), built once and
 * reused by every `asOf`: the back-test builds hundreds of models from one set of columns.
 */
export interface PaymentColumns {
  readonly length: number;
  readonly customerIds: readonly string[];
  readonly customerIndex: ReadonlyMap<string, number>;
  readonly customer: Int32Array;
  readonly issued: Int32Array;
  readonly due: Int32Array;
  /** Epoch day of settlement, or `OPEN`. */
  readonly settled: Int32Array;
  /** A weight: any positive unit (32-bit integers when the ledger's minor amounts all fit). */
  readonly amount: Int32Array | Float64Array;
  /** Calendar month of issue, 1-12. */
  readonly month: Uint8Array;
  /** `FLAG_DISPUTED` and `FLAG_PAPER` bits; other bits may be set and mean nothing here. */
  readonly flags: Uint8Array;
}

/**
 * Converts records (dates already validated as 'YYYY-MM-DD') to columns.
 *
 * @example
 * const cols = toPaymentColumns([{ customerId: 'C1', issuedOn: '2025-01-01', dueOn: '2025-01-31',
 *   settledOn: '2025-02-05', amount: 100, isDisputed: false, channel: 'electronic' }]);
 * cols.settled[0] - cols.due[0]; // 5
 */
export function toPaymentColumns(records: readonly PaymentRecord[]): PaymentColumns {
  const n = records.length;
  const { cols, customerIds, customerIndex, slotOf } = emptyPaymentColumns(n);
  for (let i = 0; i < n; i++) {
    const r = records[i] as PaymentRecord;
    cols.customer[i] = slotOf(r.customerId);
    cols.issued[i] = epochDayUnchecked(r.issuedOn);
    cols.due[i] = epochDayUnchecked(r.dueOn);
    cols.settled[i] = r.settledOn === null ? OPEN : epochDayUnchecked(r.settledOn);
    cols.amount[i] = r.amount;
    cols.month[i] = (r.issuedOn.charCodeAt(5) - 48) * 10 + (r.issuedOn.charCodeAt(6) - 48);
    cols.flags[i] = (r.isDisputed ? FLAG_DISPUTED : 0) | (r.channel === 'paper' ? FLAG_PAPER : 0);
  }
  return { length: n, customerIds, customerIndex, ...cols };
}

/**
 * Typed arrays for `n` invoices and a customer numbering (`slotOf` gives each new customer id the
 * next slot): shared by every builder of `PaymentColumns`.
 */
export function emptyPaymentColumns(n: number) {
  const customerIndex = new Map<string, number>();
  const customerIds: string[] = [];
  const cols = {
    customer: new Int32Array(n),
    issued: new Int32Array(n),
    due: new Int32Array(n),
    settled: new Int32Array(n),
    amount: new Float64Array(n),
    month: new Uint8Array(n),
    flags: new Uint8Array(n),
  };
  const slotOf = (customerId: string): number => {
    let c = customerIndex.get(customerId);
    if (c === undefined) {
      c = customerIds.length;
      customerIndex.set(customerId, c);
      customerIds.push(customerId);
    }
    return c;
  };
  return { cols, customerIds, customerIndex, slotOf };
}

/** The logarithm of an amount, the 'logAmount' feature (amounts of 0 or less count as tiny). */
export function logOfAmount(amount: number): number {
  return Math.log(Math.max(amount, 1e-9));
}

/** December and January: Chinese year-end closing and the Spring Festival run-up. */
export function isYearEndMonth(month: number): boolean {
  return month === 12 || month === 1;
}

/** The value of one feature for invoice facts known at issue. */
export function featureValue(feature: BehaviourFeature, flags: number, logAmount: number, month: number): number {
  switch (feature) {
    case 'disputed':
      return flags & FLAG_DISPUTED ? 1 : 0;
    case 'paper':
      return flags & FLAG_PAPER ? 1 : 0;
    case 'logAmount':
      return logAmount;
    case 'yearEnd':
      return isYearEndMonth(month) ? 1 : 0;
  }
}
