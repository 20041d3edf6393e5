// Cash application quality at scale: 5,000 incoming payments against 20,000 open invoices of
// 2,000 customers with realistic noise (payer names as banks print them, invoice numbers with
// typos or left out, split and combined payments, bank charges, part payments). Reports precision
// on what is applied automatically (target ≥ 99 %) and recall overall (the right invoices applied
// or proposed for review, target ≥ 90 %), and the time. Seeded: the same figures every run.
import { CashApplication, DEFAULT_CASH_APPLICATION_SETTINGS } from '../src/core/cash-application/index.js';
import { generateCase } from './cash-application-data.js';
import type { BenchResult } from './run.js';

export async function run(): Promise<BenchResult[]> {
  const data = generateCase({ invoices: 20_000, payments: 5_000, customers: 2_000, seed: 2026 });
  const started = performance.now();
  const engine = new CashApplication(data.invoices, data.payers, DEFAULT_CASH_APPLICATION_SETTINGS);
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
  const n = data.payments.length;
  const missed = [...missedByKind.entries()].map(([k, v]) => `${k} ${v}`).join(', ');
  return [
    {
      name: 'cash application: payments matched',
      value: n,
      unit: 'payments',
      note: `${data.invoices.length} open invoices`,
    },
    {
      name: 'cash application: precision of automatic matches',
      value: (100 * appliedRight) / Math.max(1, applied),
      unit: '%',
      note: `${appliedRight} of ${applied} applied; target ≥ 99 %`,
    },
    {
      name: 'cash application: recall overall (applied or proposed)',
      value: (100 * right) / n,
      unit: '%',
      note: `${right} of ${n}; target ≥ 90 %`,
    },
    {
      name: 'cash application: applied automatically',
      value: (100 * applied) / n,
      unit: '%',
      note: `${review} to review; missed: ${missed || 'none'}`,
    },
    { name: 'cash application: time', value: ms, unit: 'ms' },
  ];
}
