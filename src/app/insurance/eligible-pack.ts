import {
  type EligibilityItem,
  type EligibleLine,
  type EligiblePack,
  eligibleReceivables,
  type IneligibleLine,
} from '../../core/insurance/index.js';
import { minorUnits } from '../../core/money/index.js';
import { groupBy, ok, type Result } from '../../core/shared/index.js';
import type { LocalDate } from '../../core/time/index.js';
import type { Db } from '../../db/connection.js';
import { formatMoney } from '../../i18n/format.js';
import { type Locale, translate } from '../../i18n/index.js';
import { coverItemId, type InsuranceBook, loadInsuranceBook } from './load.js';

interface Named {
  readonly code: string;
  readonly name: string;
}

export interface EligibleReport {
  readonly asOf: LocalDate;
  /** The currency of the cover and of the insurer limits (the base currency). */
  readonly baseCurrency: string;
  readonly policy: {
    readonly insurer: string;
    readonly policyNumber: string;
    readonly lossPayee: string | null;
    readonly lossPayeeType: string | null;
  };
  readonly eligible: readonly (EligibleLine & Named)[];
  readonly excluded: readonly (IneligibleLine & Named)[];
  readonly totals: EligiblePack['totals'];
}

/** The eligible pack from a loaded book: each open item with its cover, dispute flag and the limit on its delivery date. */
export function eligibleReport(b: InsuranceBook): EligibleReport {
  const items = new Map(b.risk.openItems.map((i) => [coverItemId(i), i]));
  const limitsOf = groupBy(b.limits, (l) => l.customerId);
  const input: EligibilityItem[] = [];
  for (const cover of b.invoices) {
    const item = items.get(cover.invoiceId);
    if (item === undefined) continue;
    const limit = (limitsOf.get(cover.customerId) ?? [])
      .filter((l) => l.effectiveFrom <= cover.issuedOn)
      .sort((x, y) => x.effectiveFrom.localeCompare(y.effectiveFrom))
      .at(-1);
    input.push({
      cover,
      currency: item.currency,
      openMinor: item.openMinor,
      // The flag the customer's risk state counts its disputes from (assessRiskBook).
      isDisputed: item.isDisputed,
      limitMinor: limit === undefined || limit.kind === 'excluded' ? null : limit.limitMinor,
    });
  }
  const pack = eligibleReceivables(input, b.policy.terms, b.risk.asOf);
  const named = (id: string): Named => b.names.get(id) ?? { code: id, name: '' };
  const eligible = pack.eligible
    .map((l) => ({ ...l, ...named(l.customerId) }))
    .sort(
      (x, y) =>
        x.code.localeCompare(y.code) || x.issuedOn.localeCompare(y.issuedOn) || x.number.localeCompare(y.number),
    );
  return {
    asOf: b.risk.asOf,
    baseCurrency: b.currency,
    policy: {
      insurer: b.policy.insurer,
      policyNumber: b.policy.policyNumber,
      lossPayee: b.policy.lossPayee,
      lossPayeeType: b.policy.lossPayeeType,
    },
    eligible,
    excluded: pack.excluded.map((l) => ({ ...l, ...named(l.customerId) })),
    totals: pack.totals,
  };
}

/**
 * The insured receivables a bank would take as collateral, as of `asOf`, under the policy in
 * force: open, insured (src/core/insurance `coverInvoices`), not disputed, not overdue beyond the
 * policy's maximum extension; with the excluded ones and why, and totals per currency.
 *
 * @example
 * const r = await eligiblePack(db, { orgId: 'demo', asOf: '2026-12-08' });
 * if (r.ok) r.value.totals; // [{ currency: 'CNY', count: 41, openMinor: …, insuredMinor: … }]
 */
export async function eligiblePack(
  db: Db,
  params: { orgId: string; asOf: LocalDate },
): Promise<Result<EligibleReport>> {
  const b = await loadInsuranceBook(db, params);
  return b.ok ? ok(eligibleReport(b.value)) : b;
}

const numberFormat = (currency: string) => {
  const digits = minorUnits(currency);
  return digits === 0 ? '#,##0' : `#,##0.${'0'.repeat(digits)}`;
};

/**
 * The pack as an Excel workbook: a sheet of the eligible invoices (customer, invoice, dates,
 * amount, currency, insured share, insured amount, policy, insurer limit, loss payee) and a summary
 * sheet (as-of date, policy, insurer, loss payee, totals per currency). Headers in `locale`;
 * amounts are numbers in currency units with the currency's decimals.
 */
