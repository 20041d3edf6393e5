// Cash application quality at scale: 5,000 incoming payments against 20,000 open invoices of
// 2,000 customers with realistic noise (payer names as banks print them, invoice numbers with
// typos or left out, split and combined payments, bank charges, part payments). Reports precision
// on what is applied automatically (target ≥ 99 %) and recall overall (the right invoices applied
// or proposed for review, target ≥ 90 %), and the time. Seeded: the same figures every run.
import {
  CashApplication,
  type CashApplicationSettings,
  DEFAULT_CASH_APPLICATION_SETTINGS,
  payableCashApplicationSettings,
} from '../src/core/cash-application/index.js';
import { type CashApplicationCase, generateCase } from './cash-application-data.js';
import type { BenchResult } from './run.js';

function measure(data: CashApplicationCase, settings: CashApplicationSettings) {
  const started = performance.now();
  const engine = new CashApplication(data.invoices, data.payers, settings);
  let applied = 0;
  let appliedRight = 0;
  let right = 0;
  let review = 0;
  const missedByKind = new Map<string, number>();
  for (const p of data.payments) {
    const m = engine.match(p);
    const truth = data.truth.get(p.id);
    if (!truth) continue;
    const sameInvoices =
      m.allocations.length === truth.allocations.size && m.allocations.every((a) => truth.allocations.has(a.invoiceId));
    const sameAmounts =
      sameInvoices && m.allocations.every((a) => truth.allocations.get(a.invoiceId) === a.amountMinor);
    if (m.decision === 'apply') {
      applied++;
      if (sameAmounts) appliedRight++;
    }
    if (m.decision === 'review') review++;
    if ((m.decision === 'apply' && sameAmounts) || (m.decision === 'review' && sameInvoices)) right++;
    else missedByKind.set(truth.kind, (missedByKind.get(truth.kind) ?? 0) + 1);
  }
  const ms = performance.now() - started;
  const missed = [...missedByKind.entries()].map(([k, v]) => `${k} ${v}`).join(', ');
  return { n: data.payments.length, applied, appliedRight, right, review, missed, ms };
}

function results(label: string, docs: string, data: CashApplicationCase, m: ReturnType<typeof measure>): BenchResult[] {
  return [
    { name: `${label}: payments matched`, value: m.n, unit: 'payments', note: `${data.invoices.length} ${docs}` },
    {
      name: `${label}: precision of automatic matches`,
      value: (100 * m.appliedRight) / Math.max(1, m.applied),
      unit: '%',
      note: `${m.appliedRight} of ${m.applied} applied; target ≥ 99 %`,
    },
    {
      name: `${label}: recall overall (applied or proposed)`,
      value: (100 * m.right) / m.n,
      unit: '%',
      note: `${m.right} of ${m.n}; target ≥ 90 %`,
    },
    {
      name: `${label}: applied automatically`,
      value: (100 * m.applied) / m.n,
      unit: '%',
      note: `${m.review} to review; missed: ${m.missed || 'none'}`,
    },
    { name: `${label}: time`, value: m.ms, unit: 'ms' },
  ];
}

export async function run(): Promise<BenchResult[]> {
  const data = generateCase({ invoices: 20_000, payments: 5_000, customers: 2_000, seed: 2026 });
  const incoming = measure(data, DEFAULT_CASH_APPLICATION_SETTINGS);
  // Outgoing payments to suppliers against open bills: the same engine with the payable settings.
  const bills = generateCase({ invoices: 8_000, payments: 2_000, customers: 500, seed: 2027, side: 'payable' });
  const outgoing = measure(bills, payableCashApplicationSettings(DEFAULT_CASH_APPLICATION_SETTINGS));
  return [
    ...results('cash application', 'open invoices', data, incoming),
    ...results('bill payments', 'open bills', bills, outgoing),
  ];
}
