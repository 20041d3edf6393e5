import { toCamel, toSnake } from '../../core/shared/index.js';
/**
 * The field language of the record kinds: each API field (camelCase, the database column is its
 * snake_case) has a type and a mode, written compactly as 'date', 'text?' or 'ref:customers='.
 *   type:  text (<= 200 chars) | note (<= 4000) | date | instant | currency | country | int |
 *          money (safe integer minor units) | rate (finite number) | bool (0/1 in the database) |
 *          tags (string[] as JSON text) | instalments | endorsements | terms (JSON text of one exact
 *          shape each, validated before storage: no report can meet a value it cannot read) | ref:<table> (an id
 *          of a record of the same organisation) | one of an enum (`{ enum: [...] }`)
 *   mode:  '' required | '?' optional, null when absent | '=' optional, the database default applies
 */
export type FieldType =
  | 'text'
  | 'note'
  | 'date'
  | 'instant'
  | 'currency'
  | 'country'
  | 'int'
  | 'money'
  | 'rate'
  | 'bool'
  | 'tags'
  | 'instalments'
  | 'endorsements'
  | 'terms'
  | 'ref';
export type FieldMode = 'required' | 'nullable' | 'default';

export interface Field {
  readonly name: string;
  readonly column: string;
  readonly type: FieldType;
  readonly mode: FieldMode;
  /** For 'ref': the table the id must exist in (same organisation). */
  readonly refTable?: string;
  readonly values?: readonly string[];
}

export type FieldDef = string | { readonly enum: readonly string[]; readonly mode?: '' | '?' | '=' };

export { toCamel, toSnake };

const MODES: ReadonlyMap<string, FieldMode> = new Map([
  ['', 'required'],
  ['?', 'nullable'],
  ['=', 'default'],
]);

export function parseField(name: string, def: FieldDef): Field {
  const column = toSnake(name);
  if (typeof def !== 'string') {
    return { name, column, type: 'text', mode: MODES.get(def.mode ?? '') ?? 'required', values: def.enum };
  }
  const match = /^([a-z]+)(?::([a-z_]+))?([?=]?)$/.exec(def);
  if (!match) throw new Error(`bad field definition ${name}: ${def}`);
  const [, type, refTable, mode] = match;
  return {
    name,
    column,
    type: type as FieldType,
    mode: MODES.get(mode ?? '') ?? 'required',
    ...(refTable ? { refTable } : {}),
  };
}

const JSON_TYPES: ReadonlySet<FieldType> = new Set(['tags', 'instalments', 'endorsements', 'terms']);

/** Fields stored as JSON text. */
export function isJson(type: FieldType): boolean {
  return JSON_TYPES.has(type);
}

/** A database row as the API shows it: camelCase names, booleans, parsed JSON. */
export function rowToApi(fields: readonly Field[], row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (row.id !== undefined) out.id = row.id;
  for (const f of fields) {
    const value = row[f.column];
    if (value === undefined) continue;
    if (value === null) out[f.name] = null;
    else if (f.type === 'bool') out[f.name] = Number(value) !== 0;
    else if (isJson(f.type)) out[f.name] = JSON.parse(String(value));
    else out[f.name] = value;
  }
  return out;
}

/** A validated API body as database columns; absent fields are left out (defaults or unchanged). */
export function apiToRow(fields: readonly Field[], body: Record<string, unknown>, isCreate: boolean) {
  const out: Record<string, unknown> = {};
  for (const f of fields) {
    const value = body[f.name];
    if (value === undefined) {
      if (isCreate && f.mode === 'nullable') out[f.column] = null;
      continue;
    }
    if (value === null) out[f.column] = null;
    else if (f.type === 'bool') out[f.column] = value ? 1 : 0;
    else if (isJson(f.type)) out[f.column] = JSON.stringify(value);
    else out[f.column] = value;
  }
  return out;
}
