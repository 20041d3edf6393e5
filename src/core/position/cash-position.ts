import { type Exposure as CustomerExposure, computeExposure, isOverLimit } from '../credit/index.js';
import type { AcceptanceBill, SalesOrder } from '../model/index.js';
import { type CurrencyCode, convert, type FxTable, money } from '../money/index.js';
import type { OpenItem, ReceivablesFigures, ReceivablesTotals, UnreadableRow } from '../receivables/index.js';
import { groupBy } from '../shared/index.js';
import { type LocalDate, toEpochDay } from '../time/index.js';

/**
 * The cash position on one date (MISSION 1): cash at bank, acceptance bills held, what customers
 * owe (less what they paid that is not yet applied), what we owe, credit line headroom and the
 * largest customer exposures, all in the base currency. Every receivables figure comes from
 * `computeReceivablesFigures` (each line revalued at the as-of rate, then added), exposures from
 * `computeExposure`; an amount with no rate is left out and its currency listed in `missingRates`.
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
  readonly receivables: ReceivablesTotals;
  /** The open lines the figures were computed from (for exposures). */
  readonly openItems: readonly Pick<OpenItem, 'customerId' | 'currency' | 'openMinor'>[];
  /** Receipts not yet applied to invoices, per customer (null: payer not known) and currency. */
  readonly unapplied: readonly { customerId: string | null; currency: string; amountMinor: number }[];
  /** Acceptance bills of the organisation (every status; the position reads the held receivable ones). */
  readonly acceptanceBills: readonly AcceptanceBill[];
  readonly salesOrders: readonly SalesOrder[];
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
  /** Stored rows the loaders could not read: left out of every figure, and named. */
  readonly unreadableRows?: readonly UnreadableRow[];
}

