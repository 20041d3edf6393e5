import { fail, ok, type Result } from '../shared/index.js';
import { isLocalDate } from '../time/index.js';
import { BUFFER_WINDOW_WEEKS, computeBuffer, computeRunwayWeeks } from './buffer.js';
import { autoDraw, headroomByPeriod } from './credit-lines.js';
import { BaseConverter } from './fx.js';
import { buildGrid, type PeriodGrid } from './grid.js';
import {
  placeAcceptanceBills,
  placeBills,
  placeForwards,
  placeLineRepayments,
  placeOneOffs,
  placeRecurring,
  stretchDays,
} from './other-flows.js';
import { placeNewPurchases } from './purchases.js';
import { type PlanContext, placeInvoices, receiptDayRoller } from './receipts.js';
import { placeNewSales, projectSales, type SalesProjection } from './sales.js';
import { BASE_SCENARIO, type NamedScenario } from './scenarios.js';
import { FlowSink, LINE_KEYS, lineIndex, RECEIPT_COUNT } from './sink.js';
import type { ForecastInput, ForecastLine, ForecastPeriod, ForecastResult, ScenarioForecast } from './types.js';

/** Validates the shape of a request before any work: period counts, week start, dates. */
export function validateForecastInput(input: ForecastInput): Result<true> {
  if (!isLocalDate(input.asOf))
    return fail('INVALID_ARGUMENT', { field: 'asOf', value: input.asOf, expected: 'YYYY-MM-DD' });
  const [min, max] = input.granularity === 'week' ? [1, 52] : [3, 12];
  if (!Number.isInteger(input.periods) || input.periods < min || input.periods > max) {
    return fail('FORECAST_INVALID_PERIODS', {
      field: input.granularity,
      value: String(input.periods),
      expected: `${min}-${max}`,
    });
  }
  if (!Number.isInteger(input.weekStart) || input.weekStart < 1 || input.weekStart > 7) {
    return fail('INVALID_ARGUMENT', { field: 'weekStart', value: String(input.weekStart), expected: '1-7' });
  }
  return ok(true);
}

/** The view's grid, the weekly grid the buffer and runway read, and the days both span. */
interface Grids {
  readonly view: PeriodGrid;
  readonly weeks: PeriodGrid;
  /** Weeks of `weeks` that end inside the view: the runway's horizon. */
  readonly runwayWeeks: number;
  readonly span: { readonly firstDay: number; readonly lastDay: number };
}

function buildGrids(input: ForecastInput): Grids {
  const view = buildGrid(input.asOf, input.granularity, input.periods, input.weekStart);
  const firstWeek = buildGrid(input.asOf, 'week', 1, input.weekStart).firstDay;
  const viewWeeks = Math.floor((view.lastDay - firstWeek + 1) / 7);
  const weeks = buildGrid(input.asOf, 'week', Math.max(BUFFER_WINDOW_WEEKS, viewWeeks), input.weekStart);
  return {
    view,
    weeks,
    runwayWeeks: input.granularity === 'week' ? input.periods : viewWeeks,
    span: { firstDay: Math.min(view.firstDay, weeks.firstDay), lastDay: Math.max(view.lastDay, weeks.lastDay) },
  };
}

function collectFlows(
  input: ForecastInput,
  grids: Grids,
  sales: SalesProjection,
  purchases: SalesProjection,
  s: NamedScenario,
  ctx: PlanContext,
  trace: boolean,
) {
  const sink = new FlowSink(grids.view, grids.span, trace);
  const toBase = new BaseConverter(input.fx, input.baseCurrency, input.asOf, s.params.fxShift);
  const warnings: { code: string; details: Record<string, string> }[] = [];
  placeInvoices(input.invoices, input.risk, s.params, toBase, sink, ctx, trace);
  placeBills(input.bills, stretchDays(s.params, BASE_SCENARIO, input.payablesStretchDays), toBase, sink, trace);
  placeAcceptanceBills(input, toBase, sink, trace);
  placeRecurring(input, toBase, sink, warnings, trace);
  placeOneOffs(input.oneOffItems, toBase, sink, trace);
  placeForwards(input.forwards ?? [], input.asOf, toBase, sink, trace);
  if (input.settings.repayDrawnAtExpiry) placeLineRepayments(input.creditLines, toBase, sink, trace);
  const adjustments = input.salesAdjustments ?? [];
  placeNewSales(sales, input.customers, input.risk, s.params, sink, ctx, input.baseCurrency, trace, adjustments);
  const extraStretch =
    stretchDays(s.params, BASE_SCENARIO, input.payablesStretchDays) -
    stretchDays(BASE_SCENARIO, BASE_SCENARIO, input.payablesStretchDays);
  const paymentDays = input.purchasePaymentDays ?? 0;
  placeNewPurchases(purchases, paymentDays, extraStretch, sink, input.baseCurrency, trace, adjustments);
  return { sink, toBase, warnings };
}

