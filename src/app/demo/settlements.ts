import type { CreditNote, Invoice, ReceiptAllocation } from '../../core/model/index.js';
import type { Rng } from '../../core/shared/random.js';
import { civilFromDays, daysFromCivil, epochDayUnchecked } from '../../core/time/index.js';
import type { WorkingDays } from './calendar.js';
import { pad } from './options.js';
import { delayDays } from './payment.js';
import type { CustomerProfile } from './profiles.js';
import type { SalesContext } from './sales.js';
import type { DemoReceipt } from './types.js';

/** What a customer's sales left behind, for credit limits, statements and insurance later. */
export interface CustomerStats {
  salesCnyLast12m: number;
  /** Open at asOf, CNY at the asOf rate. */
  openCny: number;
  /** Σ amount and Σ amount × days beyond terms of the invoices settled in the last 365 days (CNY). */
  settledCny: number;
  settledDelayCny: number;
  /** Open amount of the one disputed invoice, if the customer has it. */
  disputed: DisputedInvoice | null;
}

/** The invoice a customer contests (the demo has one), for the dunning note that records why. */
export interface DisputedInvoice {
  readonly invoiceId: string;
  readonly number: string;
  readonly issueDay: number;
  readonly dueDay: number;
  readonly openMinor: number;
  readonly currency: string;
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
  /** Receipts waiting for their ids; statement payers' receipts are also found by day. */
  readonly pending: PendingReceipt[];
  readonly pendingByDay: Map<number, PendingReceipt>;
  /** Scratch for one invoice's payment parts (see `schedule`). */
  readonly parts: number[];
  stats: CustomerStats;
}

export function newSettlementState(): SettlementState {
  return {
    invoices: [],
    creditNotes: [],
    receipts: [],
    allocations: [],
    pending: [],
    pendingByDay: new Map(),
    parts: [],
    stats: newStats(),
  };
}

export function newStats(): CustomerStats {
  return { salesCnyLast12m: 0, openCny: 0, settledCny: 0, settledDelayCny: 0, disputed: null };
}

/** The 25th of the month on or before `day`, and the one after it. */
function statementDays(day: number): [number, number] {
  const [y, m, d] = civilFromDays(day);
  const thisMonth = daysFromCivil(y, m, 25);
  if (d >= 25) return [thisMonth, m === 12 ? daysFromCivil(y + 1, 1, 25) : daysFromCivil(y, m + 1, 25)];
  return [m === 1 ? daysFromCivil(y - 1, 12, 25) : daysFromCivil(y, m - 1, 25), thisMonth];
}

/**
 * Month-end statement payers (月结) pay on the 25th nearest the day they would have paid: on
 * time when they meant to be on time (the 25th on or before the due date, else a transfer on the
 * day), late when they meant to be late (the 25th after the due date, unless that is further
 * late than the customer ever pays: then a transfer on the day).
 */
function statementDay(profile: CustomerProfile, issueDay: number, due: number, raw: number): number {
  const [before, after] = statementDays(raw);
  if (raw <= due) {
    const s = raw - before <= after - raw && before > issueDay ? before : after;
    if (s <= due) return s;
    const [onOrBeforeDue] = statementDays(due);
    return onOrBeforeDue > issueDay ? onOrBeforeDue : raw;
  }
  const s = raw - before <= after - raw && before > due ? before : after;
  return s - due <= profile.habit.lateCap ? s : raw;
}

/**
 * The bank day a payment arrives, a working day of the calendar: the one before when the customer
 * pays on time (never before the day after the invoice); the one after when it is late, unless
 * that is later than the customer ever pays (then the one before).
 */
function bankDay(day: number, issueDay: number, due: number, lateCap: number, cal: WorkingDays): number {
  const before = cal.onOrBefore(day);
  if (day > due) {
    const after = cal.onOrAfter(day);
    return after - due > lateCap && before > due ? before : after;
  }
  return before > issueDay ? before : cal.onOrAfter(day);
}

function payDay(profile: CustomerProfile, issueDay: number, due: number, delay: number, cal: WorkingDays): number {
  const raw = Math.max(issueDay + 1, due + delay);
  const day = profile.isBatcher ? statementDay(profile, issueDay, due, raw) : raw;
  return bankDay(day, issueDay, due, Math.max(profile.habit.lateCap, delay), cal);
}

/**
 * The (day, amount) parts in which the invoice will be paid, flattened into `out` (cleared first):
 * [day0, amount0, day1, ...]. One array is reused for every invoice: a million invoices make no
 * garbage here.
 */
function schedule(
  out: number[],
  invoice: NewInvoice,
  issueDay: number,
  dueDay: number,
  payable: number,
  profile: CustomerProfile,
  ctx: SalesContext,
  rng: Rng,
): number[] {
  out.length = 0;
  const delay = delayDays(profile, dueDay, ctx.opts.endDay, invoice.channel === 'paper', rng);
  if (delay === undefined) return out;
  const cal = ctx.workingDays;
  if (invoice.instalments.length > 0) {
    for (const p of invoice.instalments)
      out.push(payDay(profile, issueDay, epochDayUnchecked(p.dueOn), delay, cal), p.amountMinor);
    return out;
  }
  const day = payDay(profile, issueDay, dueDay, delay, cal);
  if (!profile.isBatcher && rng.bernoulli(profile.partialRate)) {
    const first = Math.round(payable * rng.uniform(0.3, 0.7));
    const early = bankDay(Math.max(issueDay + 1, day - rng.int(10, 30)), issueDay, dueDay, profile.habit.lateCap, cal);
    out.push(Math.min(early, day), first, day, payable - first);
    return out;
  }
  out.push(day, payable);
  return out;
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
  const parts = state.parts;
  parts.length = 0;
  if (!invoice.isDisputed) schedule(parts, invoice, issueDay, dueDay, payable, profile, ctx, rng);
  let settled = 0;
  let lastDay = -Infinity;
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
    lastDay = Math.max(lastDay, day);
  }
  const open = payable - settled;
  if (open === 0) invoice.status = 'paid';
  state.invoices.push(invoice);
  if (credit) state.creditNotes.push(credit);
  recordStats(invoice, issueDay, dueDay, open, open === 0 ? lastDay : null, ctx, state.stats);
}

function recordStats(
  invoice: Invoice,
  issueDay: number,
  dueDay: number,
  open: number,
  settledDay: number | null,
  ctx: SalesContext,
  stats: CustomerStats,
): void {
  const endDay = ctx.opts.endDay;
  const rate = ctx.fx.rateOn(invoice.currency, endDay);
  const cny = Math.round(invoice.amountMinor * rate);
  if (issueDay > endDay - 365) stats.salesCnyLast12m += cny;
  if (settledDay !== null && settledDay > endDay - 365) {
    stats.settledCny += cny;
    stats.settledDelayCny += cny * (settledDay - dueDay);
  }
  if (open > 0) stats.openCny += Math.round(open * rate);
  if (invoice.isDisputed)
    stats.disputed = {
      invoiceId: invoice.id,
      number: invoice.number,
      issueDay,
      dueDay,
      openMinor: open,
      currency: invoice.currency,
    };
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
