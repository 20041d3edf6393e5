import {
  BaseConverter,
  type ForecastCustomerRisk,
  type ForecastInput,
  type ForecastInvoice,
  type OneOffItem,
  type ScenarioParams,
} from '../forecast/index.js';
import { roundWith } from '../money/index.js';
import { addDays } from '../time/index.js';
import { ShockedFxTable } from './shocked-fx.js';
import type { Shock, StressCustomer, StressInput, StressSupplier } from './types.js';

/** A forecast input and scenario after some shocks, with the credit loss the defaults among them cause. */
export interface ShockedForecast {
  readonly input: ForecastInput;
  readonly params: ScenarioParams;
  readonly creditLossMinor: number;
  /** Customers defaulted so far (a later top-N default picks the next largest). */
  readonly defaulted: ReadonlySet<string>;
}

/** Customers not yet defaulted by exposure, largest first (ties by id, so the order is stable). */
export function largestCustomers(customers: readonly StressCustomer[]): StressCustomer[] {
  return customers
    .filter((c) => c.exposureMinor > 0 && c.isDefaulted !== true)
    .sort((a, b) => b.exposureMinor - a.exposureMinor || (a.customerId < b.customerId ? -1 : 1));
}

/** Suppliers by open payables in the base currency, largest first. */
export function largestSuppliers(input: ForecastInput): StressSupplier[] {
  const toBase = new BaseConverter(input.fx, input.baseCurrency, input.asOf, 0);
  const open = new Map<string, number>();
  for (const b of input.bills) {
    const amount = toBase.toBase(b.openMinor, b.currency);
    if (amount !== null && amount > 0) open.set(b.supplierName, (open.get(b.supplierName) ?? 0) + amount);
  }
  return [...open]
    .map(([name, openMinor]) => ({ name, openMinor }))
    .sort((a, b) => b.openMinor - a.openMinor || (a.name < b.name ? -1 : 1));
}

/**
 * Customers default today (DOMAIN 3.1, 3.6 rule 4): their open receivables leave receipts, the
 * insured share comes back as an indemnity after the claim period, the rest at the recovery share
 * after the recovery lag (the insolvency treatment of the risk state), and their sales stop.
 */
function applyDefaults(stress: StressInput, s: ShockedForecast, ids: readonly string[]): ShockedForecast {
  const { forecast: input, settings } = stress;
  const risk = new Map<string, ForecastCustomerRisk>(input.risk);
  const oneOffs: OneOffItem[] = [...input.oneOffItems];
  const byId = new Map(stress.customers.map((c) => [c.customerId, c]));
  const defaulted = new Set(s.defaulted);
  let creditLoss = s.creditLossMinor;
  for (const id of ids) {
    if (defaulted.has(id) || byId.get(id)?.isDefaulted === true) continue;
    defaulted.add(id);
    const c = byId.get(id);
    const insured = Math.min(1, Math.max(0, c?.insuredShare ?? 0));
    const recovery = settings.recoveryShare * (1 - insured);
    const prior = risk.get(id);
    risk.set(id, {
      status: 'insolvent',
      pd: 1,
      pdLow: 1,
      pdHigh: 1,
      lgd: prior?.lgd ?? 1 - settings.recoveryShare,
      recovery: { share: recovery, on: addDays(input.asOf, settings.recoveryLagDays), since: input.asOf },
      newSales: false,
    });
    const exposure = Math.max(0, c?.exposureMinor ?? 0);
    const indemnity = roundWith(exposure * insured, 'halfEven');
    if (indemnity > 0)
      oneOffs.push({
        id: `stress-indemnity:${id}`,
        name: c?.name ?? id,
        direction: 'inflow',
        currency: input.baseCurrency,
        amountMinor: indemnity,
        on: addDays(input.asOf, settings.indemnityLagDays),
      });
    creditLoss += exposure - indemnity - roundWith(exposure * recovery, 'halfEven');
  }
  return { ...s, input: { ...input, risk, oneOffItems: oneOffs }, creditLossMinor: creditLoss, defaulted };
}

/** Customers default on a later date: the forecast drops their receipts placed on or after it. */
function defaultLater(input: ForecastInput, ids: readonly string[], on: string): ForecastInput {
  const risk = new Map<string, ForecastCustomerRisk>(input.risk);
  for (const id of ids) {
    const prior = risk.get(id);
    if (prior?.recovery) continue;
    const earlier = prior?.defaultOn;
    const normal = { status: 'normal', pd: 0, pdLow: 0, pdHigh: 0, lgd: 0, recovery: null, newSales: true };
    risk.set(id, { ...(prior ?? normal), defaultOn: earlier !== undefined && earlier < on ? earlier : on });
  }
  return { ...input, risk };
}

function shiftInvoice(inv: ForecastInvoice, days: number): ForecastInvoice {
  const p = inv.payment;
  const payment =
    p === null
      ? { p10: addDays(inv.dueOn, days), p50: addDays(inv.dueOn, days), p90: addDays(inv.dueOn, days) }
      : { p10: addDays(p.p10, days), p50: addDays(p.p50, days), p90: addDays(p.p90, days) };
  return {
    ...inv,
    payment: { ...payment, pUnpaid90: p?.pUnpaid90 ?? 0, basis: p?.basis ?? 'portfolio' },
  };
}

