import { OPEN, type PaymentColumns } from '../../receivables/index.js';
import type { DelayHistory } from './model.js';

/**
 * Each customer's payment delays (settled day − due day) over invoices settled in the
 * `lookbackDays` to `asOfDay`: the sample the Monte Carlo bootstraps (DOMAIN 3.3). Nothing settled
 * after `asOfDay` enters.
 *
 * @example delayHistory(ledgerToPaymentColumns(ledger), toEpochDay('2026-12-08'), 365).byCustomer.get('C1') // [0, 12, 30]
 */
export function delayHistory(cols: PaymentColumns, asOfDay: number, lookbackDays: number): DelayHistory {
  const byCustomer = new Map<string, number[]>();
  for (let i = 0; i < cols.length; i++) {
    const settled = cols.settled[i] as number;
    if (settled === OPEN || settled > asOfDay || settled <= asOfDay - lookbackDays) continue;
    const id = cols.customerIds[cols.customer[i] as number] as string;
    let list = byCustomer.get(id);
    if (!list) {
      list = [];
      byCustomer.set(id, list);
    }
    list.push(settled - (cols.due[i] as number));
  }
  return { byCustomer };
}
