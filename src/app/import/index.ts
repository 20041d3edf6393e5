/**
 * Import and export use cases for the CLI, the HTTP API and jobs: the parsers and the writer live
 * in src/import; fronts call them through here so adapters never import each other.
 */
export type { ImportKind, ImportKindInfo, ImportProblem, ImportReport } from '../../import/index.js';
/** The value grammars (amounts, dates, whole numbers), for command-line options read like cells. */
export {
  currencyWord,
  exportRows,
  IMPORT_KIND_NAMES,
  IMPORT_KINDS,
  importBuffer,
  importFile,
  isImportKind,
  loadColumnMapping,
  normaliseText,
  parseAmount,
  parseDate,
  parseDays,
  parseWholeNumber,
  readLimitsFrom,
  saveColumnMapping,
} from '../../import/index.js';
