import type { Organisation } from '../core/model/index.js';
import { FxTable } from '../core/money/index.js';
import { type CashPosition, computeCashPosition, computeOpenBills } from '../core/position/index.js';
import { computeOpenItems } from '../core/receivables/index.js';
import type { LocalDate } from '../core/time/index.js';
import type { Db } from '../db/connection.js';
import { loadCreditLines, loadCustomerDirectory, loadLatestBalances } from '../db/stores/position.js';
import { loadFxRates, loadPayablesLedger, loadReceivablesLedger } from '../db/stores/receivables.js';

/**
 * The cash position shown by `cashguard status` and `GET /api/summary`: one load of each kind
 * of record, then the pure calculation.
 */
export async function getSummary(
  db: Db,
  params: { organisation: Organisation; asOf: LocalDate },
): Promise<CashPosition> {
  const orgId = params.organisation.id;
  const [balances, ledger, payables, creditLines, customers, rates] = await Promise.all([
    loadLatestBalances(db, { orgId, asOf: params.asOf }),
    loadReceivablesLedger(db, { orgId }),
    loadPayablesLedger(db, { orgId }),
    loadCreditLines(db, { orgId }),
    loadCustomerDirectory(db, { orgId, asOf: params.asOf }),
    loadFxRates(db, { orgId }),
  ]);
  return computeCashPosition({
    asOf: params.asOf,
    baseCurrency: params.organisation.baseCurrency,
    fx: new FxTable(rates),
    balances,
    openInvoices: computeOpenItems(ledger, params.asOf),
    openBills: computeOpenBills(payables, params.asOf),
    creditLines,
    customers,
  });
}
