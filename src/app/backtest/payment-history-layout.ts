/**
 * The CSV layouts a payment history may come in, detected from the header row.
 *
 * - 'ibm': the IBM Watson Analytics accounts-receivable sample (dates M/D/YYYY).
 * - 'project': CashGuard's own layout, ISO dates, English or Chinese headers:
 *   invoiceNumber,customerId,issuedOn,dueOn,amount,currency,settledOn,disputed,channel
 *   (发票号码,客户编码,开票日期,到期日,金额,币种,结清日期,是否争议,渠道). `currency`,
 *   `disputed` and `channel` may be absent; an empty `settledOn` is an open invoice.
 */
export type HistoryLayoutName = 'ibm' | 'project';
export type HistoryField =
  | 'invoiceNumber'
  | 'customerId'
  | 'issuedOn'
  | 'dueOn'
  | 'amount'
  | 'currency'
  | 'settledOn'
  | 'disputed'
  | 'channel';

export interface HistoryLayout {
  readonly name: HistoryLayoutName;
  readonly dateFormat: 'M/D/YYYY' | 'YYYY-MM-DD';
  /** Column index of each field present, and the header text it was found under. */
  readonly columns: ReadonlyMap<HistoryField, { readonly index: number; readonly header: string }>;
}

const IBM_HEADER = [
  'countryCode',
  'customerID',
  'PaperlessDate',
  'invoiceNumber',
  'InvoiceDate',
  'DueDate',
  'InvoiceAmount',
  'Disputed',
  'SettledDate',
  'PaperlessBill',
  'DaysToSettle',
  'DaysLate',
] as const;

const IBM_FIELDS: Readonly<Partial<Record<(typeof IBM_HEADER)[number], HistoryField>>> = {
  customerID: 'customerId',
  invoiceNumber: 'invoiceNumber',
  InvoiceDate: 'issuedOn',
  DueDate: 'dueOn',
  InvoiceAmount: 'amount',
  Disputed: 'disputed',
  SettledDate: 'settledOn',
  PaperlessBill: 'channel',
};

const PROJECT_SYNONYMS: Readonly<Record<HistoryField, readonly string[]>> = {
  invoiceNumber: ['invoicenumber', '发票号码', '发票号'],
  customerId: ['customerid', '客户编码', '客户代码'],
  issuedOn: ['issuedon', '开票日期'],
  dueOn: ['dueon', '到期日', '到期日期'],
  amount: ['amount', '金额', '价税合计'],
  currency: ['currency', '币种'],
  settledOn: ['settledon', '结清日期'],
  disputed: ['disputed', '是否争议', '争议'],
  channel: ['channel', '渠道', '交付方式'],
};

const REQUIRED: readonly HistoryField[] = ['invoiceNumber', 'customerId', 'issuedOn', 'dueOn', 'amount', 'settledOn'];

/** The layout the header names, or null when it is neither. */
export function detectHistoryLayout(header: readonly string[]): HistoryLayout | null {
  const cells = header.map((h) => h.replace(/^\uFEFF/, '').trim());
  if (IBM_HEADER.every((h) => cells.includes(h))) {
    const columns = new Map<HistoryField, { index: number; header: string }>();
    cells.forEach((h, index) => {
      const field = IBM_FIELDS[h as (typeof IBM_HEADER)[number]];
      if (field) columns.set(field, { index, header: h });
    });
    return { name: 'ibm', dateFormat: 'M/D/YYYY', columns };
  }
  const columns = new Map<HistoryField, { index: number; header: string }>();
  cells.forEach((h, index) => {
    const key = h.toLowerCase();
    for (const [field, names] of Object.entries(PROJECT_SYNONYMS) as [HistoryField, readonly string[]][]) {
      if (names.includes(key) && !columns.has(field)) columns.set(field, { index, header: h });
    }
  });
  if (!REQUIRED.every((f) => columns.has(f))) return null;
  return { name: 'project', dateFormat: 'YYYY-MM-DD', columns };
}

/** The headers a layout needs, for the 'unknown layout' message. */
export const EXPECTED_HEADERS =
  'IBM (countryCode,customerID,...,SettledDate,PaperlessBill,DaysToSettle,DaysLate) or ' +
  'invoiceNumber,customerId,issuedOn,dueOn,amount,currency,settledOn,disputed,channel';
