import { convert, FxTable, money } from '../../core/money/index.js';
import type { CompanyBalanceSheet } from '../../core/receivables/index.js';
import { buildPeriods, computeAgingSeries, computeOpenPayables } from '../../core/receivables/index.js';
import { endOfMonth, type LocalDate } from '../../core/time/index.js';
import type { Db } from '../../db/connection.js';
import { saveBalanceSheets } from '../../db/stores/balance-sheets.js';
import { loadFxRates, loadPayablesLedger, loadReceivablesLedger } from '../../db/stores/receivables.js';

/** Inventory the demo company holds, in months of purchases (a trading company turns stock fast). */
const INVENTORY_MONTHS = 1.5;

/**
 * The demo company's own month-end balance sheets, derived from its books so the working-capital
 * ratios, DPO and the cash conversion cycle have something true to show: cash from the bank
 * balances, receivables and payables open at each month end, inventory as 1.5 months of purchases,
 * the credit line's drawn amount as short-term debt.
 */
export async function writeDemoBalanceSheets(db: Db, params: { orgId: string; asOf: LocalDate; months?: number }) {
  const { orgId, asOf } = params;
  const months = params.months ?? 24;
  const [ledger, payables, rates, balances, lines] = await Promise.all([
    loadReceivablesLedger(db, { orgId }),
    loadPayablesLedger(db, { orgId }),
    loadFxRates(db, { orgId }),
    db.kysely
      .selectFrom('bank_balances as b')
      .innerJoin('bank_accounts as a', 'a.id', 'b.bank_account_id')
      .select(['b.bank_account_id', 'b.balance_on', 'b.amount_minor', 'a.currency'])
      .where('b.org_id', '=', orgId)
      .orderBy('b.balance_on')
      .execute(),
    db.kysely.selectFrom('credit_lines').select(['currency', 'drawn_minor']).where('org_id', '=', orgId).execute(),
  ]);
  const fx = new FxTable(rates);
  const toCny = (amountMinor: number, currency: string, on: LocalDate) =>
    convert(money(amountMinor, currency), 'CNY', fx.rate(currency, 'CNY', on, 'CNY') ?? 1).amountMinor;
  const series = computeAgingSeries(ledger, { asOf, months });
  if (!series.ok) return 0;
  const ap = computeOpenPayables(payables, buildPeriods(asOf, months));
  const purchases = new Map<string, number>();
  for (const b of payables.bills) {
    const m = b.issuedOn.slice(0, 7);
    purchases.set(m, (purchases.get(m) ?? 0) + toCny(b.amountMinor, b.currency, b.issuedOn));
  }
  const drawn = lines.reduce((s, l) => s + toCny(l.drawn_minor, l.currency, asOf), 0);
  const sheets: CompanyBalanceSheet[] = [];
  series.value.points.forEach((point, i) => {
    if (endOfMonth(point.on) !== point.on) return; // the last point is asOf itself, mid-month
    const latest = new Map<string, { amount: number; currency: string }>();
    for (const b of balances) {
      if (b.balance_on > point.on) break;
      latest.set(b.bank_account_id, { amount: b.amount_minor, currency: b.currency });
    }
    const cash = [...latest.values()].reduce((s, b) => s + toCny(b.amount, b.currency, point.on), 0);
    const receivables = point.byCurrency.reduce((s, r) => s + toCny(r.total, r.currency, point.on), 0);
    let payable = 0;
    for (const [currency, row] of ap) payable += toCny(row[i] ?? 0, currency, point.on);
    const cogs = purchases.get(point.on.slice(0, 7)) ?? 0;
    const inventory = Math.round(cogs * INVENTORY_MONTHS);
    sheets.push({
      monthEnd: point.on,
      currency: 'CNY',
      currentAssets: cash + receivables + inventory,
      currentLiabilities: payable + drawn,
      cash,
      shortTermInvestments: 0,
      receivables,
      inventory,
      cogs,
    });
  });
  await saveBalanceSheets(db, { orgId, sheets });
  return sheets.length;
}
