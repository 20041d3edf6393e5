export { type Actor, type AuditQuery, listAudit, writeAudit } from './audit.js';
export { type Field, type FieldType, toCamel, toSnake } from './fields.js';
export type { KindDef } from './kinds.js';
export {
  type ApiRecord,
  createRecord,
  deleteRecord,
  getRecord,
  keyOf,
  type ListParams,
  listRecords,
  updateRecord,
} from './operations.js';
export { fieldColumn, RECORD_KINDS, type RecordKind } from './registry.js';
