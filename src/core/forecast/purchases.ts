import { roundWith } from '../money/index.js';
import { adjustmentFactor, monthKey, type SalesProjection, tranches } from './sales.js';
import type { FlowSink } from './sink.js';
import { lineIndex } from './sink.js';
import type { SalesAdjustment } from './types.js';

const NEW_PURCHASES = lineIndex('new_purchases', 'disbursement');

/**
 * Purchases not yet billed: each month's expected purchases (the same seasonal run-rate model as
 * sales, from the organisation's own bills) in weekly tranches, paid `paymentDays` after issue
 * plus the scenario's extra stretch over the base. The amounts are the same in every scenario:
 * purchase commitments do not shrink within weeks when sales fall, which is the prudent view and
 * keeps pessimistic ≤ base ≤ optimistic in closing cash.
 *
 * @example
 * placeNewPurchases(projectSales(purchaseHistory, [], asOfDay, lastDay), 45, 0, sink, 'CNY', true)
 */
export function placeNewPurchases(
  projection: SalesProjection,
  paymentDays: number,
  extraStretch: number,
  sink: FlowSink,
  currency: string,
  trace: boolean,
  adjustments: readonly SalesAdjustment[] = [],
): void {
  for (const [monthIdx, month] of projection.months) {
    if (month.amount <= 0) continue;
    const factor = adjustmentFactor(adjustments, monthKey(monthIdx), 'purchasesFactor');
    const parts = tranches(monthIdx, sink.grid.asOfDay);
    for (let k = 0; k < parts.length; k++) {
      const part = parts[k] as { day: number; weight: number };
      const amount = roundWith(month.amount * factor * part.weight, 'floor');
      if (amount <= 0) continue;
      const src = trace
        ? {
            kind: 'purchases' as const,
            id: `purchases:${monthKey(monthIdx)}:${k + 1}`,
            number: `${monthKey(monthIdx)}#${k + 1}`,
            counterparty: '',
            currency,
            originalMinor: amount,
          }
        : null;
      sink.emit(NEW_PURCHASES, part.day + Math.round(paymentDays + extraStretch), amount, 'NEW_PURCHASES_HISTORY', src);
    }
  }
}
