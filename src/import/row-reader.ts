import { minorUnits } from '../core/money/index.js';
import { toCamel } from '../core/shared/index.js';
import { cellError, parseCell, type RowCurrency } from './cells.js';
import type { ColumnSpec, Value } from './columns.js';
import type { HeaderPlan } from './headers.js';
import { KeyIndex } from './key-index.js';
import type { DbRow, KindSpec, RowContext } from './spec.js';
import { clip, normaliseText } from './text.js';
import type { RawProblem, ValueStyle } from './types.js';

/** More problems than this are counted, not listed: nobody reads the ten-thousandth. */
export const MAX_PROBLEMS = 1000;

function toDb(v: Value, col: ColumnSpec): string | number | null {
  if (v === null) return col.empty ?? null;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'object') return JSON.stringify(v);
  return v;
}

/**
 * Turns raw rows of cells into validated table rows, collecting every problem. Pure: the kind's
 * reference state (loaded earlier) is the only outside input. One reader per import.
 */
export class RowReader<S> {
  readonly problems: RawProblem[] = [];
  problemCount = 0;
  rowsRead = 0;
  private readonly seen = new KeyIndex();
  private readonly columns: readonly ColumnSpec[];
  private readonly order: number[];
  private readonly currencyAt: number;
  private readonly base: RowCurrency;
  private row = 0;
  private rowOk = true;
  private readonly ctx: RowContext;
  /** Reused for every row: kinds read values only while completing the row. */
  private readonly values: Value[];

  constructor(
    private readonly spec: KindSpec<S>,
    private readonly plan: HeaderPlan,
    private readonly style: ValueStyle,
    private readonly orgId: string,
    baseCurrency: string,
    private readonly state: S,
  ) {
    this.columns = spec.columns;
    this.values = new Array<Value>(spec.columns.length).fill(null);
    this.currencyAt = this.columns.findIndex((c) => c.key === 'currency');
    // Currency first, so amounts know how many decimals their currency has.
    this.order = this.columns
      .map((_c, i) => i)
      .sort((a, b) => Number(b === this.currencyAt) - Number(a === this.currencyAt));
    this.base = { code: baseCurrency, digits: minorUnits(baseCurrency) };
    const { cellOf, label } = plan;
    const keys = new Map(this.columns.map((c, i) => [c.key, i]));
    // A core rule names a field in domain terms (amountMinor): the column storing it, or the key itself.
    const keyOfField = new Map<string, string>();
    for (const c of this.columns) if (c.db !== undefined) keyOfField.set(toCamel(c.db), c.key);
    this.ctx = {
      orgId,
      baseCurrency,
      has: (key) => (cellOf[keys.get(key) ?? -1] ?? -1) !== -1,
      problem: (code, key, value, expected) => {
        this.rowOk = false;
        this.add(code, key === null ? null : (label[keys.get(key) ?? -1] ?? key), value, expected ?? null);
      },
      violations: (list) => {
        for (const v of list) {
          const key = keyOfField.get(v.field) ?? (keys.has(v.field) ? v.field : null);
          this.ctx.problem(v.code, key, v.value, v.expected);
        }
        return list.length === 0;
      },
    };
  }

  add(
    code: string,
    column: string | null,
    value: string | null,
    expected: string | null,
    row: number | null = this.row,
  ): void {
    this.problemCount++;
    if (this.problems.length < MAX_PROBLEMS)
      this.problems.push({ row, column, value: value === null ? null : clip(value), code, expected });
  }

  /** Reads one row; returns the table row, or null when the row is blank or has problems. */
  read(rowNumber: number, cells: readonly string[]): DbRow | null {
    if (isBlank(cells)) return null;
    this.rowsRead++;
    this.row = rowNumber;
    this.rowOk = true;
    const values = this.parseCells(cells);
    const row: DbRow = { org_id: this.orgId };
    const { cellOf } = this.plan;
    for (let i = 0; i < this.columns.length; i++) {
      const col = this.columns[i] as ColumnSpec;
      if (col.db !== undefined && (cellOf[i] as number) !== -1) row[col.db] = toDb(values[i] as Value, col);
    }
    if (!this.spec.complete(row, values, this.state, this.ctx)) this.rowOk = false;
    if (!this.rowOk) return null;
    // The index keeps a copy of the key's characters, not the string (which may be a slice of a whole piece of the file).
    const first = this.seen.check(this.spec.key(row), rowNumber);
    if (first !== undefined) {
      this.add('IMPORT_DUPLICATE_KEY', this.plan.label[0] ?? null, String(values[0] ?? ''), `row ${first}`);
      return null;
    }
    return row;
  }

  private parseCells(cells: readonly string[]): Value[] {
    const { cellOf, label } = this.plan;
    const values = this.values.fill(null);
    let currency = this.base;
    for (const i of this.order) {
      const col = this.columns[i] as ColumnSpec;
      const at = cellOf[i] as number;
      const raw = at === -1 ? '' : (cells[at] ?? '');
      const text = raw.length === 0 ? raw : normaliseText(raw);
      if (text.length === 0) {
        if (col.required) this.ctx.problem('IMPORT_REQUIRED_VALUE', col.key, null, col.zh);
        continue;
      }
      const v = parseCell(col, text, currency, this.style);
      if (v === undefined) {
        this.rowOk = false;
        this.add(cellError.code, label[i] ?? col.key, raw, cellError.expected);
        continue;
      }
      values[i] = v;
      if (i === this.currencyAt && v !== currency.code)
        currency = { code: v as string, digits: minorUnits(v as string) };
    }
    this.checkWidth(cells);
    return values;
  }

  /** Cells to the right of the header usually mean a comma inside an unquoted amount (1,234.56). */
  private checkWidth(cells: readonly string[]): void {
    const width = this.plan.width;
    for (let i = width; i < cells.length; i++) {
      if ((cells[i] as string).trim().length > 0) {
        this.rowOk = false;
        this.add('IMPORT_EXTRA_CELLS', null, cells[i] as string, `≤ ${width}`);
        return;
      }
    }
  }
}

function isBlank(cells: readonly string[]): boolean {
  for (const c of cells) if (c.length > 0 && c.trim().length > 0) return false;
  return true;
}
