import type { CreditLine } from '../model/index.js';
import { epochDayUnchecked } from '../time/index.js';
import type { BaseConverter } from './fx.js';
import type { PeriodGrid } from './grid.js';

/**
 * Undrawn headroom of the committed lines at the end of each period, base currency. A line with
 * an expiry date and no renewal date loses its headroom from the period its expiry falls in; a
 * line with a renewal date is assumed renewed on the same terms. Lines already expired count 0.
 *
 * @example
 * // 1,000,000 line, 400,000 drawn, expiring in week 6 without renewal → 600,000 for weeks 1–5, then 0
 */
export function headroomByPeriod(lines: readonly CreditLine[], grid: PeriodGrid, toBase: BaseConverter): number[] {
  const out = new Array<number>(grid.count).fill(0);
  for (const line of lines) {
    const limit = toBase.toBase(line.limitMinor, line.currency);
    const drawn = toBase.toBase(line.drawnMinor, line.currency);
    if (limit === null || drawn === null) continue;
    const headroom = Math.max(0, limit - drawn);
    const expiry =
      line.expiresOn === null || line.renewalOn !== null ? Number.POSITIVE_INFINITY : epochDayUnchecked(line.expiresOn);
    for (let p = 0; p < grid.count; p++) {
      const periodEnd = (grid.starts[p + 1] as number) - 1;
      if (expiry > periodEnd) out[p] = (out[p] as number) + headroom;
    }
  }
  return out;
}

/**
 * Auto-draw (off by default): when closing cash would fall below the buffer, draw what is needed
 * from the headroom still undrawn; draws are not repaid inside the horizon. Returns the draw in
 * each period and reduces `headroom` in place.
 */
export function autoDraw(preClosings: readonly number[], buffer: number, headroom: number[]): number[] {
  const draws = new Array<number>(preClosings.length).fill(0);
  let drawn = 0;
  for (let p = 0; p < preClosings.length; p++) {
    const available = Math.max(0, (headroom[p] as number) - drawn);
    const closing = (preClosings[p] as number) + drawn;
    const need = Math.max(0, buffer - closing);
    const draw = Math.min(need, available);
    draws[p] = draw;
    drawn += draw;
    headroom[p] = Math.max(0, (headroom[p] as number) - drawn);
  }
  return draws;
}
