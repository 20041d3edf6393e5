import type { MetricThresholds } from './metric-settings.js';

export interface CustomerAmount {
  readonly customerId: string;
  readonly amountMinor: number;
}

export interface CustomerShare extends CustomerAmount {
  /** Percentage of the total, 0–100. */
  readonly share: number;
}

export interface Concentration {
  /** Sum of the positive amounts (credit balances do not make a customer less important). */
  readonly totalMinor: number;
  readonly customerCount: number;
  /** Largest customer's share, %. */
  readonly top1Share: number;
  /** Five largest customers' share, %. */
  readonly top5Share: number;
  /** Herfindahl–Hirschman index, Σ share%², 0–10,000. */
  readonly hhi: number;
  /** The five largest customers, largest first (ties by customer id). */
  readonly top: readonly CustomerShare[];
}

export type ConcentrationLevel = 'none' | 'amber' | 'red';

/**
 * Top-1 and top-5 shares and HHI of a customer book. Customers with nothing positive are left out.
 *
 * @example
 * computeConcentration([{ customerId: 'a', amountMinor: 60 }, { customerId: 'b', amountMinor: 40 }])
 * // { top1Share: 60, top5Share: 100, hhi: 5200, … }  (60² + 40²)
 */
export function computeConcentration(amounts: readonly CustomerAmount[]): Concentration {
  const positive = amounts.filter((a) => a.amountMinor > 0);
  positive.sort((a, b) => b.amountMinor - a.amountMinor || (a.customerId < b.customerId ? -1 : 1));
  let total = 0;
  for (const a of positive) total += a.amountMinor;
  if (total === 0) return { totalMinor: 0, customerCount: 0, top1Share: 0, top5Share: 0, hhi: 0, top: [] };
  let hhi = 0;
  for (const a of positive) {
    const pct = (a.amountMinor / total) * 100;
    hhi += pct * pct;
  }
  const top = positive.slice(0, 5).map((a) => ({ ...a, share: (a.amountMinor / total) * 100 }));
  return {
    totalMinor: total,
    customerCount: positive.length,
    top1Share: top[0]?.share ?? 0,
    top5Share: top.reduce((s, a) => s + a.share, 0),
    hhi,
    top,
  };
}

/**
 * The DOMAIN band: red when HHI ≥ 2,500 or top-1 ≥ 35 %; amber when HHI ≥ 1,500, top-1 ≥ 20 %
 * or top-5 ≥ 50 % (all thresholds are settings).
 *
 * @example
 * concentrationLevel(computeConcentration(book), DEFAULT_METRIC_THRESHOLDS) // 'amber' when HHI is 1,600
 */
export function concentrationLevel(c: Concentration, t: MetricThresholds): ConcentrationLevel {
  const b = t.concentration;
  if (c.totalMinor <= 0) return 'none';
  if (c.hhi >= b.hhiRed || c.top1Share >= b.top1Red) return 'red';
  if (c.hhi >= b.hhiAmber || c.top1Share >= b.top1Amber || c.top5Share >= b.top5Amber) return 'amber';
  return 'none';
}
