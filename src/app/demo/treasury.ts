import type { BankAccount, BankBalance, CreditLine } from '../../core/model/index.js';
import type { Rng } from '../../core/shared/random.js';
import {
  addDays,
  type BusinessCalendar,
  civilFromDays,
  daysFromCivil,
  daysInMonth,
  fromEpochDay,
  workingDayOnOrBefore,
} from '../../core/time/index.js';
import type { Activity, CashFlows } from './cash.js';
import type { FxSeries } from './fx.js';
import { type DemoOptions, GROWTH_PER_YEAR } from './options.js';
import type { FxConversion } from './types.js';

const ACCOUNT_SPECS = [
  ['basic', '基本户 工商银行', '中国工商银行深圳分行', 'CNY'],
  ['general', '一般户 招商银行', '招商银行深圳分行', 'CNY'],
  ['USD', '外汇户 美元', '中国银行深圳分行', 'USD'],
  ['EUR', '外汇户 欧元', '中国银行深圳分行', 'EUR'],
] as const;

/** Opening balances of the foreign-currency accounts, in cents. */
const FOREIGN_OPENING: Readonly<Record<string, number>> = { USD: 3_000_000, EUR: 1_000_000 };
/** Share of a foreign balance above the opening float converted into CNY (结汇) at each month's last working day. */
const CONVERSION_SHARE = 0.85;

export function bankAccountIds(opts: DemoOptions): Record<string, string> {
  return Object.fromEntries(ACCOUNT_SPECS.map(([role]) => [role, `${opts.idPrefix}ba-${role.toLowerCase()}`]));
}

export function buildBankAccounts(opts: DemoOptions, rng: Rng): BankAccount[] {
  const ids = bankAccountIds(opts);
  return ACCOUNT_SPECS.map(([role, name, bankName, currency]) => ({
    id: ids[role] as string,
    name,
    bankName,
    accountNo: `${rng.int(4000, 7999)}${String(rng.int(0, 999_999_999)).padStart(9, '0')}${rng.int(100, 999)}`,
    currency,
  }));
}

/** The dates a balance is reported: the day before the history, every month end, and asOf. */
function balanceDays(opts: DemoOptions): number[] {
  const days = [opts.startDay - 1];
  for (let day = opts.startDay; day <= opts.endDay; ) {
    const [y, m] = civilFromDays(day);
    const end = daysFromCivil(y, m, daysInMonth(y, m));
    if (end < opts.endDay) days.push(end);
    day = end + 1;
  }
  days.push(opts.endDay);
  return days;
}

/** Month-end 结汇 on each month's last working day: books the conversions into `cash` and returns them. */
function convertForeign(opts: DemoOptions, cash: CashFlows, fx: FxSeries, cal: BusinessCalendar): FxConversion[] {
  const out: FxConversion[] = [];
  const running: Record<string, number> = { ...FOREIGN_OPENING };
  for (let day = opts.startDay; day <= opts.endDay; day++) {
    const [y, m] = civilFromDays(day);
    const isConversionDay =
      day === workingDayOnOrBefore(cal, daysFromCivil(y, m, daysInMonth(y, m))) && day < opts.endDay;
    for (const currency of Object.keys(FOREIGN_OPENING)) {
      running[currency] = (running[currency] as number) + cash.on(currency, day);
      if (!isConversionDay) continue;
      // Keep the opening amount as a working float; convert most of what came in above it.
      const amount = Math.round(
        ((running[currency] as number) - (FOREIGN_OPENING[currency] as number)) * CONVERSION_SHARE,
      );
      if (amount <= 0) continue;
      const cny = Math.round(amount * fx.rateOn(currency, day));
      cash.add(currency, day, -amount);
      cash.add('CNY', day, cny);
      running[currency] = (running[currency] as number) - amount;
      out.push({ on: fromEpochDay(day), currency, amountMinor: amount, cnyMinor: cny });
    }
  }
  return out;
}

export interface BankHistory {
  readonly balances: BankBalance[];
  readonly conversions: FxConversion[];
  /** The CNY opening position that the history was solved for. */
  readonly openingCny: number;
}

