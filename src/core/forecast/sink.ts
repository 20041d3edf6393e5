import { fromEpochDay } from '../time/index.js';
import type { PeriodGrid } from './grid.js';
import { DISBURSEMENT_LINES, RECEIPT_LINES, type SourceKind, type SourceRef } from './types.js';

/** Every line key, receipts first; a flow's line is an index into this list. */
export const LINE_KEYS: readonly string[] = [...RECEIPT_LINES, ...DISBURSEMENT_LINES];
export const RECEIPT_COUNT = RECEIPT_LINES.length;
/** Index of a line; a key in both lists ('acceptance_bills', 'one_off') needs its direction. */
export function lineIndex(key: string, direction?: 'receipt' | 'disbursement'): number {
  const r = (RECEIPT_LINES as readonly string[]).indexOf(key);
  const d = (DISBURSEMENT_LINES as readonly string[]).indexOf(key);
  const i = direction === 'disbursement' || (direction === undefined && r < 0) ? (d < 0 ? -1 : RECEIPT_COUNT + d) : r;
  if (i < 0) throw new RangeError(`unknown forecast line ${key}`);
  return i;
}

/** Describes the document behind a flow (only read when tracing). */
export interface FlowSource {
  readonly kind: SourceKind;
  readonly id: string;
  readonly number: string;
  readonly counterparty: string;
  readonly currency: string;
  readonly originalMinor: number;
}

/** Values a reason's words interpolate (dates, shares, amounts in minor units). */
export type ReasonData = Readonly<Record<string, string | number>>;

/**
 * Collects one scenario's flows by day over `span` (the view's periods and the 13 weeks the buffer
 * and the runway read, whichever reaches further), so the weekly and the monthly view of one
 * forecast add up the same days: totals per line and day (integers in a Float64Array, exact below
 * 2^53), what falls after the span and after the view, what was excluded, the credit-risk
 * adjustment taken off receipts, and, when tracing, every source in its view period.
 */
export class FlowSink {
  readonly days: number;
  readonly daily: Float64Array;
  readonly sources: SourceRef[][] | null;
  readonly excluded: SourceRef[] = [];
  excludedMinor = 0;
  /** Placed after the view's last day (inside or beyond the span). */
  beyondReceipts = 0;
  beyondDisbursements = 0;
  /** Σ expected credit loss taken off receipts by the risk adjustment (DOMAIN 2.5 rule 10). */
  riskAdjustmentMinor = 0;
  /** Σ carried amounts emitted (placed or beyond), receipts − disbursements: the property test's check. */
  carriedNet = 0;

  constructor(
    readonly grid: PeriodGrid,
    readonly span: { readonly firstDay: number; readonly lastDay: number },
    trace: boolean,
  ) {
    this.days = span.lastDay - span.firstDay + 1;
    this.daily = new Float64Array(LINE_KEYS.length * this.days);
    this.sources = trace ? Array.from({ length: LINE_KEYS.length * grid.count }, () => []) : null;
  }

  /**
   * Places `amountMinor` (base currency, ≥ 0) of line `line` on `expectedDay`; a day already past
   * is placed on the as-of day. `data` carries what the reason's words need.
   */
  emit(
    line: number,
    expectedDay: number,
    amountMinor: number,
    reason: string,
    src: FlowSource | null,
    data?: ReasonData,
  ): void {
    this.add(line, expectedDay, amountMinor);
    const p = this.grid.indexOf(expectedDay);
    if (p >= 0 && this.sources && src) {
      (this.sources[line * this.grid.count + p] as SourceRef[]).push(
        this.ref(src, amountMinor, expectedDay, Math.max(expectedDay, this.grid.asOfDay), reason, data),
      );
    }
  }

