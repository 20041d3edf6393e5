import { OPEN, type PaymentColumns } from './columns.js';

/**
 * The invoices a model as of `asOfDay` may learn from, grouped by customer (CSR layout): rows
 * `rows[offsets[c] .. offsets[c+1])` are customer c's invoices settled on or before `asOfDay` and
 * within the lookback window. Nothing settled after `asOfDay` enters: that is the no-look-ahead rule.
 */
export interface SettledHistory {
  readonly offsets: Int32Array;
  readonly rows: Int32Array;
}

/** Groups the settled history by customer in two linear passes (count, then fill). */
export function selectSettledHistory(cols: PaymentColumns, asOfDay: number, lookbackDays: number): SettledHistory {
  const customers = cols.customerIds.length;
  const offsets = new Int32Array(customers + 1);
  const from = asOfDay - lookbackDays;
  const { settled, customer } = cols;
  for (let i = 0; i < cols.length; i++) {
    const s = settled[i] ?? OPEN;
    if (s <= asOfDay && s > from) offsets[(customer[i] ?? 0) + 1] = (offsets[(customer[i] ?? 0) + 1] ?? 0) + 1;
  }
  for (let c = 0; c < customers; c++) offsets[c + 1] = (offsets[c + 1] ?? 0) + (offsets[c] ?? 0);
  const rows = new Int32Array(offsets[customers] ?? 0);
  const fill = offsets.slice(0, customers);
  for (let i = 0; i < cols.length; i++) {
    const s = settled[i] ?? OPEN;
    if (s <= asOfDay && s > from) {
      const c = customer[i] ?? 0;
      rows[fill[c] ?? 0] = i;
      fill[c] = (fill[c] ?? 0) + 1;
    }
  }
  return { offsets, rows };
}

/**
 * Per customer: invoices issued by `asOfDay`, unpaid at `asOfDay` and already more than
 * `overdueDays` past due. Only the fact 'unpaid at asOf' is used, never a later settlement date.
 */
export function countLongOverdueOpen(cols: PaymentColumns, asOfDay: number, overdueDays: number): Int32Array {
  const counts = new Int32Array(cols.customerIds.length);
  for (let i = 0; i < cols.length; i++) {
    if ((cols.settled[i] ?? OPEN) <= asOfDay || (cols.issued[i] ?? 0) > asOfDay) continue;
    if (asOfDay - (cols.due[i] ?? 0) > overdueDays) {
      const c = cols.customer[i] ?? 0;
      counts[c] = (counts[c] ?? 0) + 1;
    }
  }
  return counts;
}