/**
 * Cash the company keeps at asOf, in months of the operating outflows it can expect over the next
 * 13 weeks (those of the same weeks a year earlier, grown by the year's growth): well above the
 * forecast's minimum cash (one month of outflows over the horizon, DOMAIN 2.5 rule 7), as a
 * prudent trading SME keeps it beside a committed credit line, so that the base forecast stays
 * above the buffer and a pessimistic quarter breaks it.
 */
export const CASH_TARGET_MONTHS = 1.35;
const HORIZON_DAYS = 91;

/** The lowest month-end CNY balance of the history: about four days of sales (tight, never negative). */
const FLOOR_SHARE_OF_SALES = 0.01;

/**
 * Bank balances consistent with every generated cash movement. The CNY opening position is
 * solved so that cash at asOf is `CASH_TARGET_MONTHS` of the outflows expected ahead and no
 * reported month end falls below about four days of sales (a growing company was tighter on cash
 * in its earlier years); the CNY total is split between the basic and the general account.
 */
export function buildBankHistory(
  opts: DemoOptions,
  activity: Activity,
  cash: CashFlows,
  fx: FxSeries,
  cal: BusinessCalendar,
  rng: Rng,
): BankHistory {
  const conversions = convertForeign(opts, cash, fx, cal);
  const days = balanceDays(opts);
  const cumulative: Record<string, number[]> = { CNY: [], USD: [], EUR: [] };
  const running: Record<string, number> = {
    CNY: 0,
    USD: FOREIGN_OPENING.USD as number,
    EUR: FOREIGN_OPENING.EUR as number,
  };
  let k = 0;
  for (let day = opts.startDay - 1; day <= opts.endDay; day++) {
    if (day >= opts.startDay)
      for (const c of Object.keys(running)) running[c] = (running[c] as number) + cash.on(c, day);
    if (day !== days[k]) continue;
    for (const c of Object.keys(running)) cumulative[c]?.push(running[c] as number);
    k++;
  }
  const cny = cumulative.CNY as number[];
  const floor = activity.salesBetween(opts.endDay - 364, opts.endDay) * FLOOR_SHARE_OF_SALES;
  const sameWeeksLastYear = cash.outflowsBetween('CNY', opts.endDay - 364, opts.endDay - 365 + HORIZON_DAYS);
  const monthlyAhead = ((sameWeeksLastYear * (1 + GROWTH_PER_YEAR)) / HORIZON_DAYS) * (365.25 / 12);
  const target = monthlyAhead * CASH_TARGET_MONTHS;
  const roundCash = (fen: number) => Math.round(fen / 100) * 100;
  const openingCny = roundCash(Math.max(target - (cny.at(-1) as number), floor - Math.min(...cny)));
  const ids = bankAccountIds(opts);
  const balances: BankBalance[] = [];
  days.forEach((day, i) => {
    const on = fromEpochDay(day);
    const pool = openingCny + (cny[i] as number);
    const basic = Math.round(pool * rng.uniform(0.2, 0.4));
    balances.push({ bankAccountId: ids.basic as string, on, amountMinor: basic });
    balances.push({ bankAccountId: ids.general as string, on, amountMinor: pool - basic });
    for (const c of ['USD', 'EUR'])
      balances.push({ bankAccountId: ids[c] as string, on, amountMinor: cumulative[c]?.[i] as number });
  });
  return { balances, conversions, openingCny };
}

/** A CNY working-capital facility, about half drawn, up for renewal within the next four months. */
export function buildCreditLine(opts: DemoOptions, activity: Activity, rng: Rng): CreditLine {
  const annual = activity.salesBetween(opts.endDay - 364, opts.endDay);
  const limit = Math.max(500_000_000, Math.round((annual * 0.1) / 100_000_000) * 100_000_000);
  const expiresOn = addDays(opts.asOf, rng.int(60, 115));
  return {
    id: `${opts.idPrefix}cl-0001`,
    lender: '中国工商银行深圳分行',
    currency: 'CNY',
    limitMinor: limit,
    drawnMinor: Math.round((limit * rng.uniform(0.4, 0.65)) / 10_000_000) * 10_000_000,
    expiresOn,
    renewalOn: addDays(expiresOn, -30),
    interestRate: 0.0365,
  };
}
