import type { Db } from '../connection.js';

export interface InsuredLimitRow {
  readonly policyId: string;
  readonly customerId: string;
  readonly kind: string;
  readonly currency: string;
  readonly limitMinor: number;
  readonly effectiveFrom: string;
  readonly cancelledOn: string | null;
}

export type LimitWrite = 'inserted' | 'updated' | 'unchanged';

/** The customers a buyer of the insurer may be matched to: id, code and registration number. */
export async function listCustomerKeys(
  db: Db,
  params: { orgId: string },
): Promise<{ id: string; code: string; name: string; registrationNo: string | null }[]> {
  const rows = await db.kysely
    .selectFrom('customers')
    .select(['id', 'code', 'name', 'registration_no'])
    .where('org_id', '=', params.orgId)
    .execute();
  return rows.map((r) => ({ id: r.id, code: r.code, name: r.name, registrationNo: r.registration_no }));
}

/**
 * Writes limit decisions keyed by (policy, buyer, effective date): a new key is inserted, a
 * changed one updated, an equal one left alone, so writing the same decisions twice changes
 * nothing. With `dryRun` only says what it would do. Call it inside one transaction.
 */
export async function writeInsuredLimits(
  db: Db,
  params: { orgId: string; rows: readonly InsuredLimitRow[]; dryRun: boolean },
): Promise<LimitWrite[]> {
  const { orgId, rows } = params;
  if (rows.length === 0) return [];
  const existing = await db.kysely
    .selectFrom('insured_buyer_limits')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('policy_id', 'in', [...new Set(rows.map((r) => r.policyId))])
    .execute();
  const key = (p: string, c: string, e: string) => `${p}\u0000${c}\u0000${e}`;
  const byKey = new Map(existing.map((e) => [key(e.policy_id, e.customer_id, e.effective_from), e]));
  const out: LimitWrite[] = [];
  for (const r of rows) {
    const was = byKey.get(key(r.policyId, r.customerId, r.effectiveFrom));
    const values = { kind: r.kind, currency: r.currency, limit_minor: r.limitMinor, cancelled_on: r.cancelledOn };
    if (was === undefined) {
      out.push('inserted');
      if (!params.dryRun)
        await db.kysely
          .insertInto('insured_buyer_limits')
          .values({
            org_id: orgId,
            policy_id: r.policyId,
            customer_id: r.customerId,
            effective_from: r.effectiveFrom,
            ...values,
          })
          .execute();
    } else if (
      was.kind === r.kind &&
      was.currency.trim() === r.currency &&
      Number(was.limit_minor) === r.limitMinor &&
      was.cancelled_on === r.cancelledOn
    ) {
      out.push('unchanged');
    } else {
      out.push('updated');
      if (!params.dryRun)
        await db.kysely
          .updateTable('insured_buyer_limits')
          .set(values)
          .where('org_id', '=', orgId)
          .where('policy_id', '=', r.policyId)
          .where('customer_id', '=', r.customerId)
          .where('effective_from', '=', r.effectiveFrom)
          .execute();
    }
  }
  return out;
}
