import { validateAllocationTarget, validateCreditNote } from '../../core/model/index.js';
import type { Db } from '../../db/connection.js';
import { type ColumnSpec, indexColumns } from '../columns.js';
import type { KindSpec } from '../spec.js';
import { currencyColumn, partyColumns } from './documents.js';
import { type DocRef, loadDocs, loadParties, type PartyRefs, resolveParty } from './refs.js';

const COLUMNS = [
  {
    key: 'number',
    zh: '红字发票号码',
    aliases: ['贷项通知单号', '红字发票号', '单据号', '单据编号', 'credit_note_number', 'credit_note_no'],
    type: 'text',
    required: true,
    db: 'number',
  },
  ...partyColumns('customer'),
  {
    key: 'issued_on',
    zh: '开具日期',
    aliases: ['开票日期', '日期', 'issue_date', 'date'],
    type: 'date',
    required: true,
    db: 'issued_on',
  },
  {
    key: 'amount',
    zh: '金额',
    aliases: ['红冲金额', '价税合计', 'amount_total'],
    type: 'amount',
    required: true,
    db: 'amount_minor',
  },
  currencyColumn,
  {
    key: 'invoice_number',
    zh: '原发票号码',
    aliases: ['蓝字发票号码', '对应发票号码', '发票号码', 'invoice_no'],
    type: 'text',
  },
  { key: 'reason', zh: '红冲原因', aliases: ['原因', '备注', 'memo'], type: 'text', db: 'reason' },
] as const satisfies readonly ColumnSpec[];
const C = indexColumns(COLUMNS);

interface State {
  readonly customers: PartyRefs;
  readonly invoices: Map<string, DocRef[]>;
}

/** Credit notes (贷项通知 / 红字发票): positive amounts that reduce a customer's invoices. */
export const creditNotes: KindSpec<State> = {
  kind: 'credit-notes',
  table: 'credit_notes',
  columns: COLUMNS,
  oneOf: [['customer_code', 'customer_name']],
  idColumns: ['id'],
  key: (row) => row.number as string,
  keyColumns: ['number'],
  load: async (db: Db, orgId: string) => ({
    customers: await loadParties(db, orgId, 'customers'),
    invoices: await loadDocs(db, orgId, 'invoices'),
  }),
  complete: (row, values, state, ctx) => {
    const party = resolveParty(values, C.customer_code, C.customer_name, state.customers, ctx, 'customers', true);
    if (!party) return false;
    row.customer_id = party.id;
    if (row.currency === null || row.currency === undefined) row.currency = ctx.baseCurrency;
    const currency = row.currency as string;
    if (!ctx.violations(validateCreditNote({ amountMinor: row.amount_minor as number, currency }))) return false;
    const number = values[C.invoice_number] as string | null;
    if (number === null) {
      if (ctx.has('invoice_number')) row.invoice_id = null;
      return true;
    }
    const all = state.invoices.get(number) ?? [];
    const invoice = all.find((d) => d.partyId === party.id) ?? all[0];
    if (!invoice) {
      ctx.problem('UNKNOWN_INVOICE', 'invoice_number', number);
      return false;
    }
    // A credit note reduces an invoice of its customer, in its currency: the rule of a receipt's allocation.
    const target = { reference: number, partyId: invoice.partyId, currency: invoice.currency, openMinor: 0 };
    const wrong = validateAllocationTarget(
      'receipt',
      { amountMinor: 0, currency, partyId: party.id },
      target,
      'invoiceNumber',
    );
    if (!ctx.violations(wrong.map((v) => ({ ...v, field: 'invoice_number' })))) return false;
    row.invoice_id = invoice.id;
    return true;
  },
  exportRefs: (row, l) => {
    const r = row as { customer_id: string; invoice_id: string | null };
    return {
      customer_code: l.customerCode.get(r.customer_id) ?? '',
      invoice_number: r.invoice_id ? (l.invoiceNumber.get(r.invoice_id) ?? '') : '',
    };
  },
};
