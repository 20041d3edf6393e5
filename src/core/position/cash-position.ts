import { type CurrencyCode, convert, type FxTable, money } from '../money/index.js';
import { type LocalDate, toEpochDay } from '../time/index.js';

/**
 * The cash position on one date (MISSION 1): cash at bank, what customers owe, what we owe,
 * credit line headroom and the largest customer exposures, all in the base currency.
 * Amounts in other currencies are converted at the latest rate on or before `asOf`; an amount
 * with no rate is left out of the totals and its currency is listed in `missingRates`.
 */
export interface PositionInput {
  readonly asOf: LocalDate;
  readonly baseCurrency: CurrencyCode;
  readonly fx: FxTable;
  readonly balances: readonly {
    accountId: string;
    name: string;
    currency: string;
    on: LocalDate;
    amountMinor: number;
  }[];
  readonly openInvoices: readonly { customerId: string; currency: string; dueOn: LocalDate; openMinor: number }[];
  readonly openBills: readonly { supplierId: string; currency: string; dueOn: LocalDate; openMinor: number }[];
  readonly creditLines: readonly {
    lender: string;
    currency: string;
    limitMinor: number;
    drawnMinor: number;
    expiresOn: LocalDate | null;
  }[];
  readonly customers: ReadonlyMap<string, { name: string; limitMinor: number | null; limitCurrency: string | null }>;
  /** How many customers to list as largest exposures (default 5). */
  readonly topN?: number;
}

export interface Exposure {
  readonly customerId: string;
  readonly name: string;
  readonly openMinor: number;
  readonly overdueMinor: number;
  readonly limitMinor: number | null;
  readonly share: number;
}

export interface CashPosition {
  readonly asOf: LocalDate;
  readonly currency: CurrencyCode;
  readonly cash: {
    readonly totalMinor: number;
    readonly accounts: readonly {
      name: string;
      currency: string;
      on: LocalDate;
      amountMinor: number;
      baseMinor: number | null;
    }[];
  };
  readonly receivables: {
    readonly openMinor: number;
    readonly overdueMinor: number;
    readonly over90Minor: number;
    readonly openCount: number;
    readonly overdueCount: number;
  };
  readonly payables: {
    readonly openMinor: number;
    readonly overdueMinor: number;
    readonly dueNext30Minor: number;
    readonly openCount: number;
  };
  readonly creditLines: { readonly limitMinor: number; readonly drawnMinor: number; readonly headroomMinor: number };
  readonly largestExposures: readonly Exposure[];
  readonly missingRates: readonly string[];
}

/**
 * @example
 * computeCashPosition({ asOf: '2026-11-25', baseCurrency: 'CNY', fx, balances, openInvoices, ... })
 *   // { cash: { totalMinor: 1_250_000_00, ... }, receivables: { openMinor: ..., overdueMinor: ... }, ... }
 */
export function computeCashPosition(input: PositionInput): CashPosition {
  const missing = new Set<string>();
  const toBase = (currency: string, amountMinor: number): number | null => {
    const rate = input.fx.rate(currency, input.baseCurrency, input.asOf, input.baseCurrency);
    if (rate === undefined) {
      missing.add(currency);
      return null;
    }
    return convert(money(amountMinor, currency), input.baseCurrency, rate).amountMinor;
  };
  const asOfDay = toEpochDay(input.asOf);

  const accounts = input.balances.map((b) => ({ ...b, baseMinor: toBase(b.currency, b.amountMinor) }));
  const cashTotal = accounts.reduce((s, a) => s + (a.baseMinor ?? 0), 0);

  const receivables = { openMinor: 0, overdueMinor: 0, over90Minor: 0, openCount: 0, overdueCount: 0 };
  const byCustomer = new Map<string, { open: number; overdue: number }>();
  for (const inv of input.openInvoices) {
    const base = toBase(inv.currency, inv.openMinor);
    if (base === null || inv.openMinor <= 0) continue;
    const daysPast = asOfDay - toEpochDay(inv.dueOn);
    receivables.openMinor += base;
    receivables.openCount++;
    const c = byCustomer.get(inv.customerId) ?? { open: 0, overdue: 0 };
    c.open += base;
    if (daysPast > 0) {
      receivables.overdueMinor += base;
      receivables.overdueCount++;
      c.overdue += base;
      if (daysPast > 90) receivables.over90Minor += base;
    }
    byCustomer.set(inv.customerId, c);
  }

  const payables = { openMinor: 0, overdueMinor: 0, dueNext30Minor: 0, openCount: 0 };
  for (const bill of input.openBills) {
    const base = toBase(bill.currency, bill.openMinor);
    if (base === null || bill.openMinor <= 0) continue;
    const daysToDue = toEpochDay(bill.dueOn) - asOfDay;
    payables.openMinor += base;
    payables.openCount++;
    if (daysToDue < 0) payables.overdueMinor += base;
    else if (daysToDue <= 30) payables.dueNext30Minor += base;
  }

  const lines = { limitMinor: 0, drawnMinor: 0, headroomMinor: 0 };
  for (const line of input.creditLines) {
    if (line.expiresOn !== null && line.expiresOn < input.asOf) continue;
    const limit = toBase(line.currency, line.limitMinor) ?? 0;
    const drawn = toBase(line.currency, line.drawnMinor) ?? 0;
    lines.limitMinor += limit;
    lines.drawnMinor += drawn;
    lines.headroomMinor += Math.max(0, limit - drawn);
  }

  const largestExposures = [...byCustomer.entries()]
    .sort((a, b) => b[1].open - a[1].open || (a[0] < b[0] ? -1 : 1))
    .slice(0, input.topN ?? 5)
    .map(([customerId, c]) => {
      const info = input.customers.get(customerId);
      const limitMinor =
        info?.limitMinor != null && info.limitCurrency ? toBase(info.limitCurrency, info.limitMinor) : null;
      return {
        customerId,
        name: info?.name ?? customerId,
        openMinor: c.open,
        overdueMinor: c.overdue,
        limitMinor,
        share: receivables.openMinor > 0 ? c.open / receivables.openMinor : 0,
      };
    });

  return {
    asOf: input.asOf,
    currency: input.baseCurrency,
    cash: { totalMinor: cashTotal, accounts },
    receivables,
    payables,
    creditLines: lines,
    largestExposures,
    missingRates: [...missing].sort(),
  };
}
