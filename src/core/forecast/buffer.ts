import { roundWith } from '../money/index.js';
import type { PeriodGrid } from './grid.js';
import type { ForecastSettings } from './types.js';

const DAYS_PER_MONTH = 365.25 / 12;

/**
 * Minimum cash (DOMAIN 2.5 rule 7): a fixed amount, or `months` × monthly operating outflows,
 * the average monthly disbursements of the base scenario over the horizon or of the trailing
 * 90 days' actual payments. One buffer for all scenarios, so breaches compare like with like.
 *
 * @example
 * // 13 weeks (91 days) of 910,000 disbursements, 1 month → 910,000 / 91 × 30.44 ≈ 304,375
 */
export function computeBuffer(
  settings: ForecastSettings['minCash'],
  horizonDisbursementsMinor: number,
  horizonDays: number,
  trailing90PaymentsMinor: number,
): number {
  if (settings.mode === 'amount') return settings.amountMinor;
  const perDay =
    settings.basis === 'trailing90'
      ? trailing90PaymentsMinor / 90
      : horizonDisbursementsMinor / Math.max(1, horizonDays);
  return roundWith(perDay * DAYS_PER_MONTH * settings.months, 'halfEven');
}

/**
 * Weeks of runway: to the start of the first period with negative closing cash, or, when cash
 * stays positive but falls, the horizon plus the final cash over the horizon's weekly net burn.
 * Null when cash does not fall over the horizon.
 */
export function computeRunwayWeeks(grid: PeriodGrid, closings: readonly number[], opening: number): number | null {
  const negative = closings.findIndex((c) => c < 0);
  if (negative >= 0) return round1(Math.max(0, (grid.starts[negative] as number) - grid.asOfDay) / 7);
  const weeks = (grid.lastDay - grid.asOfDay) / 7;
  const last = closings[closings.length - 1] ?? opening;
  const burnPerWeek = (opening - last) / Math.max(weeks, 1 / 7);
  if (burnPerWeek <= 0) return null;
  return round1(weeks + last / burnPerWeek);
}

const round1 = (x: number): number => Math.round(x * 10) / 10;
