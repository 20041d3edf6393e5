import type { CreditNote, Instalment, Invoice } from '../../core/model/index.js';
import { allocateMinor, roundWith } from '../../core/money/index.js';
import type { Rng } from '../../core/shared/random.js';
import type { BusinessCalendar } from '../../core/time/index.js';
import type { DateCache, DaySampler, WorkingDays } from './calendar.js';
import type { Activity, CashFlows } from './cash.js';
import type { FxSeries } from './fx.js';
import { type DemoOptions, pad, VAT_RATE } from './options.js';
import type { CustomerProfile } from './profiles.js';
import { type NewInvoice, type SettlementState, settleInvoice } from './settlements.js';

/** What the per-customer generators share: options, samplers, counters and the cash accumulator. */
export interface SalesContext {
  readonly opts: DemoOptions;
  readonly sampler: DaySampler;
  readonly fx: FxSeries;
  readonly cash: CashFlows;
  readonly activity: Activity;
  readonly seq: { invoice: number; receipt: number; creditNote: number };
  readonly dates: DateCache;
  /** The organisation's business calendar (core/time): bank days, pay runs, payroll. */
  readonly calendar: BusinessCalendar;
  /** Core's working days over the history and the year after, looked up fast. */
  readonly workingDays: WorkingDays;
  /** Bank account ids by role: 'basic', 'general', 'USD', 'EUR'. */
  readonly accounts: Readonly<Record<string, string>>;
}

const MIN_GROSS_FEN = 500_000;
const MAX_GROSS_FEN = 200_000_000;
/** Region code in 数电票 numbers (44 = Guangdong, where the demo company sits). */
const REGION = '44';

function invoiceNumber(iso: string, seq: number, isElectronic: boolean): string {
  return isElectronic ? `${iso.slice(2, 4)}${REGION}2${pad(seq, 15)}` : `INV${iso.slice(0, 4)}${pad(seq, 7)}`;
}

function electronicShare(day: number, opts: DemoOptions): number {
  return 0.42 + (0.36 * (day - opts.startDay)) / Math.max(1, opts.endDay - opts.startDay);
}

/** Gross, net and tax of one invoice in its own currency's minor units. */
function amounts(profile: CustomerProfile, meanGrossFen: number, day: number, ctx: SalesContext, rng: Rng) {
  const grossFen = Math.min(MAX_GROSS_FEN, Math.max(MIN_GROSS_FEN, meanGrossFen * rng.lognormal(-0.125, 0.5)));
  if (profile.currency !== 'CNY') {
    const net = Math.round(grossFen / ctx.fx.rateOn(profile.currency, day) / 100) * 100;
    return { amount: net, tax: 0, netCny: Math.round(net * ctx.fx.rateOn(profile.currency, day)) };
  }
  const net = Math.round(grossFen / (1 + VAT_RATE) / 100) * 100;
  const tax = roundWith(net * VAT_RATE);
  return { amount: net + tax, tax, netCny: net };
}

const NO_INSTALMENTS: readonly Instalment[] = [];

/** Large construction invoices are often due in three parts (进度款), 30 days apart. */
function instalmentsOf(
  profile: CustomerProfile,
  amount: number,
  issueDay: number,
  dueDay: number,
  ctx: SalesContext,
  rng: Rng,
): readonly Instalment[] {
  if (profile.customer.industry !== 'construction' || amount < 20_000_000 || !rng.bernoulli(0.5)) return NO_INSTALMENTS;
  const parts = allocateMinor(amount, [3, 3, 4]);
  return parts.map((p, k) => ({ dueOn: ctx.dates.iso(Math.max(issueDay + 1, dueDay - 60 + 30 * k)), amountMinor: p }));
}

