import { namedCustomers, streamDemoCompany } from './generate.js';
import { type DemoOptions, type DemoParams, resolveOptions } from './options.js';
import type { DemoRecordKind, DemoRecords, NamedCustomers } from './types.js';

/** A whole demo company in memory: for tests, fixtures and small demos (use the stream at scale). */
export interface DemoCompany {
  readonly options: DemoOptions;
  readonly named: NamedCustomers;
  readonly records: DemoRecords;
}

export function emptyRecords(): DemoRecords {
  return {
    customers: [],
    suppliers: [],
    bankAccounts: [],
    invoices: [],
    creditNotes: [],
    receipts: [],
    receiptAllocations: [],
    bills: [],
    payments: [],
    paymentAllocations: [],
    bankBalances: [],
    acceptanceBills: [],
    creditLines: [],
    recurringItems: [],
    fxRates: [],
    financialStatements: [],
    legalEvents: [],
    externalRatings: [],
    creditLimits: [],
    salesOrders: [],
    insurancePolicies: [],
    insuredBuyerLimits: [],
    creditReviews: [],
    onboardingChecks: [],
    dunningActions: [],
    fxConversions: [],
  };
}

/**
 * Generates the demo company and gathers every batch into one set of arrays.
 *
 * @example
 * const { records, named } = generateDemoCompany({ asOf: '2026-03-31', customers: 20, invoices: 500 });
 * records.invoices.filter((i) => i.customerId === named.insolvent);
 */
export function generateDemoCompany(params: DemoParams): DemoCompany {
  const options = resolveOptions(params);
  const records = emptyRecords();
  for (const batch of streamDemoCompany(params)) {
    for (const key of Object.keys(batch.records) as DemoRecordKind[]) {
      const part = batch.records[key];
      if (part) for (const r of part) (records[key] as unknown[]).push(r);
    }
  }
  return { options, named: namedCustomers(options), records };
}
