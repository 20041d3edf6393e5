export { type BalanceFinding, checkBalances } from './balance-check.js';
export { parseCamt } from './camt.js';
export { parseCnBankRows } from './cn-bank.js';
export { parseMt940 } from './mt940.js';
export { parseOfx } from './ofx.js';
export { readStatementFile } from './read-statement-file.js';
export {
  BANK_FORMATS,
  BankFileError,
  type BankFormat,
  type ParsedStatement,
  type StatementAccount,
  type StatementBalance,
  type StatementLine,
} from './types.js';
