import { FxTable } from '../../core/money/index.js';
import type { ReceivablesLedger } from '../../core/receivables/index.js';
import { fail, ok, type Result } from '../../core/shared/index.js';
import { isLocalDate } from '../../core/time/index.js';
import type { Db } from '../../db/connection.js';
import { getOrganisation } from '../../db/stores/organisations.js';
import { loadFxRates, loadReceivablesLedger } from '../../db/stores/receivables.js';

/** What every receivables use case loads: the organisation's base currency, its rates and its ledger. */
export interface ReceivablesContext {
  readonly baseCurrency: string;
  readonly fx: FxTable;
  readonly ledger: ReceivablesLedger;
}

/** A failure carried inside a report (e.g. the base-currency view), so the rest still shows. */
export interface ReportError {
  readonly code: string;
  readonly details: Readonly<Record<string, string | number | boolean | undefined>>;
}

/**
 * Checks `asOf`, finds the organisation and loads its ledger and FX rates (3–4 queries, no N+1).
 *
 * @example
 * const ctx = await loadReceivablesContext(db, { orgId: 'demo', asOf: '2026-03-31' });
 */
export async function loadReceivablesContext(
  db: Db,
  params: { orgId: string; asOf: string; customerId?: string },
): Promise<Result<ReceivablesContext>> {
  if (!isLocalDate(params.asOf)) {
    return fail('VALIDATION_FAILED', { field: 'asOf', value: params.asOf, expected: 'YYYY-MM-DD' });
  }
  const org = await getOrganisation(db, { orgId: params.orgId });
  if (!org) return fail('ORGANISATION_NOT_FOUND', { orgId: params.orgId });
  const ledgerParams =
    params.customerId === undefined ? { orgId: params.orgId } : { orgId: params.orgId, customerId: params.customerId };
  const [ledger, rates] = await Promise.all([
    loadReceivablesLedger(db, ledgerParams),
    loadFxRates(db, { orgId: params.orgId }),
  ]);
  return ok({ baseCurrency: org.baseCurrency, fx: new FxTable(rates), ledger });
}
