import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { fail, ok, type Result } from '../core/shared/index.js';
import type { Db } from '../db/connection.js';
import { type ImportKind, isImportKind } from './types.js';

/**
 * A saved column layout: which file header feeds which column, which headers to ignore, and
 * how to read ambiguous numbers and dates. Stored in `column_mappings` or read from a JSON file.
 *
 * @example
 * { "columns": { "单据编号": "number", "往来单位": "customer_name" }, "ignore": ["制单人"], "decimal": "," }
 */
export const columnMappingSchema = z.object({
  columns: z.record(z.string(), z.string().nullable()).default({}),
  ignore: z.array(z.string()).default([]),
  ignoreUnknown: z.boolean().default(false),
  decimal: z.enum(['.', ',']).default('.'),
  dateOrder: z.enum(['ymd', 'dmy', 'mdy']).nullable().default(null),
});
export type ColumnMapping = z.infer<typeof columnMappingSchema>;
export type ColumnMappingInput = z.input<typeof columnMappingSchema>;

export const DEFAULT_MAPPING: ColumnMapping = columnMappingSchema.parse({});

function parseMapping(text: string, source: string): Result<ColumnMapping> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return fail('IMPORT_MAPPING_INVALID', { value: source, expected: (e as Error).message });
  }
  const r = columnMappingSchema.safeParse(json);
  if (!r.success) return fail('IMPORT_MAPPING_INVALID', { value: source, expected: r.error.issues[0]?.message ?? '' });
  return ok(r.data);
}

/** A mapping by saved name for the kind, else from a JSON file at that path. */
export async function loadColumnMapping(
  db: Db,
  params: { orgId: string; kind: ImportKind; mapping: string },
): Promise<Result<ColumnMapping>> {
  const saved = await db.kysely
    .selectFrom('column_mappings')
    .select('mapping')
    .where('org_id', '=', params.orgId)
    .where('kind', '=', params.kind)
    .where('name', '=', params.mapping)
    .executeTakeFirst();
  if (saved) return parseMapping(saved.mapping, params.mapping);
  if (!/\.json$/i.test(params.mapping)) return fail('IMPORT_MAPPING_NOT_FOUND', { value: params.mapping });
  let text: string;
  try {
    text = await readFile(params.mapping, 'utf8');
  } catch {
    return fail('IMPORT_MAPPING_NOT_FOUND', { value: params.mapping });
  }
  return parseMapping(text, params.mapping);
}

/** Saves (or replaces) a named column mapping for one kind. */
export async function saveColumnMapping(
  db: Db,
  params: { orgId: string; kind: string; name: string; mapping: ColumnMappingInput },
): Promise<Result<ColumnMapping>> {
  if (!isImportKind(params.kind)) return fail('IMPORT_UNKNOWN_KIND', { value: params.kind });
  const r = columnMappingSchema.safeParse(params.mapping);
  if (!r.success)
    return fail('IMPORT_MAPPING_INVALID', { value: params.name, expected: r.error.issues[0]?.message ?? '' });
  const text = JSON.stringify(r.data);
  await db.kysely
    .insertInto('column_mappings')
    .values({ org_id: params.orgId, kind: params.kind, name: params.name, mapping: text })
    .onConflict((oc) => oc.columns(['org_id', 'kind', 'name']).doUpdateSet({ mapping: text }))
    .execute();
  return ok(r.data);
}
