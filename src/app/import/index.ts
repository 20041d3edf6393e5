/**
 * Import and export use cases for the CLI, the HTTP API and jobs: the parsers and the writer live
 * in src/import; fronts call them through here so adapters never import each other.
 */
export type { ImportKind, ImportKindInfo, ImportProblem, ImportReport } from '../../import/index.js';
export {
  exportRows,
  IMPORT_KIND_NAMES,
  IMPORT_KINDS,
  importBuffer,
  importFile,
  isImportKind,
  loadColumnMapping,
  readLimitsFrom,
  saveColumnMapping,
} from '../../import/index.js';
