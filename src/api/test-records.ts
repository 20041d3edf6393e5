import { type Client, errorCode } from './test-support.js';

/**
 * One record of every kind created through the API, with `marker` in its text fields so a test
 * can prove that nothing of it ever reaches another organisation. Returns, per resource (the
 * route's `resource`), the path parameters that identify the record.
 */
export type Keys = Record<string, Record<string, string>>;

async function create(client: Client, path: string, body: Record<string, unknown>): Promise<Record<string, unknown>> {
  const res = await client.call('POST', `/api/v1/${path}`, body);
  if (res.status !== 201) throw new Error(`create ${path}: ${res.status} ${errorCode(res)} ${res.text}`);
  return res.body as Record<string, unknown>;
}

const idOf = (r: Record<string, unknown>) => ({ id: String(r.id) });

export async function createSampleRecords(owner: Client, marker: string): Promise<Keys> {
  const keys: Keys = {};
  const customer = await create(owner, 'customers', {
    code: `${marker}-C1`,
    name: `${marker} Customer`,
    tags: [marker],
  });
  const supplier = await create(owner, 'suppliers', { code: `${marker}-S1`, name: `${marker} Supplier` });
  const bank = await create(owner, 'bank-accounts', { name: `${marker} Bank`, currency: 'CNY' });
  const invoice = await create(owner, 'invoices', {
    customerId: customer.id,
    number: `${marker}-INV-1`,
    issuedOn: '2026-01-15',
    dueOn: '2026-02-14',
    currency: 'CNY',
    amountMinor: 1_000_000,
  });
  const bill = await create(owner, 'bills', {
    supplierId: supplier.id,
    number: `${marker}-BILL-1`,
    issuedOn: '2026-01-10',
    dueOn: '2026-02-10',
    currency: 'CNY',
    amountMinor: 500_000,
  });
  const receipt = await create(owner, 'receipts', {
    number: `${marker}-R1`,
    customerId: customer.id,
    receivedOn: '2026-02-10',
    currency: 'CNY',
    amountMinor: 400_000,
    bankAccountId: bank.id,
    allocations: [{ invoiceId: invoice.id, amountMinor: 400_000 }],
  });
  const payment = await create(owner, 'payments', {
    number: `${marker}-P1`,
    supplierId: supplier.id,
    paidOn: '2026-02-09',
    currency: 'CNY',
    amountMinor: 500_000,
    allocations: [{ billId: bill.id, amountMinor: 500_000 }],
  });
  Object.assign(keys, {
    customers: idOf(customer),
    suppliers: idOf(supplier),
    'bank-accounts': idOf(bank),
    invoices: idOf(invoice),
    bills: idOf(bill),
    receipts: idOf(receipt),
    payments: idOf(payment),
  });
  await create(owner, 'bank-balances', { bankAccountId: bank.id, balanceOn: '2026-03-31', amountMinor: 2_500_000 });
  keys['bank-balances'] = { bankAccountId: String(bank.id), balanceOn: '2026-03-31' };
  const rateOn = marker.length % 2 === 0 ? '2026-03-30' : '2026-03-29';
  await create(owner, 'fx-rates', { rateOn, base: 'USD', quote: 'CNY', rate: 7.1 });
  keys['fx-rates'] = { rateOn, base: 'USD', quote: 'CNY' };
  await create(owner, 'financial-statements', {
    customerId: customer.id,
    periodEnd: '2025-12-31',
    currency: 'CNY',
    revenue: 9_000_000,
    source: marker,
  });
  keys['financial-statements'] = { customerId: String(customer.id), periodEnd: '2025-12-31' };
  const more = await Promise.all([
    create(owner, 'recurring-items', {
      name: `${marker} rent`,
      category: 'rent',
      direction: 'outflow',
      currency: 'CNY',
      amountMinor: 80_000,
      rule: 'monthly:1',
      startsOn: '2026-01-01',
    }),
    create(owner, 'legal-events', {
      customerId: customer.id,
      type: LEGAL_TYPE,
      occurredOn: '2026-02-01',
      description: marker,
    }),
    create(owner, 'credit-lines', { lender: `${marker} Bank`, currency: 'CNY', limitMinor: 10_000_000 }),
    create(owner, 'credit-limits', {
      customerId: customer.id,
      currency: 'CNY',
      limitMinor: 2_000_000,
      binding: 'manual',
      effectiveFrom: '2026-01-01',
      reason: marker,
    }),
    create(owner, 'acceptance-bills', {
      number: `${marker}-AB1`,
      kind: 'bank',
      direction: 'receivable',
      currency: 'CNY',
      faceMinor: 300_000,
      issuedOn: '2026-01-05',
      maturesOn: '2026-07-05',
      acceptorName: `${marker} Bank`,
      drawerName: `${marker} Customer`,
      customerId: customer.id,
    }),
    create(owner, 'insurance-policies', {
      insurer: `${marker} Insurer`,
      policyNumber: `${marker}-POL`,
      currency: 'CNY',
      startsOn: '2026-01-01',
      endsOn: '2026-12-31',
      terms: { maxExtensionDays: 30 },
      lossPayee: marker,
    }),
    create(owner, 'dunning-actions', {
      customerId: customer.id,
      invoiceId: invoice.id,
      stage: 1,
      action: 'reminder',
      plannedOn: '2026-02-20',
      notes: marker,
    }),
    create(owner, 'fx-forwards', {
      tradeOn: '2026-02-01',
      valueOn: '2026-05-29',
      direction: 'sell',
      currency: 'USD',
      amountMinor: 50_000_00,
      counterCurrency: 'CNY',
      rate: 7.05,
      counterparty: `${marker} Bank`,
      reference: marker,
    }),
    create(owner, 'fx-options', {
      tradeOn: '2026-02-01',
      expiresOn: '2026-05-29',
      type: 'put',
      currency: 'USD',
      notionalMinor: 20_000_00,
      counterCurrency: 'CNY',
      strike: 7.2,
      premiumMinor: 1_000_00,
      counterparty: `${marker} Bank`,
    }),
  ]);
  const names = [
    'recurring-items',
    'legal-events',
    'credit-lines',
    'credit-limits',
    'acceptance-bills',
    'insurance-policies',
    'dunning-actions',
    'fx-forwards',
    'fx-options',
  ];
  const lc = await create(owner, 'letters-of-credit', {
    number: `${marker}-LC`,
    customerId: customer.id,
    amountMinor: 100_000_00,
    currency: 'USD',
    issuedOn: '2026-02-01',
    expiresOn: '2026-05-31',
    latestShipmentOn: '2026-04-30',
    isIrrevocable: true,
    availability: 'sight',
    usanceDays: 0,
    issuingBank: `${marker} Issuing Bank`,
    status: 'accepted',
    checklist: '{"irrevocable":"pass"}',
  });
  keys['letters-of-credit'] = idOf(lc as Record<string, unknown>);
  names.forEach((name, i) => {
    keys[name] = idOf(more[i] as Record<string, unknown>);
  });
  // Alerts are raised by a run over the records above (the invoice is overdue, the legal event recent).
  const run = await owner.call('POST', '/api/v1/alerts/run', { asOf: '2026-03-31' });
  if (run.status !== 200) throw new Error(`alerts run: ${run.status} ${run.text}`);
  const alerts = await owner.call('GET', '/api/v1/alerts');
  const alert = (alerts.body as { items: { id: string }[] }).items[0];
  if (!alert) throw new Error(`alerts: none raised ${alerts.text}`);
  keys.alerts = { id: alert.id };
  const promise = await create(owner, 'promises-to-pay', {
    customerId: customer.id,
    invoiceId: invoice.id,
    amountMinor: 600_000,
    currency: 'CNY',
    madeOn: '2026-03-01',
    promisedOn: '2026-03-10',
    note: marker,
  });
  const plan = await create(owner, 'payment-plans', {
    customerId: customer.id,
    currency: 'CNY',
    totalMinor: 600_000,
    agreedOn: '2026-03-01',
    note: marker,
    instalments: [
      { dueOn: '2026-04-30', amountMinor: 300_000 },
      { dueOn: '2026-05-31', amountMinor: 300_000 },
    ],
  });
  await create(owner, 'customer-dunning-terms', { customerId: customer.id, isVip: true, pauseReason: marker });
  const scenario = await create(owner, 'scenarios', {
    name: `${marker} what if`,
    description: marker,
    elements: [{ kind: 'customer_default', customerId: customer.id, on: '2026-04-15' }],
  });
  keys.scenarios = idOf(scenario);
  const claim = await create(owner, 'insurance/claims', {
    customer: `${marker}-C1`,
    invoice: `${marker}-INV-1`,
    claimOn: '2026-03-31',
    amountClaimedMinor: 100_000,
  });
  keys['insurance/claims'] = idOf(claim);
  const dispute = await create(owner, 'collections/disputes', {
    invoiceId: invoice.id,
    reason: 'quality',
    amountMinor: 100_000,
    owner: `${marker} owner`,
    openedOn: '2026-03-02',
    note: marker,
  });
  Object.assign(keys, {
    'promises-to-pay': idOf(promise),
    'payment-plans': idOf(plan),
    'customer-dunning-terms': { customerId: String(customer.id) },
    'collections/disputes': idOf(dispute),
  });
  const token = await owner.call('POST', '/api/v1/tokens', { name: `${marker} ERP`, role: 'viewer' });
  keys.tokens = { id: String((token.body as { id: string }).id) };
  const invitation = await owner.call('POST', '/api/v1/invitations', {
    email: `someone@${marker.toLowerCase()}.test`,
    role: 'viewer',
  });
  keys.invitations = { id: String((invitation.body as { id: string }).id) };
  return keys;
}

export const LEGAL_TYPE = 'lawsuit_defendant';
