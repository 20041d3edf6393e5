import { createHash } from 'node:crypto';
import { formatMinor, isCurrencyCode, minorUnits } from '../../core/money/index.js';
import { DomainFailure } from '../../core/shared/index.js';
import type { Db } from '../../db/connection.js';
import type { NewRow } from '../../db/schema.js';
import {
  type BankAccountRow,
  existingLineKeys,
  findStatementByKey,
  lastClosing,
  listBankAccounts,
  saveBankBalance,
} from '../../db/stores/bank-statements.js';
import { withTransaction } from '../../db/transaction.js';
import {
  type BalanceFinding,
  BankFileError,
  checkBalances,
  type ParsedStatement,
  readStatementFile,
  type StatementLine,
} from '../../import/bank/index.js';
import { newId } from '../../import/ids.js';
import { type Clock, systemClock } from '../clock.js';

export interface ImportStatementParams {
  readonly orgId: string;
  readonly data: Buffer;
  readonly fileName: string;
  /** The bank account (id or name) every statement of the file belongs to, overriding the file's. */
  readonly account?: string;
  readonly dryRun?: boolean;
  readonly clock?: Clock;
}

/** What one statement of the file did: balances signed, as decimal text and in minor units. */
export interface ImportedStatement {
  readonly account: string;
  readonly accountId: string;
  readonly isNewAccount: boolean;
  readonly format: string;
  readonly statementRef: string | null;
  readonly currency: string;
  readonly periodFrom: string | null;
  readonly periodTo: string | null;
  readonly lines: number;
  readonly newLines: number;
  readonly opening: string | null;
  readonly closing: string | null;
  readonly openingMinor: number | null;
  readonly closingMinor: number | null;
  readonly openingOn: string | null;
  readonly closingOn: string | null;
  /** False when the same statement was imported before: nothing of it is written again. */
  readonly isNew: boolean;
}

export interface StatementImportReport {
  readonly file: string;
  readonly dryRun: boolean;
  readonly statements: readonly ImportedStatement[];
  /** Balances that do not add up (opening + lines ≠ closing, a break from the previous statement). */
  readonly warnings: readonly BalanceFinding[];
  readonly bankBalancesSet: number;
}

const digest = (parts: readonly unknown[]) =>
  createHash('sha256').update(JSON.stringify(parts)).digest('hex').slice(0, 32);
const compact = (n: string) => n.replace(/\s+/g, '').toUpperCase();

/**
 * The key of a line within its account: the bank's reference where it gives one, else a digest of
 * what the line says and how many identical lines came before it in the statement, so the same
 * statement read twice yields the same keys and two equal payments on one day stay two lines.
 */
export function lineKeys(lines: readonly StatementLine[]): string[] {
  const seen = new Map<string, number>();
  return lines.map((l) => {
    const base = digest([
      l.bookedOn,
      l.valueOn,
      l.amountMinor,
      l.currency,
      l.counterpartyName,
      l.counterpartyAccount,
      l.remittance,
      l.references,
      l.bankReference,
    ]);
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    return l.bankReference !== null ? `ref:${l.bankReference}:${l.amountMinor}:${n}` : `h:${base}:${n}`;
  });
}

function fileFailure(error: BankFileError, file: string, statement?: number): DomainFailure {
  return new DomainFailure({
    code: error.code,
    details: {
      file,
      ...(error.details.line !== undefined ? { line: error.details.line } : {}),
      ...(error.details.field !== undefined ? { field: error.details.field } : {}),
      ...(error.details.value !== undefined ? { value: error.details.value } : {}),
      ...(statement !== undefined ? { statement } : {}),
    },
  });
}

interface Resolved {
  readonly account: BankAccountRow;
  readonly isNew: boolean;
}

