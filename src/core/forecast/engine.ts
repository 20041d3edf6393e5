import { fail, ok, type Result } from '../shared/index.js';
import { isLocalDate } from '../time/index.js';
import { computeBuffer, computeRunwayWeeks } from './buffer.js';
import { autoDraw, headroomByPeriod } from './credit-lines.js';
import { BaseConverter } from './fx.js';
import { buildGrid, type PeriodGrid } from './grid.js';
import {
  placeAcceptanceBills,
  placeBills,
  placeLineRepayments,
  placeOneOffs,
  placeRecurring,
  stretchDays,
} from './other-flows.js';
import { placeNewPurchases } from './purchases.js';
import { placeInvoices } from './receipts.js';
import { placeNewSales, projectSales, type SalesProjection } from './sales.js';
import { BASE_SCENARIO, type NamedScenario } from './scenarios.js';
import { FlowSink, LINE_KEYS, lineIndex, RECEIPT_COUNT } from './sink.js';
import type {
  ForecastInput,
  ForecastLine,
  ForecastPeriod,
  ForecastResult,
  ScenarioForecast,
  SourceRef,
} from './types.js';

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

function collectFlows(
  input: ForecastInput,
  grid: PeriodGrid,
  sales: SalesProjection,
  purchases: SalesProjection,
  s: NamedScenario,
  trace: boolean,
) {
  const sink = new FlowSink(grid, trace);
  const toBase = new BaseConverter(input.fx, input.baseCurrency, input.asOf, s.params.fxShift);
  const warnings: { code: string; details: Record<string, string> }[] = [];
  placeInvoices(input.invoices, s.params, toBase, sink, input.settings.doubtfulOverdueDays, trace);
  placeBills(input.bills, stretchDays(s.params, BASE_SCENARIO, input.payablesStretchDays), toBase, sink, trace);
  placeAcceptanceBills(input, toBase, sink, trace);
  placeRecurring(input, toBase, sink, warnings, trace);
  placeOneOffs(input.oneOffItems, toBase, sink, trace);
  if (input.settings.repayDrawnAtExpiry) placeLineRepayments(input.creditLines, toBase, sink, trace);
  placeNewSales(sales, input.customers, s.params, sink, input.baseCurrency, trace);
  const extraStretch =
    stretchDays(s.params, BASE_SCENARIO, input.payablesStretchDays) -
    stretchDays(BASE_SCENARIO, BASE_SCENARIO, input.payablesStretchDays);
  placeNewPurchases(purchases, input.purchasePaymentDays ?? 0, extraStretch, sink, input.baseCurrency, trace);
  return { sink, toBase, warnings };
}

/** Σ disbursements of a sink over the horizon, without credit-line repayments (not operating). */
function operatingOutflows(sink: FlowSink): number {
  const repay = lineIndex('credit_line_repayment');
  let total = 0;
  for (let line = RECEIPT_COUNT; line < LINE_KEYS.length; line++) {
    if (line === repay) continue;
    for (let p = 0; p < sink.grid.count; p++) total += sink.totals[line * sink.grid.count + p] as number;
  }
  return total;
}

/**
 * Runs the direct cash forecast for each scenario over one grid (DOMAIN 2.1–2.5).
 *
 * @example
 * const r = runForecastEngine(input, builtInScenarios());
 * if (r.ok) r.value.scenarios[1].periods[0].closingMinor;
 */
export function runForecastEngine(input: ForecastInput, scenarios: readonly NamedScenario[]): Result<ForecastResult> {
  const valid = validateForecastInput(input);
  if (!valid.ok) return valid;
  const trace = input.trace ?? true;
  const grid = buildGrid(input.asOf, input.granularity, input.periods, input.weekStart);
  const sales = projectSales(input.salesHistory, input.salesPlan, grid.asOfDay, grid.lastDay);
  const purchases = projectSales(input.purchaseHistory ?? [], [], grid.asOfDay, grid.lastDay);
  const runs = scenarios.map((s) => ({ s, ...collectFlows(input, grid, sales, purchases, s, trace) }));
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
    baseRun ? operatingOutflows(baseRun.sink) : 0,
    grid.lastDay - grid.firstDay + 1,
    input.trailing90PaymentsMinor,
  );
  const missing = new Set<string>(openingConv.missing);
  for (const r of runs) for (const c of r.toBase.missing) missing.add(c);
  const lines = headroomByPeriod(input.creditLines, grid, openingConv);
  return ok({
    asOf: input.asOf,
    currency: input.baseCurrency,
    granularity: input.granularity,
    weekStart: input.weekStart,
    opening: { totalMinor: opening, on: openingOn, accounts: input.openingBalances.length },
    bufferMinor: buffer,
    missingRates: [...missing].sort(),
    warnings: baseRun?.warnings ?? [],
    scenarios: runs.map((r) => assemble(r.s, r.sink, opening, buffer, [...lines], input.settings.autoDraw)),
  });
}

function assemble(
  s: NamedScenario,
  sink: FlowSink,
  opening: number,
  buffer: number,
  headroom: number[],
  isAutoDraw: boolean,
): ScenarioForecast {
  const { grid } = sink;
  const n = grid.count;
  const net: number[] = [];
  let running = opening;
  for (let p = 0; p < n; p++) {
    for (let line = 0; line < LINE_KEYS.length; line++) {
      const v = sink.totals[line * n + p] as number;
      running += line < RECEIPT_COUNT ? v : -v;
    }
    net.push(running);
  }
  if (isAutoDraw) {
    const draws = autoDraw(net, buffer, headroom);
    const drawLine = lineIndex('credit_line_draw');
    draws.forEach((d, p) => {
      if (d > 0)
        sink.emit(drawLine, grid.starts[p] as number, d, 'AUTO_DRAW_TO_BUFFER', {
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
  const closings = periods.map((p) => p.closingMinor);
  const breach = periods.find((p) => p.isBelowBuffer);
  const negative = periods.find((p) => p.closingMinor < 0);
  return {
    scenario: s.name,
    params: s.params,
    periods,
    firstBreach: breach ? { index: breach.index, startOn: breach.startOn } : null,
    firstNegative: negative ? { index: negative.index, startOn: negative.startOn } : null,
    runwayWeeks: computeRunwayWeeks(grid, closings, opening),
    excluded: sink.excluded,
    excludedMinor: sink.excludedMinor,
    beyondHorizon: { receiptsMinor: sink.beyondReceipts, disbursementsMinor: sink.beyondDisbursements },
  };
}

function buildPeriods(sink: FlowSink, opening: number, buffer: number, headroom: readonly number[]): ForecastPeriod[] {
  const { grid } = sink;
  const n = grid.count;
  const periods: ForecastPeriod[] = [];
  let open = opening;
  for (let p = 0; p < n; p++) {
    const lines: ForecastLine[] = [];
    let receipts = 0;
    let disbursements = 0;
    for (let line = 0; line < LINE_KEYS.length; line++) {
      const slot = line * n + p;
      const total = sink.totals[slot] as number;
      const isReceipt = line < RECEIPT_COUNT;
      if (isReceipt) receipts += total;
      else disbursements += total;
      const sources: readonly SourceRef[] = sink.sources ? (sink.sources[slot] as SourceRef[]) : [];
      lines.push({
        key: LINE_KEYS[line] as string,
        direction: isReceipt ? 'receipt' : 'disbursement',
        totalMinor: total,
        sources,
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
