import {
  type CoverInvoice,
  type CoverLimit,
  coverInvoices,
  type InvoiceCover,
  parsePolicyTerms,
} from '../../core/insurance/index.js';
import type { BuyerCoverKind, PolicyTerms } from '../../core/model/index.js';
import { fail, ok, type Result } from '../../core/shared/index.js';
import type { LocalDate } from '../../core/time/index.js';
import type { Db } from '../../db/connection.js';
import { listInsurance, type StoredPolicy } from '../../db/stores/insurance.js';
import { toBase } from '../credit/limits.js';
import { loadRiskBook, type RiskBook } from '../credit/risk-states.js';

/** The policy the reports read, with its terms parsed. */
export interface PolicyView {
  readonly id: string;
  readonly insurer: string;
  readonly policyNumber: string;
  readonly currency: string;
  readonly startsOn: LocalDate;
  readonly endsOn: LocalDate;
  readonly lossPayee: string | null;
  readonly lossPayeeType: string | null;
  readonly terms: PolicyTerms;
}

/** The book's risk states, the policy in force and the cover of every open invoice (base currency). */
export interface InsuranceBook {
  readonly risk: RiskBook;
  readonly currency: string;
  readonly policy: PolicyView;
  readonly limits: readonly CoverLimit[];
  readonly invoices: readonly InvoiceCover[];
  /** Open items left out: no FX rate to the base currency on the as-of date. */
  readonly unconverted: readonly string[];
  readonly names: ReadonlyMap<string, { readonly code: string; readonly name: string }>;
}

/** The id of an open item (an invoice, or one instalment of it) in the cover of the invoices. */
export function coverItemId(item: { readonly invoiceId: string; readonly instalment: number | null }): string {
  return item.instalment === null ? item.invoiceId : `${item.invoiceId}#${item.instalment}`;
}

/** The policy in force on `asOf` (the latest to start), else the latest to start before it. */
export function policyOn(policies: readonly StoredPolicy[], asOf: LocalDate): StoredPolicy | null {
  const started = policies.filter((p) => p.startsOn <= asOf);
  return started.filter((p) => p.endsOn >= asOf).at(-1) ?? started.at(-1) ?? null;
}

function parsed(p: StoredPolicy): Result<PolicyView> {
  let raw: unknown;
  try {
    raw = JSON.parse(p.terms);
  } catch (cause) {
    return fail('INS_BAD_TERMS', { field: 'terms', value: String(cause), policy: p.policyNumber });
  }
  const terms = parsePolicyTerms(raw);
  if (!terms.ok) return fail(terms.error.code, { ...terms.error.details, policy: p.policyNumber });
  const { terms: _text, financedShare: _share, ...rest } = p;
  return ok({ ...rest, terms: terms.value });
}

/**
 * Loads the risk book as of `asOf` and the policy in force, and checks the cover of every open
 * invoice under it (src/core/insurance). Amounts are converted to the base currency on `asOf`.
 */
export async function loadInsuranceBook(
  db: Db,
  params: { orgId: string; asOf: LocalDate },
): Promise<Result<InsuranceBook>> {
  const [risk, stored] = await Promise.all([loadRiskBook(db, params), listInsurance(db, params)]);
  if (!risk.ok) return risk;
  const chosen = policyOn(stored.policies, params.asOf);
  if (chosen === null) return fail('INS_NO_POLICY', { asOf: params.asOf });
  const policy = parsed(chosen);
  if (!policy.ok) return policy;
  const { book } = risk.value.scored;
  const conv = toBase(book, params.asOf);
  const limits: CoverLimit[] = stored.limits
    .filter((l) => l.policyId === chosen.id)
    .map((l) => ({
      customerId: l.customerId,
      kind: l.kind as BuyerCoverKind,
      limitMinor: conv(l.limitMinor, l.currency) ?? 0,
      effectiveFrom: l.effectiveFrom,
      cancelledOn: l.cancelledOn,
    }));
  const open: CoverInvoice[] = [];
  const unconverted: string[] = [];
  for (const item of risk.value.openItems) {
    if (item.openMinor <= 0) continue;
    const openMinor = conv(item.openMinor, item.currency);
    if (openMinor === null) unconverted.push(item.number);
    else
      open.push({
        invoiceId: coverItemId(item),
        customerId: item.customerId,
        number: item.instalment === null ? item.number : `${item.number}/${item.instalment}`,
        issuedOn: item.issuedOn,
        dueOn: item.dueOn,
        openMinor,
      });
  }
  return ok({
    risk: risk.value,
    currency: book.baseCurrency,
    policy: policy.value,
    limits,
    invoices: coverInvoices(policy.value, limits, open),
    unconverted,
    names: new Map(book.customers.map((c) => [c.id, { code: c.code, name: c.name }])),
  });
}
