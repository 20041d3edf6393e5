import { roundWith } from '../money/index.js';
import type { PeriodGrid } from './grid.js';
import type { ForecastResult, ForecastSettings } from './types.js';

const DAYS_PER_MONTH = 365.25 / 12;
/** The buffer's 'forecast' basis and the runway read 13 weeks at least, whichever view is shown. */
export const BUFFER_WINDOW_WEEKS = 13;

/**
 * Minimum cash (DOMAIN 2.3, 2.5 rule 7): a fixed amount, or `months` × monthly operating
 * outflows, those the base scenario forecasts over the next 13 weeks (`forecastOutflowsMinor`,
 * whichever view is shown) or those paid in the trailing 90 days. One buffer for every scenario
 * and both views, so breaches compare like with like.
 *
 * @example
 * // 13 weeks (91 days) of 910,000 disbursements, 1 month → 910,000 / 91 × 30.44 ≈ 304,375
 * computeBuffer({ mode: 'months', months: 1, basis: 'forecast' }, 910_000, 91, 0).bufferMinor
 */
export function computeBuffer(
  settings: ForecastSettings['minCash'],
  forecastOutflowsMinor: number,
  forecastDays: number,
  trailing90PaymentsMinor: number,
): { bufferMinor: number; detail: ForecastResult['buffer'] } {
  if (settings.mode === 'amount')
    return {
      bufferMinor: settings.amountMinor,
      detail: { mode: 'amount', months: null, basis: null, outflowsMinor: null, windowDays: null },
    };
  const isTrailing = settings.basis === 'trailing90';
  const outflows = isTrailing ? trailing90PaymentsMinor : forecastOutflowsMinor;
  const days = isTrailing ? 90 : Math.max(1, forecastDays);
  return {
    bufferMinor: roundWith((outflows / days) * DAYS_PER_MONTH * settings.months, 'halfEven'),
    detail: {
      mode: 'months',
      months: settings.months,
      basis: settings.basis,
      outflowsMinor: outflows,
      windowDays: days,
    },
  };
}

/**
 * Runway (DOMAIN 2.3 'operating runway', on the forecast path): weeks from the as-of day to the
 * start of the first week whose closing cash plus the undrawn committed credit is below zero, on
 * the weekly grid whichever view is shown; null when that does not happen within the weeks given.
 *
 * @example
 * computeRunwayWeeks(weeks, [500, -100], [0, 0]) // weeks from asOf to the start of week 2
 */
export function computeRunwayWeeks(
  weeks: PeriodGrid,
  closings: ArrayLike<number>,
  headroom: ArrayLike<number>,
): number | null {
  for (let w = 0; w < closings.length; w++) {
    if ((closings[w] as number) + (headroom[w] as number) < 0)
      return round1(Math.max(0, (weeks.starts[w] as number) - weeks.asOfDay) / 7);
  }
  return null;
}

const round1 = (x: number): number => Math.round(x * 10) / 10;
