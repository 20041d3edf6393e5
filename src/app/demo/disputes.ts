import { formatMinor } from '../../core/money/index.js';
import { addDays, fromEpochDay } from '../../core/time/index.js';
import type { CustomerSummary } from './credit-data.js';
import type { DemoOptions } from './options.js';
import type { DemoDunningAction } from './types.js';

/** Why the disputing customer contests its invoice, as the credit controller noted it. */
export const DISPUTE_REASON = '客户称第二批货物尺寸与合同图纸不符，拒付该发票，待第三方质检复核';

/**
 * The note that records the one disputed invoice: the customer's call a few days before the due
 * date, the reason, and the next step planned (a joint inspection within two weeks).
 */
export function buildDisputeNotes(opts: DemoOptions, summaries: readonly CustomerSummary[]): DemoDunningAction[] {
  const out: DemoDunningAction[] = [];
  for (const { profile, stats } of summaries) {
    const d = stats.disputed;
    if (d === null) continue;
    const raisedOn = fromEpochDay(Math.min(opts.endDay - 1, Math.max(d.issueDay + 1, d.dueDay - 3)));
    out.push({
      id: `${opts.idPrefix}da-${String(out.length + 1).padStart(4, '0')}`,
      customerId: profile.customer.id,
      invoiceId: d.invoiceId,
      stage: 0,
      action: 'dispute',
      plannedOn: raisedOn,
      doneAt: `${raisedOn}T03:00:00.000Z`,
      channel: 'phone',
      promisedOn: addDays(raisedOn, 14),
      notes: `争议：${DISPUTE_REASON}（发票 ${d.number}，金额 ${d.currency} ${formatMinor(d.openMinor, d.currency)}）`,
    });
  }
  return out;
}
