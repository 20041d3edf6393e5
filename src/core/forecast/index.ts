export type { AccuracyPoint, ActualWeek, CountdownEntry, HorizonAccuracy, SnapshotPayload } from './accuracy.js';
export { computeAccuracy, countdownAccuracy, snapshotPayload } from './accuracy.js';
export { BUFFER_WINDOW_WEEKS, computeBuffer, computeRunwayWeeks } from './buffer.js';
export type { CustomerPlan, CustomerPromise } from './commitments.js';
export { commitReceipts } from './commitments.js';
export { runForecastEngine, validateForecastInput } from './engine.js';
export { BaseConverter } from './fx.js';
export type { PeriodGrid } from './grid.js';
export { buildGrid } from './grid.js';
export { describeOutlook, type Outlook } from './outlook.js';
export {
  carriedParts,
  type PlanContext,
  planInvoiceReceipt,
  type ReceiptPlan,
  receiptDayRoller,
  riskShare,
  scenarioPd,
} from './receipts.js';
export type { BacktestHorizon, BacktestInvoiceRow, ReceiptsBacktest } from './receipts-backtest.js';
export { runReceiptsBacktest } from './receipts-backtest.js';
export type { NamedScenario, ReceiptPlacement, ScenarioParams } from './scenarios.js';
export { BASE_SCENARIO, BUILT_IN_SCENARIOS, builtInScenarios, resolveScenario, SCENARIO_ORDER } from './scenarios.js';
export type {
  CommittedPart,
  CustomerDelay,
  DisbursementLine,
  ForecastBill,
  ForecastCustomerRisk,
  ForecastInput,
  ForecastInvoice,
  ForecastLine,
  ForecastPeriod,
  ForecastResult,
  ForecastSettings,
  MonthlySales,
  OneOffItem,
  PaymentDateDistribution,
  ReceiptLine,
  ScenarioForecast,
  SourceKind,
  SourceRef,
} from './types.js';
export { DEFAULT_FORECAST_SETTINGS, DISBURSEMENT_LINES, RECEIPT_LINES } from './types.js';
