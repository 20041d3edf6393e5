import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { allocateMinor, roundWith, splitEvenly } from '../money/index.js';
import { toPaymentColumns } from '../receivables/behaviour/columns.js';
import { buildPaymentBehaviour, predictSettlement } from '../receivables/behaviour/index.js';
import { PLAIN_SETTINGS, paidInvoice } from '../receivables/behaviour/test-support.js';
import {
  addDays,
  CN_PUBLIC_HOLIDAYS,
  createCalendar,
  epochDayUnchecked,
  fromEpochDay,
  isWorkingEpochDay,
  type LocalDate,
} from '../time/index.js';
import { carriedParts, planInvoiceReceipt, receiptDayRoller } from './receipts.js';
import { builtInScenarios } from './scenarios.js';
import { emptyForecastInput, forecastOrThrow, scenarioOf, testInvoice } from './testing.js';
import type { ForecastCustomerRisk, ForecastInvoice, PaymentDateDistribution } from './types.js';

const ASOF = '2026-03-04';
const asOfDay = epochDayUnchecked(ASOF);
const calendar = createCalendar(CN_PUBLIC_HOLIDAYS);
const ctx = { asOfDay, doubtfulOverdueDays: 90, roll: receiptDayRoller(calendar, asOfDay) };
const SCENARIOS = builtInScenarios();
const risk: ForecastCustomerRisk = {
  status: 'normal',
  pd: 0.04,
  pdLow: 0.02,
  pdHigh: 0.08,
  lgd: 0.6,
  recovery: null,
  newSales: true,
};

/** A distribution whose K likely dates are `offsets` days after the as-of day (sorted). */
function distribution(offsets: readonly number[], extra = 0): PaymentDateDistribution {
  const sorted = [...offsets].sort((a, b) => a - b).map((d) => addDays(ASOF, d + extra));
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as LocalDate;
  return {
    p10: sorted[0] as LocalDate,
    p50: at(0.5),
    p90: sorted.at(-1) as LocalDate,
    slices: sorted,
    pUnpaid90: 0.05,
    basis: 'customer',
  };
}

const spreadInvoice = (
  offsets: readonly number[],
  extra = 0,
): Pick<ForecastInvoice, 'dueOn' | 'isDisputed' | 'payment'> => ({
  dueOn: addDays(ASOF, 10),
  isDisputed: false,
  payment: distribution(offsets, extra),
});

const offsetsArb = fc.array(fc.integer({ min: 1, max: 150 }), { minLength: 2, maxLength: 20 });

test('property: the parts sum to the carried amount exactly, on non-decreasing working days, in every scenario', () => {
  fc.assert(
    fc.property(offsetsArb, fc.integer({ min: 0, max: 9_000_000_000_00 }), (offsets, amount) => {
      for (const s of SCENARIOS) {
        const plan = planInvoiceReceipt(spreadInvoice(offsets), risk, s.params, ctx);
        const amounts = carriedParts(plan, amount);
        assert.equal(amounts.length, offsets.length, `${s.name}: one part per likely date`);
        assert.equal(plan.days.length, offsets.length);
        const sum = amounts.reduce((t, a) => t + a, 0);
        assert.equal(sum, roundWith(amount * plan.share, 'halfEven'), `${s.name}: no fen lost or made`);
        assert.deepEqual(
          amounts,
          allocateMinor(
            sum,
            amounts.map(() => 1),
          ),
          `${s.name}: the largest-remainder split`,
        );
        assert.ok(Math.max(...amounts) - Math.min(...amounts) <= 1, `${s.name}: parts differ by at most one fen`);
        assert.ok(amounts.every((a) => Number.isSafeInteger(a) && a >= 0));
        for (const [i, day] of plan.days.entries()) {
          assert.ok(isWorkingEpochDay(calendar, day), `${s.name}: ${fromEpochDay(day)} is a working day`);
          if (i > 0) assert.ok(day >= (plan.days[i - 1] as number), `${s.name}: days never go back`);
        }
        assert.equal(plan.day, plan.days[plan.days.length >> 1], `${s.name}: the plan's day is the middle part's`);
      }
    }),
    { numRuns: 200 },
  );
});

