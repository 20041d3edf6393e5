import { validateAllocationTarget, validateSettlement } from '../../core/model/index.js';
import type { Db } from '../../db/connection.js';
import { type ColumnSpec, indexColumns, type Value } from '../columns.js';
import type { DbRow, KindSpec, RowContext } from '../spec.js';
import { type Allocation, loadSettlementHistory, planAllocations, writeAllocations } from './allocations.js';
import { currencyColumn, partyColumns } from './documents.js';
import { type DocRef, loadDocs, loadParties, type PartyRefs, resolveParty } from './refs.js';

/** What differs between receipts (against invoices) and payments (against bills). */
export interface SettlementShape {
  readonly kind: 'receipts' | 'payments';
  readonly table: 'receipts' | 'payments';
  readonly party: 'customer' | 'supplier';
  readonly docTable: 'invoices' | 'bills';
}

export interface SettlementState {
  readonly parties: PartyRefs;
  readonly docs: Map<string, DocRef[]>;
  readonly accounts: Map<string, string>;
  /** Documents each settlement (by number) asks to settle, in the file's order. */
  readonly requested: Map<string, DocRef[]>;
  /** Stored allocations by settlement number. */
  readonly stored: Map<string, Allocation[]>;
  /** Stored allocations by document, with the settlement number they belong to. */
  readonly storedByDoc: Map<string, { number: string; amountMinor: number }[]>;
  /** Credit notes by invoice id (receipts only). */
  readonly credits: Map<string, number>;
  readonly planned: Map<string, Allocation[]>;
}

function columns(shape: SettlementShape): ColumnSpec[] {
  const isAr = shape.party === 'customer';
  return [
    {
      key: 'number',
      zh: isAr ? '收款单号' : '付款单号',
      aliases: isAr
        ? ['收款单编号', '单据号', '单据编号', 'receipt_number', 'receipt_no']
        : ['付款单编号', '单据号', '单据编号', 'payment_number', 'payment_no'],
      type: 'text',
      required: true,
      db: 'number',
    },
    ...partyColumns(shape.party),
    {
      key: isAr ? 'received_on' : 'paid_on',
      zh: isAr ? '收款日期' : '付款日期',
      aliases: isAr ? ['到账日期', '日期', 'receipt_date', 'date'] : ['支付日期', '日期', 'payment_date', 'date'],
      type: 'date',
      required: true,
      db: isAr ? 'received_on' : 'paid_on',
    },
    {
      key: 'amount',
      zh: '金额',
      aliases: [isAr ? '收款金额' : '付款金额', 'amount_total'],
      type: 'amount',
      required: true,
      db: 'amount_minor',
    },
    currencyColumn,
    {
      key: isAr ? 'invoice_numbers' : 'bill_numbers',
      zh: isAr ? '发票号码' : '账单号',
      aliases: isAr
        ? ['核销发票', '发票号', 'invoices', 'invoice_number']
        : ['核销账单', '发票号码', 'bills', 'bill_number'],
      type: 'list',
    },
    ...(isAr
      ? [{ key: 'bank_account', zh: '银行账户', aliases: ['收款账户', '账户', '账户名称'], type: 'text' } as const]
      : []),
    { key: 'reference', zh: '摘要', aliases: ['备注', '参考号', '用途', 'memo'], type: 'text', db: 'reference' },
    {
      key: 'external_id',
      zh: '外部编号',
      aliases: ['外部单号', '流水号', 'external_ref'],
      type: 'text',
      db: 'external_id',
    },
  ];
}

async function loadState(db: Db, orgId: string, shape: SettlementShape): Promise<SettlementState> {
  const accounts = new Map<string, string>();
  if (shape.kind === 'receipts') {
    const rows = await db.kysely
      .selectFrom('bank_accounts')
      .select(['id', 'name'])
      .where('org_id', '=', orgId)
      .execute();
    for (const r of rows) accounts.set(r.name, r.id);
  }
  const history = await loadSettlementHistory(db, orgId, shape.kind);
  return {
    parties: await loadParties(db, orgId, shape.party === 'customer' ? 'customers' : 'suppliers'),
    docs: await loadDocs(db, orgId, shape.docTable),
    accounts,
    requested: new Map(),
    planned: new Map(),
    ...history,
  };
}

