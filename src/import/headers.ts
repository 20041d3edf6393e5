import type { ColumnSpec } from './columns.js';
import type { ColumnMapping } from './mapping.js';
import type { KindSpec } from './spec.js';
import { normaliseHeader } from './text.js';
import type { RawProblem } from './types.js';

/** Where each of a kind's columns is in the file (-1 when absent), and what the file calls it. */
export interface HeaderPlan {
  /** File cell index per spec column, -1 when the file lacks the column. */
  readonly cellOf: Int32Array;
  /** The header as written in the file, per spec column (the key when absent). */
  readonly label: readonly string[];
  readonly problems: RawProblem[];
  /** Cells in the header row (the right-most non-empty header). */
  readonly width: number;
}

/** Every name a column answers to, normalised: key, Chinese header and aliases. */
function nameIndex(columns: readonly ColumnSpec[]): Map<string, number> {
  const names = new Map<string, number>();
  columns.forEach((c, i) => {
    for (const n of [c.key, c.zh, ...c.aliases]) {
      const h = normaliseHeader(n);
      if (!names.has(h)) names.set(h, i);
    }
  });
  return names;
}

function mappedIndex(mapping: ColumnMapping, columns: readonly ColumnSpec[]): Map<string, number | null> {
  const out = new Map<string, number | null>();
  for (const [header, key] of Object.entries(mapping.columns)) {
    out.set(normaliseHeader(header), key === null ? null : columns.findIndex((c) => c.key === key));
  }
  for (const header of mapping.ignore) out.set(normaliseHeader(header), null);
  return out;
}

/**
 * Matches the file's header row to a kind's columns: exact mapping entries first, then the
 * built-in names (English or Chinese, case, space and bracket insensitive). Reports unknown
 * columns (unless the mapping ignores them), columns given twice and missing required columns.
 */
export function planHeaders(
  spec: KindSpec,
  header: readonly string[],
  mapping: ColumnMapping,
  row: number,
): HeaderPlan {
  const { columns } = spec;
  const cellOf = new Int32Array(columns.length).fill(-1);
  const label = columns.map((c) => c.key);
  const problems: RawProblem[] = [];
  const names = nameIndex(columns);
  const mapped = mappedIndex(mapping, columns);
  header.forEach((text, cell) => {
    const h = normaliseHeader(text);
    if (h.length === 0) return;
    const m = mapped.get(h);
    const i = m === undefined ? names.get(h) : m;
    if (i === null) return;
    if (i === undefined || i < 0) {
      if (!mapping.ignoreUnknown) problems.push(problem('IMPORT_UNKNOWN_COLUMN', row, text, null));
      return;
    }
    if (cellOf[i] !== -1) {
      problems.push(problem('IMPORT_DUPLICATE_COLUMN', row, text, label[i] ?? null));
      return;
    }
    cellOf[i] = cell;
    label[i] = text.trim();
  });
  columns.forEach((c, i) => {
    if (c.required && cellOf[i] === -1)
      problems.push(problem('IMPORT_MISSING_COLUMN', row, c.key, `${c.key} / ${c.zh}`));
  });
  for (const group of spec.oneOf ?? []) {
    const present = group.some((k) => cellOf[columns.findIndex((c) => c.key === k)] !== -1);
    if (!present) problems.push(problem('IMPORT_MISSING_COLUMN', row, group[0] ?? '', describeGroup(columns, group)));
  }
  let width = header.length;
  while (width > 0 && normaliseHeader(header[width - 1] ?? '').length === 0) width--;
  return { cellOf, label, problems, width };
}

function describeGroup(columns: readonly ColumnSpec[], group: readonly string[]): string {
  return group.map((k) => `${k} / ${columns.find((c) => c.key === k)?.zh ?? k}`).join(' | ');
}

function problem(code: string, row: number, column: string, expected: string | null): RawProblem {
  return { row, column, value: null, code, expected };
}

/** How many of the cells name one of the kind's columns: picks the header row under a title block. */
export function headerScore(spec: KindSpec, cells: readonly string[]): number {
  const names = nameIndex(spec.columns);
  let n = 0;
  for (const c of cells) if (names.has(normaliseHeader(c))) n++;
  return n;
}
