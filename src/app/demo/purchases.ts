import type { Bill, PaymentAllocation, Supplier } from '../../core/model/index.js';
import { allocateMinor, roundWith } from '../../core/money/index.js';
import type { Rng } from '../../core/shared/random.js';
import { civilFromDays, daysFromCivil, daysInMonth, fromEpochDay } from '../../core/time/index.js';
import type { WorkingDays } from './calendar.js';
import type { Activity, CashFlows } from './cash.js';
import { CITIES, chineseCompanyName, creditCode } from './names.js';
import { COGS_SHARE, type DemoOptions, pad, VAT_RATE } from './options.js';
import type { DemoPayment, DemoRecords } from './types.js';

export interface SupplierBook {
  readonly suppliers: Supplier[];
  readonly weights: number[];
  /** Running sums of `weights`, to pick a supplier by binary search. */
  readonly cumulative: Float64Array;
}

/** A supplier drawn with probability proportional to its weight (the first whose running sum passes u·total). */
function pickSupplier(book: SupplierBook, u: number): number {
  const c = book.cumulative;
  const target = u * (c[c.length - 1] as number);
  let lo = 0;
  let hi = c.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((c[mid] as number) > target) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

const SUPPLIER_INDUSTRIES = ['manufacturing', 'electronics', 'textiles', 'automotive', 'logistics'];

/** The suppliers: one main supplier with about a quarter of purchases, the rest lognormal. */
export function buildSuppliers(opts: DemoOptions, rng: Rng): SupplierBook {
  const suppliers: Supplier[] = [];
  const weights: number[] = [];
  const used = new Set<string>();
  for (let i = 0; i < opts.suppliers; i++) {
    const r = rng.fork(i);
    const [city, division] = r.pick(CITIES);
    const industry = r.pick(SUPPLIER_INDUSTRIES);
    let name = chineseCompanyName(r, city, industry);
    for (let k = 0; used.has(name) && k < 8; k++) name = chineseCompanyName(r, city, industry);
    if (used.has(name)) name = name.replace('有限公司', `第${i + 1}分公司`);
    used.add(name);
    suppliers.push({
      id: `${opts.idPrefix}s-${pad(i + 1, 4)}`,
      code: `GYS${pad(i + 1, 4)}`,
      name,
      registrationNo: creditCode(r, division),
      country: 'CN',
      defaultTermsDays: r.pick([30, 30, 45, 60]),
      currency: 'CNY',
      tags: i === 0 ? ['main-supplier'] : [],
    });
    weights.push(i === 0 ? 0 : r.lognormal(0, 1));
  }
  const rest = weights.reduce((s, w) => s + w, 0);
  weights[0] = rest / 3; // the main supplier: a quarter of the total
  const cumulative = new Float64Array(weights.length);
  weights.reduce((sum, w, i) => {
    cumulative[i] = sum + w;
    return sum + w;
  }, 0);
  return { suppliers, weights, cumulative };
}

/** Pay runs: the 10th and the 25th, or the working day before when either is a day off. */
function payRunsAround(day: number, cal: WorkingDays): [number, number] {
  const [y, m] = civilFromDays(day);
  const run = (yy: number, mm: number, dd: number) => cal.onOrBefore(daysFromCivil(yy, mm, dd));
  const prevMonth = m === 1 ? ([y - 1, 12] as const) : ([y, m - 1] as const);
  const nextMonth = m === 12 ? ([y + 1, 1] as const) : ([y, m + 1] as const);
  const runs = [
    run(prevMonth[0], prevMonth[1], 25),
    run(y, m, 10),
    run(y, m, 25),
    run(nextMonth[0], nextMonth[1], 10),
    run(nextMonth[0], nextMonth[1], 25),
  ];
  let k = 0;
  while (k < runs.length - 1 && (runs[k + 1] as number) <= day) k++;
  return [runs[k] as number, runs[k + 1] as number];
}

/** Share of bills paid on the pay run before their due date; the rest on the run after it. */
const PAID_BY_DUE_SHARE = 0.8;

/**
 * The pay run a bill is paid on: most on the last run on or before the due date (at least a week
 * after the bill arrived), some on the first run after it, a few days late, as a careful SME pays.
 */
function payRun(issueDay: number, dueDay: number, cal: WorkingDays, rng: Rng): number {
  const [before, after] = payRunsAround(dueDay, cal);
  return rng.bernoulli(PAID_BY_DUE_SHARE) && before >= issueDay + 7 ? before : after;
}

interface PendingPayment {
  readonly supplierId: string;
  readonly day: number;
  readonly bills: [string, number][];
}

interface PurchaseState {
  readonly seq: { bill: number; payment: number };
  readonly pending: Map<string, PendingPayment>;
}

function billsOfMonth(
  opts: DemoOptions,
  book: SupplierBook,
  gross: number,
  count: number,
  monthStart: number,
  last: number,
  state: PurchaseState,
  cal: WorkingDays,
  rng: Rng,
): Bill[] {
  if (count === 0) return [];
  const picks: number[] = [];
  const shares: number[] = [];
  for (let k = 0; k < count; k++) {
    picks.push(pickSupplier(book, rng.next()));
    shares.push(rng.lognormal(0, 0.5));
  }
  const parts = allocateMinor(gross, shares);
  return picks.map((s, k) => {
    let day = rng.int(monthStart, last);
    while (!cal.isWorking(day) && day > monthStart) day--;
    const supplier = book.suppliers[s] as Supplier;
    const amount = parts[k] as number;
    const tax = roundWith((amount * VAT_RATE) / (1 + VAT_RATE));
    const seq = ++state.seq.bill;
    const dueDay = day + supplier.defaultTermsDays;
    const bill: Bill = {
      id: `${opts.idPrefix}bill-${pad(seq, 6)}`,
      supplierId: supplier.id,
      number: `${fromEpochDay(day).slice(2, 4)}${pad(32 + (s % 20), 2)}2${pad(seq, 15)}`,
      issuedOn: fromEpochDay(day),
      dueOn: fromEpochDay(dueDay),
      currency: 'CNY',
      amountMinor: amount,
      taxMinor: tax,
      status: 'open',
      externalId: null,
    };
    const payDay = payRun(day, dueDay, cal, rng);
    if (payDay > opts.endDay) return bill;
    const key = `${supplier.id}:${payDay}`;
    const p = state.pending.get(key) ?? { supplierId: supplier.id, day: payDay, bills: [] };
    p.bills.push([bill.id, amount]);
    state.pending.set(key, p);
    return { ...bill, status: 'paid' };
  });
}

function flushPayments(opts: DemoOptions, before: number, state: PurchaseState, cash: CashFlows): Partial<DemoRecords> {
  const due = [...state.pending.entries()].filter(([, p]) => p.day < before);
  due.sort(([ka, a], [kb, b]) => a.day - b.day || (ka < kb ? -1 : 1));
  const payments: DemoPayment[] = [];
  const paymentAllocations: PaymentAllocation[] = [];
  for (const [key, p] of due) {
    state.pending.delete(key);
    const seq = ++state.seq.payment;
    const id = `${opts.idPrefix}pay-${pad(seq, 6)}`;
    let total = 0;
    for (const [billId, amount] of p.bills) {
      paymentAllocations.push({ paymentId: id, billId, amountMinor: amount });
      total += amount;
    }
    const on = fromEpochDay(p.day);
    payments.push({
      id,
      number: `FK${on.replaceAll('-', '')}${pad(seq, 6)}`,
      supplierId: p.supplierId,
      paidOn: on,
      currency: 'CNY',
      amountMinor: total,
      reference: `货款 ${on.slice(0, 7)}`,
      externalId: null,
    });
    cash.add('CNY', p.day, -total);
  }
  return { payments, paymentAllocations };
}

/**
 * Bills month by month, purchases at `COGS_SHARE` of that month's net sales plus VAT, paid on a
 * pay run around the due date (one payment per supplier and pay run). Yields one batch a month.
 */
export function* generatePurchases(
  opts: DemoOptions,
  book: SupplierBook,
  activity: Activity,
  cash: CashFlows,
  cal: WorkingDays,
  rng: Rng,
): Generator<Partial<DemoRecords>> {
  const months: [number, number][] = [];
  for (let day = opts.startDay; day <= opts.endDay; ) {
    const [y, m] = civilFromDays(day);
    const last = Math.min(opts.endDay, daysFromCivil(y, m, daysInMonth(y, m)));
    months.push([day, last]);
    day = last + 1;
  }
  const gross = months.map(([a, b]) => Math.round(activity.salesBetween(a, b) * COGS_SHARE * (1 + VAT_RATE)));
  const totalBills = Math.max(opts.suppliers * 6, Math.round(opts.invoices * 0.08));
  const counts = allocateMinor(
    totalBills,
    gross.map((g) => Math.max(g, 1)),
  );
  const state: PurchaseState = { seq: { bill: 0, payment: 0 }, pending: new Map() };
  for (let i = 0; i < months.length; i++) {
    const [start, last] = months[i] as [number, number];
    const count = (gross[i] as number) > 0 ? Math.max(1, counts[i] as number) : 0;
    const bills = billsOfMonth(opts, book, gross[i] as number, count, start, last, state, cal, rng.fork(i));
    yield { bills, ...flushPayments(opts, start, state, cash) };
  }
  yield flushPayments(opts, opts.endDay + 1, state, cash);
}
