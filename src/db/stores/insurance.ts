import type { Db } from '../connection.js';

/** A stored policy: its terms as stored text (read by the core's `parsePolicyTerms`). */
export interface StoredPolicy {
  readonly id: string;
  readonly insurer: string;
  readonly policyNumber: string;
  readonly currency: string;
  readonly startsOn: string;
  readonly endsOn: string;
  readonly terms: string;
  readonly lossPayee: string | null;
  readonly lossPayeeType: string | null;
  readonly financedShare: number | null;
}

export interface StoredBuyerLimit {
  readonly policyId: string;
  readonly customerId: string;
  readonly kind: string;
  readonly currency: string;
  readonly limitMinor: number;
  readonly effectiveFrom: string;
  readonly cancelledOn: string | null;
}

/** The organisation's policies, oldest first, and every buyer limit decision under them (by effective date). */
export async function listInsurance(
  db: Db,
  params: { orgId: string },
): Promise<{ policies: StoredPolicy[]; limits: StoredBuyerLimit[] }> {
  const [policies, limits] = await Promise.all([
    db.kysely
      .selectFrom('insurance_policies')
      .selectAll()
      .where('org_id', '=', params.orgId)
      .orderBy('starts_on')
      .orderBy('id')
      .execute(),
    db.kysely
      .selectFrom('insured_buyer_limits')
      .selectAll()
      .where('org_id', '=', params.orgId)
      .orderBy('effective_from')
      .orderBy('customer_id')
      .execute(),
  ]);
  return {
    policies: policies.map((p) => ({
      id: p.id,
      insurer: p.insurer,
      policyNumber: p.policy_number,
      currency: p.currency,
      startsOn: p.starts_on,
      endsOn: p.ends_on,
      terms: p.terms,
      lossPayee: p.loss_payee,
      lossPayeeType: p.loss_payee_type,
      financedShare: p.financed_share === null ? null : Number(p.financed_share),
    })),
    limits: limits.map((l) => ({
      policyId: l.policy_id,
      customerId: l.customer_id,
      kind: l.kind,
      currency: l.currency,
      limitMinor: Number(l.limit_minor),
      effectiveFrom: l.effective_from,
      cancelledOn: l.cancelled_on,
    })),
  };
}
