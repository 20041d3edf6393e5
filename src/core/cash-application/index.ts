export { normaliseReference, ReferenceIndex, withinOneEdit } from './invoice-refs.js';
export {
  CashApplication,
  type IncomingPayment,
  type MatchAllocation,
  type MatchDecision,
  type MatchReason,
  type OpenInvoice,
  type Payer,
  type PaymentMatch,
} from './match.js';
export { bigrams, coreName, nameSimilarity } from './names.js';
export {
  type CashApplicationSettings,
  cashApplicationSettings,
  DEFAULT_CASH_APPLICATION_SETTINGS,
  payableCashApplicationSettings,
} from './settings.js';
export { checkSplit, type SplitCheck, type SplitRow } from './split.js';
