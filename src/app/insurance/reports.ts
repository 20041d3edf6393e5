import {
  type BuyerCover,
  type CoverLimit,
  type CoverValue,
  type InsuranceDeadline,
  type InvoiceCover,
  insuranceDeadlines,
  premiumFor,
  summariseBuyerCover,
  valueOfCover,
  withoutCover,
} from '../../core/insurance/index.js';
import { isCurrencyCode, minorUnits } from '../../core/money/index.js';
import { groupBy, ok, type Result } from '../../core/shared/index.js';
import { bookLossDistribution } from '../../core/stress/creditriskplus-book.js';
import { addDays, type LocalDate } from '../../core/time/index.js';
import type { Db } from '../../db/connection.js';
import { toBase } from '../credit/limits.js';
import { type InsuranceBook, loadInsuranceBook, type PolicyView } from './load.js';

interface Named {
  readonly code: string;
  readonly name: string;
}

export interface InvoiceCoverRow extends InvoiceCover, Named {}
export interface BuyerCoverRow extends BuyerCover, Named {}

export interface CoverReport {
  readonly asOf: LocalDate;
  readonly currency: string;
  readonly policy: PolicyView;
  readonly invoices: readonly InvoiceCoverRow[];
  readonly buyers: readonly BuyerCoverRow[];
  readonly totals: { readonly openMinor: number; readonly insuredMinor: number; readonly uninsuredMinor: number };
  readonly unconverted: readonly string[];
}

const named = (b: InsuranceBook, customerId: string): Named =>
  b.names.get(customerId) ?? { code: customerId, name: '' };

/** The cover report from a loaded book: each open invoice, each buyer (cover from its risk state). */
export function coverReport(b: InsuranceBook): CoverReport {
  const invoices = b.invoices.map((i) => ({ ...i, ...named(b, i.customerId) }));
  const byBuyer = groupBy(b.invoices, (i) => i.customerId);
  const buyers: BuyerCoverRow[] = [];
  for (const [id, state] of b.risk.states) {
    const own = byBuyer.get(id) ?? [];
    if (state.cover === null && own.length === 0) continue;
    buyers.push({ ...summariseBuyerCover(id, state.cover, own), ...named(b, id) });
  }
  buyers.sort((x, y) => y.openMinor - x.openMinor || x.code.localeCompare(y.code));
  let openMinor = 0;
  let insuredMinor = 0;
  for (const i of b.invoices) {
    openMinor += i.openMinor;
    insuredMinor += i.insuredMinor;
  }
  invoices.sort((x, y) => x.code.localeCompare(y.code) || x.issuedOn.localeCompare(y.issuedOn));
  return {
    asOf: b.risk.asOf,
    currency: b.currency,
    policy: b.policy,
    invoices,
    buyers,
    totals: { openMinor, insuredMinor, uninsuredMinor: openMinor - insuredMinor },
    unconverted: b.unconverted,
  };
}

/**
 * Each open invoice under the policy in force: covered or not and why; each buyer's limit, insured
 * part, own risk and utilisation.
 *
 * @example
 * const r = await insuranceCover(db, { orgId: 'demo', asOf: '2026-12-08' });
 * if (r.ok) r.value.invoices.filter((i) => !i.covered); // with their reasons
 */
export async function insuranceCover(db: Db, params: { orgId: string; asOf: LocalDate }): Promise<Result<CoverReport>> {
  const b = await loadInsuranceBook(db, params);
  return b.ok ? ok(coverReport(b.value)) : b;
}

export interface DeadlineRow extends InsuranceDeadline, Named {}

export interface DeadlineReport {
  readonly asOf: LocalDate;
  readonly policy: PolicyView;
  readonly deadlines: readonly DeadlineRow[];
}

/**
 * The deadline calendar of the insured open invoices: overdue notification, stop deliveries,
 * transfer to collection and claim filing, each from the original due date, with its level.
 */
export async function insuranceDeadlineReport(
  db: Db,
  params: { orgId: string; asOf: LocalDate },
): Promise<Result<DeadlineReport>> {
  const b = await loadInsuranceBook(db, params);
  if (!b.ok) return b;
  const list = insuranceDeadlines(b.value.invoices, b.value.policy.terms, params.asOf);
  return ok({
    asOf: params.asOf,
    policy: b.value.policy,
    deadlines: list.map((d) => ({ ...d, ...named(b.value, d.customerId) })),
  });
}

