import { isCurrencyCode } from '../money/index.js';

/**
 * The rules every write of a business record obeys, whichever way it comes in: an imported file,
 * the records API or the command line. Each validator returns what it found wrong as violations
 * with a stable code (keyed in the i18n catalogues) and the record's field in domain terms
 * (`dueOn`, `allocations.0.amountMinor`); each entrance names the field its own way (the file's
 * header, the API's field) and refuses the write with the same code and message.
 */
export type WriteRuleCode =
  | 'NOT_POSITIVE'
  | 'NEGATIVE'
  | 'UNKNOWN_CURRENCY'
  | 'CURRENCY_MISMATCH'
  | 'SAME_CURRENCY'
  | 'DUE_BEFORE_ISSUE'
  | 'END_BEFORE_START'
  | 'TAX_EXCEEDS_AMOUNT'
  | 'INSTALMENTS_SUM_MISMATCH'
  | 'ALLOCATIONS_EXCEED_AMOUNT'
  | 'ALLOCATION_EXCEEDS_OPEN'
  | 'INVOICE_OTHER_CUSTOMER'
  | 'BILL_OTHER_SUPPLIER'
  | 'BAD_SCHEDULE_RULE'
  | 'BAD_LC_CHECKLIST'
  | 'UNKNOWN_CUSTOMER'
  | 'UNKNOWN_SUPPLIER'
  | 'UNKNOWN_INVOICE'
  | 'UNKNOWN_BILL'
  | 'UNKNOWN_BANK_ACCOUNT';

export interface WriteViolation {
  readonly code: WriteRuleCode;
  /** The field in domain terms (camelCase), with a path for list items: 'instalments.1.dueOn'. */
  readonly field: string;
  readonly value: string;
  readonly expected?: string;
}

/** What every validator returns when all is well (no allocation per valid record). */
export const NO_VIOLATIONS: readonly WriteViolation[] = Object.freeze([]);

/** Collects violations; allocates only once one is found. */
export class Violations {
  private list: WriteViolation[] | null = null;

  add(code: WriteRuleCode, field: string, value: unknown, expected?: string): void {
    const v: WriteViolation = { code, field, value: String(value), ...(expected === undefined ? {} : { expected }) };
    if (this.list) this.list.push(v);
    else this.list = [v];
  }

  /** `value` > 0, when it is a number. */
  positive(field: string, value: number | null | undefined): void {
    if (typeof value === 'number' && !(value > 0)) this.add('NOT_POSITIVE', field, value, '> 0');
  }

  /** `value` ≥ 0, when it is a number. */
  nonNegative(field: string, value: number | null | undefined): void {
    if (typeof value === 'number' && !(value >= 0)) this.add('NEGATIVE', field, value, '≥ 0');
  }

  /** A known ISO 4217 code, when set. */
  currency(field: string, code: string | null | undefined): void {
    if (typeof code === 'string' && !isCurrencyCode(code)) this.add('UNKNOWN_CURRENCY', field, code);
  }

  /** `later` not before `earlier` when both are dates (ISO strings sort as dates). */
  notBefore(code: 'DUE_BEFORE_ISSUE' | 'END_BEFORE_START', field: string, later: unknown, earlier: unknown): void {
    if (typeof later === 'string' && typeof earlier === 'string' && later < earlier)
      this.add(code, field, later, `≥ ${earlier}`);
  }

  get result(): readonly WriteViolation[] {
    return this.list ?? NO_VIOLATIONS;
  }
}
