import { assert } from '../../core/shared/index.js';
import { addMonths, isLocalDate, startOfMonth, toEpochDay } from '../../core/time/index.js';

/** What the caller may choose; everything else follows from the seed and `asOf`. */
export interface DemoParams {
  readonly asOf: string;
  readonly seed?: number;
  /** Number of customers, at least 10 (the story roles take the first nine). Default 200. */
  readonly customers?: number;
  /** Approximate number of invoices over the three years. Default 20,000. */
  readonly invoices?: number;
  /** Number of suppliers. Default max(40, customers / 5). */
  readonly suppliers?: number;
  /** Prepended to every generated id, so several demo organisations can share one database. */
  readonly idPrefix?: string;
}

export interface DemoOptions {
  readonly asOf: string;
  readonly seed: number;
  readonly customers: number;
  readonly invoices: number;
  readonly suppliers: number;
  readonly idPrefix: string;
  /** First day of the history: the first of the month three years before `asOf`. */
  readonly start: string;
  readonly startDay: number;
  readonly endDay: number;
}

export const DEFAULT_SEED = 20240501;
export const DEFAULT_CUSTOMERS = 200;
export const DEFAULT_INVOICES = 20_000;

/** Average invoice (价税合计) in CNY fen; total sales scale with the number of invoices (default: ~¥140m in the last year). */
export const AVERAGE_INVOICE_FEN = 1_800_000;
/** Yearly sales growth of the demo company. */
export const GROWTH_PER_YEAR = 0.12;
export const VAT_RATE = 0.13;
/** Purchases (cost of goods sold) as a share of net sales. */
export const COGS_SHARE = 0.78;

export function resolveOptions(params: DemoParams): DemoOptions {
  assert(isLocalDate(params.asOf), `asOf ${params.asOf} must be a YYYY-MM-DD date`);
  const customers = params.customers ?? DEFAULT_CUSTOMERS;
  const invoices = params.invoices ?? DEFAULT_INVOICES;
  assert(Number.isInteger(customers) && customers >= 10, 'the demo needs at least 10 customers');
  assert(Number.isInteger(invoices) && invoices >= customers * 2, 'the demo needs at least 2 invoices a customer');
  const start = startOfMonth(addMonths(params.asOf, -36));
  return {
    asOf: params.asOf,
    seed: params.seed ?? DEFAULT_SEED,
    customers,
    invoices,
    suppliers: params.suppliers ?? Math.max(40, Math.round(customers / 5)),
    idPrefix: params.idPrefix ?? '',
    start,
    startDay: toEpochDay(start),
    endDay: toEpochDay(params.asOf),
  };
}

/** Zero-padded sequence number, e.g. pad(7, 4) = '0007'. */
export function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}
