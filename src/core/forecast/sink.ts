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

/**
 * Collects one scenario's flows: totals per line and period (integers in a Float64Array, exact
 * below 2^53), what falls after the horizon, what was excluded, and, when tracing, every source.
 */
export class FlowSink {
  readonly totals: Float64Array;
  readonly sources: SourceRef[][] | null;
  readonly excluded: SourceRef[] = [];
  excludedMinor = 0;
  beyondReceipts = 0;
  beyondDisbursements = 0;
  /** Σ carried amounts emitted (placed or beyond), receipts − disbursements: the property test's check. */
  carriedNet = 0;

  constructor(
    readonly grid: PeriodGrid,
    trace: boolean,
  ) {
    this.totals = new Float64Array(LINE_KEYS.length * grid.count);
    this.sources = trace ? Array.from({ length: LINE_KEYS.length * grid.count }, () => []) : null;
  }

  /** Places `amountMinor` (base currency, ≥ 0) of line `line` on `expectedDay` (past days land in period 0). */
  emit(line: number, expectedDay: number, amountMinor: number, reason: string, src: FlowSource | null): void {
    const isReceipt = line < RECEIPT_COUNT;
    this.carriedNet += isReceipt ? amountMinor : -amountMinor;
    const p = this.grid.indexOf(expectedDay);
    if (p < 0) {
      if (isReceipt) this.beyondReceipts += amountMinor;
      else this.beyondDisbursements += amountMinor;
      return;
    }
    const slot = line * this.grid.count + p;
    this.totals[slot] = (this.totals[slot] as number) + amountMinor;
    if (this.sources && src) {
      const placed = Math.max(expectedDay, this.grid.asOfDay);
      (this.sources[slot] as SourceRef[]).push(this.ref(src, amountMinor, expectedDay, placed, reason));
    }
  }

  exclude(amountMinor: number, expectedDay: number, reason: string, src: FlowSource | null): void {
    this.excludedMinor += amountMinor;
    if (this.sources && src) this.excluded.push(this.ref(src, amountMinor, expectedDay, expectedDay, reason));
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

  private ref(src: FlowSource, amountMinor: number, expected: number, placed: number, reason: string): SourceRef {
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
    };
  }
}
