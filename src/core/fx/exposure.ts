import type { FxTable } from '../money/index.js';
import { minorUnits, roundWith } from '../money/index.js';
import { LineConverter } from '../receivables/index.js';
import type { LocalDate } from '../time/index.js';
import { type FxForward, forwardLegs, isForwardOutstanding } from './forward.js';
import { type HedgeNeed, hedgeNeeded } from './hedge.js';
import { type FxOption, isOptionOutstanding, optionLegs, optionPayoff } from './option.js';

/** What the currency exposure reads: every amount in its own currency, as the ledgers hold it. */
export interface FxExposureInput {
  readonly asOf: LocalDate;
  readonly baseCurrency: string;
  readonly fx: FxTable;
  /** The latest balance of each bank account on or before `asOf`. */
  readonly balances: readonly { readonly currency: string; readonly amountMinor: number }[];
  /** Open receivable lines (`computeOpenItems`), with the date they were booked. */
  readonly openInvoices: readonly {
    readonly currency: string;
    readonly openMinor: number;
    readonly issuedOn: LocalDate;
  }[];
  /** Open bills (`computeOpenBills`), with the date they were booked. */
  readonly openBills: readonly {
    readonly currency: string;
    readonly openMinor: number;
    readonly issuedOn: LocalDate;
  }[];
  readonly forwards: readonly FxForward[];
  /**
   * Bought options against the base currency (others are left out): each counts with its
   * exercise at the as-of rate (its legs beside the forwards when in the money), and under the
   * shock by its pay-off at the shocked rate.
   */
  readonly options?: readonly FxOption[];
  /** The ± move in per cent applied to every foreign currency (e.g. 10). */
  readonly shockPct: number;
  /** Most net exposure allowed per currency, base-currency minor units (absolute value); absent: no limit. */
  readonly limits: ReadonlyMap<string, number>;
}

/** The parts of one currency's exposure; `gross` = cash + receivables − payables, `net` = gross + forwards. */
export interface ExposureParts {
  readonly cashMinor: number;
  readonly receivablesMinor: number;
  readonly payablesMinor: number;
  readonly forwardsMinor: number;
  readonly grossMinor: number;
  readonly netMinor: number;
}

export interface CurrencyExposure {
  readonly currency: string;
  /** 1 unit of `currency` = `rate` units of the base currency on the as-of date. */
  readonly rate: number;
  /** In minor units of `currency` (payables counted positive, subtracted in gross and net). */
  readonly amounts: ExposureParts;
  /** The same parts revalued at the as-of rate, item by item, in base-currency minor units. */
  readonly base: ExposureParts;
  /**
   * Unrealised gain (+) or loss (−) in base currency: open receivables and payables at the as-of
   * rate against the rate of the day they were booked; forwards at the as-of rate against their contract rate.
   */
  readonly revaluation: {
    readonly receivablesMinor: number;
    readonly payablesMinor: number;
    readonly forwardsMinor: number;
    readonly totalMinor: number;
  };
  /** Gain (+) or loss (−) in base currency if the currency moves up or down by `shockPct`. */
  readonly shock: { readonly up: ExposureParts; readonly down: ExposureParts };
  readonly limitMinor: number | null;
  readonly isOverLimit: boolean;
  /** The forward that would bring the net exposure back to the limit; null when within it. */
  readonly hedge: HedgeNeed | null;
}

export interface FxExposure {
  readonly asOf: LocalDate;
  readonly currency: string;
  readonly shockPct: number;
  /** Foreign currencies with any amount, sorted by code. */
  readonly currencies: readonly CurrencyExposure[];
  /** Totals over the currencies, base-currency minor units. */
  readonly total: {
    readonly base: ExposureParts;
    readonly revaluationMinor: number;
    readonly shockUp: ExposureParts;
    readonly shockDown: ExposureParts;
  };
  /** Currencies without a rate on the as-of date: left out of every figure, and named. */
  readonly missingRates: readonly string[];
  /** Currencies whose booking-date rate was missing for some item: that item is not revalued. */
  readonly missingBookedRates: readonly string[];
}

type Part = 'cash' | 'receivables' | 'payables' | 'forwards';
const PARTS: readonly Part[] = ['cash', 'receivables', 'payables', 'forwards'];

interface Acc {
  readonly amounts: Record<Part, number>;
  readonly base: Record<Part, number>;
  readonly reval: Record<Part, number>;
}

