// The collections worklist at scale (issue 19 target: 10k open invoices in <= 200 ms): the dunning
// ladder over 10,000 open invoices of 1,000 customers, each invoice's further-delay probability
// from the payment-behaviour model (learned on 40,000 settled invoices), and the ranking. Timed
// after one warm-up run; the model is built once, as the worklist use case builds it once.
import { loadavg } from 'node:os';
import {
  type CustomerRisk,
  DEFAULT_LADDER_SETTINGS,
  type InvoiceRisk,
  type LadderInvoice,
  planDunning,
  rankWorklist,
} from '../src/core/collections/index.js';
import {
  buildPaymentBehaviour,
  predictLongOverdue,
  toPaymentColumns,
} from '../src/core/receivables/behaviour/index.js';
import { createRng } from '../src/core/shared/index.js';
import { addDays } from '../src/core/time/index.js';
import type { BenchResult } from './run.js';

const ASOF = '2026-12-08';
const CUSTOMERS = 1_000;
const OPEN = 10_000;
const SETTLED = 40_000;

function book() {
  const rng = createRng(19);
  const history = Array.from({ length: SETTLED }, () => {
    const issuedOn = addDays(ASOF, -Math.floor(rng.uniform(60, 700)));
    const dueOn = addDays(issuedOn, 30 + 30 * Math.floor(rng.uniform(0, 3)));
    return {
      customerId: `C${Math.floor(rng.uniform(0, CUSTOMERS))}`,
      issuedOn,
      dueOn,
      settledOn: addDays(dueOn, Math.round(rng.normal(5, 12))),
      amount: rng.uniform(1_000, 200_000),
      isDisputed: rng.bernoulli(0.01),
      channel: rng.bernoulli(0.2) ? ('paper' as const) : ('electronic' as const),
    };
  });
  const open: LadderInvoice[] = Array.from({ length: OPEN }, (_, k) => {
    const dueOn = addDays(ASOF, Math.floor(rng.uniform(-120, 40)));
    return {
      invoiceId: `I${k}`,
      customerId: `C${Math.floor(rng.uniform(0, CUSTOMERS))}`,
      number: `INV-${k}`,
      currency: 'CNY',
      dueOn,
      openMinor: Math.round(rng.uniform(1_000_00, 500_000_00)),
      isDisputed: rng.bernoulli(0.01),
      lastStage: null,
    };
  });
  const customers = new Map<string, CustomerRisk>(
    Array.from({ length: CUSTOMERS }, (_, c) => [
      `C${c}`,
      { pd: rng.uniform(0.002, 0.2), status: 'normal', isOnHold: false },
    ]),
  );
  return { history, open, customers };
}

export async function run(): Promise<BenchResult[]> {
  const { history, open, customers } = book();
  const model = buildPaymentBehaviour(toPaymentColumns(history), ASOF);
  const worklist = () => {
    const risks = new Map<string, InvoiceRisk>();
    for (const inv of open) {
      const p = predictLongOverdue(model, {
        customerId: inv.customerId,
        issuedOn: addDays(inv.dueOn, -30),
        dueOn: inv.dueOn,
        amount: inv.openMinor / 100,
        isDisputed: inv.isDisputed,
        channel: null,
      });
      risks.set(inv.invoiceId, { openBaseMinor: inv.openMinor, pFurtherDelay: p });
    }
    const plan = planDunning(open, [], ASOF, DEFAULT_LADDER_SETTINGS);
    return rankWorklist(plan.actions, risks, customers, 0.03);
  };
  worklist();
  const started = performance.now();
  const items = worklist();
  const ms = performance.now() - started;
  return [
    {
      name: `collections worklist, ${OPEN.toLocaleString('en')} open invoices`,
      value: ms,
      unit: 'ms',
      note: `${items.length} actions; target <= 200 ms; load average ${loadavg()[0]?.toFixed(1)} on this machine`,
    },
  ];
}
