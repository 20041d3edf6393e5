import type { ForecastInput } from '../../core/forecast/index.js';
import type { Organisation } from '../../core/model/index.js';
import { FxTable } from '../../core/money/index.js';
import { ok, type Result } from '../../core/shared/index.js';
import type { LocalDate } from '../../core/time/index.js';
import type { Db } from '../../db/connection.js';
import { loadForecastDocuments, loadForecastTreasury } from '../../db/stores/forecast.js';
import { loadCreditLines, loadLatestBalances } from '../../db/stores/position.js';
import { loadReceivablesLedger } from '../../db/stores/receivables.js';
import { buildBehaviour, forecastInvoices, salesInputs } from './behaviour.js';
import { baseAmountOf, billFacts, invoiceFacts } from './ledger-facts.js';
import { readForecastSettings } from './settings.js';

export interface LoadOptions {
  readonly asOf: LocalDate;
  readonly granularity: 'week' | 'month';
  readonly periods: number;
  readonly trace?: boolean;
}

/**
 * Loads everything the forecast engine needs for one organisation in a fixed number of queries
 * (about a dozen, run concurrently): the receivables ledger as every receivables report reads it,
 * then derives open items, payment-date distributions (behaviour model), sales history and the
 * payables habit in memory.
 */
export async function loadForecastInput(
  db: Db,
  org: Organisation,
  options: LoadOptions,
): Promise<Result<ForecastInput>> {
  const configured = readForecastSettings(org);
  if (!configured.ok) return configured;
  const params = { orgId: org.id, asOf: options.asOf };
  const [ledger, docs, treasury, balances, creditLines] = await Promise.all([
    loadReceivablesLedger(db, { orgId: org.id }),
    loadForecastDocuments(db, params),
    loadForecastTreasury(db, params),
    loadLatestBalances(db, params),
    loadCreditLines(db, { orgId: org.id }),
  ]);
  const fx = new FxTable(treasury.fxRates);
  const toBase = baseAmountOf(fx, org.baseCurrency, options.asOf);
  const facts = invoiceFacts(ledger, options.asOf, toBase);
  const model = buildBehaviour(facts, options.asOf);
  const names = new Map(docs.customers.map((c) => [c.id, c.name]));
  const sales = salesInputs(facts, model, options.asOf, docs.customers);
  const bills = billFacts(docs, options.asOf, toBase);
  const { settings, calendar, salesPlan, oneOffs } = configured.value;
  return ok({
    asOf: options.asOf,
    baseCurrency: org.baseCurrency,
    fx,
    weekStart: org.weekStart,
    granularity: options.granularity,
    periods: options.periods,
    calendar,
    openingBalances: balances,
    invoices: forecastInvoices(facts, model, names),
    bills: bills.open,
    acceptanceBills: treasury.acceptanceBills,
    acceptorPd: treasury.acceptorPd,
    creditLines,
    recurringItems: treasury.recurringItems,
    oneOffItems: oneOffs,
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
