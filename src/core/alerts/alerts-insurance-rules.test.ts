import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { InvoiceCover } from '../insurance/index.js';
import { insuranceDeadlines, insuranceObligations } from '../insurance/index.js';
import { DEFAULT_POLICY_TERMS } from '../model/index.js';
import { evaluateAlerts } from './evaluate.js';
import { evaluateInsuranceDeadlines } from './insurance-rules.js';
import { DEFAULT_ALERT_SETTINGS, resolveAlertSettings } from './settings.js';
import { alertInput } from './test-support.js';

const asOf = '2026-12-08';
const invoice = (number: string, issuedOn: string, dueOn: string, insuredMinor = 100_000_00): InvoiceCover => ({
  invoiceId: `i-${number}`,
  customerId: 'c1',
  number,
  issuedOn,
  dueOn,
  openMinor: 100_000_00,
  covered: true,
  insuredMinor,
  uninsuredMinor: 100_000_00 - insuredMinor,
  limitKind: 'insurer_limit',
  reasons: [],
});

function facts(invoices: InvoiceCover[]) {
  return {
    policyNumber: 'SCIC1',
    deadlines: insuranceDeadlines(invoices, DEFAULT_POLICY_TERMS, asOf),
    obligations: insuranceObligations({
      invoices,
      limits: [
        {
          customerId: 'c1',
          kind: 'insurer_limit',
          limitMinor: 500_000_00,
          effectiveFrom: '2025-12-12',
          cancelledOn: null,
        },
        { customerId: 'c2', kind: 'insurer_limit', limitMinor: 0, effectiveFrom: '2025-12-10', cancelledOn: null },
      ],
      terms: DEFAULT_POLICY_TERMS,
      policyEndsOn: '2027-02-05',
      asOf,
    }),
  };
}

test('obligations: shipment declaration (issue + 15), limit renewal (decision + 365), policy renewal notice (end − 60)', () => {
  const f = facts([invoice('A', '2026-11-25', '2027-01-24'), invoice('OLD', '2026-10-01', '2026-12-31')]);
  assert.deepEqual(
    f.obligations.map((o) => [o.kind, o.number ?? o.customerId, o.on, o.daysLeft, o.level]),
    [
      ['policy_renewal', null, '2026-12-07', -1, 'critical'],
      ['shipment_declaration', 'A', '2026-12-10', 2, 'warning'],
      ['limit_renewal', 'c1', '2026-12-12', 4, 'watch'],
    ],
  );
});

test('deadlines within 7 days become alerts, one per obligation and buyer, escalating at T-7, T-3 and missed; later ones do not', () => {
  // Due 2026-11-20: overdue notification 12-05 (missed 3 days), stop deliveries 2027-01-19 (too far).
  // Due 2026-11-25: notify by 12-10 (T-2: warning). Shipment A declared by 12-10 (warning).
  const input = alertInput([], [], {
    asOf,
    insurance: facts([
      invoice('A', '2026-11-25', '2026-11-25'),
      invoice('B', '2026-09-21', '2026-11-20'),
      invoice('U', '2026-09-21', '2026-11-20', 0),
    ]),
  });
  const alerts = evaluateInsuranceDeadlines(input, DEFAULT_ALERT_SETTINGS);
  assert.deepEqual(
    alerts.map((a) => [a.key, a.level, a.reason.code]),
    [
      // B's notification was missed, A's is due in 2 days: one alert for the buyer, critical, naming both.
      ['insurance_deadline:overdue_notification:c1', 'critical', 'ALERT_REASON_INSURANCE_DEADLINE_MISSED_MANY'],
      ['insurance_deadline:policy_renewal:SCIC1', 'critical', 'ALERT_REASON_INSURANCE_DEADLINE_MISSED'],
      ['insurance_deadline:shipment_declaration:SCIC1', 'warning', 'ALERT_REASON_INSURANCE_DEADLINE'],
      ['insurance_deadline:limit_renewal:c1', 'watch', 'ALERT_REASON_INSURANCE_DEADLINE'],
    ],
  );
  assert.equal(alerts[0]?.evidence.data.daysMissed, 3);
  assert.equal(alerts[0]?.evidence.data.count, 2);
  assert.equal(alerts[0]?.evidence.data.missed, 1);
  assert.equal(alerts[0]?.evidence.data.on, '2026-12-05');
  assert.deepEqual(
    alerts[0]?.evidence.links.map((l) => l.label),
    ['B', 'A', 'c1'],
  );
  // The window is a setting: 3 days keeps only T-3 and nearer.
  const narrow = resolveAlertSettings({ insuranceDeadlineDays: 3 });
  assert.ok(narrow.ok);
  if (narrow.ok) assert.equal(evaluateInsuranceDeadlines(input, narrow.value).length, 3);
  // Through the whole engine, with no policy nothing is raised.
  assert.ok(evaluateAlerts(input, DEFAULT_ALERT_SETTINGS).some((a) => a.rule === 'insurance_deadline'));
  assert.equal(
    evaluateAlerts({ ...input, insurance: null }, DEFAULT_ALERT_SETTINGS).filter((a) => a.rule === 'insurance_deadline')
      .length,
    0,
  );
});
