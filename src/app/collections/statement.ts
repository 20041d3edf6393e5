import type ExcelJS from 'exceljs';
import {
  buildStatement,
  type CustomerStatement,
  resolveLateInterestSettings,
  resolveMessageSettings,
} from '../../core/collections/index.js';
import { minorUnits } from '../../core/money/index.js';
import { fail, ok, type Result } from '../../core/shared/index.js';
import { addDays, type LocalDate } from '../../core/time/index.js';
import type { Db } from '../../db/connection.js';
import { findCreditCustomer } from '../../db/stores/credit.js';
import { getOrganisation } from '../../db/stores/organisations.js';
import { type Locale, translate } from '../../i18n/index.js';
import { loadReceivablesContext } from '../receivables/load.js';

export interface StatementOfAccount {
  readonly organisation: string;
  readonly customer: { readonly id: string; readonly code: string; readonly name: string };
  readonly statement: CustomerStatement;
}

const objectSetting = (settings: Readonly<Record<string, unknown>>, key: string): Record<string, unknown> => {
  const v = settings[key];
  return typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : {};
};

/**
 * Use case 'collections.statement': a customer's statement of account from `from` (default a year
 * before `asOf`) to `asOf`: the balance brought forward, every invoice, receipt, credit note and
 * write-off with the running balance, the open items with interest to date, the aging buckets.
 */
export async function getStatementOfAccount(
  db: Db,
  p: { orgId: string; customer: string; asOf: LocalDate; from?: LocalDate },
): Promise<Result<StatementOfAccount>> {
  const customer = await findCreditCustomer(db, { orgId: p.orgId, customer: p.customer });
  if (!customer) return fail('UNKNOWN_CUSTOMER', { field: 'customer', value: p.customer });
  const org = await getOrganisation(db, { orgId: p.orgId });
  if (!org) return fail('ORGANISATION_NOT_FOUND', { orgId: p.orgId });
  const messages = resolveMessageSettings(objectSetting(org.settings, 'collections.messages'));
  if (!messages.ok) return messages;
  const interest = resolveLateInterestSettings(objectSetting(org.settings, 'collections.interest'));
  if (!interest.ok) return interest;
  const ctx = await loadReceivablesContext(db, { orgId: p.orgId, asOf: p.asOf, customerId: customer.id });
  if (!ctx.ok) return ctx;
  const from = p.from ?? addDays(p.asOf, -365);
  if (from > p.asOf) return fail('VALIDATION_FAILED', { field: 'from', value: from, expected: `≤ ${p.asOf}` });
  const statement = buildStatement(ctx.value.ledger, customer.id, from, p.asOf, messages.value, interest.value);
  if (!statement.ok) return statement;
  return ok({
    organisation: org.name,
    customer: { id: customer.id, code: customer.code, name: customer.name },
    statement: statement.value,
  });
}

/** The statement as an Excel workbook: one sheet per currency (movements, open items, aging), in `locale`. */
export async function statementWorkbook(s: StatementOfAccount, locale: Locale): Promise<Buffer> {
  // Loaded when a workbook is written, not with every command that can write one (docs/adr/0014).
  const { Workbook } = (await import('exceljs')).default;
  const wb = new Workbook();
  const t = (code: string, p: Record<string, unknown> = {}) => translate(code, p, locale);
  for (const a of s.statement.accounts) {
    const ws = wb.addWorksheet(t('COL_STMT_SHEET', { currency: a.currency }));
    const digits = minorUnits(a.currency as Parameters<typeof minorUnits>[0]);
    const scale = 10 ** digits;
    const format = digits === 0 ? '#,##0' : `#,##0.${'0'.repeat(digits)}`;
    const money = (row: ExcelJS.Row, cols: number[]) => {
      for (const c of cols) row.getCell(c).numFmt = format;
    };
    ws.addRow([t('COL_STMT_TITLE', { org: s.organisation })]).font = { bold: true, size: 14 };
    ws.addRow([t('COL_STMT_CUSTOMER', { code: s.customer.code, name: s.customer.name })]);
    ws.addRow([t('COL_STMT_PERIOD', { from: s.statement.from, to: s.statement.asOf, currency: a.currency })]);
    ws.addRow([]);
    ws.addRow(['DATE', 'KIND', 'NUMBER', 'DUE', 'DEBIT', 'CREDIT', 'BALANCE'].map((k) => t(`COL_STMT_COL_${k}`))).font =
      { bold: true };
    money(ws.addRow([s.statement.from, t('COL_STMT_OPENING'), '', '', null, null, a.openingMinor / scale]), [7]);
    for (const e of a.entries)
      money(
        ws.addRow([
          e.on,
          t(`COL_STMT_KIND_${e.kind}`),
          e.number,
          e.dueOn ?? '',
          e.debitMinor === 0 ? null : e.debitMinor / scale,
          e.creditMinor === 0 ? null : e.creditMinor / scale,
          e.balanceMinor / scale,
        ]),
        [5, 6, 7],
      );
    money(ws.addRow([s.statement.asOf, t('COL_STMT_CLOSING'), '', '', null, null, a.closingMinor / scale]), [7]);
    ws.addRow([]);
    ws.addRow([t('COL_STMT_OPEN_ITEMS')]).font = { bold: true };
    ws.addRow(
      ['NUMBER', 'ISSUED', 'DUE', 'OPEN', 'DAYS', 'INTEREST', 'DISPUTED'].map((k) => t(`COL_STMT_COL_${k}`)),
    ).font = { bold: true };
    for (const o of a.openItems)
      money(
        ws.addRow([
          o.instalment === null ? o.number : `${o.number} (${o.instalment})`,
          o.issuedOn,
          o.dueOn,
          o.openMinor / scale,
          Math.max(0, o.daysPastDue),
          o.interestMinor / scale,
          o.isDisputed ? t('COL_STMT_YES') : '',
        ]),
        [4, 6],
      );
    money(ws.addRow([t('COL_STMT_OVERDUE'), '', '', a.overdueMinor / scale, '', a.interestMinor / scale]), [4, 6]);
    ws.addRow([]);
    ws.addRow([t('COL_STMT_AGING')]).font = { bold: true };
    ws.addRow(
      s.statement.buckets.map((b) =>
        b.key === 'current' ? t('COL_STMT_NOT_DUE') : t('COL_STMT_DAYS', { key: b.key }),
      ),
    ).font = { bold: true };
    const aging = ws.addRow(a.agingMinor.map((x) => x / scale));
    money(
      aging,
      a.agingMinor.map((_, k) => k + 1),
    );
    for (const [k, width] of [14, 16, 24, 14, 16, 16, 16].entries()) ws.getColumn(k + 1).width = width;
  }
  if (s.statement.accounts.length === 0)
    wb.addWorksheet(t('COL_STMT_SHEET', { currency: '' })).addRow([t('COL_STMT_EMPTY')]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
