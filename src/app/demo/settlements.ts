import type { CreditNote, Invoice, ReceiptAllocation } from '../../core/model/index.js';
import type { Rng } from '../../core/shared/random.js';
import { civilFromDays, daysFromCivil, epochDayUnchecked } from '../../core/time/index.js';
import { daysFromCny } from './calendar.js';
import { pad } from './options.js';
import type { CustomerProfile } from './profiles.js';
import type { SalesContext } from './sales.js';
import type { DemoReceipt } from './types.js';

/** What a customer's sales left behind, for credit limits, statements and insurance later. */
export interface CustomerStats {
  salesCnyLast12m: number;
  openCny: number;
  overdueCny: number;
  maxDaysOverdue: number;
}

interface PendingReceipt {
  readonly day: number;
  readonly order: number;
  readonly invoiceIds: string[];
  readonly amounts: number[];
  readonly reference: string;
}

/** The documents of one customer being built, and the receipts waiting for their ids. */
export interface SettlementState {
  readonly invoices: Invoice[];
  readonly creditNotes: CreditNote[];
  readonly receipts: DemoReceipt[];
  readonly allocations: ReceiptAllocation[];
  readonly disputed: Set<number>;
  /** Receipts waiting for their ids; statement payers' receipts are also found by day. */
  readonly pending: PendingReceipt[];
  readonly pendingByDay: Map<number, PendingReceipt>;
  stats: CustomerStats;
}

export function newSettlementState(): SettlementState {
  return {
    invoices: [],
    creditNotes: [],
    receipts: [],
    allocations: [],
    disputed: new Set(),
    pending: [],
    pendingByDay: new Map(),
    stats: newStats(),
  };
}

export function newStats(): CustomerStats {
  return { salesCnyLast12m: 0, openCny: 0, overdueCny: 0, maxDaysOverdue: 0 };
}

/** Days after the due date this customer pays this invoice, or undefined when it never will. */
export function delayDays(profile: CustomerProfile, dueDay: number, endDay: number, rng: Rng): number | undefined {
  if (profile.behaviour === 'insolvent' && dueDay > endDay - 150) return undefined;
  const m = profile.delayMedian;
  let delay = m < 5 ? Math.round(rng.normal(m, 3)) : Math.round(m * rng.lognormal(0, profile.delaySigma));
  if (profile.behaviour === 'seasonal') {
    const cny = daysFromCny(dueDay + delay);
    if (cny !== undefined && cny >= -21 && cny <= 25) delay += rng.int(25, 45);
  }
  if (profile.behaviour === 'deteriorating' && dueDay > endDay - 165) {
    delay += Math.round(((dueDay - (endDay - 165)) / 165) * 90);
  }
  return delay;
}

/** Month-end statement payers (月结) pay on the 25th on or after the day they would have paid. */
function statementDay(day: number): number {
  const [y, m, d] = civilFromDays(day);
  if (d <= 25) return daysFromCivil(y, m, 25);
  return m === 12 ? daysFromCivil(y + 1, 1, 25) : daysFromCivil(y, m + 1, 25);
}

function payDay(profile: CustomerProfile, issueDay: number, due: number, delay: number): number {
  const raw = Math.max(issueDay + 1, due + delay);
  return profile.isBatcher ? statementDay(raw) : raw;
}

/** The (day, amount) parts in which the invoice will be paid, flattened: [day0, amount0, day1, ...]. */
function schedule(
  invoice: NewInvoice,
  issueDay: number,
  dueDay: number,
  payable: number,
  profile: CustomerProfile,
  endDay: number,
  rng: Rng,
): number[] {
  const delay = delayDays(profile, dueDay, endDay, rng);
  if (delay === undefined) return [];
  if (invoice.instalments.length > 0) {
    const out: number[] = [];
    for (const p of invoice.instalments)
      out.push(payDay(profile, issueDay, epochDayUnchecked(p.dueOn), delay), p.amountMinor);
    return out;
  }
  const day = payDay(profile, issueDay, dueDay, delay);
  if (!profile.isBatcher && rng.bernoulli(profile.partialRate)) {
    const first = Math.round(payable * rng.uniform(0.3, 0.7));
    return [Math.max(issueDay + 1, day - rng.int(10, 30)), first, day, payable - first];
  }
  return [day, payable];
}

/** An invoice under construction: its status is set once its settlements are known. */
export type NewInvoice = { -readonly [K in keyof Invoice]: Invoice[K] };