function resolveAccount(
  s: ParsedStatement,
  index: number,
  accounts: BankAccountRow[],
  params: ImportStatementParams,
): Resolved {
  const where = { file: params.fileName, statement: index + 1, line: s.sourceLine };
  if (params.account !== undefined) {
    const given = accounts.find((a) => a.id === params.account || a.name === params.account);
    if (!given) throw new DomainFailure({ code: 'BANK_ACCOUNT_NOT_FOUND', details: { value: params.account } });
    if (s.currency !== null && s.currency !== given.currency) {
      throw new DomainFailure({
        code: 'BANK_ACCOUNT_CURRENCY',
        details: { ...where, value: s.currency, expected: given.currency },
      });
    }
    return { account: given, isNew: false };
  }
  if (s.account.number === '') throw new DomainFailure({ code: 'BANK_NO_ACCOUNT', details: where });
  const number = compact(s.account.number);
  const sameNumber = accounts.filter((a) => a.account_no !== null && compact(a.account_no) === number);
  const currency = s.currency ?? (sameNumber.length === 1 ? (sameNumber[0] as BankAccountRow).currency : null);
  if (currency === null) throw new DomainFailure({ code: 'BANK_NO_CURRENCY', details: where });
  if (!isCurrencyCode(currency))
    throw new DomainFailure({ code: 'BANK_BAD_CURRENCY', details: { ...where, value: currency } });
  const found = sameNumber.find((a) => a.currency === currency);
  if (found) return { account: found, isNew: false };
  const names = new Set(accounts.map((a) => a.name));
  const name = names.has(s.account.number) ? `${s.account.number} ${currency}` : s.account.number;
  const created: BankAccountRow = {
    org_id: params.orgId,
    id: newId(),
    name,
    bank_name: s.account.bankName,
    account_no: s.account.number,
    currency,
  };
  accounts.push(created);
  return { account: created, isNew: true };
}

const money = (minor: number | null | undefined, currency: string) =>
  minor === null || minor === undefined
    ? null
    : isCurrencyCode(currency)
      ? formatMinor(minor, currency)
      : String(minor);

/**
 * Imports a bank statement file (any format `readStatementFile` reads): each statement's account
 * is matched by number and currency or created, the balances are checked, and in one transaction
 * the statements and the lines not stored before are written and each closing balance becomes the
 * account's bank balance of that day. The same statement imported again writes nothing.
 */