/** Receipts `days` later for every customer or those named: open invoices and future sales alike. */
function applyDelay(input: ForecastInput, days: number, ids: readonly string[] | undefined): ForecastInput {
  if (days <= 0) return input;
  const only = ids === undefined ? null : new Set(ids);
  const hit = (id: string) => only === null || only.has(id);
  return {
    ...input,
    invoices: input.invoices.map((inv) => (hit(inv.customerId) ? shiftInvoice(inv, days) : inv)),
    customers: input.customers.map((c) => {
      if (!hit(c.customerId)) return c;
      const d = c.delayDays ?? { p10: 0, p50: 0, p90: 0 };
      return { ...c, delayDays: { p10: d.p10 + days, p50: d.p50 + days, p90: d.p90 + days } };
    }),
  };
}

/** Bills of the largest suppliers paid today: a one-off outflow of their open payables (DOMAIN 3.1). */
function applyPrepayment(input: ForecastInput, count: number): ForecastInput {
  const names = new Set(
    largestSuppliers(input)
      .slice(0, count)
      .map((s) => s.name),
  );
  const prepaid = input.bills.filter((b) => names.has(b.supplierName));
  return {
    ...input,
    bills: input.bills.filter((b) => !names.has(b.supplierName)),
    oneOffItems: [
      ...input.oneOffItems,
      ...prepaid.map((b) => ({
        id: `stress-prepayment:${b.id}`,
        name: b.supplierName,
        direction: 'outflow' as const,
        currency: b.currency,
        amountMinor: b.openMinor,
        on: input.asOf,
      })),
    ],
  };
}

/** Every line ends at its next renewal (or after `noticeDays`): headroom goes, the drawn balance is repaid. */
function applyLineWithdrawal(input: ForecastInput, noticeDays: number): ForecastInput {
  const fallback = addDays(input.asOf, noticeDays);
  return {
    ...input,
    creditLines: input.creditLines.map((l) => {
      const renewal = l.renewalOn ?? l.expiresOn;
      const ends = renewal !== null && renewal > input.asOf ? renewal : fallback;
      return { ...l, renewalOn: null, expiresOn: l.expiresOn !== null && l.expiresOn < ends ? l.expiresOn : ends };
    }),
    settings: { ...input.settings, repayDrawnAtExpiry: true },
  };
}

/**
 * Applies one shock to a forecast input and scenario (DOMAIN 3.1). Pure: returns new objects.
 *
 * @example
 * let s = startShocks(stress); s = applyShock(stress, s, { kind: 'delay', days: 30 });
 */
export function applyShock(stress: StressInput, s: ShockedForecast, shock: Shock): ShockedForecast {
  const { input, params } = s;
  switch (shock.kind) {
    case 'top_default': {
      const ids = largestCustomers(stress.customers)
        .filter((c) => !s.defaulted.has(c.customerId))
        .slice(0, Math.max(0, shock.count))
        .map((c) => c.customerId);
      return applyDefaults(stress, s, ids);
    }
    case 'default':
      return shock.on !== undefined && shock.on > input.asOf
        ? { ...s, input: defaultLater(input, shock.customerIds, shock.on) }
        : applyDefaults(stress, s, shock.customerIds);
    case 'delay':
      return { ...s, input: applyDelay(input, shock.days, shock.customerIds) };
    case 'sales_drop': {
      const keep = 1 - Math.min(1, Math.max(0, shock.share));
      const purchases = 1 - (1 - keep) * Math.min(1, Math.max(0, shock.variableShare));
      if (shock.fromMonth !== undefined && shock.fromMonth > input.asOf.slice(0, 7)) {
        const adjustment = { fromMonth: shock.fromMonth, salesFactor: keep, purchasesFactor: purchases };
        return { ...s, input: { ...input, salesAdjustments: [...(input.salesAdjustments ?? []), adjustment] } };
      }
      return {
        ...s,
        params: { ...params, salesFactor: params.salesFactor * keep },
        input: {
          ...input,
          purchaseHistory: (input.purchaseHistory ?? []).map((m) => ({
            ...m,
            amountMinor: roundWith(m.amountMinor * purchases, 'halfEven'),
          })),
        },
      };
    }
    case 'fx':
      return { ...s, input: { ...input, fx: new ShockedFxTable(input.fx, shock.currency, shock.change) } };
    case 'credit_line_withdrawn':
      return { ...s, input: applyLineWithdrawal(input, shock.noticeDays) };
    case 'supplier_prepayment':
      return { ...s, input: applyPrepayment(input, shock.count) };
    case 'payables_stretch': {
      const current = params.payablesStretch === 'history' ? input.payablesStretchDays : params.payablesStretch;
      return { ...s, params: { ...params, payablesStretch: Math.max(0, Math.round(current)) + shock.days } };
    }
  }
}
