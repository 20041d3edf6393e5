export type { AgingOptions, AgingReport, AgingRow, CustomerAgingRow } from './aging.js';
export { computeAging, resolveBoundaries } from './aging.js';
export type { AgingBasis, AgingBucket, AgingPreset, AgingScheme } from './aging-buckets.js';
export { AGING_PRESETS, buildAgingScheme } from './aging-buckets.js';
export type { AgingSeries, AgingSeriesOptions, AgingSeriesPoint } from './aging-series.js';
export { computeAgingSeries, DEFAULT_SERIES_MONTHS } from './aging-series.js';
export type { CompanyBalanceSheet, Liquidity } from './balance-sheet.js';
export { computeDaysOf, computeLiquidity } from './balance-sheet.js';
export type { BaseAging, BaseAgingPoint, BaseAgingRow } from './base-aging.js';
export { computeBaseAging, computeBaseAgingSeries, LineConverter } from './base-aging.js';
export type { BaseCurrency, RateUsed } from './base-currency.js';
export { rateToBase, toBaseMinor } from './base-currency.js';
export * from './behaviour/index.js';
export type { CeiInputs } from './cei.js';
export { computeCei } from './cei.js';
export type { Concentration, ConcentrationLevel, CustomerAmount, CustomerShare } from './concentration.js';
export { computeConcentration, concentrationLevel } from './concentration.js';
export type { CountbackDso, DsoMethod, SalesPeriod } from './dso.js';
export { computeCountbackDso, computeStandardDso, DEFAULT_DSO_METHOD } from './dso.js';
export type { ReceivablesFigures, ReceivablesTotals } from './figures.js';
export { computeReceivablesFigures, daysPastDue, isOverdue, LONG_OVERDUE_DAYS } from './figures.js';
export type { LedgerInvoice, LedgerSettlement, ReceivablesLedger, UnreadableRow } from './ledger.js';
export { NO_INSTALMENTS } from './ledger.js';
export type { LedgerInvoiceDetails } from './ledger-columnar.js';
export { columnarLedger, ledgerDetails, ledgerInvoice } from './ledger-columnar.js';
export type { LedgerColumns } from './ledger-columns.js';
export {
  LEDGER_DISPUTED,
  LEDGER_INSTALMENTS,
  LEDGER_PAPER,
  LEDGER_VOID,
  ledgerColumns,
  SETTLEMENT_KINDS,
  settledOnDay,
  settledThrough,
} from './ledger-columns.js';
export type { MetricThresholdOverrides, MetricThresholds } from './metric-settings.js';
export { DEFAULT_METRIC_THRESHOLDS, resolveThresholds } from './metric-settings.js';
export type { ConcentrationView, MetricsOptions, MetricsReport } from './metrics.js';
export { computeReceivablesMetrics, DEFAULT_METRIC_MONTHS } from './metrics.js';
export type { MonthlyMetrics } from './monthly-metrics.js';
export type { OpenItem } from './open-items.js';
export { computeOpenItems, forEachOpenLine, forEachOpenRow, splitOverInstalments } from './open-items.js';
export type { LedgerBill, LedgerBillPayment, PayablesLedger } from './payables-ledger.js';
export { computeOpenPayables } from './payables-ledger.js';
export { ledgerToPaymentColumns, ledgerToPaymentRecords } from './payment-records.js';
export { buildPeriods, seriesDates } from './periods.js';
export type { SalesInBase } from './sales.js';
export { DatedConverter, salesInBase, trailingSalesWindow } from './sales.js';
export type { ThresholdFinding, ThresholdLevel } from './thresholds.js';
export { evaluateThresholds } from './thresholds.js';
export type { UnlinkedCredit } from './unlinked-credits.js';
export { applyUnlinkedCredits } from './unlinked-credits.js';
