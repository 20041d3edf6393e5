import { fail, ok, type Result } from '../shared/index.js';
import { type BusinessCalendar, isWorkingEpochDay, workingDayOnOrAfter, workingDayOnOrBefore } from './calendar.js';
import { civilFromDays, daysFromCivil, daysInMonth, fromEpochDay, type LocalDate, toEpochDay } from './local-date.js';

/**
 * What happens to an occurrence that falls on a non-working day. The default is 'previous':
 * payroll, rent and loan service are paid before a weekend or holiday, never after (paying late
 * costs more than paying a day early). Tax deadlines move forward by law (征管法实施细则 第109条:
 * a deadline on a holiday moves to the next working day), so a rule can say ':next'.
 */
export type Adjustment = 'previous' | 'next' | 'none';

export type ScheduleRule =
  | { readonly kind: 'monthly'; readonly day: number | 'last' | 'last-working-day'; readonly adjust: Adjustment }
  | { readonly kind: 'quarterly'; readonly day: number; readonly adjust: Adjustment }
  | { readonly kind: 'weekly'; readonly weekday: number; readonly adjust: Adjustment }
  | { readonly kind: 'yearly'; readonly month: number; readonly day: number; readonly adjust: Adjustment };

const ADJUST: ReadonlyMap<string, Adjustment> = new Map([
  ['previous', 'previous'],
  ['next', 'next'],
  ['none', 'none'],
]);

/**
 * Parses a recurring rule: 'monthly:15', 'monthly:last', 'monthly:last-working-day',
 * 'quarterly:15' (15 January, April, July, October), 'weekly:5' (ISO weekday, 5 = Friday),
 * 'yearly:06-30', each with an optional ':previous' (default), ':next' or ':none'.
 * A day past the month's end (monthly:31 in April) means the month's last day.
 *
 * @example parseScheduleRule('quarterly:15:next') // ok({ kind: 'quarterly', day: 15, adjust: 'next' })
 */
export function parseScheduleRule(rule: string): Result<ScheduleRule> {
  const bad = (reason: string) => fail('INVALID_RECURRING_RULE', { value: rule, reason });
  const [kind = '', arg = '', adj = 'previous', ...rest] = rule.trim().toLowerCase().split(':');
  const adjust = ADJUST.get(adj);
  if (!adjust || rest.length > 0) return bad('adjustment must be previous, next or none');
  const int = (text: string, min: number, max: number): number | null => {
    if (!/^\d{1,2}$/.test(text)) return null;
    const n = Number(text);
    return n >= min && n <= max ? n : null;
  };
  if (kind === 'monthly') {
    if (arg === 'last' || arg === 'last-working-day') return ok({ kind, day: arg, adjust });
    const day = int(arg, 1, 31);
    return day === null ? bad('day must be 1-31, last or last-working-day') : ok({ kind, day, adjust });
  }
  if (kind === 'quarterly') {
    const day = int(arg, 1, 31);
    return day === null ? bad('day must be 1-31') : ok({ kind, day, adjust });
  }
  if (kind === 'weekly') {
    const weekday = int(arg, 1, 7);
    return weekday === null ? bad('weekday must be 1 (Monday) to 7 (Sunday)') : ok({ kind, weekday, adjust });
  }
  if (kind === 'yearly') {
    const m = /^(\d{2})-(\d{2})$/.exec(arg);
    const month = m ? int(m[1] ?? '', 1, 12) : null;
    const day = m ? int(m[2] ?? '', 1, 31) : null;
    if (month === null || day === null || day > daysInMonth(2024, month)) return bad('date must be MM-DD');
    return ok({ kind, month, day, adjust });
  }
  return bad('kind must be monthly, quarterly, weekly or yearly');
}

/** The nominal (unadjusted) day of a rule in one month, or null when the rule skips the month. */
function nominalDay(rule: ScheduleRule, y: number, m: number, cal: BusinessCalendar): number | null {
  const last = daysInMonth(y, m);
  switch (rule.kind) {
    case 'monthly':
      if (rule.day === 'last-working-day') return workingDayOnOrBefore(cal, daysFromCivil(y, m, last));
      return daysFromCivil(y, m, rule.day === 'last' ? last : Math.min(rule.day, last));
    case 'quarterly':
      return (m - 1) % 3 === 0 ? daysFromCivil(y, m, Math.min(rule.day, last)) : null;
    case 'yearly':
      return m === rule.month ? daysFromCivil(y, m, Math.min(rule.day, last)) : null;
    case 'weekly':
      return null;
  }
}

function adjustDay(day: number, adjust: Adjustment, cal: BusinessCalendar): number {
  if (adjust === 'none' || isWorkingEpochDay(cal, day)) return day;
  return adjust === 'previous' ? workingDayOnOrBefore(cal, day) : workingDayOnOrAfter(cal, day);
}

/**
 * Expands a rule into its occurrence dates (adjusted for non-working days) within [from, to],
 * both included, in order. Occurrences are generated from their nominal dates a month either
 * side of the window, so an adjustment that crosses the window's edge is still found.
 *
 * @example
 * expandSchedule('monthly:last-working-day', '2025-01-01', '2025-03-31', cal)
 * // ok(['2025-01-27', '2025-02-28', '2025-03-31']): 1/28–2/4 is Spring Festival, 1/26 a make-up Sunday
 */
export function expandSchedule(
  rule: string | ScheduleRule,
  from: LocalDate,
  to: LocalDate,
  cal: BusinessCalendar,
): Result<LocalDate[]> {
  const parsed = typeof rule === 'string' ? parseScheduleRule(rule) : ok(rule);
  if (!parsed.ok) return parsed;
  return ok(expandEpochDays(parsed.value, toEpochDay(from), toEpochDay(to), cal).map(fromEpochDay));
}

/** `expandSchedule` on epoch days, for the forecast engine. */
export function expandEpochDays(rule: ScheduleRule, from: number, to: number, cal: BusinessCalendar): number[] {
  const out: number[] = [];
  if (to < from) return out;
  if (rule.kind === 'weekly') {
    const firstWeekday = ((((from - 7 + 3) % 7) + 7) % 7) + 1;
    let day = from - 7 + ((rule.weekday - firstWeekday + 7) % 7);
    for (; day <= to + 7; day += 7) {
      const adjusted = adjustDay(day, rule.adjust, cal);
      if (adjusted >= from && adjusted <= to) out.push(adjusted);
    }
    return out;
  }
  const [fy, fm] = civilFromDays(from - 31);
  const [ty, tm] = civilFromDays(to + 31);
  for (let idx = fy * 12 + fm - 1; idx <= ty * 12 + tm - 1; idx++) {
    const y = Math.floor(idx / 12);
    const nominal = nominalDay(rule, y, (idx % 12) + 1, cal);
    if (nominal === null) continue;
    const adjusted = adjustDay(nominal, rule.adjust, cal);
    if (adjusted >= from && adjusted <= to && out[out.length - 1] !== adjusted) out.push(adjusted);
  }
  return out;
}
