import type { LocalDate } from '../time/index.js';
import type { ForecastResult } from './types.js';

/** What a frozen forecast keeps (forecast_snapshots.payload): totals per period and line. */
export interface SnapshotPayload {
  readonly version: 1;
  readonly asOf: LocalDate;
  readonly scenario: string;
  readonly granularity: 'week' | 'month';
  readonly currency: string;
  readonly openingMinor: number;
  readonly bufferMinor: number;
  readonly periods: readonly {
    readonly startOn: LocalDate;
    readonly endOn: LocalDate;
    readonly receiptsMinor: number;
    readonly disbursementsMinor: number;
    readonly closingMinor: number;
    readonly lines: Readonly<Record<string, number>>;
  }[];
}

/** @example snapshotPayload(result, 'base').periods[0].receiptsMinor */
export function snapshotPayload(result: ForecastResult, scenario: string): SnapshotPayload | null {
  const s = result.scenarios.find((x) => x.scenario === scenario);
  if (!s) return null;
  return {
    version: 1,
    asOf: result.asOf,
    scenario,
    granularity: result.granularity,
    currency: result.currency,
    openingMinor: result.opening.totalMinor,
    bufferMinor: result.bufferMinor,
    periods: s.periods.map((p) => ({
      startOn: p.startOn,
      endOn: p.endOn,
      receiptsMinor: p.receiptsMinor,
      disbursementsMinor: p.disbursementsMinor,
      closingMinor: p.closingMinor,
      lines: Object.fromEntries(
        p.lines.filter((l) => l.totalMinor !== 0).map((l) => [`${l.direction}:${l.key}`, l.totalMinor]),
      ),
    })),
  };
}

/** Actual receipts and payments of one period, base currency. */
export interface ActualWeek {
  readonly startOn: LocalDate;
  readonly receiptsMinor: number;
  readonly disbursementsMinor: number;
}

export interface AccuracyPoint {
  /** WAPE = Σ|A − F| / Σ|A| (null when nothing actually moved). */
  readonly wape: number | null;
  /** Σ(F − A) / Σ A: positive = the forecast was optimistic for receipts / high for payments. */
  readonly bias: number | null;
  /** 1 − WAPE; DOMAIN 2.5 rule 8 flags below 0.8. */
  readonly accuracy: number | null;
  readonly isFlagged: boolean;
}

export interface HorizonAccuracy {
  readonly weeks: number;
  readonly points: number;
  readonly receipts: AccuracyPoint;
  readonly disbursements: AccuracyPoint;
  readonly net: AccuracyPoint;
}

function point(pairs: readonly [number, number][]): AccuracyPoint {
  let absErr = 0;
  let absActual = 0;
  let signed = 0;
  let actual = 0;
  for (const [f, a] of pairs) {
    absErr += Math.abs(a - f);
    absActual += Math.abs(a);
    signed += f - a;
    actual += a;
  }
  const wape = absActual > 0 ? absErr / absActual : null;
  const accuracy = wape === null ? null : 1 - wape;
  return {
    wape,
    bias: actual !== 0 ? signed / actual : null,
    accuracy,
    isFlagged: accuracy !== null && accuracy < 0.8,
  };
}

/**
 * Accuracy of frozen weekly forecasts per horizon (DOMAIN 2.4): horizon h compares each snapshot's
 * h-th period with what actually came in and went out that week, for weeks with actuals.
 *
 * @example computeAccuracy(snapshots, actuals)[2].receipts.wape // 4 weeks ahead
 */
export function computeAccuracy(
  snapshots: readonly SnapshotPayload[],
  actuals: readonly ActualWeek[],
  horizons: readonly number[] = [1, 2, 4, 8, 13],
): HorizonAccuracy[] {
  const byStart = new Map(actuals.map((a) => [a.startOn, a]));
  return horizons.map((h) => {
    const rec: [number, number][] = [];
    const dis: [number, number][] = [];
    const net: [number, number][] = [];
    for (const s of snapshots) {
      const p = s.periods[h - 1];
      const a = p ? byStart.get(p.startOn) : undefined;
      if (!p || !a) continue;
      rec.push([p.receiptsMinor, a.receiptsMinor]);
      dis.push([p.disbursementsMinor, a.disbursementsMinor]);
      net.push([p.receiptsMinor - p.disbursementsMinor, a.receiptsMinor - a.disbursementsMinor]);
    }
    return { weeks: h, points: rec.length, receipts: point(rec), disbursements: point(dis), net: point(net) };
  });
}

export interface CountdownEntry {
  readonly frozenAsOf: LocalDate;
  readonly weeksAhead: number;
  readonly forecastMinor: number;
  readonly actualMinor: number | null;
  readonly accuracy: number | null;
}

/**
 * Countdown accuracy for one target week (DOMAIN 2.4): every frozen forecast that covered the
 * week, furthest ahead first, with its receipts forecast and the error against the actual.
 */
export function countdownAccuracy(
  snapshots: readonly SnapshotPayload[],
  target: LocalDate,
  actual: ActualWeek | undefined,
): CountdownEntry[] {
  const out: CountdownEntry[] = [];
  for (const s of snapshots) {
    const i = s.periods.findIndex((p) => p.startOn === target);
    const p = s.periods[i];
    if (!p) continue;
    const a = actual?.receiptsMinor ?? null;
    const accuracy = a === null || a === 0 ? null : 1 - Math.abs(a - p.receiptsMinor) / Math.abs(a);
    out.push({ frozenAsOf: s.asOf, weeksAhead: i + 1, forecastMinor: p.receiptsMinor, actualMinor: a, accuracy });
  }
  return out.sort((x, y) => y.weeksAhead - x.weeksAhead);
}
