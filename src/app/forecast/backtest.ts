import { DEFAULT_FORECAST_SETTINGS, type ReceiptsBacktest, runReceiptsBacktest } from '../../core/forecast/index.js';
import {
  type BacktestInvoice,
  buildPaymentBehaviour,
  predictSettlement,
  toPaymentColumns,
} from '../../core/receivables/behaviour/index.js';
import type { Result } from '../../core/shared/index.js';
import { epochDayUnchecked, fromEpochDay } from '../../core/time/index.js';
import { readPaymentHistory } from '../backtest/read-payment-history.js';

/** Days of history a cut-off needs before it is scored (the model needs something to learn from). */
export const BACKTEST_WARMUP_DAYS = 91;

/**
 * Back-tests receipt placement on a payment history (project or IBM layout, read by the
 * collections back-test's reader): weekly cut-offs every 7 days from `warmup` days after the
 * first issue until 13 weeks before the last settlement. CashGuard's placement is the base
 * forecast's: each open invoice spread over `slices` equally likely dates of the behaviour model's
 * conditional distribution (src/core/receivables/behaviour), rebuilt at each cut-off from invoices
 * settled by then; `slices` = 1 places it whole on the P50.
 */
export function backtestReceipts(
  invoices: readonly BacktestInvoice[],
  weeks = 13,
  slices = DEFAULT_FORECAST_SETTINGS.receiptSlices,
): ReceiptsBacktest {
  const rows = invoices.map((inv) => ({
    issuedDay: epochDayUnchecked(inv.issuedOn),
    dueDay: epochDayUnchecked(inv.dueOn),
    settledDay: epochDayUnchecked(inv.settledOn),
    amount: inv.amount,
  }));
  if (rows.length === 0) return runReceiptsBacktest(rows, [], () => [], weeks);
  const columns = toPaymentColumns(invoices);
  const first = Math.min(...rows.map((r) => r.issuedDay));
  const last = Math.max(...rows.map((r) => r.settledDay));
  // Cut-offs at the end of Sundays, so the weeks ahead run Monday to Sunday.
  let start = first + BACKTEST_WARMUP_DAYS;
  start += (7 - ((((start + 3) % 7) + 7) % 7) - 1 + 7) % 7;
  const cutoffs: number[] = [];
  for (let c = start; c + 7 * weeks <= last; c += 7) cutoffs.push(c);
  return runReceiptsBacktest(
    rows,
    cutoffs,
    (cutoff, open) => {
      const model = buildPaymentBehaviour(columns, fromEpochDay(cutoff));
      return open.map((i) =>
        predictSettlement(model, invoices[i] as BacktestInvoice, slices).settleOnSlices.map(epochDayUnchecked),
      );
    },
    weeks,
  );
}

/** Reads a payment-history file and back-tests it. */
export async function backtestReceiptsFromFile(
  file: string,
  weeks = 13,
  slices = DEFAULT_FORECAST_SETTINGS.receiptSlices,
): Promise<Result<ReceiptsBacktest>> {
  const history = await readPaymentHistory(file);
  if (!history.ok) return history;
  return { ok: true, value: backtestReceipts(history.value.invoices, weeks, slices) };
}

/** The `--json` shape: exactly { horizons: [{ weeks, wape, wapeDueDate }] }, rounded to 4 places. */
export function backtestJson(result: ReceiptsBacktest): {
  horizons: { weeks: number; wape: number | null; wapeDueDate: number | null }[];
} {
  const r4 = (x: number | null) => (x === null ? null : Math.round(x * 10_000) / 10_000);
  return {
    horizons: result.horizons.map((h) => ({ weeks: h.weeks, wape: r4(h.wape), wapeDueDate: r4(h.wapeDueDate) })),
  };
}