/** A customer's exposure with its parts, its receivables figures and its limit (base currency). */
export interface Exposure {
  readonly customerId: string;
  readonly name: string;
  /** Open invoices (as the receivables figures count them). */
  readonly openMinor: number;
  readonly overdueMinor: number;
  readonly unappliedMinor: number;
  readonly acceptanceBillsMinor: number;
  readonly openOrdersMinor: number;
  /** openMinor − unapplied + acceptance bills + open orders (DOMAIN 4.3 rule 2). */
  readonly exposureMinor: number;
  readonly limitMinor: number | null;
  /** `isOverLimit(exposure, limit)`: the one over-limit rule. */
  readonly isOverLimit: boolean;
  /** Share of the organisation's open receivables. */
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
  /** Acceptance bills we hold (receivable, not matured): cash at maturity, or earlier if discounted. */
  readonly acceptanceBills: {
    readonly heldMinor: number;
    readonly bankMinor: number;
    readonly commercialMinor: number;
    readonly count: number;
    readonly nextMaturityOn: LocalDate | null;
  };
  readonly receivables: ReceivablesFigures & {
    /** Receipts of known customers not yet applied: they reduce what those customers owe. */
    readonly unappliedMinor: number;
    /** Receipts whose payer is not identified yet (in cash; not yet set against anyone). */
    readonly unidentifiedMinor: number;
    /** openMinor − unappliedMinor: what customers owe. */
    readonly netMinor: number;
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
  /** Stored rows left out because they could not be read (one bad row never fails the report). */
  readonly unreadableRows: readonly UnreadableRow[];
}

/** Converts each item on its own and adds them up (the rule of every figure here). */
function sumInBase(items: readonly { currency: string; amountMinor: number }[], toBase: ToBase): number {
  let total = 0;
  for (const i of items) total += toBase(i.currency, i.amountMinor) ?? 0;
  return total;
}

type ToBase = (currency: string, amountMinor: number) => number | null;

/**
 * @example
 * computeCashPosition({ asOf: '2026-11-25', baseCurrency: 'CNY', fx, balances, receivables, ... })
 *   // { cash: { totalMinor: 1_250_000_00, ... }, receivables: { openMinor: ..., overdueMinor: ... }, ... }
 */
export function computeCashPosition(input: PositionInput): CashPosition {
  const missing = new Set<string>(input.receivables.missingRates);
  const toBase: ToBase = (currency, amountMinor) => {
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

  const held = input.acceptanceBills.filter(
    (b) => b.direction === 'receivable' && b.status === 'held' && b.maturesOn >= input.asOf,
  );
  const face = (kind: AcceptanceBill['kind']) =>
    sumInBase(
      held.filter((b) => b.kind === kind).map((b) => ({ currency: b.currency, amountMinor: b.faceMinor })),
      toBase,
    );
  const acceptanceBills = {
    heldMinor: face('bank') + face('commercial'),
    bankMinor: face('bank'),
    commercialMinor: face('commercial'),
    count: held.length,
    nextMaturityOn: held.map((b) => b.maturesOn).sort()[0] ?? null,
  };

  const total = input.receivables.total;
  const unappliedMinor = sumInBase(
    input.unapplied.filter((u) => u.customerId !== null),
    toBase,
  );
  const unidentifiedMinor = sumInBase(
    input.unapplied.filter((u) => u.customerId === null),
    toBase,
  );
  const receivables = { ...total, unappliedMinor, unidentifiedMinor, netMinor: total.openMinor - unappliedMinor };

  const payables = { openMinor: 0, overdueMinor: 0, dueNext30Minor: 0, openCount: 0 };
  const payableSums = { open: [] as Item[], overdue: [] as Item[], next30: [] as Item[] };
  for (const bill of input.openBills) {
    if (bill.openMinor <= 0) continue;
    const item = { currency: bill.currency, amountMinor: bill.openMinor };
    const daysToDue = toEpochDay(bill.dueOn) - asOfDay;
    payableSums.open.push(item);
    payables.openCount++;
    if (daysToDue < 0) payableSums.overdue.push(item);
    else if (daysToDue <= 30) payableSums.next30.push(item);
  }
  payables.openMinor = sumInBase(payableSums.open, toBase);
  payables.overdueMinor = sumInBase(payableSums.overdue, toBase);
  payables.dueNext30Minor = sumInBase(payableSums.next30, toBase);

  const lines = { limitMinor: 0, drawnMinor: 0, headroomMinor: 0 };
  for (const line of input.creditLines) {
    if (line.expiresOn !== null && line.expiresOn < input.asOf) continue;
    const limit = toBase(line.currency, line.limitMinor) ?? 0;
    const drawn = toBase(line.currency, line.drawnMinor) ?? 0;
    lines.limitMinor += limit;
    lines.drawnMinor += drawn;
    lines.headroomMinor += Math.max(0, limit - drawn);
  }

  return {
    asOf: input.asOf,
    currency: input.baseCurrency,
    cash: { totalMinor: cashTotal, accounts },
    acceptanceBills,
    receivables,
    payables,
    creditLines: lines,
    largestExposures: largestExposures(input, toBase),
    missingRates: [...missing].sort(),
    unreadableRows: input.unreadableRows ?? [],
  };
}

type Item = { currency: string; amountMinor: number };

function largestExposures(input: PositionInput, toBase: ToBase): Exposure[] {
  const items = groupBy(input.openItems, (i) => i.customerId);
  const unapplied = groupBy(input.unapplied, (u) => u.customerId);
  const bills = groupBy(input.acceptanceBills, (b) => b.acceptorCustomerId);
  const orders = groupBy(input.salesOrders, (o) => o.customerId);
  const ids = new Set([...input.receivables.byCustomer.keys(), ...unapplied.keys(), ...bills.keys(), ...orders.keys()]);
  const conv = (amount: number, currency: string) => toBase(currency, amount);
  const arTotal = input.receivables.total.openMinor;
  const out: Exposure[] = [];
  for (const id of ids) {
    const e: CustomerExposure = computeExposure(
      id,
      input.baseCurrency,
      {
        openItems: items.get(id) ?? [],
        acceptanceBills: bills.get(id) ?? [],
        salesOrders: orders.get(id) ?? [],
        unapplied: unapplied.get(id) ?? [],
      },
      input.asOf,
      conv,
    );
    if (e.totalMinor === 0 && e.openArMinor === 0) continue;
    const figures = input.receivables.byCustomer.get(id);
    const info = input.customers.get(id);
    const limitMinor =
      info?.limitMinor != null && info.limitCurrency ? toBase(info.limitCurrency, info.limitMinor) : null;
    out.push({
      customerId: id,
      name: info?.name ?? id,
      openMinor: figures?.openMinor ?? 0,
      overdueMinor: figures?.overdueMinor ?? 0,
      unappliedMinor: e.unappliedMinor,
      acceptanceBillsMinor: e.acceptanceBillsMinor,
      openOrdersMinor: e.openOrdersMinor,
      exposureMinor: e.totalMinor,
      limitMinor,
      isOverLimit: isOverLimit(e.totalMinor, limitMinor),
      share: arTotal > 0 ? (figures?.openMinor ?? 0) / arTotal : 0,
    });
  }
  return out
    .sort((a, b) => b.exposureMinor - a.exposureMinor || (a.customerId < b.customerId ? -1 : 1))
    .slice(0, input.topN ?? 5);
}