const zeroParts = (): Record<Part, number> => ({ cash: 0, receivables: 0, payables: 0, forwards: 0 });

function parts(p: Record<Part, number>): ExposureParts {
  const gross = p.cash + p.receivables - p.payables;
  return {
    cashMinor: p.cash,
    receivablesMinor: p.receivables,
    payablesMinor: p.payables,
    forwardsMinor: p.forwards,
    grossMinor: gross,
    netMinor: gross + p.forwards,
  };
}

/** Every part of `p` moved by `pct` per cent of itself, half-even. */
function shocked(p: Record<Part, number>, pct: number): ExposureParts {
  const out = zeroParts();
  for (const k of PARTS) out[k] = roundWith((p[k] * pct) / 100, 'halfEven');
  return parts(out);
}

function addParts(a: ExposureParts, b: ExposureParts): ExposureParts {
  return {
    cashMinor: a.cashMinor + b.cashMinor,
    receivablesMinor: a.receivablesMinor + b.receivablesMinor,
    payablesMinor: a.payablesMinor + b.payablesMinor,
    forwardsMinor: a.forwardsMinor + b.forwardsMinor,
    grossMinor: a.grossMinor + b.grossMinor,
    netMinor: a.netMinor + b.netMinor,
  };
}

/** `p` with `delta` more on its forwards (and so its net). */
function withForwards(p: ExposureParts, delta: number): ExposureParts {
  return delta === 0 ? p : { ...p, forwardsMinor: p.forwardsMinor + delta, netMinor: p.netMinor + delta };
}

export const NO_EXPOSURE: ExposureParts = parts(zeroParts());

/**
 * The currency exposure of an organisation on a date (DOMAIN 7.6): per foreign currency, the cash
 * held, the open receivables and payables and the forwards not yet settled, in the currency and
 * revalued at the as-of rate item by item (the receivables figures' one rule, `LineConverter`);
 * the unrealised revaluation against booking rates and contract rates; the gain or loss of a
 * ±`shockPct` move on cash, receivables, payables and forwards alike; and the hedge needed to
 * bring the net exposure within the organisation's limit.
 *
 * @example
 * computeFxExposure({ asOf: '2026-12-07', baseCurrency: 'CNY', fx, balances: [{ currency: 'USD', amountMinor: 10_000_00 }],
 *   openInvoices: [], openBills: [], forwards: [], shockPct: 10, limits: new Map() })
 * // currencies[0]: { currency: 'USD', base: { cashMinor: 71_000_00, ... }, shock: { up: { netMinor: 7_100_00 }, ... } }
 */