/** Σ operating disbursements (every outflow but credit-line repayments) over the first `weeks` weeks. */
function operatingOutflows(sink: FlowSink, weeks: PeriodGrid, count: number): number {
  const repay = lineIndex('credit_line_repayment');
  let total = 0;
  for (let line = RECEIPT_COUNT; line < LINE_KEYS.length; line++) {
    if (line === repay) continue;
    const totals = sink.lineTotals(line, weeks);
    for (let w = 0; w < count; w++) total += totals[w] as number;
  }
  return total;
}

/** Net flow (receipts − disbursements) of each period of `grid`. */
function netByPeriod(sink: FlowSink, grid: PeriodGrid): Float64Array {
  const net = new Float64Array(grid.count);
  for (let line = 0; line < LINE_KEYS.length; line++) {
    const totals = sink.lineTotals(line, grid);
    const sign = line < RECEIPT_COUNT ? 1 : -1;
    for (let p = 0; p < grid.count; p++) net[p] = (net[p] as number) + sign * (totals[p] as number);
  }
  return net;
}

/**
 * Runs the direct cash forecast for each scenario over one grid (DOMAIN 2.1–2.5). Flows are
 * collected by day, so the weekly and monthly views of the same data agree: the buffer is one
 * month of the base scenario's operating outflows over the next 13 weeks, and the runway is read
 * on the weekly path, whichever view is shown.
 *
 * @example
 * const r = runForecastEngine(input, builtInScenarios());
 * if (r.ok) r.value.scenarios[1].periods[0].closingMinor;
 */
export function runForecastEngine(input: ForecastInput, scenarios: readonly NamedScenario[]): Result<ForecastResult> {
  const valid = validateForecastInput(input);
  if (!valid.ok) return valid;
  const trace = input.trace ?? true;
  const grids = buildGrids(input);
  const { view } = grids;
  const sales = projectSales(input.salesHistory, input.salesPlan, view.asOfDay, grids.span.lastDay);
  const purchases = projectSales(input.purchaseHistory ?? [], [], view.asOfDay, grids.span.lastDay);
  const ctx: PlanContext = {
    asOfDay: view.asOfDay,
    doubtfulOverdueDays: input.settings.doubtfulOverdueDays,
    roll: receiptDayRoller(input.calendar, view.asOfDay),
  };
  const runs = scenarios.map((s) => ({ s, ...collectFlows(input, grids, sales, purchases, s, ctx, trace) }));
  const baseRun = runs.find((r) => r.s.name === 'base') ?? runs[0];
  const openingConv = new BaseConverter(input.fx, input.baseCurrency, input.asOf, 0);
  let opening = 0;
  let openingOn: string | null = null;
  for (const b of input.openingBalances) {
    opening += openingConv.toBase(b.amountMinor, b.currency) ?? 0;
    if (openingOn === null || b.on > openingOn) openingOn = b.on;
  }
  const buffer = computeBuffer(
    input.settings.minCash,
    baseRun ? operatingOutflows(baseRun.sink, grids.weeks, BUFFER_WINDOW_WEEKS) : 0,
    BUFFER_WINDOW_WEEKS * 7,
    input.trailing90PaymentsMinor,
  );
  const missing = new Set<string>(openingConv.missing);
  for (const r of runs) for (const c of r.toBase.missing) missing.add(c);
  const headroom = headroomByPeriod(input.creditLines, view, openingConv);
  const weeklyHeadroom = headroomByPeriod(input.creditLines, grids.weeks, openingConv);
  return ok({
    asOf: input.asOf,
    currency: input.baseCurrency,
    granularity: input.granularity,
    weekStart: input.weekStart,
    opening: { totalMinor: opening, on: openingOn, accounts: input.openingBalances.length },
    bufferMinor: buffer.bufferMinor,
    buffer: buffer.detail,
    isBelowBufferAtStart: opening < buffer.bufferMinor,
    missingRates: [...missing].sort(),
    warnings: baseRun?.warnings ?? [],
    scenarios: runs.map((r) =>
      assemble(r.s, r.sink, grids, opening, buffer.bufferMinor, [...headroom], weeklyHeadroom, input.settings.autoDraw),
    ),
  });
}

