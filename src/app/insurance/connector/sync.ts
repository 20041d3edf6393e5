import { checkLimitDecision, type LimitDecision } from '../../../core/insurance/index.js';
import { fail, ok, type Result } from '../../../core/shared/index.js';
import type { LocalDate } from '../../../core/time/index.js';
import type { Db } from '../../../db/connection.js';
import { listInsurance } from '../../../db/stores/insurance.js';
import { type LimitWrite, listCustomerKeys, writeInsuredLimits } from '../../../db/stores/insured-limits.js';
import { getOrganisation } from '../../../db/stores/organisations.js';
import { withTransaction } from '../../../db/transaction.js';
import { type Actor, writeAudit } from '../../records/index.js';
import { policyOn } from '../load.js';
import { connectorFor } from './allianz-trade.js';
import type { HttpOptions } from './http.js';
import { readConnectorSettings } from './settings.js';
import type { BuyerGrade, ClaimStatus, CoverDecision, InsurerConnector } from './types.js';

export interface SyncedDecision extends CoverDecision {
  readonly customerId: string;
  readonly customerCode: string;
  readonly action: LimitWrite;
}

export interface UnmatchedBuyer {
  readonly buyerId: string;
  readonly buyerName: string;
  readonly nationalId: string | null;
}

export interface SyncReport {
  readonly insurer: string;
  readonly policyNumber: string;
  readonly dryRun: boolean;
  readonly decisions: readonly SyncedDecision[];
  /** Decisions on buyers that are no customer of the organisation: not written. */
  readonly unmatched: readonly UnmatchedBuyer[];
  readonly grades: readonly (BuyerGrade & { readonly customerCode: string | null })[];
  readonly claims: readonly (ClaimStatus & { readonly customerCode: string | null })[];
  readonly counts: { readonly inserted: number; readonly updated: number; readonly unchanged: number };
}

/**
 * Fetches the insurer's cover decisions, buyer grades and claims through the organisation's
 * connector and writes the cover decisions into insured_buyer_limits under the policy: each buyer
 * matched by the connector's `buyers` table (insurer id → customer code) or by its registration
 * number, each decision checked by `checkLimitDecision` (the check every limit write passes), all
 * in one transaction, keyed by (policy, buyer, effective date) so a second sync changes nothing.
 * With `dryRun` nothing is written. `connector` replaces the one the settings name (tests).
 */
export async function syncInsurerCover(
  db: Db,
  params: {
    orgId: string;
    asOf: LocalDate;
    dryRun: boolean;
    actor?: Actor;
    connector?: InsurerConnector;
    http?: Partial<HttpOptions>;
  },
): Promise<Result<SyncReport>> {
  const org = await getOrganisation(db, { orgId: params.orgId });
  if (!org) return fail('ORGANISATION_NOT_FOUND', { orgId: params.orgId });
  const settings = readConnectorSettings(org);
  if (!settings.ok) return settings;
  const stored = await listInsurance(db, params);
  const wanted = settings.value.policyNumber;
  const policy =
    wanted === undefined
      ? policyOn(stored.policies, params.asOf)
      : (stored.policies.find((p) => p.policyNumber === wanted) ?? null);
  if (policy === null)
    return wanted === undefined
      ? fail('INS_NO_POLICY', { asOf: params.asOf })
      : fail('INS_CONNECTOR_UNKNOWN_POLICY', { field: 'settings.insurance.connector.policyNumber', value: wanted });
  const connector = params.connector ?? connectorFor(settings.value, params.http ?? {});
  const covers = await connector.coverDecisions();
  if (!covers.ok) return covers;
  const grades = await connector.buyerGrades();
  if (!grades.ok) return grades;
  const claims = await connector.claims();
  if (!claims.ok) return claims;

  const customers = await listCustomerKeys(db, params);
  const byCode = new Map(customers.map((c) => [c.code, c]));
  const byReg = new Map(customers.filter((c) => c.registrationNo).map((c) => [c.registrationNo as string, c]));
  const buyers = settings.value.buyers ?? {};
  const match = (buyerId: string, nationalId: string | null) => {
    const code = Object.hasOwn(buyers, buyerId) ? buyers[buyerId] : undefined;
    if (code !== undefined) return byCode.get(code) ?? null;
    return nationalId ? (byReg.get(nationalId) ?? null) : null;
  };
  const nationalIds = new Map(covers.value.map((c) => [c.buyerId, c.nationalId]));

  const matched: { decision: CoverDecision; row: LimitDecision; code: string }[] = [];
  const unmatched: UnmatchedBuyer[] = [];
  const seen = new Map<string, string>();
  for (const d of covers.value) {
    const customer = match(d.buyerId, d.nationalId);
    if (customer === null) {
      unmatched.push({ buyerId: d.buyerId, buyerName: d.buyerName, nationalId: d.nationalId });
      continue;
    }
    const row = checkLimitDecision(
      {
        policyId: policy.id,
        customerId: customer.id,
        kind: d.kind,
        currency: d.currency,
        limitMinor: d.limitMinor,
        effectiveFrom: d.effectiveFrom,
        cancelledOn: d.cancelledOn,
      },
      `cover ${d.coverId}`,
    );
    if (!row.ok) return row;
    const key = `${customer.id}\u0000${d.effectiveFrom}`;
    const other = seen.get(key);
    if (other !== undefined)
      return fail('INS_SYNC_DUPLICATE', { at: `cover ${d.coverId}`, other: `cover ${other}`, on: d.effectiveFrom });
    seen.set(key, d.coverId);
    matched.push({ decision: d, row: row.value, code: customer.code });
  }

  const actions = await withTransaction(db, async (tx) => {
    const done = await writeInsuredLimits(tx, {
      orgId: params.orgId,
      rows: matched.map((m) => m.row),
      dryRun: params.dryRun,
    });
    const counts = { inserted: 0, updated: 0, unchanged: 0 };
    for (const a of done) counts[a]++;
    if (!params.dryRun && params.actor && counts.inserted + counts.updated > 0)
      await writeAudit(tx, params.actor, {
        action: 'insurance.sync',
        entityType: 'insurance_policy',
        entityId: policy.id,
        before: null,
        after: { insurer: connector.insurer, ...counts },
      });
    return { done, counts };
  });

  const codeOf = (buyerId: string) => match(buyerId, nationalIds.get(buyerId) ?? null)?.code ?? null;
  return ok({
    insurer: connector.insurer,
    policyNumber: policy.policyNumber,
    dryRun: params.dryRun,
    decisions: matched.map((m, i) => ({
      ...m.decision,
      customerId: m.row.customerId,
      customerCode: m.code,
      action: actions.done[i] as LimitWrite,
    })),
    unmatched,
    grades: grades.value.map((g) => ({ ...g, customerCode: codeOf(g.buyerId) })),
    claims: claims.value.map((c) => ({ ...c, customerCode: codeOf(c.buyerId) })),
    counts: actions.counts,
  });
}
