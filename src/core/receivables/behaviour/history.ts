import { OPEN, type PaymentColumns } from './columns.js';

/**
 * The invoices a model as of `asOfDay` may learn from, grouped by customer (CSR layout): rows
 * `rows[offsets[c] .. offsets[c+1])` are customer c's invoices settled on or before `asOfDay` and
 * within the lookback window, in column order. Nothing settled after `asOfDay` enters: that is
 * the no-look-ahead rule.
 */
export interface SettledHistory {
  readonly offsets: Int32Array;
  readonly rows: Int32Array;
  /** The window: settled in (fromDay, toDay]. */
  readonly fromDay: number;
  readonly toDay: number;
}

/** True when a row settled on `settled` is history of the window (fromDay, toDay]. */
export function isInWindow(settled: number, history: { fromDay: number; toDay: number }): boolean {
  return settled <= history.toDay && settled > history.fromDay;
}

/**
 * Groups the settled history by customer in two linear passes (count, then fill). Passes that walk
 * the columns in order and test `isInWindow` meet the history rows in the same order, so they can
 * fill arrays aligned with `rows` by keeping a cursor per customer (see `historyCursor`).
 */
export function selectSettledHistory(cols: PaymentColumns, asOfDay: number, lookbackDays: number): SettledHistory {
  const customers = cols.customerIds.length;
  const offsets = new Int32Array(customers + 1);
  const window = { fromDay: asOfDay - lookbackDays, toDay: asOfDay };
  const { settled, customer } = cols;
  for (let i = 0; i < cols.length; i++) {
    if (isInWindow(settled[i] as number, window)) {
      const c = (customer[i] as number) + 1;
      offsets[c] = (offsets[c] as number) + 1;
    }
  }
  for (let c = 0; c < customers; c++) offsets[c + 1] = (offsets[c + 1] as number) + (offsets[c] as number);
  const rows = new Int32Array(offsets[customers] as number);
  const next = historyCursor(offsets);
  for (let i = 0; i < cols.length; i++) {
    if (isInWindow(settled[i] as number, window)) {
      const c = customer[i] as number;
      rows[next[c] as number] = i;
      next[c] = (next[c] as number) + 1;
    }
  }
  return { offsets, rows, ...window };
}

/** Per customer, the position of its next history row (starts at its first). */
export function historyCursor(offsets: Int32Array): Int32Array {
  return offsets.slice(0, offsets.length - 1);
}

/**
 * Per customer: history invoices settled more than `overdueDays` after due (`settled`), and
 * invoices issued by `asOfDay`, unpaid then and already more than `overdueDays` past due (`open`).
 * Only the fact 'unpaid at asOf' is used, never a later settlement date. One pass in column order.
 */
export function countLongOverdue(
  cols: PaymentColumns,
  history: SettledHistory,
  overdueDays: number,
): { settled: Int32Array; open: Int32Array } {
  const settledLate = new Int32Array(cols.customerIds.length);
  const open = new Int32Array(cols.customerIds.length);
  const asOfDay = history.toDay;
  for (let i = 0; i < cols.length; i++) {
    const s = cols.settled[i] ?? OPEN;
    const due = cols.due[i] as number;
    const c = cols.customer[i] as number;
    if (isInWindow(s, history)) {
      if (s - due > overdueDays) settledLate[c] = (settledLate[c] as number) + 1;
    } else if (s > asOfDay && (cols.issued[i] as number) <= asOfDay && asOfDay - due > overdueDays) {
      open[c] = (open[c] as number) + 1;
    }
  }
  return { settled: settledLate, open };
}
