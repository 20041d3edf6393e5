import type { InsuranceFacts } from '../../core/alerts/index.js';
import { insuranceDeadlines, insuranceObligations } from '../../core/insurance/index.js';
import { ok, type Result } from '../../core/shared/index.js';
import type { LocalDate } from '../../core/time/index.js';
import type { Db } from '../../db/connection.js';
import type { RiskBook } from '../credit/risk-states.js';
import { loadInsuranceBook } from './load.js';

/**
 * The insurance calendar the alert rules read (docs/adr/0026): the per-invoice deadlines and the
 * policy's other obligations under the policy in force on `asOf`; null when there is no policy.
 */
export async function insuranceAlertFacts(
  db: Db,
  params: { orgId: string; asOf: LocalDate; risk: RiskBook },
): Promise<Result<InsuranceFacts | null>> {
  const b = await loadInsuranceBook(db, params);
  if (!b.ok) return b.error.code === 'INS_NO_POLICY' ? ok(null) : b;
  const { policy, invoices, limits } = b.value;
  return ok({
    policyNumber: policy.policyNumber,
    deadlines: insuranceDeadlines(invoices, policy.terms, params.asOf),
    obligations: insuranceObligations({
      invoices,
      limits,
      terms: policy.terms,
      policyEndsOn: policy.endsOn,
      asOf: params.asOf,
    }),
  });
}