export async function importBankStatement(db: Db, params: ImportStatementParams): Promise<StatementImportReport> {
  let parsed: ParsedStatement[];
  try {
    parsed = await readStatementFile(params.data);
  } catch (error) {
    if (error instanceof BankFileError) throw fileFailure(error, params.fileName);
    throw error;
  }
  const clock = params.clock ?? systemClock;
  const run = async (tx: Db): Promise<StatementImportReport> => {
    const accounts = await listBankAccounts(tx, params.orgId);
    const resolved = parsed.map((s, i) => resolveAccount(s, i, accounts, params));
    const previous = new Map<string, number | null>();
    for (const [i, s] of parsed.entries()) {
      const id = (resolved[i] as Resolved).account.id;
      if (previous.has(s.account.number) || s.opening?.on == null) continue;
      const before = await lastClosing(tx, { orgId: params.orgId, accountId: id, onOrBefore: s.opening.on });
      previous.set(s.account.number, before?.closingMinor ?? null);
    }
    const warnings = checkBalances(parsed, (n) => previous.get(n) ?? null);
    const out: ImportedStatement[] = [];
    let balances = 0;
    const createdAccounts = new Set<string>();
    for (const [i, s] of parsed.entries()) {
      const { account, isNew: isNewAccount } = resolved[i] as Resolved;
      const currency = s.currency ?? account.currency;
      // A statement stating no currency had its amounts read with two decimals: only an account
      // whose currency has two takes them as they are.
      if (s.currency === null && s.lines.length > 0 && (!isCurrencyCode(currency) || minorUnits(currency) !== 2)) {
        throw new DomainFailure({
          code: 'BANK_NO_CURRENCY',
          details: { file: params.fileName, statement: i + 1, line: s.sourceLine, field: ':60F:' },
        });
      }
      const keys = lineKeys(s.lines);
      const key = digest([
        account.account_no,
        currency,
        s.statementId,
        s.periodFrom,
        s.periodTo,
        s.opening,
        s.closing,
        keys,
      ]);
      const stored = isNewAccount ? undefined : await findStatementByKey(tx, params.orgId, key);
      const existing = isNewAccount
        ? new Set<string>()
        : await existingLineKeys(tx, { orgId: params.orgId, accountId: account.id, keys });
      const fresh = stored
        ? []
        : s.lines.map((l, n) => ({ l, key: keys[n] as string })).filter(({ key: k }) => !existing.has(k));
      const isNew = stored === undefined;
      if (!params.dryRun && isNew) {
        if (isNewAccount && !createdAccounts.has(account.id)) {
          await tx.kysely.insertInto('bank_accounts').values(account).execute();
          createdAccounts.add(account.id);
        }
        const statementId = newId();
        await tx.kysely
          .insertInto('bank_statements')
          .values({
            org_id: params.orgId,
            id: statementId,
            bank_account_id: account.id,
            statement_key: key,
            format: s.format,
            statement_ref: s.statementId,
            currency,
            period_from: s.periodFrom,
            period_to: s.periodTo,
            opening_on: s.opening?.on ?? null,
            opening_minor: s.opening?.amountMinor ?? null,
            closing_on: s.closing?.on ?? null,
            closing_minor: s.closing?.amountMinor ?? null,
            line_count: s.lines.length,
            file_name: params.fileName,
            imported_at: clock.now().toISOString(),
          })
          .execute();
        const rows: NewRow<'bank_statement_lines'>[] = fresh.map(({ l, key: k }) => ({
          org_id: params.orgId,
          id: newId(),
          statement_id: statementId,
          bank_account_id: account.id,
          line_key: k,
          source_line: l.sourceLine,
          bank_reference: l.bankReference,
          booked_on: l.bookedOn ?? l.valueOn ?? s.periodTo ?? s.periodFrom ?? clock.today(),
          value_on: l.valueOn,
          amount_minor: l.amountMinor,
          currency: l.currency ?? currency,
          counterparty_name: l.counterpartyName,
          counterparty_account: l.counterpartyAccount,
          refs: JSON.stringify(l.references),
          remittance: l.remittance,
          type_code: l.typeCode,
          receipt_id: null,
          match_status: l.amountMinor > 0 ? 'new' : 'outgoing',
        }));
        for (const row of rows) await tx.kysely.insertInto('bank_statement_lines').values(row).execute();
        if (s.closing?.on && s.closing.currency === account.currency) {
          await saveBankBalance(tx, {
            org_id: params.orgId,
            bank_account_id: account.id,
            balance_on: s.closing.on,
            amount_minor: s.closing.amountMinor,
          });
          balances++;
        }
      }
      out.push({
        account: account.account_no ?? account.name,
        accountId: account.id,
        isNewAccount,
        format: s.format,
        statementRef: s.statementId,
        currency,
        periodFrom: s.periodFrom,
        periodTo: s.periodTo,
        lines: s.lines.length,
        newLines: fresh.length,
        opening: money(s.opening?.amountMinor, s.opening?.currency ?? currency),
        closing: money(s.closing?.amountMinor, s.closing?.currency ?? currency),
        openingMinor: s.opening?.amountMinor ?? null,
        closingMinor: s.closing?.amountMinor ?? null,
        openingOn: s.opening?.on ?? null,
        closingOn: s.closing?.on ?? null,
        isNew,
      });
    }
    return {
      file: params.fileName,
      dryRun: params.dryRun === true,
      statements: out,
      warnings,
      bankBalancesSet: balances,
    };
  };
  return params.dryRun ? run(db) : withTransaction(db, run);
}
