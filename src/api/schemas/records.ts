import { z } from 'zod';
import type { Field, RecordKind } from '../../app/records/index.js';
import type { PolicyTerms } from '../../core/model/index.js';
import { country, id, instant, localDate, money, optionalText, page, pageOf, rate, text } from './common.js';

/** An invoice's instalments: each due date and amount; their sum and dates are core rules. */
const instalments = z
  .array(z.strictObject({ dueOn: localDate(), amountMinor: money() }))
  .max(360)
  .describe('instalment schedule; empty for a single due date');

/** An acceptance bill's chain of endorsements. */
const endorsements = z.array(z.strictObject({ on: localDate(), from: text(200), to: text(200) })).max(100);

const share = () => z.number().min(0).max(1);
const days = () => z.int().min(0).max(3650);
const minor = () => z.int().min(0).max(Number.MAX_SAFE_INTEGER);

/** A credit-insurance policy's terms (PolicyTerms): any of them, the defaults apply to the rest. */
const policyTerms = z
  .strictObject({
    insuredPctCommercial: share(),
    insuredPctPolitical: share(),
    insuredPctRejection: share(),
    claimThresholdMinor: minor(),
    aggregateFirstLossMinor: minor(),
    perBuyerExcessMinor: minor(),
    maxCreditTermsDays: days(),
    maxExtensionDays: days(),
    overdueNotifyDays: days(),
    adverseInfoNotifyDays: days(),
    collectionTransferDays: days(),
    claimWaitingDays: days(),
    indemnityPaymentDays: days(),
    claimFilingDays: days(),
    maxLiabilityMinor: minor().nullable(),
    maxLiabilityPremiumMultiple: z.number().min(0).max(1000).nullable(),
    premiumRate: share(),
    minPremiumMinor: minor().nullable(),
    discretionaryLimitMaxMinor: minor().nullable(),
    includeVat: z.boolean(),
    renewalNoticeDays: days(),
    shipmentDeclarationDays: days(),
  } satisfies Record<keyof PolicyTerms, z.ZodType>)
  .partial();

/**
 * The zod schemas of each record kind, generated from its field table: strict create and
 * update bodies, the record as returned, list query strings and key path parameters.
 */
function input(f: Field): z.ZodType {
  if (f.values) return z.enum(f.values as [string, ...string[]]);
  switch (f.type) {
    case 'text':
      return f.mode === 'required' ? text(200) : optionalText(200);
    case 'note':
      return optionalText(4000);
    case 'date':
      return localDate();
    case 'instant':
      return instant();
    case 'currency':
      // The shape only: an unknown code is the core rule's UNKNOWN_CURRENCY, as in an import.
      return z.string().regex(/^[A-Za-z]{3}$/, 'must be an ISO 4217 code such as CNY');
    case 'country':
      return country();
    case 'int':
      return z.int().min(0).max(100_000);
    case 'money':
      return money();
    case 'rate':
      return rate();
    case 'bool':
      return z.boolean();
    case 'tags':
      return z.array(text(100)).max(100);
    case 'instalments':
      return instalments;
    case 'endorsements':
      return endorsements;
    case 'terms':
      return policyTerms;
    case 'ref':
      return id().describe(`id of a ${f.refTable ?? 'record'} of the same organisation`);
  }
}

function output(f: Field): z.ZodType {
  const base: Partial<Record<string, () => z.ZodType>> = {
    int: () => z.number(),
    money: () => z.int(),
    rate: () => z.number(),
    bool: () => z.boolean(),
    tags: () => z.array(z.string()),
    instalments: () => instalments,
    endorsements: () => endorsements,
    terms: () => z.record(z.string(), z.unknown()),
  };
  const schema = (Object.hasOwn(base, f.type) ? base[f.type]?.() : undefined) ?? z.string();
  return f.mode === 'nullable' ? schema.nullable() : schema;
}

function withMode(f: Field, schema: z.ZodType): z.ZodType {
  if (f.mode === 'nullable') return schema.nullable().optional();
  return f.mode === 'default' ? schema.optional() : schema;
}

export interface KindSchemas {
  readonly create: z.ZodObject;
  readonly update: z.ZodObject;
  readonly item: z.ZodObject;
  readonly list: z.ZodObject;
  readonly params: z.ZodObject;
}

function childSchemas(kind: RecordKind) {
  if (!kind.child) return { create: {}, item: {} };
  const fields = kind.child.fields;
  const create = z.strictObject(Object.fromEntries(fields.map((f) => [f.name, withMode(f, input(f))])));
  const item = z.object(Object.fromEntries(fields.map((f) => [f.name, output(f)])));
  return {
    create: { [kind.child.field]: z.array(create).max(10_000).optional() },
    item: { [kind.child.field]: z.array(item) },
  };
}

function listQuery(kind: RecordKind): z.ZodObject {
  const filters = Object.fromEntries(kind.filters.map((name) => [name, optionalText(200).optional()]));
  const sorts = kind.sortable.flatMap((s) => [s, `-${s}`]) as [string, ...string[]];
  const range = kind.dateField
    ? {
        from: localDate().optional().describe(`${kind.dateField} on or after`),
        to: localDate().optional().describe(`${kind.dateField} on or before`),
      }
    : {};
  return z.strictObject({
    ...filters,
    ...range,
    sort: z.enum(sorts).optional().describe('field, "-" first for descending'),
    ...page,
  });
}

export function schemasFor(kind: RecordKind): KindSchemas {
  const child = childSchemas(kind);
  const writable = kind.fields.map((f) => [f.name, withMode(f, input(f))] as const);
  const create = z.strictObject({ ...Object.fromEntries(writable), ...child.create });
  const keyNames = new Set(kind.key);
  const updatable = writable.filter(([name]) => !keyNames.has(name)).map(([name, s]) => [name, s.optional()]);
  const update = z.strictObject({ ...Object.fromEntries(updatable), ...child.create });
  const itemShape = Object.fromEntries(kind.readFields.map((f) => [f.name, output(f)]));
  const item = z.object({ ...(kind.hasGeneratedId ? { id: z.string() } : {}), ...itemShape, ...child.item });
  const keyFields = kind.key.map((name) => kind.fields.find((f) => f.name === name));
  const params = z.strictObject(
    Object.fromEntries(kind.key.map((name, i) => [name, keyFields[i] ? input(keyFields[i]) : id()])),
  );
  return { create, update, item, list: listQuery(kind), params };
}

export const listResponse = (s: KindSchemas) => pageOf(s.item);
