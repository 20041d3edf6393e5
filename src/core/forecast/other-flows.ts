import { type FxForward, forwardLegs, isForwardOutstanding } from '../fx/index.js';
import type { AcceptanceBill, CreditLine, RecurringItem } from '../model/index.js';
import { roundWith } from '../money/index.js';
import { epochDayUnchecked, expandEpochDays, parseScheduleRule } from '../time/index.js';
import type { BaseConverter } from './fx.js';
import type { ScenarioParams } from './scenarios.js';
import { type FlowSink, type FlowSource, lineIndex } from './sink.js';
import type { ForecastBill, ForecastInput, OneOffItem } from './types.js';

const BILLS = lineIndex('bills');
const AB_IN = lineIndex('acceptance_bills');
const AB_OUT = lineIndex('acceptance_bills', 'disbursement');

/** Days bills are paid after due in a scenario; 'upper'/'lower' bounds keep it on its side of the base. */
export function stretchDays(params: ScenarioParams, base: ScenarioParams, historyDays: number): number {
  const of = (p: ScenarioParams) =>
    p.payablesStretch === 'history' ? Math.max(0, Math.round(historyDays)) : p.payablesStretch;
  const own = of(params);
  if (params.bound === 'upper') return Math.max(own, of(base));
  if (params.bound === 'lower') return Math.min(own, of(base));
  return own;
}

/** Open bills on their due date plus the scenario's stretch (bills already due land in period 0). */
export function placeBills(
  bills: readonly ForecastBill[],
  stretch: number,
  toBase: BaseConverter,
  sink: FlowSink,
  trace: boolean,
): void {
  const reason = stretch > 0 ? 'BILL_DUE_DATE_STRETCHED' : 'BILL_DUE_DATE';
  for (const b of bills) {
    if (b.openMinor <= 0) continue;
    const day = epochDayUnchecked(b.dueOn) + stretch;
    const src: FlowSource | null = trace
      ? {
          kind: 'bill',
          id: b.id,
          number: b.number,
          counterparty: b.supplierName,
          currency: b.currency,
          originalMinor: b.openMinor,
        }
      : null;
    const amount = toBase.toBase(b.openMinor, b.currency);
    if (amount === null) sink.exclude(0, day, 'FX_RATE_MISSING', src);
    else sink.emit(BILLS, day, amount, reason, src);
  }
}

/**
 * Acceptance bills (DOMAIN 7.5). Receivable bills we hold: cash at maturity, or on the planned
 * discount date net of interest face × rate × days / basis. A commercial bill (商承) carries its
 * acceptor's PD as an expected-loss haircut; discounted with recourse, that expected loss comes
 * back as an outflow at maturity. Payable bills we issued are paid at maturity.
 */
export function placeAcceptanceBills(
  input: ForecastInput,
  toBase: BaseConverter,
  sink: FlowSink,
  trace: boolean,
): void {
  for (const bill of input.acceptanceBills) {
    if (bill.status !== 'held') continue;
    const maturity = epochDayUnchecked(bill.maturesOn);
    const src: FlowSource | null = trace
      ? {
          kind: 'acceptance_bill',
          id: bill.id,
          number: bill.number,
          counterparty: bill.acceptorName,
          currency: bill.currency,
          originalMinor: bill.faceMinor,
        }
      : null;
    const face = toBase.toBase(bill.faceMinor, bill.currency);
    if (face === null) {
      sink.exclude(0, maturity, 'FX_RATE_MISSING', src);
      continue;
    }
    if (bill.direction === 'payable') {
      sink.emit(AB_OUT, maturity, face, 'ACCEPTANCE_PAYABLE_AT_MATURITY', src);
      continue;
    }
    placeReceivableBill(bill, face, maturity, input, sink, src);
  }
}

function placeReceivableBill(
  bill: AcceptanceBill,
  face: number,
  maturity: number,
  input: ForecastInput,
  sink: FlowSink,
  src: FlowSource | null,
): void {
  const pd = bill.kind === 'commercial' ? acceptorPd(bill, input.acceptorPd) : 0;
  const expectedLoss = roundWith(face * pd, 'halfEven');
  const planned = bill.plannedDiscountOn === null ? null : epochDayUnchecked(bill.plannedDiscountOn);
  if (planned !== null && bill.discountRate !== null && planned < maturity) {
    const days = maturity - Math.max(planned, sink.grid.asOfDay);
    const interest = roundWith((face * bill.discountRate * days) / input.settings.discountDayBasis, 'halfEven');
    sink.emit(AB_IN, planned, face - interest, 'ACCEPTANCE_DISCOUNTED', src);
    sink.exclude(interest, planned, 'ACCEPTANCE_DISCOUNT_INTEREST', src);
    if (expectedLoss > 0 && bill.isWithRecourse)
      sink.emit(AB_OUT, maturity, expectedLoss, 'ACCEPTANCE_RECOURSE_EXPECTED_LOSS', src);
    return;
  }
  const reason = bill.kind === 'commercial' ? 'ACCEPTANCE_AT_MATURITY_PD_HAIRCUT' : 'ACCEPTANCE_AT_MATURITY';
  sink.emit(AB_IN, maturity, face - expectedLoss, reason, src);
  if (expectedLoss > 0) sink.exclude(expectedLoss, maturity, 'ACCEPTANCE_ACCEPTOR_PD', src);
}

function acceptorPd(bill: AcceptanceBill, pds: ReadonlyMap<string, number>): number {
  const pd =
    (bill.acceptorCustomerId !== null ? pds.get(bill.acceptorCustomerId) : undefined) ?? pds.get(bill.acceptorName);
  return Math.min(1, Math.max(0, pd ?? 0));
}

