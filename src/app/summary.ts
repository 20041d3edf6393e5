import type { Organisation } from '../core/model/index.js';
import { FxTable } from '../core/money/index.js';
import { type CashPosition, computeCashPosition, computeOpenBills } from '../core/position/index.js';
import { computeOpenItems, computeReceivablesFigures } from '../core/receivables/index.js';
import type { LocalDate } from '../core/time/index.js';
import type { Db } from '../db/connection.js';
import { loadAcceptanceBills, loadOpenSalesOrders } from '../db/stores/acceptance.js';
import { loadCreditLines, loadCustomerDirectory, loadLatestBalances } from '../db/stores/position.js';
import { loadFxRates, loadPayablesLedger, loadReceivablesLedger } from '../db/stores/receivables.js';
import { loadUnappliedReceipts } from '../db/stores/unapplied.js';

/**
 * The cash position shown by `cashguard status` and `GET /api/summary`: one load of each kind
 * of record, then the pure calculation.
 */
export async function getSummary(
  db: Db,
  params: { organisation: Organisation; asOf: LocalDate; topN?: number },
): Promise<CashPosition> {
  const orgId = params.organisation.id;
  const [balances, ledger, payables, creditLines, customers, rates, unapplied, bills, orders] = await Promise.all([
    loadLatestBalances(db, { orgId, asOf: params.asOf }),
    loadReceivablesLedger(db, { orgId }),
    loadPayablesLedger(db, { orgId }),
    loadCreditLines(db, { orgId }),
    loadCustomerDirectory(db, { orgId, asOf: params.asOf }),
    loadFxRates(db, { orgId }),
    loadUnappliedReceipts(db, { orgId, asOf: params.asOf }),
    loadAcceptanceBills(db, { orgId }),
    loadOpenSalesOrders(db, { orgId }),
  ]);
  const fx = new FxTable(rates);
  const base = params.organisation.baseCurrency;
  return computeCashPosition({
    asOf: params.asOf,
    baseCurrency: base,
    fx,
    balances,
    receivables: computeReceivablesFigures(ledger, params.asOf, { currency: base, fx }),
    openItems: computeOpenItems(ledger, params.asOf),
    unapplied,
    acceptanceBills: bills,
    salesOrders: orders,
    openBills: computeOpenBills(payables, params.asOf),
    creditLines,
    customers,
    ...(params.topN === undefined ? {} : { topN: params.topN }),
    unreadableRows: [...(ledger.unreadable ?? []), ...(payables.unreadable ?? [])],
  });
}
