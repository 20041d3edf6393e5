import type { PaymentColumns } from './columns.js';
import { isInWindow, type SettledHistory } from './history.js';

/** Amount-weighted delay (days beyond terms, negative = early) and its invoice count. */
export interface WeightedDbt {
  readonly value: number | null;
  readonly count: number;
}

/**
 * wDBT = Σ amount·(settled − due) / Σ amount over `rows[start..end)` settled in (fromDay, toDay].
 * Signed, as DOMAIN 8.4 scores early payment too.
 *
 * @example
 * // 100 paid 10 days late and 300 paid on time → wDBT = 1000/400 = 2.5
 */
export function weightedDbt(
  cols: PaymentColumns,
  rows: Int32Array,
  start: number,
  end: number,
  fromDay: number,
  toDay: number,
): WeightedDbt {
  let sum = 0;
  let weight = 0;
  let count = 0;
  for (let i = start; i < end; i++) {
    const r = rows[i] ?? 0;
    const settled = cols.settled[r] ?? 0;
    if (settled <= fromDay || settled > toDay) continue;
    const amount = cols.amount[r] ?? 0;
    sum += amount * (settled - (cols.due[r] ?? 0));
    weight += amount;
    count++;
  }
  return { value: weight > 0 ? sum / weight : null, count };
}

/**
 * wDBT over every customer's history settled in (fromDay, toDay]: the same as `weightedDbt` over
 * all of `history.rows`, in one pass over the columns in order.
 *
 * @example
 * portfolioWeightedDbt(cols, history, asOfDay - 365, asOfDay).value; // days beyond terms
 */
export function portfolioWeightedDbt(
  cols: PaymentColumns,
  history: SettledHistory,
  fromDay: number,
  toDay: number,
): WeightedDbt {
  let sum = 0;
  let weight = 0;
  let count = 0;
  for (let r = 0; r < cols.length; r++) {
    const settled = cols.settled[r] as number;
    if (!isInWindow(settled, history) || settled <= fromDay || settled > toDay) continue;
    const amount = cols.amount[r] as number;
    sum += amount * (settled - (cols.due[r] as number));
    weight += amount;
    count++;
  }
  return { value: weight > 0 ? sum / weight : null, count };
}