export async function eligibleWorkbook(r: EligibleReport, locale: Locale): Promise<Buffer> {
  // Loaded when a workbook is written, not with every command that can write one (docs/adr/0014).
  const { Workbook } = (await import('exceljs')).default;
  const t = (code: string) => translate(code, {}, locale);
  const wb = new Workbook();
  const lossPayee = r.policy.lossPayee ?? '';
  const list = wb.addWorksheet(t('INS_ELIGIBLE_TITLE').slice(0, 31));
  list.addRow([
    t('INS_ELIGIBLE_COL_CUSTOMER_CODE'),
    t('INS_ELIGIBLE_COL_CUSTOMER'),
    t('INS_ELIGIBLE_COL_INVOICE'),
    t('INS_ELIGIBLE_COL_ISSUED'),
    t('INS_ELIGIBLE_COL_DUE'),
    t('INS_ELIGIBLE_COL_AMOUNT'),
    t('INS_ELIGIBLE_COL_CURRENCY'),
    t('INS_ELIGIBLE_COL_SHARE'),
    t('INS_ELIGIBLE_COL_INSURED'),
    t('INS_ELIGIBLE_COL_POLICY'),
    `${t('INS_ELIGIBLE_COL_LIMIT')} (${r.baseCurrency})`,
    t('INS_ELIGIBLE_COL_LOSS_PAYEE'),
  ]).font = { bold: true };
  for (const l of r.eligible) {
    const scale = 10 ** minorUnits(l.currency);
    const baseScale = 10 ** minorUnits(r.baseCurrency);
    const row = list.addRow([
      l.code,
      l.name,
      l.number,
      l.issuedOn,
      l.dueOn,
      l.openMinor / scale,
      l.currency,
      l.insuredPct,
      l.insuredMinor / scale,
      r.policy.policyNumber,
      l.limitMinor === null ? null : l.limitMinor / baseScale,
      lossPayee,
    ]);
    row.getCell(6).numFmt = numberFormat(l.currency);
    row.getCell(8).numFmt = '0.00%';
    row.getCell(9).numFmt = numberFormat(l.currency);
    row.getCell(11).numFmt = numberFormat(r.baseCurrency);
  }
  list.columns.forEach((c, i) => {
    c.width = [12, 28, 16, 12, 12, 16, 8, 10, 16, 16, 16, 24][i] ?? 12;
  });
  list.views = [{ state: 'frozen', ySplit: 1 }];

  const summary = wb.addWorksheet(t('INS_ELIGIBLE_SUMMARY').slice(0, 31));
  summary.addRow([t('INS_ELIGIBLE_AS_OF'), r.asOf]);
  summary.addRow([t('INS_ELIGIBLE_INSURER'), r.policy.insurer]);
  summary.addRow([t('INS_ELIGIBLE_POLICY'), r.policy.policyNumber]);
  summary.addRow([t('INS_ELIGIBLE_LOSS_PAYEE'), lossPayee]);
  summary.addRow([]);
  summary.addRow([
    t('INS_ELIGIBLE_COL_CURRENCY'),
    t('INS_ELIGIBLE_COUNT'),
    t('INS_ELIGIBLE_COL_TOTAL_AMOUNT'),
    t('INS_ELIGIBLE_COL_TOTAL_INSURED'),
  ]).font = { bold: true };
  for (const x of r.totals) {
    const scale = 10 ** minorUnits(x.currency);
    const row = summary.addRow([x.currency, x.count, x.openMinor / scale, x.insuredMinor / scale]);
    row.getCell(3).numFmt = numberFormat(x.currency);
    row.getCell(4).numFmt = numberFormat(x.currency);
  }
  summary.getColumn(1).width = 20;
  summary.getColumn(2).width = 24;
  summary.getColumn(3).width = 20;
  summary.getColumn(4).width = 20;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The pack as the command line shows it: one line per currency, the loss payee, the count excluded. */
export function formatEligibleReport(r: EligibleReport, locale: Locale): string {
  const t = (code: string, d: Record<string, unknown> = {}) => translate(code, d, locale);
  const lines = [
    `${t('INS_ELIGIBLE_TITLE')} — ${t('INS_ELIGIBLE_AS_OF')} ${r.asOf}`,
    `${t('INS_ELIGIBLE_INSURER')}: ${r.policy.insurer}  ${t('INS_ELIGIBLE_POLICY')}: ${r.policy.policyNumber}  ${t('INS_ELIGIBLE_LOSS_PAYEE')}: ${r.policy.lossPayee ?? '—'}`,
  ];
  if (r.eligible.length === 0) lines.push(t('INS_ELIGIBLE_NONE', { asOf: r.asOf }));
  for (const x of r.totals)
    lines.push(
      t('INS_ELIGIBLE_LINE', {
        count: x.count,
        amount: formatMoney(x.openMinor, x.currency),
        insured: formatMoney(x.insuredMinor, x.currency),
        currency: x.currency,
      }),
    );
  if (r.excluded.length > 0) lines.push(t('INS_ELIGIBLE_EXCLUDED', { count: r.excluded.length }));
  return lines.join('\n');
}