function assemble(
  s: NamedScenario,
  sink: FlowSink,
  grids: Grids,
  opening: number,
  buffer: number,
  headroom: number[],
  weeklyHeadroom: readonly number[],
  isAutoDraw: boolean,
): ScenarioForecast {
  const { view, weeks } = grids;
  if (isAutoDraw) {
    const net = netByPeriod(sink, view);
    const closings: number[] = [];
    let running = opening;
    for (const n of net) {
      running += n;
      closings.push(running);
    }
    const draws = autoDraw(closings, buffer, headroom);
    const drawLine = lineIndex('credit_line_draw');
    draws.forEach((d, p) => {
      if (d > 0)
        sink.emit(drawLine, view.starts[p] as number, d, 'AUTO_DRAW_TO_BUFFER', {
          kind: 'credit_line',
          id: 'auto-draw',
          number: '',
          counterparty: '',
          currency: '',
          originalMinor: d,
        });
    });
  }
  const periods = buildPeriods(sink, opening, buffer, headroom);
  const breach = periods.find((p) => p.isBelowBuffer);
  const negative = periods.find((p) => p.closingMinor < 0);
  // The runway reads cash before any automatic draw: the draws are counted in the headroom.
  const weekly = netByPeriod(sink, weeks);
  if (isAutoDraw) {
    const draws = sink.lineTotals(lineIndex('credit_line_draw'), weeks);
    for (let w = 0; w < weekly.length; w++) weekly[w] = (weekly[w] as number) - (draws[w] as number);
  }
  const closings = new Float64Array(grids.runwayWeeks);
  let running = opening;
  for (let w = 0; w < grids.runwayWeeks; w++) {
    running += weekly[w] as number;
    closings[w] = running;
  }
  return {
    scenario: s.name,
    params: s.params,
    periods,
    firstBreach: breach ? { index: breach.index, startOn: breach.startOn, endOn: breach.endOn } : null,
    firstNegative: negative ? { index: negative.index, startOn: negative.startOn, endOn: negative.endOn } : null,
    runwayWeeks: computeRunwayWeeks(weeks, closings, weeklyHeadroom),
    runwayHorizonWeeks: grids.runwayWeeks,
    runwayCreditMinor: weeklyHeadroom[0] ?? 0,
    riskAdjustmentMinor: sink.riskAdjustmentMinor,
    excluded: sink.excluded,
    excludedMinor: sink.excludedMinor,
    beyondHorizon: { receiptsMinor: sink.beyondReceipts, disbursementsMinor: sink.beyondDisbursements },
  };
}

function buildPeriods(sink: FlowSink, opening: number, buffer: number, headroom: readonly number[]): ForecastPeriod[] {
  const { grid } = sink;
  const totals = LINE_KEYS.map((_, line) => sink.lineTotals(line, grid));
  const periods: ForecastPeriod[] = [];
  let open = opening;
  for (let p = 0; p < grid.count; p++) {
    const lines: ForecastLine[] = [];
    let receipts = 0;
    let disbursements = 0;
    for (let line = 0; line < LINE_KEYS.length; line++) {
      const total = (totals[line] as Float64Array)[p] as number;
      const isReceipt = line < RECEIPT_COUNT;
      if (isReceipt) receipts += total;
      else disbursements += total;
      lines.push({
        key: LINE_KEYS[line] as string,
        direction: isReceipt ? 'receipt' : 'disbursement',
        totalMinor: total,
        sources: sink.sourcesOf(line, p),
      });
    }
    const closing = open + receipts - disbursements;
    periods.push({
      index: p,
      startOn: grid.startOn(p),
      endOn: grid.endOn(p),
      openingMinor: open,
      receiptsMinor: receipts,
      disbursementsMinor: disbursements,
      closingMinor: closing,
      bufferMinor: buffer,
      headroomMinor: headroom[p] as number,
      isBelowBuffer: closing < buffer,
      lines,
    });
    open = closing;
  }
  return periods;
}
