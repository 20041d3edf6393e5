import type { LocalDate } from '../time/index.js';
import type { ForecastResult, ScenarioForecast } from './types.js';

/**
 * What a scenario says about liquidity, as the headline words read it, so the command line, the
 * API and the dashboard tell one story:
 * - runway: within the horizon ('within', weeks until cash plus the undrawn committed credit runs
 *   out) or beyond it ('beyond', the horizon in weeks); both name the credit counted;
 * - breach: cash is below the buffer now ('now'), first falls below it at the close of a period
 *   ('period', never before the as-of date: the period's end), or stays above it ('none');
 * - the lowest closing cash of the view and the period it closes.
 */
export interface Outlook {
  readonly runway:
    | { readonly kind: 'within'; readonly weeks: number; readonly creditMinor: number }
    | { readonly kind: 'beyond'; readonly weeks: number; readonly creditMinor: number };
  readonly breach:
    | { readonly kind: 'now'; readonly openingMinor: number; readonly bufferMinor: number }
    | { readonly kind: 'period'; readonly index: number; readonly endOn: LocalDate; readonly closingMinor: number }
    | { readonly kind: 'none' };
  readonly lowest: { readonly index: number; readonly endOn: LocalDate; readonly closingMinor: number } | null;
}

/**
 * @example
 * describeOutlook(result, scenarioOf(result, 'base')).runway // { kind: 'beyond', weeks: 13, creditMinor: 490000000 }
 */
export function describeOutlook(result: ForecastResult, s: ScenarioForecast): Outlook {
  const runway =
    s.runwayWeeks === null
      ? { kind: 'beyond' as const, weeks: s.runwayHorizonWeeks, creditMinor: s.runwayCreditMinor }
      : { kind: 'within' as const, weeks: s.runwayWeeks, creditMinor: s.runwayCreditMinor };
  const first = s.firstBreach ? s.periods[s.firstBreach.index] : undefined;
  const breach: Outlook['breach'] = result.isBelowBufferAtStart
    ? { kind: 'now', openingMinor: result.opening.totalMinor, bufferMinor: result.bufferMinor }
    : first
      ? { kind: 'period', index: first.index, endOn: first.endOn, closingMinor: first.closingMinor }
      : { kind: 'none' };
  let lowest: Outlook['lowest'] = null;
  for (const p of s.periods)
    if (lowest === null || p.closingMinor < lowest.closingMinor)
      lowest = { index: p.index, endOn: p.endOn, closingMinor: p.closingMinor };
  return { runway, breach, lowest };
}
