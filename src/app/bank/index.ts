export {
  type ImportedStatement,
  type ImportStatementParams,
  importBankStatement,
  lineKeys,
  type StatementImportReport,
} from './import-statement.js';
