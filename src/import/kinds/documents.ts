import { BILL_STATUSES, INVOICE_STATUSES, validateDocument } from '../../core/model/index.js';
import { addDays } from '../../core/time/index.js';
import type { Db } from '../../db/connection.js';
import { type ColumnSpec, choices, indexColumns, type Value } from '../columns.js';
import { type DbRow, KEY_SEP, type KindSpec, type RowContext } from '../spec.js';
import { loadParties, type PartyRefs, resolveParty } from './refs.js';

const INVOICE_STATUS = choices(INVOICE_STATUSES, {
  未结: 'open',
  未收: 'open',
  未付: 'open',
  未核销: 'open',
  已结清: 'paid',
  已收款: 'paid',
  已付款: 'paid',
  已核销: 'paid',
  作废: 'void',
  已作废: 'void',
  坏账核销: 'written_off',
  坏账: 'written_off',
});
const BILL_STATUS = choices(BILL_STATUSES, { 未付: 'open', 未结: 'open', 已付: 'paid', 已付款: 'paid', 作废: 'void' });

export function partyColumns<P extends 'customer' | 'supplier'>(
  party: P,
): [ColumnSpec & { key: `${P}_code` }, ColumnSpec & { key: `${P}_name` }] {
  const zh = party === 'customer' ? '客户' : '供应商';
  return [
    { key: `${party}_code`, zh: `${zh}编码`, aliases: [`${zh}代码`, `${zh}编号`, `${party}code`], type: 'text' },
    { key: `${party}_name`, zh: `${zh}名称`, aliases: [zh, `${zh}全称`, '往来单位'], type: 'text' },
  ];
}

export const currencyColumn = {
  key: 'currency',
  zh: '币种',
  aliases: ['货币', '币别', 'currency_code'],
  type: 'currency',
  db: 'currency',
} as const satisfies ColumnSpec;

function documentColumns(party: 'customer' | 'supplier'): ColumnSpec[] {
  const isAr = party === 'customer';
  return [
    {
      key: 'number',
      zh: isAr ? '发票号码' : '账单号',
      aliases: isAr
        ? ['发票号', '发票编号', '单据号', '单据编号', 'invoice_number', 'invoice_no']
        : ['账单号码', '发票号码', '发票号', '单据号', '单据编号', 'bill_number', 'bill_no'],
      type: 'text',
      required: true,
      db: 'number',
    },
    ...partyColumns(party),
    {
      key: 'issued_on',
      zh: '开票日期',
      aliases: ['发票日期', '单据日期', '日期', 'issue_date', 'invoice_date', 'date'],
      type: 'date',
      required: true,
      db: 'issued_on',
    },
    {
      key: 'due_on',
      zh: '到期日',
      aliases: ['到期日期', '应收日期', '应付日期', 'due_date'],
      type: 'date',
      db: 'due_on',
    },
    {
      key: 'amount',
      zh: '金额',
      aliases: ['价税合计', '含税金额', '发票金额', 'amount_total', 'total', 'amount_minor'],
      type: 'amount',
      required: true,
      db: 'amount_minor',
    },
    {
      key: 'tax',
      zh: '税额',
      aliases: ['tax_amount', '增值税'],
      type: 'amount',
      db: 'tax_minor',
      empty: 0,
    },
    currencyColumn,
    {
      key: 'status',
      zh: '状态',
      aliases: ['单据状态'],
      type: 'choice',
      choices: isAr ? INVOICE_STATUS : BILL_STATUS,
      db: 'status',
      empty: 'open',
    },
  ];
}

const INV = [
  ...documentColumns('customer'),
  { key: 'disputed', zh: '是否争议', aliases: ['争议', 'is_disputed'], type: 'boolean', db: 'is_disputed', empty: 0 },
  {
    key: 'external_id',
    zh: '外部编号',
    aliases: ['外部单号', '来源单号', 'external_ref'],
    type: 'text',
    db: 'external_id',
  },
  { key: 'channel', zh: '开具方式', aliases: ['渠道', '发票类型'], type: 'text', db: 'channel' },
] as const satisfies readonly ColumnSpec[];
const I = indexColumns(INV);

const BILL = [
  ...documentColumns('supplier'),
  {
    key: 'external_id',
    zh: '外部编号',
    aliases: ['外部单号', '来源单号', 'external_ref'],
    type: 'text',
    db: 'external_id',
  },
] as const satisfies readonly ColumnSpec[];
const B = indexColumns(BILL);

/** Sets the party id, the currency and a due date from the party's terms; then the core rules of a document. */
function completeDocument(
  row: DbRow,
  values: readonly Value[],
  refs: PartyRefs,
  ctx: RowContext,
  isAr: boolean,
): boolean {
  const at = isAr ? [I.customer_code, I.customer_name] : [B.supplier_code, B.supplier_name];
  const party = resolveParty(
    values,
    at[0] as number,
    at[1] as number,
    refs,
    ctx,
    isAr ? 'customers' : 'suppliers',
    true,
  );
  if (!party) return false;
  row[isAr ? 'customer_id' : 'supplier_id'] = party.id;
  if (row.currency === null || row.currency === undefined) row.currency = ctx.baseCurrency;
  if (row.due_on === null || row.due_on === undefined) {
    if (typeof row.issued_on !== 'string') return false;
    row.due_on = addDays(row.issued_on, party.termsDays);
  }
  return ctx.violations(
    validateDocument({
      issuedOn: row.issued_on as string,
      dueOn: row.due_on as string,
      amountMinor: row.amount_minor as number,
      taxMinor: row.tax_minor as number | null | undefined,
      currency: row.currency as string,
    }),
  );
}

const loadCustomers = (db: Db, orgId: string) => loadParties(db, orgId, 'customers');

export const invoices: KindSpec<PartyRefs> = {
  kind: 'invoices',
  table: 'invoices',
  columns: INV,
  oneOf: [['customer_code', 'customer_name']],
  idColumns: ['id'],
  key: (row) => row.number as string,
  keyColumns: ['number'],
  load: loadCustomers,
  complete: (row, values, refs, ctx) => completeDocument(row, values, refs, ctx, true),
  exportRefs: (row, l) => ({ customer_code: l.customerCode.get((row as { customer_id: string }).customer_id) ?? '' }),
};

export const bills: KindSpec<PartyRefs> = {
  kind: 'bills',
  table: 'bills',
  columns: BILL,
  oneOf: [['supplier_code', 'supplier_name']],
  idColumns: ['id'],
  key: (row) => `${row.supplier_id}${KEY_SEP}${row.number}`,
  keyColumns: ['supplier_id', 'number'],
  load: (db, orgId) => loadParties(db, orgId, 'suppliers'),
  complete: (row, values, refs, ctx) => completeDocument(row, values, refs, ctx, false),
  exportRefs: (row, l) => ({ supplier_code: l.supplierCode.get((row as { supplier_id: string }).supplier_id) ?? '' }),
};
