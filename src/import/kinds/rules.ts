const WEEKDAYS: ReadonlyMap<string, number> = new Map([
  ['一', 1],
  ['二', 2],
  ['三', 3],
  ['四', 4],
  ['五', 5],
  ['六', 6],
  ['日', 7],
  ['天', 7],
]);

function day(text: string, max: number): number | null {
  const n = Number(text);
  return Number.isInteger(n) && n >= 1 && n <= max ? n : null;
}

function two(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/**
 * Reads a recurring item's schedule into the stored rule form (see RecurringItem in the model):
 * 'monthly:15', 'monthly:last-working-day', 'quarterly:15', 'weekly:5', 'yearly:06-30', or the
 * Chinese forms 每月15日, 每月最后工作日, 每季度15日, 每周五, 每年6月30日. Null when unreadable.
 *
 * @example
 * normaliseRule('每月15日') // 'monthly:15'
 */
export function normaliseRule(text: string): string | null {
  const t = text.trim().toLowerCase().replace(/\s+/g, '');
  let m = /^(monthly|quarterly):(\d{1,2})$/.exec(t) ?? /^每(月|季度?)(\d{1,2})[日号]?$/.exec(t);
  if (m) {
    const d = day(m[2] as string, 31);
    return d === null ? null : `${m[1] === 'monthly' || m[1] === '月' ? 'monthly' : 'quarterly'}:${d}`;
  }
  if (t === 'monthly:last-working-day' || /^每月最后(一个)?工作日$/.test(t)) return 'monthly:last-working-day';
  m = /^weekly:(\d)$/.exec(t) ?? /^每周([1-7])$/.exec(t);
  if (m) {
    const d = day(m[1] as string, 7);
    return d === null ? null : `weekly:${d}`;
  }
  m = /^(?:每周|星期|周)([一二三四五六日天])$/.exec(t);
  if (m) return `weekly:${WEEKDAYS.get(m[1] as string)}`;
  m = /^yearly:(\d{1,2})-(\d{1,2})$/.exec(t) ?? /^每年(\d{1,2})(?:月|-)(\d{1,2})日?$/.exec(t);
  if (m) {
    const mo = day(m[1] as string, 12);
    const d = day(m[2] as string, 31);
    return mo === null || d === null ? null : `yearly:${two(mo)}-${two(d)}`;
  }
  return null;
}