const RECURRING_LINE: ReadonlyMap<string, number> = new Map([
  ['payroll', lineIndex('payroll')],
  ['rent', lineIndex('rent')],
  ['tax', lineIndex('tax')],
  ['loan', lineIndex('loan')],
  ['utilities', lineIndex('utilities')],
  ['social_insurance', lineIndex('social_insurance')],
  ['other', lineIndex('other_recurring')],
]);

/** Recurring items on their calendar schedules, occurrences after `asOf` up to the horizon's end. */
export function placeRecurring(
  input: ForecastInput,
  toBase: BaseConverter,
  sink: FlowSink,
  warnings: { code: string; details: Record<string, string> }[] | null,
  trace: boolean,
): void {
  const { grid, span } = sink;
  for (const item of input.recurringItems) {
    const rule = parseScheduleRule(item.rule);
    if (!rule.ok) {
      warnings?.push({ code: rule.error.code, details: { id: item.id, name: item.name, value: item.rule } });
      continue;
    }
    const from = Math.max(grid.asOfDay + 1, epochDayUnchecked(item.startsOn));
    const to = Math.min(span.lastDay, item.endsOn === null ? span.lastDay : epochDayUnchecked(item.endsOn));
    const line =
      item.direction === 'inflow'
        ? lineIndex('recurring')
        : (RECURRING_LINE.get(item.category) ?? RECURRING_LINE.get('other') ?? 0);
    const src: FlowSource | null = trace ? recurringSource(item) : null;
    const amount = toBase.toBase(item.amountMinor, item.currency);
    for (const day of expandEpochDays(rule.value, from, to, input.calendar)) {
      if (amount === null) sink.exclude(0, day, 'FX_RATE_MISSING', src);
      else sink.emit(line, day, amount, 'RECURRING_RULE', src);
    }
  }
}

function recurringSource(item: RecurringItem): FlowSource {
  return {
    kind: 'recurring',
    id: item.id,
    number: item.rule,
    counterparty: item.name,
    currency: item.currency,
    originalMinor: item.amountMinor,
  };
}

export function placeOneOffs(
  items: readonly OneOffItem[],
  toBase: BaseConverter,
  sink: FlowSink,
  trace: boolean,
): void {
  for (const item of items) {
    const day = epochDayUnchecked(item.on);
    const src: FlowSource | null = trace
      ? {
          kind: 'one_off',
          id: item.id,
          number: item.id,
          counterparty: item.name,
          currency: item.currency,
          originalMinor: item.amountMinor,
        }
      : null;
    const amount = toBase.toBase(item.amountMinor, item.currency);
    if (amount === null) sink.exclude(0, day, 'FX_RATE_MISSING', src);
    else
      sink.emit(
        lineIndex('one_off', item.direction === 'inflow' ? 'receipt' : 'disbursement'),
        day,
        amount,
        'ONE_OFF_PLANNED',
        src,
      );
  }
}

/** A drawn line expiring inside the horizon without a renewal is repaid on its expiry date. */
export function placeLineRepayments(
  lines: readonly CreditLine[],
  toBase: BaseConverter,
  sink: FlowSink,
  trace: boolean,
): void {
  for (const line of lines) {
    if (line.expiresOn === null || line.renewalOn !== null || line.drawnMinor <= 0) continue;
    const day = epochDayUnchecked(line.expiresOn);
    if (day <= sink.grid.asOfDay) continue;
    const src: FlowSource | null = trace
      ? {
          kind: 'credit_line',
          id: line.id,
          number: line.id,
          counterparty: line.lender,
          currency: line.currency,
          originalMinor: line.drawnMinor,
        }
      : null;
    const amount = toBase.toBase(line.drawnMinor, line.currency);
    if (amount === null) sink.exclude(0, day, 'FX_RATE_MISSING', src);
    else sink.emit(lineIndex('credit_line_repayment'), day, amount, 'CREDIT_LINE_EXPIRY_REPAYMENT', src);
  }
}

/**
 * Forward contracts not yet settled on the as-of date, settled on their value date: the currency
 * bought as a receipt, the currency sold as a payment, each converted like every other flow, the
 * counter amount at the contract rate (`forwardLegs`).
 */
export function placeForwards(
  forwards: readonly FxForward[],
  asOf: string,
  toBase: BaseConverter,
  sink: FlowSink,
  trace: boolean,
): void {
  for (const f of forwards) {
    if (!isForwardOutstanding(f, asOf)) continue;
    const day = epochDayUnchecked(f.valueOn);
    const data = {
      counterparty: f.counterparty,
      rate: f.rate,
      currency: f.currency,
      counterCurrency: f.counterCurrency,
    };
    for (const leg of forwardLegs(f)) {
      const isReceipt = leg.amountMinor > 0;
      const original = Math.abs(leg.amountMinor);
      const src: FlowSource | null = trace
        ? {
            kind: 'fx_forward',
            id: f.id,
            number: f.id,
            counterparty: f.counterparty,
            currency: leg.currency,
            originalMinor: original,
          }
        : null;
      const amount = toBase.toBase(original, leg.currency);
      if (amount === null) sink.exclude(0, day, 'FX_RATE_MISSING', src);
      else
        sink.emit(
          lineIndex('fx_forward', isReceipt ? 'receipt' : 'disbursement'),
          day,
          amount,
          isReceipt ? 'FX_FORWARD_RECEIVED' : 'FX_FORWARD_PAID',
          src,
          data,
        );
    }
  }
}