function referenceOf(profile: CustomerProfile, invoice: NewInvoice, day: number, ctx: SalesContext): string {
  const isDomestic = profile.currency === 'CNY';
  if (!profile.isBatcher) return isDomestic ? `货款 ${invoice.number}` : `T/T INV ${invoice.number}`;
  const month = ctx.dates.iso(day).slice(0, 7);
  return isDomestic ? `${month} 月结货款` : `T/T statement ${month}`;
}

function pendingFor(
  profile: CustomerProfile,
  invoice: NewInvoice,
  day: number,
  ctx: SalesContext,
  state: SettlementState,
): PendingReceipt {
  const existing = profile.isBatcher ? state.pendingByDay.get(day) : undefined;
  if (existing) return existing;
  const reference = referenceOf(profile, invoice, day, ctx);
  const p: PendingReceipt = { day, order: state.pending.length, invoiceIds: [], amounts: [], reference };
  state.pending.push(p);
  if (profile.isBatcher) state.pendingByDay.set(day, p);
  return p;
}

/** Schedules the invoice's receipts (only those on or before asOf), sets its status and records it. */
export function settleInvoice(
  invoice: NewInvoice,
  issueDay: number,
  dueDay: number,
  credit: CreditNote | undefined,
  profile: CustomerProfile,
  ctx: SalesContext,
  state: SettlementState,
  rng: Rng,
): void {
  const payable = invoice.amountMinor - (credit?.amountMinor ?? 0);
  const endDay = ctx.opts.endDay;
  const parts = invoice.isDisputed ? [] : schedule(invoice, issueDay, dueDay, payable, profile, endDay, rng);
  let settled = 0;
  for (let k = 0; k < parts.length; k += 2) {
    const day = parts[k] as number;
    const amount = parts[k + 1] as number;
    if (day > endDay || amount <= 0) continue;
    const receipt = pendingFor(profile, invoice, day, ctx, state);
    const at = receipt.invoiceIds.lastIndexOf(invoice.id);
    if (at >= 0) receipt.amounts[at] = (receipt.amounts[at] as number) + amount;
    else {
      receipt.invoiceIds.push(invoice.id);
      receipt.amounts.push(amount);
    }
    settled += amount;
  }
  const open = payable - settled;
  if (open === 0) invoice.status = 'paid';
  state.invoices.push(invoice);
  if (credit) state.creditNotes.push(credit);
  recordStats(invoice, issueDay, dueDay, open, ctx, state.stats);
}

function recordStats(
  invoice: Invoice,
  issueDay: number,
  dueDay: number,
  open: number,
  ctx: SalesContext,
  stats: CustomerStats,
): void {
  const rate = ctx.fx.rateOn(invoice.currency, ctx.opts.endDay);
  if (issueDay > ctx.opts.endDay - 365) stats.salesCnyLast12m += Math.round(invoice.amountMinor * rate);
  if (open <= 0) return;
  stats.openCny += Math.round(open * rate);
  const overdue = ctx.opts.endDay - dueDay;
  if (overdue > 0) {
    stats.overdueCny += Math.round(open * rate);
    stats.maxDaysOverdue = Math.max(stats.maxDaysOverdue, overdue);
  }
}

/** Gives the customer's receipts their ids in date order, books them to a bank account and to cash. */
export function flushReceipts(profile: CustomerProfile, ctx: SalesContext, state: SettlementState, rng: Rng): void {
  const pending = state.pending.sort((a, b) => a.day - b.day || a.order - b.order);
  const currency = profile.currency;
  for (const p of pending) {
    const seq = ++ctx.seq.receipt;
    const id = `${ctx.opts.idPrefix}rc-${pad(seq, 6)}`;
    let total = 0;
    for (let i = 0; i < p.invoiceIds.length; i++) {
      const amount = p.amounts[i] as number;
      state.allocations.push({ receiptId: id, invoiceId: p.invoiceIds[i] as string, amountMinor: amount });
      total += amount;
    }
    const account = currency === 'CNY' ? (rng.bernoulli(0.75) ? 'general' : 'basic') : currency;
    state.receipts.push({
      id,
      number: `SK${ctx.dates.compact(p.day)}${pad(seq, 6)}`,
      customerId: profile.customer.id,
      receivedOn: ctx.dates.iso(p.day),
      currency,
      amountMinor: total,
      reference: p.reference,
      bankAccountId: ctx.accounts[account] ?? null,
      externalId: null,
    });
    ctx.cash.add(currency, p.day, total);
  }
  state.pending.length = 0;
  state.pendingByDay.clear();
}