function resolveDocs(
  numbers: readonly string[],
  partyId: string | null,
  row: DbRow,
  state: SettlementState,
  ctx: RowContext,
  shape: SettlementShape,
): DocRef[] | null {
  const noun = shape.party === 'customer' ? 'INVOICE' : 'BILL';
  const key = shape.party === 'customer' ? 'invoice_numbers' : 'bill_numbers';
  const kind = shape.party === 'customer' ? 'receipt' : 'payment';
  const settlement = { amountMinor: row.amount_minor as number, currency: row.currency as string, partyId };
  const out: DocRef[] = [];
  let ok = true;
  for (const n of numbers) {
    const all = state.docs.get(n) ?? [];
    const mine = partyId === null ? all : all.filter((d) => d.partyId === partyId);
    const doc = mine[0] ?? all[0];
    if (!doc) ctx.problem(`UNKNOWN_${noun}`, key, n);
    else if (mine.length > 1) ctx.problem(`IMPORT_AMBIGUOUS_${noun}`, key, n);
    else {
      // The core rule of an allocation's document (party, currency); the amounts are planned after the last row.
      const target = { reference: n, partyId: doc.partyId, currency: doc.currency, openMinor: doc.amountMinor };
      const wrong = validateAllocationTarget(kind, settlement, target, key);
      if (wrong.length === 0) {
        if (!out.includes(doc)) out.push(doc);
        continue;
      }
      ctx.violations(wrong);
    }
    ok = false;
  }
  return ok ? out : null;
}

function complete(shape: SettlementShape, at: Record<string, number>) {
  const isAr = shape.party === 'customer';
  return (row: DbRow, values: readonly Value[], state: SettlementState, ctx: RowContext): boolean => {
    const party = resolveParty(
      values,
      at[`${shape.party}_code`] as number,
      at[`${shape.party}_name`] as number,
      state.parties,
      ctx,
      isAr ? 'customers' : 'suppliers',
      false,
    );
    if (party === undefined) return false;
    if (row.currency === null || row.currency === undefined) row.currency = ctx.baseCurrency;
    const settlement = { amountMinor: row.amount_minor as number, currency: row.currency as string, partyId: null };
    if (!ctx.violations(validateSettlement(isAr ? 'receipt' : 'payment', settlement))) return false;
    if (ctx.has(`${shape.party}_code`) || ctx.has(`${shape.party}_name`))
      row[isAr ? 'customer_id' : 'supplier_id'] = party?.id ?? null;
    let ok = true;
    const account = isAr ? (values[at.bank_account as number] as string | null) : null;
    if (isAr && ctx.has('bank_account'))
      row.bank_account_id = account === null ? null : (state.accounts.get(account) ?? null);
    if (account !== null && row.bank_account_id === null) {
      ctx.problem('UNKNOWN_BANK_ACCOUNT', 'bank_account', account);
      ok = false;
    }
    const numbers = (values[at[isAr ? 'invoice_numbers' : 'bill_numbers'] as number] as readonly string[] | null) ?? [];
    const docs = resolveDocs(numbers, party?.id ?? null, row, state, ctx, shape);
    if (docs) state.requested.set(row.number as string, docs);
    return ok && docs !== null;
  };
}

function differ(state: SettlementState, row: DbRow): boolean {
  const number = row.number as string;
  const a = state.planned.get(number) ?? [];
  const b = state.stored.get(number) ?? [];
  const text = (l: Allocation[]) =>
    l
      .map((x) => `${x.docId}:${x.amountMinor}`)
      .sort()
      .join(',');
  return text(a) !== text(b);
}

function settlement(shape: SettlementShape): KindSpec<SettlementState> {
  const cols = columns(shape);
  const at = indexColumns(cols);
  const isAr = shape.party === 'customer';
  return {
    kind: shape.kind,
    table: shape.table,
    columns: cols,
    idColumns: ['id'],
    key: (row) => row.number as string,
    keyColumns: ['number'],
    load: (db, orgId) => loadState(db, orgId, shape),
    complete: complete(shape, at),
    plan: (state, rows) => planAllocations(state, rows),
    childrenDiffer: differ,
    afterWrite: (tx, state, rows, changed) => writeAllocations(tx, shape.kind, state, rows, changed),
    exportRefs: (row, l) => {
      const r = row as {
        id: string;
        customer_id?: string | null;
        supplier_id?: string | null;
        bank_account_id?: string | null;
      };
      const partyId = isAr ? r.customer_id : r.supplier_id;
      const out: Record<string, string> = {
        [`${shape.party}_code`]: partyId ? ((isAr ? l.customerCode : l.supplierCode).get(partyId) ?? '') : '',
        [isAr ? 'invoice_numbers' : 'bill_numbers']: (l.allocations.get(r.id) ?? []).join(';'),
      };
      if (isAr) out.bank_account = r.bank_account_id ? (l.bankAccountName.get(r.bank_account_id) ?? '') : '';
      return out;
    },
  };
}

export const receipts = settlement({ kind: 'receipts', table: 'receipts', party: 'customer', docTable: 'invoices' });
export const payments = settlement({ kind: 'payments', table: 'payments', party: 'supplier', docTable: 'bills' });
