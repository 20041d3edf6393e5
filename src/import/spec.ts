import type { WriteViolation } from '../core/model/index.js';
import type { Db } from '../db/connection.js';
import type { Database, Row } from '../db/schema.js';
import type { ColumnSpec, Value } from './columns.js';
import type { ImportKind } from './types.js';

/** A row as built for (or read from) a table: column name to value. */
export type DbRow = Record<string, string | number | null>;

/** What a kind's `complete` may do for the row being read. */
export interface RowContext {
  readonly orgId: string;
  readonly baseCurrency: string;
  /** True when the file has the column (by key). */
  has(key: string): boolean;
  /** Records a problem on the current row; `key` is the column key (reported as the file's header). */
  problem(code: string, key: string | null, value: string | null, expected?: string): void;
  /**
   * Records the violations of a core write rule (src/core/model) as problems of the row, each
   * at the column that holds its field; returns true when there were none.
   */
  violations(list: readonly WriteViolation[]): boolean;
}

/** What an export needs to write one row: reference lookups by id. */
export interface ExportLookups {
  readonly customerCode: ReadonlyMap<string, string>;
  readonly supplierCode: ReadonlyMap<string, string>;
  readonly bankAccountName: ReadonlyMap<string, string>;
  readonly bankAccountCurrency: ReadonlyMap<string, string>;
  readonly invoiceNumber: ReadonlyMap<string, string>;
  readonly billNumber: ReadonlyMap<string, string>;
  /** Receipt or payment id to the allocated document numbers, in stored order. */
  readonly allocations: ReadonlyMap<string, readonly string[]>;
}

/** A kind: its columns, how a row is completed and keyed, and how it is written back out. */
export interface KindSpec<S = unknown> {
  readonly kind: ImportKind;
  readonly table: keyof Database;
  readonly columns: readonly ColumnSpec[];
  /** Groups of column keys of which the file must have at least one (e.g. customer code or name). */
  readonly oneOf?: readonly (readonly string[])[];
  /** The stored row's identity for updates: ['id'], or the primary key of id-less tables. */
  readonly idColumns: readonly string[];
  /** The natural key of a built row, as a string (parts joined by \u0001). */
  key(row: DbRow): string;
  /**
   * The natural key's columns that are never null, covered by a unique index with org_id. A
   * re-import looks up the stored rows of each batch by them (every column's values in the batch)
   * and matches the rows found on the whole `key`.
   */
  readonly keyColumns: readonly string[];
  /** Loads what `complete` needs from the database (reference maps). */
  load(db: Db, orgId: string): Promise<S>;
  /** Sets references, defaults and cross-field rules on the row; false when it found problems. */
  complete(row: DbRow, values: readonly Value[], state: S, ctx: RowContext): boolean;
  /** Writes rows the import's rows depend on (e.g. new bank accounts), once, before the first batch. */
  beforeWrite?(tx: Db, state: S, orgId: string): Promise<void>;
  /** Kinds with child rows: plans them once every row is read (the writer then holds all rows). */
  plan?(state: S, rows: readonly DbRow[]): void;
  /** Receipts and payments: replaces allocations once every row is written. */
  afterWrite?(tx: Db, state: S, rows: readonly DbRow[], changed: Set<string>): Promise<void>;
  /** For kinds with child rows: whether the stored children differ from the incoming ones. */
  childrenDiffer?(state: S, row: DbRow): boolean;
  /** Reference cells of an exported row (e.g. customer_code); direct columns are filled generically. */
  exportRefs?(row: Row<keyof Database>, lookups: ExportLookups): Record<string, string>;
}

export const KEY_SEP = '\u0001';
