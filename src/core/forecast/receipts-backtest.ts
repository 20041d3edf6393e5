/** One invoice of a payment history, as epoch days. */
export interface BacktestInvoiceRow {
  readonly issuedDay: number;
  readonly dueDay: number;
  readonly settledDay: number;
  readonly amount: number;
}

export interface BacktestHorizon {
  readonly weeks: number;
  /** Σ|forecast − actual| / Σ actual over all cut-offs, CashGuard placement. */
  readonly wape: number | null;
  /** The same with every invoice placed on its due date. */
  readonly wapeDueDate: number | null;
  readonly actual: number;
}

export interface ReceiptsBacktest {
  readonly cutoffs: number;
  readonly horizons: readonly BacktestHorizon[];
}

/** The 1-based week after `cutoff` a day falls in; days on or before the cut-off count as week 1. */
const weekAfter = (day: number, cutoff: number): number => (day <= cutoff ? 1 : Math.ceil((day - cutoff) / 7));

/**
 * Replays a payment history week by week. At each cut-off (end of day) the invoices open then
 * (issued on or before, settled after) are placed by `predict` — which must use only invoices
 * settled by the cut-off; one day per invoice, or several equally likely days that share its
 * amount equally — and by due date; the receipts per week ahead are compared with when
 * those invoices were actually settled. WAPE per horizon = Σ|F − A| / Σ A over all cut-offs.
 *
 * @example
 * runReceiptsBacktest(rows, [19000, 19007], (c, open) => open.map((i) => rows[i].dueDay + 5)).horizons[3].wape
 */
export function runReceiptsBacktest(
  rows: readonly BacktestInvoiceRow[],
  cutoffs: readonly number[],
  predict: (cutoff: number, open: readonly number[]) => readonly (number | readonly number[])[],
  weeks = 13,
): ReceiptsBacktest {
  const err = new Float64Array(weeks + 1);
  const errDue = new Float64Array(weeks + 1);
  const act = new Float64Array(weeks + 1);
  for (const cutoff of cutoffs) {
    const open: number[] = [];
    rows.forEach((r, i) => {
      if (r.issuedDay <= cutoff && r.settledDay > cutoff) open.push(i);
    });
    const predicted = predict(cutoff, open);
    const f = new Float64Array(weeks + 1);
    const fDue = new Float64Array(weeks + 1);
    const a = new Float64Array(weeks + 1);
    open.forEach((i, k) => {
      const r = rows[i] as BacktestInvoiceRow;
      const days = predicted[k] as number | readonly number[];
      if (typeof days === 'number') {
        const wf = weekAfter(days, cutoff);
        if (wf <= weeks) f[wf] = (f[wf] as number) + r.amount;
      } else {
        for (const day of days) {
          const wf = weekAfter(day, cutoff);
          if (wf <= weeks) f[wf] = (f[wf] as number) + r.amount / days.length;
        }
      }
      const wd = weekAfter(r.dueDay, cutoff);
      const wa = weekAfter(r.settledDay, cutoff);
      if (wd <= weeks) fDue[wd] = (fDue[wd] as number) + r.amount;
      if (wa <= weeks) a[wa] = (a[wa] as number) + r.amount;
    });
    for (let w = 1; w <= weeks; w++) {
      err[w] = (err[w] as number) + Math.abs((f[w] as number) - (a[w] as number));
      errDue[w] = (errDue[w] as number) + Math.abs((fDue[w] as number) - (a[w] as number));
      act[w] = (act[w] as number) + (a[w] as number);
    }
  }
  const horizons: BacktestHorizon[] = [];
  for (let w = 1; w <= weeks; w++) {
    const total = act[w] as number;
    horizons.push({
      weeks: w,
      wape: total > 0 ? (err[w] as number) / total : null,
      wapeDueDate: total > 0 ? (errDue[w] as number) / total : null,
      actual: total,
    });
  }
  return { cutoffs: cutoffs.length, horizons };
}