test('property: splitEvenly is allocateMinor with equal ratios, for any amount and count', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: -9_000_000_000_00, max: 9_000_000_000_00 }),
      fc.integer({ min: 1, max: 20 }),
      (t, k) => {
        assert.deepEqual(
          splitEvenly(t, k),
          allocateMinor(
            t,
            Array.from({ length: k }, () => 1),
          ),
        );
      },
    ),
    { numRuns: 500 },
  );
});

test('property: optimistic parts are never later and pessimistic parts never earlier than the base parts', () => {
  fc.assert(
    fc.property(offsetsArb, (offsets) => {
      const [optimistic, base, pessimistic] = SCENARIOS.map((s) =>
        planInvoiceReceipt(spreadInvoice(offsets), risk, s.params, ctx),
      );
      base?.days.forEach((day, i) => {
        assert.ok((optimistic?.days[i] as number) <= day, 'optimistic');
        assert.ok((pessimistic?.days[i] as number) >= day, 'pessimistic');
      });
    }),
    { numRuns: 200 },
  );
});

test('property: a bigger delay never moves a part earlier', () => {
  fc.assert(
    fc.property(offsetsArb, fc.integer({ min: 0, max: 60 }), (offsets, later) => {
      for (const s of SCENARIOS) {
        const now = planInvoiceReceipt(spreadInvoice(offsets), risk, s.params, ctx);
        const slower = planInvoiceReceipt(spreadInvoice(offsets, later), risk, s.params, ctx);
        for (const [i, day] of now.days.entries()) assert.ok((slower.days[i] as number) >= day, `${s.name} part ${i}`);
      }
    }),
    { numRuns: 200 },
  );
});

test('the behaviour model gives K quantile-midpoint dates: the middle one is the P50, and a later due date moves none earlier', () => {
  const asOf = '2025-06-30';
  const history = [
    ...[2, 4, 6, 30].map((d, i) => paidInvoice('A', asOf, 10 + i * 20, d)),
    ...[20, 22, 24].map((d, i) => paidInvoice('B', asOf, 10 + i * 20, d)),
  ];
  const model = buildPaymentBehaviour(toPaymentColumns(history), asOf, PLAIN_SETTINGS);
  const open = (dueOn: LocalDate) => ({
    customerId: 'A',
    issuedOn: '2025-06-01',
    dueOn,
    amount: 100,
    isDisputed: false,
    channel: 'electronic' as const,
  });
  const one = predictSettlement(model, open('2025-07-01'));
  assert.deepEqual(one.settleOnSlices, [one.settleOn.p50], 'one slice: the P50 as today');
  const five = predictSettlement(model, open('2025-07-01'), 5);
  assert.equal(five.settleOnSlices.length, 5);
  assert.equal(five.settleOnSlices[2], five.settleOn.p50, 'the middle of 5 is the median');
  assert.ok(five.settleOnSlices.every((d, i) => i === 0 || d >= (five.settleOnSlices[i - 1] as string)));
  assert.ok((five.settleOnSlices[0] as string) < (five.settleOnSlices[4] as string), 'the dates really spread');
  assert.ok(
    five.settleOnSlices.every((d) => d > asOf),
    'none before the day after the as-of date',
  );
  const later = predictSettlement(model, open('2025-07-21'), 5);
  for (const [i, d] of five.settleOnSlices.entries()) assert.ok((later.settleOnSlices[i] as string) >= d, `slice ${i}`);
});

test('one slice is the forecast of one date: the same result as a distribution without slices', () => {
  const payment = {
    p10: '2026-03-09',
    p50: '2026-03-21',
    p90: '2026-05-02',
    pUnpaid90: 0.05,
    basis: 'customer',
  } as const;
  const plain = testInvoice('S1', { payment });
  const single = testInvoice('S1', { payment: { ...payment, slices: ['2026-03-21'] } });
  const a = forecastOrThrow(emptyForecastInput(ASOF, { invoices: [plain] }));
  const b = forecastOrThrow(emptyForecastInput(ASOF, { invoices: [single] }));
  assert.deepEqual(b.scenarios, a.scenarios);
  const src = scenarioOf(a, 'base').periods[3]?.lines.find((l) => l.key === 'invoices')?.sources[0];
  assert.equal(src?.reason, 'PLACED_P50_CUSTOMER_HISTORY');
  assert.equal(src?.reasonData?.parts, undefined, 'no spread words for one date');
});

