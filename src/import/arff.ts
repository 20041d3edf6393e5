import { readFile } from 'node:fs/promises';
import { fail, ok, type Result } from '../core/shared/index.js';

/**
 * A numeric ARFF table (the UCI Polish bankruptcy layout): attribute names, a row-major matrix of
 * values with `NaN` for `?`, and the 0/1 class label of each row when the file has a `class`
 * attribute. A class of `?` (outcome not known, e.g. a file to be scored) is allowed.
 */
export interface ArffTable {
  readonly relation: string;
  /** Numeric attribute names in file order, without the class attribute. */
  readonly attributes: readonly string[];
  readonly rowCount: number;
  /** Row-major: value of attribute j in row i at `i * attributes.length + j`; NaN when missing. */
  readonly values: Float64Array;
  /**
   * 0/1 per row, or null when the file has no class attribute or every row's class is `?`.
   * A row whose class is `?` holds 0 here and is listed in `unlabelledRows`.
   */
  readonly labels: Uint8Array | null;
  /** 0-based indices of the rows whose class is `?` (empty when every class is known or there is no class). */
  readonly unlabelledRows: readonly number[];
  /** 1-based line number of each data row in the file, for error messages downstream. */
  readonly lines: Uint32Array;
}

interface Header {
  relation: string;
  attributes: string[];
  classIndex: number;
  dataLine: number;
}

const ATTRIBUTE = /^@attribute\s+('[^']*'|"[^"]*"|\S+)\s+(.+)$/i;

function unquote(name: string): string {
  return /^['"].*['"]$/.test(name) ? name.slice(1, -1) : name;
}

function parseHeader(lines: readonly string[], file: string): Result<Header> {
  const header: Header = { relation: '', attributes: [], classIndex: -1, dataLine: -1 };
  let position = 0;
  for (let i = 0; i < lines.length; i += 1) {
    const line = (lines[i] ?? '').trim();
    if (line === '' || line.startsWith('%')) continue;
    const lower = line.toLowerCase();
    if (lower.startsWith('@relation')) header.relation = unquote(line.slice(9).trim());
    else if (lower.startsWith('@data')) return ok({ ...header, dataLine: i + 1 });
    else if (lower.startsWith('@attribute')) {
      const match = ATTRIBUTE.exec(line);
      if (!match) return fail('ARFF_BAD_ATTRIBUTE', { file, row: i + 1, value: line });
      const name = unquote(match[1] ?? '');
      const type = (match[2] ?? '').trim().toLowerCase();
      if (name.toLowerCase() === 'class') header.classIndex = position;
      else if (type === 'numeric' || type === 'real' || type === 'integer') header.attributes.push(name);
      else return fail('ARFF_UNSUPPORTED_ATTRIBUTE', { file, row: i + 1, field: name, value: type });
      position += 1;
    } else return fail('ARFF_BAD_HEADER', { file, row: i + 1, value: line.slice(0, 80) });
  }
  return fail('ARFF_NO_DATA', { file, expected: '@data line' });
}

function parseCell(cell: string, file: string, row: number, field: string): Result<number> {
  const text = cell.trim();
  if (text === '?') return ok(Number.NaN);
  const value = Number(text);
  if (text === '' || !Number.isFinite(value)) return fail('ARFF_BAD_NUMBER', { file, row, field, value: text });
  return ok(value);
}

/** 0 or 1, or −1 for `?` (not known). */
function parseLabel(cell: string, file: string, row: number): Result<number> {
  const text = unquote(cell.trim());
  if (text === '0' || text === '1') return ok(Number(text));
  if (text === '?') return ok(-1);
  return fail('ARFF_BAD_CLASS', { file, row, field: 'class', value: text, expected: '0, 1 or ?' });
}

/**
 * Parses ARFF text: header lines, `@data`, then comma-separated rows; `?` is missing (a value, or
 * an unknown class), CRLF or LF. The class attribute is optional.
 *
 * @example
 * const r = parseArff('@relation x\n@attribute Attr1 numeric\n@attribute class {0,1}\n@data\n0.5,1\n', 'x.arff');
 * if (r.ok) r.value.values[0]; // 0.5
 */
export function parseArff(text: string, file: string): Result<ArffTable> {
  const lines = text.split(/\r?\n/);
  const headerResult = parseHeader(lines, file);
  if (!headerResult.ok) return headerResult;
  const header = headerResult.value;
  const width = header.attributes.length + (header.classIndex >= 0 ? 1 : 0);
  const values: number[] = [];
  const labels: number[] = [];
  const lineNumbers: number[] = [];
  for (let i = header.dataLine; i < lines.length; i += 1) {
    const line = (lines[i] ?? '').trim();
    if (line === '' || line.startsWith('%')) continue;
    const cells = line.split(',');
    if (cells.length !== width) {
      return fail('ARFF_BAD_ROW', { file, row: i + 1, value: String(cells.length), expected: `${width} values` });
    }
    const rowResult = parseRow(cells, header, file, i + 1, values, labels);
    if (!rowResult.ok) return rowResult;
    lineNumbers.push(i + 1);
  }
  const unlabelledRows = [...labels.keys()].filter((i) => labels[i] === -1);
  const isLabelled = header.classIndex >= 0 && unlabelledRows.length < labels.length;
  return ok({
    relation: header.relation,
    attributes: header.attributes,
    rowCount: lineNumbers.length,
    values: Float64Array.from(values),
    labels: isLabelled ? Uint8Array.from(labels, (y) => Math.max(y, 0)) : null,
    unlabelledRows: isLabelled ? unlabelledRows : [],
    lines: Uint32Array.from(lineNumbers),
  });
}

function parseRow(
  cells: readonly string[],
  header: Header,
  file: string,
  row: number,
  values: number[],
  labels: number[],
): Result<true> {
  let attribute = 0;
  for (let j = 0; j < cells.length; j += 1) {
    const cell = cells[j] ?? '';
    if (j === header.classIndex) {
      const label = parseLabel(cell, file, row);
      if (!label.ok) return label;
      labels.push(label.value);
      continue;
    }
    const field = header.attributes[attribute] ?? `#${j + 1}`;
    const value = parseCell(cell, file, row, field);
    if (!value.ok) return value;
    values.push(value.value);
    attribute += 1;
  }
  return ok(true);
}

/** Reads and parses an ARFF file; a read failure becomes `ARFF_READ_FAILED` naming the file. */
export async function readArffFile(path: string): Promise<Result<ArffTable>> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (cause) {
    return fail('ARFF_READ_FAILED', { file: path, value: cause instanceof Error ? cause.message : String(cause) });
  }
  return parseArff(text, path);
}
