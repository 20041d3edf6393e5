import type { InsuranceDeadline, InsuranceObligation } from '../insurance/index.js';
import type { AlertSettings } from './settings.js';
import type { Alert, AlertData, AlertInput, AlertLevel, EvidenceLink } from './types.js';

type Due = Pick<InsuranceDeadline, 'on' | 'daysLeft' | 'isMissed'> & {
  readonly kind: InsuranceDeadline['kind'] | InsuranceObligation['kind'];
  readonly customerId: string | null;
  readonly invoiceId: string | null;
  readonly number: string | null;
};

/** T-7 and nearer is a watch, T-3 to T0 a warning, missed critical (DOMAIN 1.5 rule 3). */
function levelOf(d: Due): AlertLevel {
  if (d.isMissed) return 'critical';
  return d.daysLeft <= 3 ? 'warning' : 'watch';
}

const RANK: Readonly<Record<AlertLevel, number>> = { info: 0, watch: 1, warning: 2, critical: 3 };

/**
 * Trade credit insurance deadlines (DOMAIN 1.5 rules 3 and 9, docs/adr/0026): the policy
 * obligations due within `insuranceDeadlineDays` (overdue notification, stop deliveries, transfer
 * to collection, claim filing, shipment declaration, limit renewal, policy renewal), escalating
 * at T-7, T-3 and T0; a missed one is critical (cover may be lost). One alert per obligation and
 * buyer (per policy for shipment declarations, made as one list, and for those of no buyer),
 * however many invoices it covers: it names the
 * earliest date and how many invoices, so a buyer with ten late invoices is told once, and the
 * alert follows the obligation as its dates move instead of opening a new one each day.
 */
export function evaluateInsuranceDeadlines(input: AlertInput, s: AlertSettings): Alert[] {
  const ins = input.insurance;
  if (!ins) return [];
  const names = new Map(input.customers.map((c) => [c.customerId, c]));
  const groups = new Map<string, Due[]>();
  for (const d of [...ins.deadlines, ...ins.obligations] as Due[]) {
    if (d.daysLeft > s.insuranceDeadlineDays) continue;
    // Shipments are declared to the insurer as one list for the policy, not buyer by buyer.
    const perPolicy = d.kind === 'shipment_declaration' || d.customerId === null;
    const key = `insurance_deadline:${d.kind}:${perPolicy ? ins.policyNumber : d.customerId}`;
    const group = groups.get(key);
    if (group) group.push(d);
    else groups.set(key, [d]);
  }
  const out: Alert[] = [];
  for (const [key, group] of groups) {
    // The most pressing first: missed before due, the earliest date first.
    const sorted = [...group].sort((a, b) => a.daysLeft - b.daysLeft || (a.on < b.on ? -1 : 1));
    const first = sorted[0] as Due;
    const level = sorted.map(levelOf).reduce((a, b) => (RANK[b] > RANK[a] ? b : a));
    const missed = sorted.filter((d) => d.isMissed).length;
    const customerId = first.kind === 'shipment_declaration' ? null : first.customerId;
    const c = customerId === null ? undefined : names.get(customerId);
    const data: AlertData = {
      deadline: first.kind,
      on: first.on,
      inDays: first.daysLeft,
      daysMissed: first.isMissed ? -first.daysLeft : 0,
      count: sorted.length,
      missed,
      customer: c?.code ?? null,
      name: c?.name ?? ins.policyNumber,
      invoice: first.number,
      policy: ins.policyNumber,
    };
    const links: EvidenceLink[] = [];
    for (const d of sorted.slice(0, 10))
      if (d.invoiceId !== null && d.number !== null) links.push({ kind: 'invoice', id: d.invoiceId, label: d.number });
    if (customerId !== null) links.push({ kind: 'customer', id: customerId, label: c?.code ?? customerId });
    const many = sorted.length > 1 ? '_MANY' : '';
    out.push({
      rule: 'insurance_deadline',
      level,
      customerId,
      key,
      reason: {
        code: first.isMissed
          ? `ALERT_REASON_INSURANCE_DEADLINE_MISSED${many}`
          : `ALERT_REASON_INSURANCE_DEADLINE${many}`,
        data,
      },
      action: { code: 'ALERT_ACTION_INSURANCE_DEADLINE', data },
      evidence: { data, links },
    });
  }
  return out;
}