test('a spread invoice appears once in each week its parts fall in, with its share of the parts', () => {
  // Five likely dates: Mon 9 Mar, Thu 12 Mar, Sat 21 Mar (→ Mon 23), Wed 25 Mar, Thu 16 Apr.
  const slices = ['2026-03-09', '2026-03-12', '2026-03-21', '2026-03-25', '2026-04-16'];
  const inv = testInvoice('S2', {
    openMinor: 100_000_01,
    payment: { p10: '2026-03-09', p50: '2026-03-21', p90: '2026-04-16', slices, pUnpaid90: 0.05, basis: 'customer' },
  });
  const result = forecastOrThrow(emptyForecastInput(ASOF, { invoices: [inv] }));
  const base = scenarioOf(result, 'base');
  const refs = base.periods.flatMap((p) =>
    (p.lines.find((l) => l.key === 'invoices')?.sources ?? []).map((s) => ({ week: p.index, ...s })),
  );
  assert.deepEqual(
    refs.map((r) => [r.week, r.placedOn, r.amountMinor, r.reasonData?.partPct]),
    [
      [1, '2026-03-09', 40_000_01, 40],
      [3, '2026-03-23', 40_000_00, 40],
      [6, '2026-04-16', 20_000_00, 20],
    ],
  );
  assert.ok(refs.every((r) => r.reason === 'PLACED_SPREAD_CUSTOMER_HISTORY' && r.reasonData?.parts === 5));
  assert.ok(refs.every((r) => r.reasonData?.period === 'week'));
  assert.equal(
    base.periods.reduce((t, p) => t + p.receiptsMinor, 0),
    100_000_01,
    'the whole amount, no fen lost',
  );
  // The pessimistic scenario moves every part later by max(15 days, σ); the optimistic earlier, not before P10.
  const pess = scenarioOf(result, 'pessimistic').periods.flatMap(
    (p) => p.lines.find((l) => l.key === 'invoices')?.sources ?? [],
  );
  assert.ok(pess.every((r) => r.reason === 'PLACED_SPREAD_PLUS_SLIP_CUSTOMER_HISTORY'));
  assert.ok((pess[0]?.placedOn as string) >= '2026-03-24', 'the first part 15 days later at least');
  const opt = scenarioOf(result, 'optimistic').periods.flatMap(
    (p) => p.lines.find((l) => l.key === 'invoices')?.sources ?? [],
  );
  assert.ok(opt.every((r) => r.reason === 'PLACED_SPREAD_EARLY_CUSTOMER_HISTORY'));
  assert.ok(
    opt.every((r) => r.placedOn >= '2026-03-09'),
    'not before P10',
  );
});

test('a month view words the share of the month; doubtful and insolvent items are not spread', () => {
  const slices = ['2026-03-09', '2026-03-12', '2026-03-23', '2026-04-08', '2026-04-16'];
  const payment = {
    p10: '2026-03-09',
    p50: '2026-03-23',
    p90: '2026-04-16',
    slices,
    pUnpaid90: 0.05,
    basis: 'portfolio',
  } as const;
  const month = forecastOrThrow(
    emptyForecastInput(ASOF, {
      granularity: 'month',
      periods: 3,
      invoices: [
        testInvoice('M1', { payment }),
        testInvoice('D1', { payment, isDisputed: true }),
        testInvoice('O1', { payment, dueOn: '2025-10-01' }),
      ],
    }),
  );
  const refs = scenarioOf(month, 'base').periods.flatMap(
    (p) => p.lines.find((l) => l.key === 'invoices')?.sources ?? [],
  );
  const m1 = refs.filter((r) => r.id === 'M1');
  assert.deepEqual(
    m1.map((r) => [r.reason, r.reasonData?.partPct, r.reasonData?.period]),
    [
      ['PLACED_SPREAD_PORTFOLIO_HISTORY', 60, 'month'],
      ['PLACED_SPREAD_PORTFOLIO_HISTORY', 40, 'month'],
    ],
  );
  assert.deepEqual(
    refs.filter((r) => r.id !== 'M1').map((r) => [r.id, r.reason, r.placedOn]),
    [
      ['D1', 'DISPUTED_RECOVERY', '2026-04-16'],
      ['O1', 'OVERDUE_90_RECOVERY', '2026-04-16'],
    ],
  );
});
