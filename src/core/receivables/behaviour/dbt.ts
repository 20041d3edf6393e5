import type { PaymentColumns } from './columns.js';

/** Amount-weighted delay (days beyond terms, negative = early) and its invoice count. */
export interface WeightedDbt {
  readonly value: number | null;
  readonly count: number;
}

/**
 * wDBT = Σ amount·(settled − due) / Σ amount over `rows[start..end)` settled in (fromDay, toDay];
 * with `rows` null, over the column rows start..end themselves (one pass in column order).
 * Signed, as DOMAIN 8.4 scores early payment too.
 *
 * @example
 * // 100 paid 10 days late and 300 paid on time → wDBT = 1000/400 = 2.5
 */
export function weightedDbt(
  cols: PaymentColumns,
  rows: Int32Array | null,
  start: number,
  end: number,
  fromDay: number,
  toDay: number,
): WeightedDbt {
  let sum = 0;
  let weight = 0;
  let count = 0;
  for (let i = start; i < end; i++) {
    const r = rows === null ? i : (rows[i] as number);
    const settled = cols.settled[r] ?? 0;
    if (settled <= fromDay || settled > toDay) continue;
    const amount = cols.amount[r] ?? 0;
    sum += amount * (settled - (cols.due[r] ?? 0));
    weight += amount;
    count++;
  }
  return { value: weight > 0 ? sum / weight : null, count };
}
