import type { RecurringCategory, RecurringItem } from '../../core/model/index.js';
import {
  addDays,
  addMonths,
  type BusinessCalendar,
  expandSchedule,
  localDate,
  maxDate,
  minDate,
  toEpochDay,
} from '../../core/time/index.js';
import { CHINESE_NEW_YEAR } from './calendar.js';
import type { Activity, CashFlows } from './cash.js';
import { COGS_SHARE, type DemoOptions, VAT_RATE } from './options.js';

interface Template {
  readonly key: string;
  readonly name: string;
  readonly category: RecurringCategory;
  /** A core/time schedule rule; tax deadlines on a day off move to the next working day (':next'). */
  readonly rule: string;
  /** Amount per occurrence as a share of a month's net sales. */
  readonly share: (domesticShare: number) => number;
}

const TEMPLATES: readonly Template[] = [
  { key: 'payroll', name: '工资', category: 'payroll', rule: 'monthly:last-working-day', share: () => 0.085 },
  { key: 'social', name: '社保公积金', category: 'social_insurance', rule: 'monthly:15', share: () => 0.024 },
  { key: 'rent', name: '厂房仓库租金', category: 'rent', rule: 'monthly:5', share: () => 0.013 },
  { key: 'utilities', name: '水电物流费', category: 'utilities', rule: 'monthly:10', share: () => 0.032 },
  {
    key: 'vat',
    name: '增值税',
    category: 'tax',
    rule: 'monthly:15:next',
    share: (d) => Math.max(0, VAT_RATE * (d - COGS_SHARE)),
  },
  { key: 'cit', name: '企业所得税预缴', category: 'tax', rule: 'quarterly:15:next', share: () => 0.0075 },
];

/** A three-year working-capital loan (流动资金贷款) that began before the history and runs past asOf. */
const LOAN: Template = {
  key: 'loan',
  name: '流动资金贷款还款',
  category: 'loan',
  rule: 'monthly:20',
  share: () => 0.01,
};

/** The year-end bonus (年终奖): one month's payroll, paid about ten days before the Spring Festival. */
const BONUS_DAYS_BEFORE_CNY = 10;

/** Rounds to whole hundreds of yuan, as budgets are. */
const roundBudget = (fen: number) => Math.round(fen / 10_000) * 10_000;

/** Average monthly net sales (CNY fen) over the 12 months before `day`, or the first 12 months. */
function monthlySalesBefore(activity: Activity, day: number): number {
  const from = Math.max(activity.startDay, day - 365);
  const to = Math.min(activity.endDay, from + 364);
  return activity.salesBetween(from, to) / ((to - from + 1) / 30.44);
}

function domesticShare(activity: Activity, from: number, to: number): number {
  const all = activity.salesBetween(from, to);
  return all > 0 ? activity.salesBetween(from, to, true) / all : 1;
}

/** The bonus for `year`'s work, paid before the next Spring Festival; none past the CNY table. */
function bonusItem(opts: DemoOptions, year: number, payroll: number): RecurringItem | null {
  const cny = CHINESE_NEW_YEAR[year + 1];
  if (cny === undefined) return null;
  const on = addDays(cny, -BONUS_DAYS_BEFORE_CNY);
  const template: Template = {
    key: 'bonus',
    name: '年终奖',
    category: 'payroll',
    rule: `yearly:${on.slice(5)}`,
    share: () => 0,
  };
  return item(
    opts,
    template,
    `年终奖 ${year}年度`,
    payroll,
    localDate(year + 1, 1, 1),
    localDate(year + 1, 12, 31),
    `bonus-${year}`,
  );
}

/**
 * Payroll, social insurance, rent, utilities, VAT, income tax, a loan and the year-end bonus, each
 * as one item a calendar year (amounts are revised every January), and their past occurrences,
 * dated by core's schedules on the organisation's business calendar, booked as cash outflows so
 * the bank history agrees with what the forecast will expect. The current year's items have no
 * end date; the bonus for the current year starts next January.
 */
export function generateRecurring(
  opts: DemoOptions,
  activity: Activity,
  cash: CashFlows,
  cal: BusinessCalendar,
): RecurringItem[] {
  const items: RecurringItem[] = [];
  const firstYear = Number(opts.start.slice(0, 4));
  const lastYear = Number(opts.asOf.slice(0, 4));
  for (let year = firstYear; year <= lastYear; year++) {
    const from = year === firstYear ? opts.start : localDate(year, 1, 1);
    const isCurrent = year === lastYear;
    const monthly = monthlySalesBefore(activity, toEpochDay(from));
    const d = domesticShare(activity, Math.max(opts.startDay, toEpochDay(from) - 365), toEpochDay(from) + 30);
    for (const t of TEMPLATES) {
      const amount = roundBudget(monthly * t.share(d) * (t.rule.startsWith('quarterly') ? 3 : 1));
      if (amount <= 0) continue;
      items.push(item(opts, t, `${t.name} ${year}`, amount, from, isCurrent ? null : localDate(year, 12, 31), t.key));
    }
    const payroll = items.at(-TEMPLATES.length)?.amountMinor ?? 0;
    const bonus = bonusItem(opts, year, payroll);
    if (bonus) items.push(bonus);
  }
  const loanMonthly = roundBudget(monthlySalesBefore(activity, opts.startDay) * LOAN.share(1));
  const loanStart = addMonths(opts.start, -18);
  items.push(item(opts, LOAN, LOAN.name, loanMonthly, loanStart, addMonths(opts.asOf, 18), 'loan'));
  for (const [on, amount] of recurringOutflowsOn(items, opts.start, opts.asOf, cal))
    cash.add('CNY', toEpochDay(on), -amount);
  return items;
}

function item(
  opts: DemoOptions,
  t: Template,
  name: string,
  amount: number,
  startsOn: string,
  endsOn: string | null,
  key: string,
): RecurringItem {
  return {
    id: `${opts.idPrefix}ri-${key}-${startsOn.slice(0, 4)}`,
    name,
    category: t.category,
    direction: 'outflow',
    currency: 'CNY',
    amountMinor: amount,
    rule: t.rule,
    startsOn,
    endsOn,
  };
}

/**
 * Occurrences of every item in [from, to] by core's schedule on `cal`, summed by day: the
 * generator books these as cash, tests rebuild the bank history from them.
 */
export function recurringOutflowsOn(
  items: readonly RecurringItem[],
  from: string,
  to: string,
  cal: BusinessCalendar,
): Map<string, number> {
  const out = new Map<string, number>();
  for (const it of items) {
    const a = maxDate(it.startsOn, from);
    const b = it.endsOn === null ? to : minDate(it.endsOn, to);
    if (a > b) continue;
    const dates = expandSchedule(it.rule, a, b, cal);
    if (!dates.ok) throw new RangeError(`demo recurring rule ${it.rule}: ${dates.error.code}`);
    for (const on of dates.value) out.set(on, (out.get(on) ?? 0) + it.amountMinor);
  }
  return out;
}
