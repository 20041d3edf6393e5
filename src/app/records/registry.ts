import type { TableSpec } from '../../db/stores/records.js';
import { type Field, parseField } from './fields.js';
import { KINDS, type KindDef } from './kinds.js';

/** A kind with its fields parsed and its table spec, ready for the store and the API. */
export interface RecordKind extends Omit<KindDef, 'fields' | 'child'> {
  readonly fields: readonly Field[];
  /** `fields` plus the server-filled stamp fields: what a record shows. */
  readonly readFields: readonly Field[];
  readonly spec: TableSpec;
  /** True when the key is a server-generated `id`. */
  readonly hasGeneratedId: boolean;
  readonly child?: { readonly field: string; readonly fields: readonly Field[] };
}

function compile(def: KindDef): RecordKind {
  const fields = Object.entries(def.fields).map(([name, d]) => parseField(name, d));
  const hasGeneratedId = def.key.length === 1 && def.key[0] === 'id';
  const keyColumns = def.key.map((name) => (name === 'id' ? 'id' : columnOf(fields, name)));
  const { child: childDef, fields: _defs, ...rest } = def;
  const child = childDef
    ? {
        field: childDef.field,
        fields: Object.entries(childDef.fields).map(([name, d]) => parseField(name, d)),
      }
    : undefined;
  const stamps = Object.keys(def.stamps ?? {}).map((name) => parseField(name, 'text'));
  return {
    ...rest,
    fields,
    readFields: [...fields, ...stamps],
    hasGeneratedId,
    spec: {
      table: def.table,
      key: keyColumns,
      ...(def.child ? { child: { table: def.child.table, parentColumn: def.child.parentColumn } } : {}),
    },
    ...(child ? { child } : {}),
  };
}

function columnOf(fields: readonly Field[], name: string): string {
  const field = fields.find((f) => f.name === name);
  if (!field) throw new Error(`unknown field ${name}`);
  return field.column;
}

export const RECORD_KINDS: readonly RecordKind[] = KINDS.map(compile);

export function fieldColumn(kind: RecordKind, name: string): string {
  return name === 'id' ? 'id' : columnOf(kind.fields, name);
}
