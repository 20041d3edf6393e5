export {
  decideProposal,
  listReviewQueue,
  loadOpenInvoices,
  type MatchedPayment,
  type MatchRunReport,
  runCashApplication,
} from './cash-application.js';
export {
  type ImportedStatement,
  type ImportStatementParams,
  importBankStatement,
  lineKeys,
  type StatementImportReport,
} from './import-statement.js';
