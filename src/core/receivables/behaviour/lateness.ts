import type { PaymentBehaviour } from './build.js';

/** How usual a lateness is for a customer: P(delay ≥ days | its own settled history). */
export interface LatenessLikelihood {
  readonly daysLate: number;
  /** (n·own + k·portfolio)/(n + k): the customer's share, shrunk toward the portfolio's with k = shrinkageK. */
  readonly probability: number;
  /** Share of the customer's settled invoices (lookback window) paid at least `daysLate` days late. */
  readonly ownShare: number | null;
  readonly historyCount: number;
  /** The same share over every customer's settled invoices in the window. */
  readonly portfolioShare: number;
  readonly shrinkageK: number;
}

function delaysOf(model: PaymentBehaviour, start: number, end: number): Float64Array {
  const { columns: cols, history } = model;
  const out = new Float64Array(end - start);
  for (let i = start; i < end; i++) {
    const r = history.rows[i] ?? 0;
    out[i - start] = (cols.settled[r] ?? 0) - (cols.due[r] ?? 0);
  }
  return out.sort();
}

/** Share of sorted values ≥ x (binary search). */
function shareAtLeast(sorted: Float64Array, x: number): number | null {
  if (sorted.length === 0) return null;
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as number) < x) lo = mid + 1;
    else hi = mid;
  }
  return (sorted.length - lo) / sorted.length;
}

/**
 * P(an invoice of this customer is at least `daysLate` days late | the customer's own delay
 * distribution): the empirical share of its settled invoices in the behaviour model's lookback
 * window that were paid that late or later, shrunk toward the whole book's share by the model's
 * `shrinkageK` (DOMAIN 2.2), so two invoices of history do not decide alone. A habitual late
 * payer ten days late gets a high probability; a prompt payer ten days late a very low one.
 *
 * Returns a function so the book's delays are sorted once for every customer asked about.
 *
 * @example
 * const likelihood = latenessLikelihood(model);
 * likelihood('C1', 10).probability; // 0.93 for a customer that always pays 30–45 days late
 */
export function latenessLikelihood(
  model: PaymentBehaviour,
): (customerId: string, daysLate: number) => LatenessLikelihood {
  const all = delaysOf(model, 0, model.history.rows.length);
  const k = model.settings.shrinkageK;
  const own = new Map<string, Float64Array>();
  return (customerId, daysLate) => {
    let delays = own.get(customerId);
    if (delays === undefined) {
      const c = model.columns.customerIndex.get(customerId);
      const start = c === undefined ? 0 : (model.history.offsets[c] ?? 0);
      const end = c === undefined ? 0 : (model.history.offsets[c + 1] ?? 0);
      delays = delaysOf(model, start, end);
      own.set(customerId, delays);
    }
    const n = delays.length;
    const ownShare = shareAtLeast(delays, daysLate);
    const portfolioShare = shareAtLeast(all, daysLate) ?? 0;
    const probability = ((ownShare ?? 0) * n + portfolioShare * k) / (n + k);
    return { daysLate, probability, ownShare, historyCount: n, portfolioShare, shrinkageK: k };
  };
}
