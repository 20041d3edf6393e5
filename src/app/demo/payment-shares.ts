import type { PaymentRecord } from '../../core/receivables/index.js';
import { diffDays } from '../../core/time/index.js';

/** How a book's settled invoices were paid against their due dates (days beyond terms). */
export interface PaymentShares {
  readonly settled: number;
  /** Paid on or before the due date. */
  readonly onTime: number;
  /** 1–30 days after the due date. */
  readonly littleLate: number;
  /** More than 30 days after the due date. */
  readonly veryLate: number;
  /** Mean and 90th percentile of the days late of the late ones. */
  readonly meanDaysLate: number;
  readonly p90DaysLate: number;
}

/**
 * Shares of settled invoices paid on time, a little late (1–30 days) and very late (> 30 days),
 * from payment records (the behaviour model's: settled on the day the last payment completed
 * them). Compares the demo with a public payment history read the same way (docs/demo.md).
 *
 * @example
 * paymentShares(ledgerToPaymentRecords(ledger)).onTime // 0.64
 */
export function paymentShares(records: readonly PaymentRecord[]): PaymentShares {
  let onTime = 0;
  let littleLate = 0;
  const late: number[] = [];
  for (const r of records) {
    if (r.settledOn === null) continue;
    const days = diffDays(r.dueOn, r.settledOn);
    if (days <= 0) onTime++;
    else {
      late.push(days);
      if (days <= 30) littleLate++;
    }
  }
  const settled = onTime + late.length;
  late.sort((a, b) => a - b);
  const share = (n: number) => (settled > 0 ? n / settled : 0);
  return {
    settled,
    onTime: share(onTime),
    littleLate: share(littleLate),
    veryLate: share(late.length - littleLate),
    meanDaysLate: late.length > 0 ? late.reduce((s, d) => s + d, 0) / late.length : 0,
    p90DaysLate: late[Math.floor(late.length * 0.9)] ?? 0,
  };
}
