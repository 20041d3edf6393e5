import type { CustomerRiskState } from '../../core/credit/index.js';
import { commitReceipts, type ForecastCustomerRisk, type ForecastInput } from '../../core/forecast/index.js';
import type { Organisation } from '../../core/model/index.js';
import { ok, type Result } from '../../core/shared/index.js';
import type { LocalDate } from '../../core/time/index.js';
import type { Db } from '../../db/connection.js';
import { loadForecastDocuments, loadForecastTreasury } from '../../db/stores/forecast.js';
import { loadFxForwards } from '../../db/stores/fx.js';
import { loadCreditLines, loadLatestBalances } from '../../db/stores/position.js';
import { loadUnappliedReceipts } from '../../db/stores/unapplied.js';
import { loadRiskBook, type RiskBook } from '../credit/risk-states.js';
import { forecastInvoices, salesInputs } from './behaviour.js';
import { applyUnapplied, baseAmountOf, billFacts, invoiceFacts } from './ledger-facts.js';
import { readForecastSettings } from './settings.js';

export interface LoadOptions {
  readonly asOf: LocalDate;
  readonly granularity: 'week' | 'month';
  readonly periods: number;
  readonly trace?: boolean;
}

/** How the forecast treats a customer: read from its risk state, never worked out again here. */
export function forecastRisk(state: CustomerRiskState): ForecastCustomerRisk {
  const t = state.treatment;
  return {
    status: state.status,
    pd: t.pd,
    pdLow: t.pdLow,
    pdHigh: t.pdHigh,
    lgd: t.lgd,
    recovery:
      t.receipts === 'recovery' && t.recoveryOn !== null && t.recoverySince !== null
        ? { share: t.recoveryShare, on: t.recoveryOn, since: t.recoverySince }
        : null,
    newSales: t.newSales,
  };
}

/**
 * Loads everything the forecast engine needs for one organisation in a fixed number of queries
 * (run concurrently): the scored book with every customer's risk state (the receivables ledger
 * as every report reads it, the behaviour model the credit module learned, PDs, holds,
 * insolvencies), then derives open items, payment-date distributions, sales history and the
 * payables habit in memory. A caller that already holds the risk book passes it in.
 */
export async function loadForecastInput(
  db: Db,
  org: Organisation,
  options: LoadOptions,
  riskBook?: RiskBook,
): Promise<Result<ForecastInput>> {
  const configured = readForecastSettings(org);
  if (!configured.ok) return configured;
  const params = { orgId: org.id, asOf: options.asOf };
  const [loaded, docs, treasury, balances, creditLines, unapplied, forwards] = await Promise.all([
    riskBook ? ok(riskBook) : loadRiskBook(db, params),
    loadForecastDocuments(db, params),
    loadForecastTreasury(db, params),
    loadLatestBalances(db, params),
    loadCreditLines(db, { orgId: org.id }),
    loadUnappliedReceipts(db, params),
    loadFxForwards(db, { orgId: org.id, from: options.asOf }),
  ]);
  if (!loaded.ok) return loaded;
  const { book, behaviour } = loaded.value.scored;
  const toBase = baseAmountOf(book.fx, org.baseCurrency, options.asOf);
  const facts = invoiceFacts(book.ledger, options.asOf, toBase, book.fx, org.baseCurrency);
  const open = applyUnapplied(facts, unapplied);
  const names = new Map(docs.customers.map((c) => [c.id, c.name]));
  const sales = salesInputs(facts, behaviour.model, options.asOf, docs.customers);
  const bills = billFacts(docs, options.asOf, toBase);
  const risk = new Map<string, ForecastCustomerRisk>();
  const acceptorPd = new Map<string, number>();
  for (const [id, state] of loaded.value.states) {
    risk.set(id, forecastRisk(state));
    acceptorPd.set(id, state.treatment.pd);
  }
  const { settings, calendar, salesPlan, oneOffs } = configured.value;
  return ok({
    asOf: options.asOf,
    baseCurrency: org.baseCurrency,
    fx: book.fx,
    weekStart: org.weekStart,
    granularity: options.granularity,
    periods: options.periods,
    calendar,
    openingBalances: balances,
    invoices: commitReceipts(
      forecastInvoices(open, behaviour.model, names, settings.receiptSlices),
      loaded.value.commitments.openPromises,
      loaded.value.commitments.plansOnTrack,
    ),
    bills: bills.open,
    acceptanceBills: treasury.acceptanceBills,
    acceptorPd,
    risk,
    creditLines,
    recurringItems: treasury.recurringItems,
    oneOffItems: oneOffs,
    forwards,
    salesHistory: sales.history,
    salesPlan,
    customers: sales.customers,
    payablesStretchDays: bills.stretchDays,
    purchaseHistory: bills.purchaseHistory,
    purchasePaymentDays: bills.paymentDays,
    trailing90PaymentsMinor: treasury.trailingPayments.reduce((s, p) => s + toBase(p.amountMinor, p.currency), 0),
    settings,
    ...(options.trace === undefined ? {} : { trace: options.trace }),
  });
}
