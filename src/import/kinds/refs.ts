import type { Db } from '../../db/connection.js';
import type { Value } from '../columns.js';
import type { RowContext } from '../spec.js';

/** A customer or supplier as imports reference it. */
export interface Party {
  readonly id: string;
  readonly code: string;
  readonly termsDays: number;
  readonly currency: string | null;
}

export interface PartyRefs {
  readonly byCode: Map<string, Party>;
  /** By name; null when two parties share the name (then the code is needed). */
  readonly byName: Map<string, Party | null>;
  readonly byId: Map<string, Party>;
}

export async function loadParties(db: Db, orgId: string, table: 'customers' | 'suppliers'): Promise<PartyRefs> {
  const rows = await db.kysely
    .selectFrom(table)
    .select(['id', 'code', 'name', 'default_terms_days', 'currency'])
    .where('org_id', '=', orgId)
    .execute();
  const refs: PartyRefs = { byCode: new Map(), byName: new Map(), byId: new Map() };
  for (const r of rows) {
    const p: Party = { id: r.id, code: r.code, termsDays: r.default_terms_days, currency: r.currency };
    refs.byCode.set(r.code, p);
    refs.byId.set(r.id, p);
    refs.byName.set(r.name, refs.byName.has(r.name) ? null : p);
  }
  return refs;
}

/** A receivable or payable document as receipts, payments and credit notes reference it. */
export interface DocRef {
  readonly id: string;
  readonly partyId: string;
  readonly number: string;
  readonly currency: string;
  readonly amountMinor: number;
  readonly issuedOn: string;
}

export async function loadDocs(db: Db, orgId: string, table: 'invoices' | 'bills'): Promise<Map<string, DocRef[]>> {
  const partyColumn = table === 'invoices' ? 'customer_id' : 'supplier_id';
  const rows = await db.kysely
    .selectFrom(table)
    .select(['id', 'number', 'currency', 'amount_minor', 'issued_on', `${partyColumn} as party_id`])
    .where('org_id', '=', orgId)
    .execute();
  const out = new Map<string, DocRef[]>();
  for (const r of rows as unknown as (DocRef & { party_id: string; amount_minor: number; issued_on: string })[]) {
    const doc: DocRef = {
      id: r.id,
      partyId: r.party_id,
      number: r.number,
      currency: r.currency,
      amountMinor: r.amount_minor,
      issuedOn: r.issued_on,
    };
    const list = out.get(r.number);
    if (list) list.push(doc);
    else out.set(r.number, [doc]);
  }
  return out;
}

const who = { customers: 'CUSTOMER', suppliers: 'SUPPLIER' } as const;

/**
 * Finds the party a row names, by code (preferred) or by name when the name is unique.
 * Reports an unknown code or name, an ambiguous name, or neither given when `required`.
 */
export function resolveParty(
  values: readonly Value[],
  codeAt: number,
  nameAt: number,
  refs: PartyRefs,
  ctx: RowContext,
  table: 'customers' | 'suppliers',
  required: boolean,
): Party | null | undefined {
  const code = values[codeAt] as string | null;
  const name = values[nameAt] as string | null;
  // Plain strings, not a destructured pair: this runs once a row.
  const codeKey = table === 'customers' ? 'customer_code' : 'supplier_code';
  const nameKey = table === 'customers' ? 'customer_name' : 'supplier_name';
  if (code !== null) {
    const p = refs.byCode.get(code);
    if (!p) ctx.problem(`UNKNOWN_${who[table]}`, codeKey, code);
    return p;
  }
  if (name !== null) {
    const p = refs.byName.get(name);
    if (p === undefined) ctx.problem(`UNKNOWN_${who[table]}`, nameKey, name);
    else if (p === null) ctx.problem(`IMPORT_AMBIGUOUS_${who[table]}`, nameKey, name);
    return p ?? undefined;
  }
  if (required) ctx.problem('IMPORT_REQUIRED_VALUE', codeKey, null);
  return required ? undefined : null;
}
