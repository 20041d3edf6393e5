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

/**
 * Trade credit insurance deadlines (DOMAIN 1.5 rules 3 and 9, docs/adr/0026): each policy
 * obligation due within `insuranceDeadlineDays` (overdue notification, stop deliveries, transfer
 * to collection, claim filing, shipment declaration, limit renewal, policy renewal) is an alert,
 * escalating at T-7, T-3 and T0; a missed per-invoice deadline is critical (cover may be lost).
 * One alert per obligation and date.
 */
export function evaluateInsuranceDeadlines(input: AlertInput, s: AlertSettings): Alert[] {
  const ins = input.insurance;
  if (!ins) return [];
  const names = new Map(input.customers.map((c) => [c.customerId, c]));
  const out: Alert[] = [];
  for (const d of [...ins.deadlines, ...ins.obligations] as Due[]) {
    if (d.daysLeft > s.insuranceDeadlineDays) continue;
    const c = d.customerId === null ? undefined : names.get(d.customerId);
    const data: AlertData = {
      deadline: d.kind,
      on: d.on,
      inDays: d.daysLeft,
      daysMissed: d.isMissed ? -d.daysLeft : 0,
      customer: c?.code ?? null,
      name: c?.name ?? ins.policyNumber,
      invoice: d.number,
      policy: ins.policyNumber,
    };
    const links: EvidenceLink[] = [];
    if (d.invoiceId !== null && d.number !== null) links.push({ kind: 'invoice', id: d.invoiceId, label: d.number });
    if (d.customerId !== null) links.push({ kind: 'customer', id: d.customerId, label: c?.code ?? d.customerId });
    out.push({
      rule: 'insurance_deadline',
      level: levelOf(d),
      customerId: d.customerId,
      key: `insurance_deadline:${d.kind}:${d.invoiceId ?? d.customerId ?? ins.policyNumber}:${d.on}`,
      reason: {
        code: d.isMissed ? 'ALERT_REASON_INSURANCE_DEADLINE_MISSED' : 'ALERT_REASON_INSURANCE_DEADLINE',
        data,
      },
      action: { code: 'ALERT_ACTION_INSURANCE_DEADLINE', data },
      evidence: { data, links },
    });
  }
  return out;
}
