export { type AmountRefusal, currencyWord, parseAmount } from './amounts.js';
export { type DateRefusal, parseDate } from './dates.js';
export type { ExportParams } from './export.js';
export { exportRows } from './export.js';
export { importBuffer, importFile } from './import-file.js';
export { DEFAULT_READ_LIMITS, type ReadLimits, readLimitsFrom } from './limits.js';
export type { ColumnMapping, ColumnMappingInput } from './mapping.js';
export { columnMappingSchema, loadColumnMapping, saveColumnMapping } from './mapping.js';
export { parseDays, parseWholeNumber } from './numbers.js';
export { startReadWorker } from './read-on-worker.js';
export type { ImportColumnInfo, ImportKindInfo } from './registry.js';
export { IMPORT_KINDS } from './registry.js';
export { normaliseText } from './text.js';
export type {
  ImportBufferParams,
  ImportFileParams,
  ImportKind,
  ImportProblem,
  ImportReport,
} from './types.js';
export { IMPORT_KIND_NAMES, isImportKind } from './types.js';
