import { XMLParser } from 'fast-xml-parser';
import { BankFileError } from '../bank/types.js';
import { bankAmountMinor, cleanText, isoDatePart } from '../bank/values.js';

/** A 数电票 (fully digitalised e-invoice) as CashGuard needs it (DOMAIN 7.1); amounts in fen, signed. */
export interface EInvoice {
  readonly number: string;
  readonly issuedOn: string;
  readonly sellerTaxId: string | null;
  readonly sellerName: string;
  readonly buyerTaxId: string | null;
  readonly buyerName: string;
  readonly amountMinor: number;
  readonly taxMinor: number;
  readonly totalMinor: number;
  /** 红字发票: a negative total; it reverses the blue invoice named in its remark, when one is. */
  readonly isRedLetter: boolean;
  readonly reversesNumber: string | null;
  readonly label: 'special' | 'ordinary' | null;
}

const parser = new XMLParser({ ignoreAttributes: true, removeNSPrefix: true, parseTagValue: false, trimValues: true });

function at(node: unknown, ...path: string[]): string | null {
  let n: unknown = node;
  for (const k of path) {
    if (Array.isArray(n)) n = n[0];
    if (n === null || typeof n !== 'object') return null;
    n = (n as Record<string, unknown>)[k];
  }
  return typeof n === 'string' || typeof n === 'number' ? cleanText(String(n)) : null;
}

/**
 * Reads one 数电票 XML (root `EInvoice`). The official schema is not published here [U]: fields are
 * read where public parsers find them, missing ones tolerated; the number, the date, both parties'
 * names and the total are required. `line` in errors is 0: XML has no line numbers here.
 *
 * @example
 * parseEInvoice(xml) // { number: '24312000000012345678', issuedOn: '2026-11-03', totalMinor: 113000, … }
 */
export function parseEInvoice(xml: string): EInvoice {
  let doc: unknown;
  try {
    doc = parser.parse(xml, true);
  } catch (error) {
    throw new BankFileError('EINVOICE_BAD_XML', { value: String((error as Error).message).slice(0, 120) });
  }
  const root = (doc as Record<string, unknown>).EInvoice;
  if (!root) throw new BankFileError('EINVOICE_NOT_EINVOICE', { field: 'EInvoice' });
  const data = (root as Record<string, unknown>).EInvoiceData;
  const need = (value: string | null, field: string) => {
    if (value === null) throw new BankFileError('EINVOICE_MISSING_FIELD', { field });
    return value;
  };
  const number = need(at(root, 'TaxSupervisionInfo', 'InvoiceNumber') ?? at(root, 'Header', 'EIid'), 'InvoiceNumber');
  const issued = need(
    at(root, 'TaxSupervisionInfo', 'IssueTime') ?? at(data, 'BasicInformation', 'IssueTime'),
    'IssueTime',
  );
  const amount = (field: string, required: boolean) => {
    const v = at(data, 'BasicInformation', field);
    if (v === null) {
      if (required) throw new BankFileError('EINVOICE_MISSING_FIELD', { field });
      return 0;
    }
    return bankAmountMinor(v, 'CNY', { line: 0, field });
  };
  const total = amount('TotalTax-includedAmount', true);
  const remark = at(data, 'AdditionalInformation', 'Remark') ?? at(root, 'Remark') ?? at(data, 'Remark') ?? '';
  const label = at(root, 'GeneralOrSpecialVAT', 'LabelCode') ?? at(data, 'GeneralOrSpecialVAT', 'LabelCode');
  return {
    number,
    issuedOn: isoDatePart(issued, { line: 0, field: 'IssueTime' }),
    sellerTaxId: at(data, 'SellerInformation', 'SellerIdNum'),
    sellerName: need(at(data, 'SellerInformation', 'SellerName'), 'SellerName'),
    buyerTaxId: at(data, 'BuyerInformation', 'BuyerIdNum'),
    buyerName: need(at(data, 'BuyerInformation', 'BuyerName'), 'BuyerName'),
    amountMinor: amount('TotalAmWithoutTax', false),
    taxMinor: amount('TotalTaxAm', false),
    totalMinor: total,
    isRedLetter: total < 0,
    reversesNumber: total < 0 ? (/(\d{20})/.exec(remark.replace(/\s/g, ''))?.[1] ?? null) : null,
    label: label === '01' ? 'special' : label === '02' ? 'ordinary' : null,
  };
}
