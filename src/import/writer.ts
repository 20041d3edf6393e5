import { CompiledQuery } from 'kysely';
import { insertRows } from '../db/bulk.js';
import type { Db } from '../db/connection.js';
import { newId } from './ids.js';
import type { DbRow, KindSpec } from './spec.js';

/** Key values a lookup query carries at most, per key column (well under both dialects' parameter limits). */
const LOOKUP_CHUNK = 1024;

/**
 * The organisation's stored rows whose natural key is one of `rows`' keys, by key. One query per
 * 1,024 rows, each key column filtered on the values the rows have (a unique index with org_id
 * covers them), so a re-import holds one batch's stored rows at a time, not the whole table.
 */
async function loadStored(db: Db, spec: KindSpec, orgId: string, rows: readonly DbRow[]): Promise<Map<string, DbRow>> {
  const out = new Map<string, DbRow>();
  chunks: for (let start = 0; start < rows.length; start += LOOKUP_CHUNK) {
    const chunk = rows.slice(start, start + LOOKUP_CHUNK);
    let query = db.kysely.selectFrom(spec.table).selectAll().where('org_id', '=', orgId);
    for (const column of spec.keyColumns) {
      const values = new Set<string | number>();
      for (const r of chunk) {
        const v = r[column];
        if (v !== null && v !== undefined) values.add(v);
      }
      // No row of the chunk has this key column: none can match a stored row.
      if (values.size === 0) continue chunks;
      query = query.where(column as never, 'in', [...values] as never);
    }
    const found = (await query.execute()) as unknown as DbRow[];
    for (const r of found) out.set(spec.key(r), r);
  }
  return out;
}

function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if ((a === null || a === undefined) && (b === null || b === undefined)) return true;
  return typeof a === 'number' && typeof b === 'string' ? String(a) === b : false;
}

/**
 * Writes validated rows of one kind: new natural keys are inserted with a new UUID, changed rows
 * are updated in place (keeping their id), identical rows are counted and left alone. Only the
 * columns the file had are compared and updated. With `dryRun` it counts and writes nothing.
 */
export class RowWriter<S> {
  inserted = 0;
  updated = 0;
  unchanged = 0;
  /** Natural keys inserted or updated (receipts use them to replace allocations). */
  readonly changed = new Set<string>();
  /** Whether the organisation had rows of this kind when the import started (else no lookups). */
  private hasStored = false;
  private prepared = false;
  private readonly hasId: boolean;
  /** Only kinds with child rows need the changed keys; a million-entry set is not free. */
  private readonly tracksChanges: boolean;

  constructor(
    private readonly tx: Db,
    private readonly spec: KindSpec<S>,
    private readonly state: S,
    private readonly orgId: string,
    private readonly dryRun: boolean,
  ) {
    this.hasId = spec.idColumns.length === 1 && spec.idColumns[0] === 'id';
    this.tracksChanges = spec.afterWrite !== undefined;
  }

  async load(): Promise<void> {
    const any = await this.tx.kysely
      .selectFrom(this.spec.table)
      .select('org_id')
      .where('org_id', '=', this.orgId)
      .limit(1)
      .executeTakeFirst();
    this.hasStored = any !== undefined;
  }

  /** Sorts a batch into inserts, updates and unchanged rows, and writes them unless `write` is false. */
  async accept(rows: readonly DbRow[], write: boolean): Promise<void> {
    const inserts: DbRow[] = [];
    const updates: DbRow[] = [];
    const existing = this.hasStored ? await loadStored(this.tx, this.spec, this.orgId, rows) : null;
    for (const row of rows) {
      const key = this.spec.key(row);
      const stored = existing === null || existing.size === 0 ? undefined : existing.get(key);
      if (stored === undefined) {
        if (this.hasId && !this.dryRun) row.id = newId();
        inserts.push(row);
        if (this.tracksChanges) this.changed.add(key);
      } else if (this.differs(row, stored)) {
        if (this.hasId) row.id = stored.id as string;
        updates.push(row);
        if (this.tracksChanges) this.changed.add(key);
      } else {
        if (this.hasId) row.id = stored.id as string;
        this.unchanged++;
      }
    }
    this.inserted += inserts.length;
    this.updated += updates.length;
    if (!write || this.dryRun) return;
    if (!this.prepared) {
      this.prepared = true;
      await this.spec.beforeWrite?.(this.tx, this.state, this.orgId);
    }
    await insertRows(this.tx, this.spec.table, inserts as never[]);
    await this.update(updates);
  }

  private differs(row: DbRow, stored: DbRow): boolean {
    for (const k in row) if (k !== 'id' && !same(row[k], stored[k])) return true;
    return this.spec.childrenDiffer?.(this.state, row) ?? false;
  }

  private async update(rows: readonly DbRow[]): Promise<void> {
    const first = rows[0];
    if (!first) return;
    const ids = this.spec.idColumns;
    const cols = Object.keys(first).filter((c) => !ids.includes(c));
    const pg = this.tx.dialect === 'postgres';
    const ph = (i: number) => (pg ? `$${i}` : '?');
    const set = cols.map((c, i) => `"${c}" = ${ph(i + 1)}`).join(', ');
    const where = ids.map((c, i) => `"${c}" = ${ph(cols.length + i + 1)}`).join(' AND ');
    const text = `UPDATE "${this.spec.table}" SET ${set} WHERE ${where}`;
    for (const row of rows) {
      const params = [...cols, ...ids].map((c) => row[c] ?? null);
      await this.tx.kysely.executeQuery(CompiledQuery.raw(text, params));
    }
  }

  /** Child rows once every row is written (receipt and payment allocations). */
  async finish(rows: readonly DbRow[]): Promise<void> {
    if (this.dryRun) return;
    await this.spec.afterWrite?.(this.tx, this.state, rows, this.changed);
  }
}
