import {
  BASE_SCENARIO,
  carriedParts,
  commitReceipts,
  type ForecastCustomerRisk,
  type PlanContext,
  planInvoiceReceipt,
  receiptDayRoller,
} from '../../core/forecast/index.js';
import type { Organisation } from '../../core/model/index.js';
import { ok, type Result } from '../../core/shared/index.js';
import { epochDayUnchecked, fromEpochDay, type LocalDate } from '../../core/time/index.js';
import type { RiskBook } from '../credit/risk-states.js';
import { forecastInvoices } from './behaviour.js';
import { applyUnapplied, baseAmountOf, invoiceFacts } from './ledger-facts.js';
import { forecastRisk } from './load-input.js';
import { readForecastSettings } from './settings.js';

/** One open line of a customer as the base forecast expects it. */
export interface ExpectedReceipt {
  readonly invoiceId: string;
  /** The invoice number, with '(2/3)' for an instalment. */
  readonly number: string;
  readonly instalment: number | null;
  readonly currency: string;
  readonly openMinor: number;
  /**
   * The base scenario's day (a working day; the as-of day when already late) and its P10–P90
   * range; for a receipt spread over several likely dates, its middle part's day.
   */
  readonly expectedOn: LocalDate;
  readonly expectedP10: LocalDate | null;
  readonly expectedP90: LocalDate | null;
  /** The part of `openMinor` expected in the base scenario (document currency): the sum of its parts. */
  readonly expectedMinor: number;
  readonly reason: string;
  readonly reasonData: Readonly<Record<string, string | number>>;
}

/**
 * When and how much the base forecast expects from one customer's open invoices: the very plan the
 * forecast engine applies (`planInvoiceReceipt`, its risk state, its payment history, the
 * organisation's working-day calendar), so the customer page and the forecast show one date and
 * one amount for each invoice.
 */
export function expectedReceipts(
  risk: RiskBook,
  org: Organisation,
  customerId: string,
  asOf: LocalDate,
  unapplied: readonly { customerId: string | null; currency: string; amountMinor: number }[],
): Result<{ items: ExpectedReceipt[]; risk: ForecastCustomerRisk | null }> {
  const configured = readForecastSettings(org);
  if (!configured.ok) return configured;
  const { book, behaviour } = risk.scored;
  const mine = invoiceFacts(
    book.ledger,
    asOf,
    baseAmountOf(book.fx, org.baseCurrency, asOf),
    book.fx,
    org.baseCurrency,
  ).filter((f) => f.customerId === customerId);
  // As the forecast does: unapplied receipts pay the customer's oldest open invoices first.
  const facts = applyUnapplied(
    mine,
    unapplied.filter((u) => u.customerId === customerId),
  );
  const state = risk.states.get(customerId);
  const treatment = state ? forecastRisk(state) : undefined;
  const asOfDay = epochDayUnchecked(asOf);
  const ctx: PlanContext = {
    asOfDay,
    doubtfulOverdueDays: configured.value.settings.doubtfulOverdueDays,
    roll: receiptDayRoller(configured.value.calendar, asOfDay),
  };
  const slices = configured.value.settings.receiptSlices;
  const { openPromises, plansOnTrack } = risk.commitments;
  const lines = commitReceipts(
    forecastInvoices(facts, behaviour.model, new Map(), slices),
    openPromises.filter((p) => p.customerId === customerId),
    plansOnTrack.filter((p) => p.customerId === customerId),
  );
  const items = lines.map((inv): ExpectedReceipt => {
    const plan = planInvoiceReceipt(inv, treatment, BASE_SCENARIO, ctx);
    // A customer expected to pay only a recovery has no payment-date range of its own.
    const rolled = (on: string | undefined) =>
      on === undefined || treatment?.recovery ? null : fromEpochDay(Math.max(asOfDay, ctx.roll(epochDayUnchecked(on))));
    return {
      invoiceId: inv.id,
      number: inv.number,
      instalment: inv.instalment ?? null,
      currency: inv.currency,
      openMinor: inv.openMinor,
      expectedOn: fromEpochDay(Math.max(asOfDay, plan.day)),
      expectedP10: rolled(inv.payment?.p10),
      expectedP90: rolled(inv.payment?.p90),
      expectedMinor: carriedParts(plan, inv.openMinor).reduce((sum, part) => sum + part, 0),
      reason: plan.reason,
      reasonData: plan.data,
    };
  });
  return ok({ items, risk: treatment ?? null });
}
