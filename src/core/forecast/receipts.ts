import { roundWith } from '../money/index.js';
import { epochDayUnchecked } from '../time/index.js';
import type { BaseConverter } from './fx.js';
import type { ReceiptPlacement, ScenarioParams } from './scenarios.js';
import { type FlowSink, lineIndex } from './sink.js';
import type { ForecastInvoice, PaymentDateDistribution } from './types.js';

const INVOICES = lineIndex('invoices');
/** z of the 90th percentile: σ ≈ (P90 − P10) / (2·1.2816) for the 'slip' placement. */
const Z90 = 1.2815515655446004;

const PLACEMENT_CODE: Record<ReceiptPlacement, string> = {
  due: 'PLACED_DUE_DATE',
  p10: 'PLACED_P10',
  p50: 'PLACED_P50',
  p90: 'PLACED_P90',
  slip: 'PLACED_P50_PLUS_SLIP',
};

/** The day a receipt is expected by `placement`, from a due day and (optional) delay quantiles in days. */
export function placementDay(
  placement: ReceiptPlacement,
  dueDay: number,
  q: { p10: number; p50: number; p90: number } | null,
  slipMinDays: number,
): number {
  if (q === null) return placement === 'slip' ? dueDay + slipMinDays : dueDay;
  switch (placement) {
    case 'due':
      return dueDay;
    case 'p10':
      return q.p10;
    case 'p50':
      return q.p50;
    case 'p90':
      return q.p90;
    case 'slip':
      return q.p50 + Math.max(slipMinDays, Math.round((q.p90 - q.p10) / (2 * Z90)));
  }
}

/** Keeps a receipt day on the scenario's side of the base day ('upper' = not later). */
export function boundReceiptDay(day: number, baseDay: number, bound: ScenarioParams['bound']): number {
  if (bound === 'upper') return Math.min(day, baseDay);
  if (bound === 'lower') return Math.max(day, baseDay);
  return day;
}

function quantileDays(p: PaymentDateDistribution | null) {
  return p === null
    ? null
    : { p10: epochDayUnchecked(p.p10), p50: epochDayUnchecked(p.p50), p90: epochDayUnchecked(p.p90) };
}

/**
 * Places every open invoice's receipt for one scenario (DOMAIN 2.5 rule 3): by the expected
 * payment date, not the due date; doubtful invoices (disputed, or more than
 * `doubtfulOverdueDays` past due) at the recovery share on the P90 date, or excluded.
 */
export function placeInvoices(
  invoices: readonly ForecastInvoice[],
  params: ScenarioParams,
  toBase: BaseConverter,
  sink: FlowSink,
  doubtfulOverdueDays: number,
  trace: boolean,
): void {
  const asOfDay = sink.grid.asOfDay;
  for (const inv of invoices) {
    if (inv.openMinor <= 0) continue;
    const dueDay = epochDayUnchecked(inv.dueOn);
    const src = trace
      ? {
          kind: 'invoice' as const,
          id: inv.id,
          number: inv.number,
          counterparty: inv.customerName,
          currency: inv.currency,
          originalMinor: inv.openMinor,
        }
      : null;
    const amount = toBase.toBase(inv.openMinor, inv.currency);
    if (amount === null) {
      sink.exclude(0, dueDay, 'FX_RATE_MISSING', src);
      continue;
    }
    const q = quantileDays(inv.payment);
    const isOver90 = asOfDay - dueDay > doubtfulOverdueDays;
    if (inv.isDisputed || isOver90) {
      const what = inv.isDisputed ? 'DISPUTED' : 'OVERDUE_90';
      const day = q === null ? dueDay : q.p90;
      if (params.doubtful === 'exclude') {
        sink.exclude(amount, day, `${what}_EXCLUDED`, src);
        continue;
      }
      const share = Math.max(0, params.recoveryShare - (isOver90 ? params.writeOffOver90 : 0));
      const carried = roundWith(amount * share, 'halfEven');
      sink.emit(INVOICES, day, carried, `${what}_RECOVERY`, src);
      sink.exclude(amount - carried, day, `${what}_HAIRCUT`, src);
      continue;
    }
    const baseDay = placementDay('p50', dueDay, q, params.slipMinDays);
    const raw = placementDay(params.receiptPlacement, dueDay, q, params.slipMinDays);
    const day = boundReceiptDay(raw, baseDay, params.bound);
    sink.emit(
      INVOICES,
      day,
      amount,
      trace ? invoiceReason(params.receiptPlacement, day, raw, baseDay, inv.payment) : '',
      src,
    );
  }
}

function invoiceReason(
  placement: ReceiptPlacement,
  day: number,
  raw: number,
  baseDay: number,
  p: PaymentDateDistribution | null,
): string {
  if (p === null) return placement === 'slip' ? 'DUE_DATE_PLUS_SLIP_NO_HISTORY' : 'DUE_DATE_NO_HISTORY';
  const code = day !== raw && day === baseDay ? PLACEMENT_CODE.p50 : PLACEMENT_CODE[placement];
  if (code === 'PLACED_DUE_DATE') return code;
  return `${code}_${p.basis === 'customer' ? 'CUSTOMER_HISTORY' : 'PORTFOLIO_HISTORY'}`;
}
