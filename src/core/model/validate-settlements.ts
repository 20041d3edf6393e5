import { formatMinor, isCurrencyCode } from '../money/index.js';
import { Violations, type WriteViolation } from './write-rules.js';

/** A receipt (against invoices) or a payment (against bills) about to be stored. */
export interface SettlementDraft {
  readonly amountMinor: number;
  readonly currency: string;
  /** The customer or supplier, when the settlement names one. */
  readonly partyId: string | null | undefined;
}

/** A document a settlement allocates to: its party, currency and what is still open on it. */
export interface AllocationTarget {
  /** How the entrance names the document (its number in a file, its id in the API). */
  readonly reference: string;
  readonly partyId: string;
  readonly currency: string;
  /** Amount less credit notes and the allocations of other settlements. */
  readonly openMinor: number;
}

export interface AllocationDraft {
  readonly amountMinor: number;
  readonly target: AllocationTarget;
}

export type SettlementKind = 'receipt' | 'payment';

const money = (minor: number, currency: string) =>
  isCurrencyCode(currency) && Number.isSafeInteger(minor) ? formatMinor(minor, currency) : String(minor);

/**
 * Whether a settlement may settle a document at all: the document is in the settlement's currency
 * and belongs to the settlement's party (when it names one). `field` names the reference.
 */
export function validateAllocationTarget(
  kind: SettlementKind,
  s: SettlementDraft,
  target: AllocationTarget,
  field: string,
): readonly WriteViolation[] {
  const v = new Violations();
  if (s.partyId !== null && s.partyId !== undefined && target.partyId !== s.partyId)
    v.add(kind === 'receipt' ? 'INVOICE_OTHER_CUSTOMER' : 'BILL_OTHER_SUPPLIER', field, target.reference);
  else if (target.currency !== s.currency) v.add('CURRENCY_MISMATCH', field, target.reference, target.currency);
  return v.result;
}

/**
 * The rules of a receipt or a payment and its allocations: a known currency, an amount above zero,
 * each allocation above zero, to a document of the same currency and party, at most what is still
 * open on that document, and all of them together at most the settlement's amount (what is left
 * stays unallocated).
 *
 * @example
 * validateSettlement('receipt', { amountMinor: 100, currency: 'CNY', partyId: 'c1' },
 *   [{ amountMinor: 999_999, target: { reference: 'i1', partyId: 'c1', currency: 'CNY', openMinor: 999_999 } }])
 * // [{ code: 'ALLOCATIONS_EXCEED_AMOUNT', field: 'allocations', value: '9999.99', expected: '≤ 1.00' }]
 */
export function validateSettlement(
  kind: SettlementKind,
  s: SettlementDraft,
  allocations: readonly AllocationDraft[] = [],
): readonly WriteViolation[] {
  const v = new Violations();
  v.currency('currency', s.currency);
  v.positive('amountMinor', s.amountMinor);
  let sum = 0;
  const docField = kind === 'receipt' ? 'invoiceId' : 'billId';
  allocations.forEach((a, i) => {
    const at = `allocations.${i}`;
    v.positive(`${at}.amountMinor`, a.amountMinor);
    for (const x of validateAllocationTarget(kind, s, a.target, `${at}.${docField}`))
      v.add(x.code, x.field, x.value, x.expected);
    if (a.amountMinor > a.target.openMinor)
      v.add(
        'ALLOCATION_EXCEEDS_OPEN',
        `${at}.amountMinor`,
        money(a.amountMinor, s.currency),
        `≤ ${money(Math.max(0, a.target.openMinor), s.currency)}`,
      );
    sum += a.amountMinor;
  });
  if (sum > s.amountMinor)
    v.add('ALLOCATIONS_EXCEED_AMOUNT', 'allocations', money(sum, s.currency), `≤ ${money(s.amountMinor, s.currency)}`);
  return v.result;
}