/** Builds one invoice (and perhaps its credit note) and settles it by the customer's payment habit. */
function buildInvoice(
  profile: CustomerProfile,
  issueDay: number,
  meanGrossFen: number,
  isDisputed: boolean,
  ctx: SalesContext,
  state: SettlementState,
  rng: Rng,
): void {
  const seq = ++ctx.seq.invoice;
  // The contested invoice is a large shipment: the dispute is worth the customer's while.
  const { amount, tax, netCny } = amounts(profile, meanGrossFen * (isDisputed ? 6 : 1), issueDay, ctx, rng);
  const dueDay = issueDay + profile.customer.defaultTermsDays;
  const isElectronic = rng.bernoulli(electronicShare(issueDay, ctx.opts));
  const issuedOn = ctx.dates.iso(issueDay);
  const invoice: NewInvoice = {
    id: `${ctx.opts.idPrefix}inv-${pad(seq, 6)}`,
    customerId: profile.customer.id,
    number: invoiceNumber(issuedOn, seq, isElectronic),
    issuedOn,
    dueOn: ctx.dates.iso(dueDay),
    currency: profile.currency,
    amountMinor: amount,
    taxMinor: tax,
    status: 'open',
    isDisputed,
    externalId: null,
    instalments: instalmentsOf(profile, amount, issueDay, dueDay, ctx, rng),
    channel: isElectronic ? 'electronic' : 'paper',
  };
  ctx.activity.addSale(issueDay, netCny, profile.currency === 'CNY');
  // A contested invoice waits for the outcome: no credit note yet.
  const credit = !isDisputed && rng.bernoulli(0.015) ? creditNoteFor(invoice, issueDay, ctx, rng) : undefined;
  settleInvoice(invoice, issueDay, dueDay, credit, profile, ctx, state, rng);
}

function creditNoteFor(invoice: Invoice, issueDay: number, ctx: SalesContext, rng: Rng): CreditNote | undefined {
  const day = issueDay + rng.int(5, 25);
  if (day > ctx.opts.endDay || invoice.instalments.length > 0) return undefined;
  const seq = ++ctx.seq.creditNote;
  const issuedOn = ctx.dates.iso(day);
  const note: CreditNote = {
    id: `${ctx.opts.idPrefix}cn-${pad(seq, 5)}`,
    customerId: invoice.customerId,
    number: `HZ${issuedOn.slice(0, 4)}${pad(seq, 6)}`,
    issuedOn,
    currency: invoice.currency,
    amountMinor: Math.round(invoice.amountMinor * rng.uniform(0.03, 0.1)),
    invoiceId: invoice.id,
    reason: rng.pick(['退货', '价格折让', '质量折让', '数量差异']),
  };
  return note;
}

/**
 * The invoice the disputing customer contests: the one falling due nearest a few days before
 * asOf (its due date passed, the customer refused to pay it), or -1 for every other customer.
 */
function disputedIndex(profile: CustomerProfile, days: Float64Array, endDay: number): number {
  if (profile.role !== 'disputing') return -1;
  const target = endDay - 6;
  let best = -1;
  for (let i = 0; i < days.length; i++) {
    const due = (days[i] as number) + profile.customer.defaultTermsDays;
    if ((days[i] as number) > endDay - 10) continue;
    if (
      best < 0 ||
      Math.abs(due - target) < Math.abs((days[best] as number) + profile.customer.defaultTermsDays - target)
    )
      best = i;
  }
  return best;
}

/**
 * All sales documents of one customer over the history: invoice dates follow the company's
 * seasonality inside the customer's active window, and settlements follow its payment habit.
 */
export function generateCustomerSales(
  profile: CustomerProfile,
  count: number,
  meanGrossFen: number,
  ctx: SalesContext,
  state: SettlementState,
  rng: Rng,
): void {
  const days = new Float64Array(count);
  for (let i = 0; i < count; i++) days[i] = ctx.sampler.sample(rng.next(), profile.firstDay, profile.lastDay);
  days.sort();
  const disputed = disputedIndex(profile, days, ctx.opts.endDay);
  for (let i = 0; i < count; i++) {
    buildInvoice(profile, days[i] as number, meanGrossFen, i === disputed, ctx, state, rng);
  }
}
