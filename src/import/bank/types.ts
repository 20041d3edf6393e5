/**
 * The one shape every bank-statement parser produces, whatever the file's format: statements,
 * each with its account, period, opening and closing balances (signed, minor units) and lines.
 * A line's amount is signed from the account holder's side: positive money in, negative money out.
 */

export type BankFormat = 'camt.052' | 'camt.053' | 'camt.054' | 'mt940' | 'mt942' | 'ofx' | 'cn-bank';

export const BANK_FORMATS: readonly BankFormat[] = [
  'camt.052',
  'camt.053',
  'camt.054',
  'mt940',
  'mt942',
  'ofx',
  'cn-bank',
];

/** A balance as the bank states it: signed (negative = overdrawn / debit balance). */
export interface StatementBalance {
  readonly on: string | null;
  readonly amountMinor: number;
  readonly currency: string;
}

export interface StatementAccount {
  /** The account number as the bank writes it (IBAN, domestic number, `BLZ/number`). */
  readonly number: string;
  readonly currency: string | null;
  readonly name: string | null;
  readonly bankName: string | null;
}

export interface StatementLine {
  /** Where the line starts in the file (1-based text line, or entry number for XML). */
  readonly sourceLine: number;
  readonly bookedOn: string | null;
  readonly valueOn: string | null;
  /** Signed: positive credits (money in), negative debits (money out). */
  readonly amountMinor: number;
  /**
   * Null only where the file states no currency at all (an MT940 snippet of `:61:` lines without a
   * balance): the amount is then read with two decimals and the importer takes the account's currency.
   */
  readonly currency: string | null;
  readonly counterpartyName: string | null;
  readonly counterpartyAccount: string | null;
  /** End-to-end ids, customer references, structured remittance references. */
  readonly references: readonly string[];
  readonly remittance: string;
  /** The bank's own reference for the line (account servicer reference, :61: //ref, FITID). */
  readonly bankReference: string | null;
  /** The bank's transaction type code, as written (MT940 `N051`, camt domain/proprietary). */
  readonly typeCode: string | null;
  /** The balance after this line, where the export lists one (Chinese bank exports do). */
  readonly balanceAfterMinor?: number;
}

export interface ParsedStatement {
  readonly format: BankFormat;
  /** Where the statement starts in the file (1-based line, or statement number for XML). */
  readonly sourceLine: number;
  /** The statement's own id or number, as the bank writes it. */
  readonly statementId: string | null;
  /** `number` is '' when the file does not name the account (the importer then needs one given). */
  readonly account: StatementAccount;
  /** Null only for a statement with neither balances nor lines to tell it. */
  readonly currency: string | null;
  readonly periodFrom: string | null;
  readonly periodTo: string | null;
  readonly opening: StatementBalance | null;
  readonly closing: StatementBalance | null;
  readonly lines: readonly StatementLine[];
}

/** Why a bank file could not be read: a code for the catalogues and where it went wrong. */
export class BankFileError extends Error {
  constructor(
    readonly code: string,
    readonly details: { readonly line?: number; readonly field?: string; readonly value?: string },
  ) {
    super(
      `${code}${details.line !== undefined ? ` at line ${details.line}` : ''}${details.field ? ` (${details.field}${details.value !== undefined ? `: ${details.value}` : ''})` : ''}`,
    );
    this.name = 'BankFileError';
  }
}