export function computeFxExposure(input: FxExposureInput): FxExposure {
  const base = input.baseCurrency;
  const foreign = new Set<string>();
  const note = (c: string) => {
    if (c !== base) foreign.add(c);
  };
  for (const b of input.balances) note(b.currency);
  for (const i of input.openInvoices) note(i.currency);
  for (const b of input.openBills) note(b.currency);
  const live = input.forwards.filter((f) => isForwardOutstanding(f, input.asOf));
  for (const f of live) for (const leg of forwardLegs(f)) note(leg.currency);
  const options = (input.options ?? []).filter((o) => o.counterCurrency === base && isOptionOutstanding(o, input.asOf));
  for (const o of options) note(o.currency);
  const codes = [...foreign].sort();
  const slot = new Map(codes.map((c, i) => [c, i]));
  const conv = new LineConverter(codes, { currency: base, fx: input.fx }, input.asOf);
  const acc = new Map<string, Acc>(
    codes.map((c) => [c, { amounts: zeroParts(), base: zeroParts(), reval: zeroParts() }]),
  );
  const missingBooked = new Set<string>();
  const bookedBase = (currency: string, amount: number, on: LocalDate, atAsOf: number) => {
    const rate = input.fx.rate(currency, base, on, base);
    if (rate === undefined) {
      missingBooked.add(currency);
      return atAsOf;
    }
    return roundWith(amount * rate * 10 ** (minorUnits(base) - minorUnits(currency)), 'halfEven');
  };
  const put = (part: Part, currency: string, amount: number, bookedOn: LocalDate | null) => {
    const a = acc.get(currency);
    const at = slot.get(currency);
    if (!a || at === undefined) return;
    const inBase = conv.toBase(amount, at);
    if (inBase === null) return;
    a.amounts[part] += amount;
    a.base[part] += inBase;
    if (bookedOn !== null) a.reval[part] += inBase - bookedBase(currency, amount, bookedOn, inBase);
  };
  for (const b of input.balances) put('cash', b.currency, b.amountMinor, null);
  for (const i of input.openInvoices) put('receivables', i.currency, i.openMinor, i.issuedOn);
  for (const b of input.openBills) put('payables', b.currency, b.openMinor, b.issuedOn);
  for (const f of live) forwardRevaluation(f, input, acc, slot, conv, put);
  const optionShock = new Map<string, { up: number; down: number }>();
  for (const o of options) {
    const rate = conv.rates.get(o.currency);
    const a = acc.get(o.currency);
    if (rate === undefined || !a) continue;
    const before = a.base.forwards;
    for (const leg of optionLegs(o, rate)) put('forwards', leg.currency, leg.amountMinor, null);
    const legBase = a.base.forwards - before;
    const now = optionPayoff(o, rate).payoffMinor;
    a.reval.forwards += now;
    // The shock moves the pay-off, not the legs linearly: an option out of the money stays at 0.
    const adj = (pct: number) =>
      optionPayoff(o, rate * (1 + pct / 100)).payoffMinor - now - roundWith((legBase * pct) / 100, 'halfEven');
    const s = optionShock.get(o.currency) ?? { up: 0, down: 0 };
    optionShock.set(o.currency, { up: s.up + adj(input.shockPct), down: s.down + adj(-input.shockPct) });
  }
  const currencies: CurrencyExposure[] = [];
  for (const c of codes) {
    const a = acc.get(c) as Acc;
    const rate = conv.rates.get(c);
    if (rate === undefined) continue;
    const net = parts(a.base);
    const limit = input.limits.get(c) ?? null;
    const hedge = limit === null ? null : hedgeNeeded(net.netMinor, limit, c, base, rate);
    const receivablesMinor = a.reval.receivables;
    const payablesMinor = -a.reval.payables;
    currencies.push({
      currency: c,
      rate,
      amounts: parts(a.amounts),
      base: net,
      revaluation: {
        receivablesMinor,
        payablesMinor,
        forwardsMinor: a.reval.forwards,
        totalMinor: receivablesMinor + payablesMinor + a.reval.forwards,
      },
      shock: {
        up: withForwards(shocked(a.base, input.shockPct), optionShock.get(c)?.up ?? 0),
        down: withForwards(shocked(a.base, -input.shockPct), optionShock.get(c)?.down ?? 0),
      },
      limitMinor: limit,
      isOverLimit: hedge !== null,
      hedge,
    });
  }
  return {
    asOf: input.asOf,
    currency: base,
    shockPct: input.shockPct,
    currencies,
    total: {
      base: currencies.reduce((s, c) => addParts(s, c.base), NO_EXPOSURE),
      revaluationMinor: currencies.reduce((s, c) => s + c.revaluation.totalMinor, 0),
      shockUp: currencies.reduce((s, c) => addParts(s, c.shock.up), NO_EXPOSURE),
      shockDown: currencies.reduce((s, c) => addParts(s, c.shock.down), NO_EXPOSURE),
    },
    missingRates: [...conv.missing].sort(),
    missingBookedRates: [...missingBooked].sort(),
  };
}

/**
 * A forward's foreign legs go into the exposure; its revaluation (both legs at the as-of rate, so
 * the contract rate against today's) is booked on its first foreign leg once.
 */
function forwardRevaluation(
  f: FxForward,
  input: FxExposureInput,
  acc: Map<string, Acc>,
  slot: Map<string, number>,
  conv: LineConverter,
  put: (part: Part, currency: string, amount: number, bookedOn: LocalDate | null) => void,
): void {
  const legs = forwardLegs(f);
  let value = 0;
  let isValued = true;
  for (const leg of legs) {
    put('forwards', leg.currency, leg.amountMinor, null);
    if (leg.currency === input.baseCurrency) value += leg.amountMinor;
    else {
      const inBase = conv.toBase(leg.amountMinor, slot.get(leg.currency) as number);
      if (inBase === null) isValued = false;
      else value += inBase;
    }
  }
  const first = legs.find((l) => l.currency !== input.baseCurrency);
  const a = first ? acc.get(first.currency) : undefined;
  if (a && isValued) a.reval.forwards += value;
}