  /**
   * Places the equally likely parts of one item: `amounts[i]` on `days[i]` (days non-decreasing).
   * When tracing, the item appears once in each view period its parts fall in, with the parts'
   * sum, the first part's day, and `parts` / `partPct` (the share of its parts in that period) /
   * `period` added to its reason data. One part is placed as `emit` places it.
   */
  emitParts(
    line: number,
    days: readonly number[],
    amounts: readonly number[],
    reason: string,
    src: FlowSource | null,
    data?: ReasonData,
  ): void {
    const count = days.length;
    if (count === 1) {
      this.emit(line, days[0] as number, amounts[0] as number, reason, src, data);
      return;
    }
    for (let i = 0; i < count; i++) this.add(line, days[i] as number, amounts[i] as number);
    if (!this.sources || !src) return;
    for (let i = 0; i < count; ) {
      const first = days[i] as number;
      const p = this.grid.indexOf(first);
      let amount = 0;
      let j = i;
      for (; j < count && this.grid.indexOf(days[j] as number) === p; j++) amount += amounts[j] as number;
      if (p >= 0) {
        const partData: Record<string, string | number> = {
          parts: count,
          partPct: Math.round(((j - i) * 10_000) / count) / 100,
          period: this.grid.granularity,
        };
        if (data) for (const key in data) if (key !== 'parts') partData[key] = data[key] as string | number;
        (this.sources[line * this.grid.count + p] as SourceRef[]).push(
          this.ref(src, amount, first, Math.max(first, this.grid.asOfDay), reason, partData),
        );
      }
      i = j;
    }
  }

  /** Adds an amount to the day totals and the carried, beyond-the-view sums. */
  private add(line: number, expectedDay: number, amountMinor: number): void {
    const isReceipt = line < RECEIPT_COUNT;
    this.carriedNet += isReceipt ? amountMinor : -amountMinor;
    const placed = Math.max(expectedDay, this.grid.asOfDay);
    if (placed > this.grid.lastDay) {
      if (isReceipt) this.beyondReceipts += amountMinor;
      else this.beyondDisbursements += amountMinor;
    }
    if (placed <= this.span.lastDay) {
      const slot = line * this.days + (placed - this.span.firstDay);
      this.daily[slot] = (this.daily[slot] as number) + amountMinor;
    }
  }

  exclude(amountMinor: number, expectedDay: number, reason: string, src: FlowSource | null, data?: ReasonData): void {
    this.excludedMinor += amountMinor;
    if (this.sources && src) this.excluded.push(this.ref(src, amountMinor, expectedDay, expectedDay, reason, data));
  }

  /** Totals of one line over each period of `grid` (a grid inside the span). */
  lineTotals(line: number, grid: PeriodGrid): Float64Array {
    const out = new Float64Array(grid.count);
    const base = line * this.days - this.span.firstDay;
    for (let p = 0; p < grid.count; p++) {
      const from = Math.max(grid.starts[p] as number, this.span.firstDay);
      const to = Math.min((grid.starts[p + 1] as number) - 1, this.span.lastDay);
      let total = 0;
      for (let d = from; d <= to; d++) total += this.daily[base + d] as number;
      out[p] = total;
    }
    return out;
  }

  /** The sources behind one line in one period of the view (empty when not tracing). */
  sourcesOf(line: number, period: number): readonly SourceRef[] {
    return this.sources ? (this.sources[line * this.grid.count + period] as SourceRef[]) : [];
  }

  private readonly dates = new Map<number, string>();

  /** Date strings are shared: thousands of items fall on the same few hundred days. */
  private date(day: number): string {
    let d = this.dates.get(day);
    if (d === undefined) {
      d = fromEpochDay(day);
      this.dates.set(day, d);
    }
    return d;
  }

  private ref(
    src: FlowSource,
    amountMinor: number,
    expected: number,
    placed: number,
    reason: string,
    data: ReasonData | undefined,
  ): SourceRef {
    return {
      kind: src.kind,
      id: src.id,
      number: src.number,
      counterparty: src.counterparty,
      currency: src.currency,
      originalMinor: src.originalMinor,
      amountMinor,
      expectedOn: this.date(expected),
      placedOn: this.date(placed),
      reason,
      ...(data === undefined ? {} : { reasonData: data }),
    };
  }
}