/**
 * Insurable turnover: invoices issued in the 365 days up to `asOf` to buyers with a limit (not
 * excluded) in force on the issue date, in the base currency: what the premium is charged on.
 */
export function insurableTurnover(b: InsuranceBook, asOf: LocalDate): number {
  const conv = toBase(b.risk.scored.book, asOf);
  const from = addDays(asOf, -365);
  const limitsOf = groupBy<CoverLimit>(b.limits, (l) => l.customerId);
  let total = 0;
  for (const inv of b.risk.scored.book.ledger.invoices) {
    if (inv.status === 'void' || inv.issuedOn <= from || inv.issuedOn > asOf) continue;
    const limit = (limitsOf.get(inv.customerId) ?? []).filter((l) => l.effectiveFrom <= inv.issuedOn).at(-1);
    if (limit === undefined || limit.kind === 'excluded') continue;
    if (limit.cancelledOn !== null && limit.cancelledOn <= inv.issuedOn) continue;
    total += conv(inv.amountMinor, inv.currency) ?? 0;
  }
  return total;
}

export interface ValueReport extends CoverValue {
  readonly asOf: LocalDate;
  readonly policy: PolicyView;
  readonly insurableTurnover: number;
}

/**
 * What the policy is worth on this book: the CreditRisk+ loss distribution of the receivables
 * (bookLossDistribution over the risk states, whose LGD is net of cover) with the policy and with
 * every customer's cover taken away, the premium on the insurable turnover, and the break-even.
 */
export async function insuranceValue(db: Db, params: { orgId: string; asOf: LocalDate }): Promise<Result<ValueReport>> {
  const b = await loadInsuranceBook(db, params);
  if (!b.ok) return b;
  const states = [...b.value.risk.states.values()];
  const recoveryShare = b.value.risk.settings.recoveryShare;
  const withPolicy = bookLossDistribution(states);
  if (!withPolicy.ok) return withPolicy;
  const without = bookLossDistribution(states.map((s) => withoutCover(s, recoveryShare)));
  if (!without.ok) return without;
  const turnover = insurableTurnover(b.value, params.asOf);
  const premium = premiumFor(b.value.policy.terms, turnover);
  return ok({
    ...valueOfCover(withPolicy.value, without.value, premium),
    currency: b.value.currency,
    asOf: params.asOf,
    policy: b.value.policy,
    insurableTurnover: turnover,
  });
}

/** The value of cover as `--json` and the API give it: amounts in currency units (to the cent), as `stress creditriskplus --json`. */
export interface ValueSummary {
  readonly asOf: LocalDate;
  readonly currency: string;
  readonly insurer: string;
  readonly policyNumber: string;
  readonly expectedLossWith: number;
  readonly expectedLossWithout: number;
  readonly lossAt99With: number;
  readonly lossAt99Without: number;
  readonly premium: number;
  readonly breakEven: number;
  readonly tailReduction: number;
  readonly insurableTurnover: number;
  readonly premiumRate: number;
  readonly isPremiumBelowBreakEven: boolean;
}

/** The value report with its amounts in currency units. */
export function valueSummary(r: ValueReport): ValueSummary {
  const scale = 10 ** (isCurrencyCode(r.currency) ? minorUnits(r.currency) : 2);
  const units = (minor: number) => minor / scale;
  return {
    asOf: r.asOf,
    currency: r.currency,
    insurer: r.policy.insurer,
    policyNumber: r.policy.policyNumber,
    expectedLossWith: units(r.expectedLossWith),
    expectedLossWithout: units(r.expectedLossWithout),
    lossAt99With: units(r.lossAt99With),
    lossAt99Without: units(r.lossAt99Without),
    premium: units(r.premium),
    breakEven: units(r.breakEven),
    tailReduction: units(r.tailReduction),
    insurableTurnover: units(r.insurableTurnover),
    premiumRate: r.policy.terms.premiumRate,
    isPremiumBelowBreakEven: r.isPremiumBelowBreakEven,
  };
}
