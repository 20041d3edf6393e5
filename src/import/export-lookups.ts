import type { Db } from '../db/connection.js';
import type { ExportLookups } from './spec.js';
import type { ImportKind } from './types.js';

async function allocationNumbers(db: Db, orgId: string, kind: ImportKind): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  const add = (parent: string, number: string) => {
    const list = out.get(parent);
    if (list) list.push(number);
    else out.set(parent, [number]);
  };
  if (kind === 'receipts') {
    const rows = await db.kysely
      .selectFrom('receipt_allocations as a')
      .innerJoin('invoices as d', 'd.id', 'a.invoice_id')
      .select(['a.receipt_id as parent', 'd.number'])
      .where('a.org_id', '=', orgId)
      .orderBy('d.issued_on')
      .orderBy('d.number')
      .execute();
    for (const r of rows) add(r.parent, r.number);
  } else if (kind === 'payments') {
    const rows = await db.kysely
      .selectFrom('payment_allocations as a')
      .innerJoin('bills as d', 'd.id', 'a.bill_id')
      .select(['a.payment_id as parent', 'd.number'])
      .where('a.org_id', '=', orgId)
      .orderBy('d.issued_on')
      .orderBy('d.number')
      .execute();
    for (const r of rows) add(r.parent, r.number);
  }
  return out;
}

/** Id-to-code maps an export needs to write references the way the importer reads them. */
export async function loadExportLookups(db: Db, orgId: string, kind: ImportKind): Promise<ExportLookups> {
  const k = db.kysely;
  const customers = await k.selectFrom('customers').select(['id', 'code']).where('org_id', '=', orgId).execute();
  const suppliers = await k.selectFrom('suppliers').select(['id', 'code']).where('org_id', '=', orgId).execute();
  const accounts = await k
    .selectFrom('bank_accounts')
    .select(['id', 'name', 'currency'])
    .where('org_id', '=', orgId)
    .execute();
  const needsInvoices = kind === 'credit-notes';
  const invoices = needsInvoices
    ? await k.selectFrom('invoices').select(['id', 'number']).where('org_id', '=', orgId).execute()
    : [];
  return {
    customerCode: new Map(customers.map((r) => [r.id, r.code])),
    supplierCode: new Map(suppliers.map((r) => [r.id, r.code])),
    bankAccountName: new Map(accounts.map((r) => [r.id, r.name])),
    bankAccountCurrency: new Map(accounts.map((r) => [r.id, r.currency])),
    invoiceNumber: new Map(invoices.map((r) => [r.id, r.number])),
    billNumber: new Map(),
    allocations: await allocationNumbers(db, orgId, kind),
  };
}
