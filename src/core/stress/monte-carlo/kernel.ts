import { xoroshiro128plusFromState } from 'pure-rand/generator/xoroshiro128plus';
import { type MonteCarloModel, NEVER } from './model.js';

/** Paths are simulated in fixed blocks, so sums come out the same whichever worker ran a block. */
export const BLOCK_PATHS = 256;

const SCALE32 = 2 ** -32;
const TWO_PI = 2 * Math.PI;

function mix32(x: number): number {
  let h = x | 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) | 0;
}

/**
 * The generator of one path, from (seed, path index) only: a path draws the same numbers
 * whichever worker runs it and whatever ran before it (ADR 0004's streams, over pure-rand).
 */
export function pathGenerator(seed: number, path: number) {
  const lo = seed >>> 0;
  const hi = Math.floor(seed / 2 ** 32) | 0;
  const a = mix32(lo ^ 0x9e3779b9);
  const b = mix32(hi ^ mix32(path + 0x632be5ab));
  const c = mix32(path ^ 0x7f4a7c15 ^ a);
  const d = mix32((b + c) | 0) | 1;
  return xoroshiro128plusFromState([a, b, c, d]);
}

type Gen = ReturnType<typeof pathGenerator>;

/** Uniform in [0, 1) from one 32-bit draw: enough resolution for indices, days and normal tails to 6.6σ. */
const uniform = (g: Gen): number => (g.next() >>> 0) * SCALE32;
const normal = (g: Gen): number => Math.sqrt(-2 * Math.log(1 - uniform(g))) * Math.cos(TWO_PI * uniform(g));

/** First index in sorted[from, to) whose value is ≥ x. */
function lowerBound(sorted: Int32Array, from: number, to: number, x: number): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] as number) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Work arrays of one simulation run, allocated once and reused by every path. */
export interface Scratch {
  readonly net: Float64Array;
  readonly defaultDay: Float64Array;
  readonly lost: Float64Array;
  /** Receipts from each customer within the horizon, this path. */
  readonly received: Float64Array;
  /** Per invoice: first own-history and portfolio index at or past its overdue days (conditional bootstrap). */
  readonly ownFrom: Int32Array;
  readonly poolFrom: Int32Array;
  /** This path's factor on each foreign currency's rate. */
  readonly fxFactor: Float64Array;
}

export function createScratch(m: MonteCarloModel): Scratch {
  const C = m.customerIds.length;
  const n = m.invCustomer.length;
  const ownFrom = new Int32Array(n);
  const poolFrom = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const c = m.invCustomer[i] as number;
    const od = m.invOverdue[i] as number;
    ownFrom[i] = lowerBound(m.delays, m.delayOffsets[c] as number, m.delayOffsets[c + 1] as number, od);
    poolFrom[i] = lowerBound(m.portfolioDelays, 0, m.portfolioDelays.length, od);
  }
  return {
    net: new Float64Array(m.periods),
    defaultDay: new Float64Array(C),
    lost: new Float64Array(C),
    received: new Float64Array(C),
    ownFrom,
    poolFrom,
    fxFactor: new Float64Array(m.currencies.length),
  };
}

/** The period a receipt on `day` lands in, or −1 beyond the horizon. */
function periodOf(m: MonteCarloModel, day: number): number {
  const offset = day - m.asOfDay;
  if (offset < 0) return 0;
  return offset < m.dayPeriod.length ? (m.dayPeriod[offset] as number) : -1;
}

function place(m: MonteCarloModel, s: Scratch, c: number, day: number, amount: number): void {
  const w = periodOf(m, day);
  if (w < 0) return;
  s.net[w] = (s.net[w] as number) + amount;
  s.received[c] = (s.received[c] as number) + amount;
}

/** The delay of invoice i on this path: its customer's history or the portfolio's, given it is unpaid today. */
function drawDelay(m: MonteCarloModel, s: Scratch, g: Gen, i: number, c: number): number {
  const ownEnd = m.delayOffsets[c + 1] as number;
  const poolEnd = m.portfolioDelays.length;
  const w = m.ownWeight[c] as number;
  // One draw picks the pool (own history with probability w) and, rescaled, the sample in it.
  const u = uniform(g);
  if (u < w) {
    // An invoice already later than anything in its customer's history draws from the portfolio's.
    const from = s.ownFrom[i] as number;
    if (from < ownEnd) return m.delays[from + Math.floor((u / w) * (ownEnd - from))] as number;
  }
  if (poolEnd === 0) return m.invOverdue[i] as number; // no history anywhere: paid at the due date (or today)
  const from = s.poolFrom[i] as number;
  const v = u < w ? u / w : (u - w) / (1 - w);
  return from < poolEnd ? (m.portfolioDelays[from + Math.floor(v * (poolEnd - from))] as number) : NEVER;
}

/**
 * One path (DOMAIN 3.3): a common factor and one shock per customer decide defaults (one-factor
 * Gaussian copula, DOMAIN 3.4) and their day; each open invoice's delay is bootstrapped and a
 * foreign one moves with its currency's lognormal draw; new sales move with one growth draw and
 * stop at a default. Leaves the net flow per period in `s.net` and
 * each customer's receipts in `s.received`. No allocation.
 */
export function simulatePath(m: MonteCarloModel, s: Scratch, seed: number, path: number): void {
  const g = pathGenerator(seed, path);
  const W = m.periods;
  const C = m.customerIds.length;
  const horizonDays = (m.starts[W] as number) - m.asOfDay;
  s.net.set(m.fixedNet);
  s.received.fill(0);
  s.lost.fill(0);
  const factor = normal(g);
  const sigma = m.salesVolatility;
  const growth = Math.exp(sigma * normal(g) - (sigma * sigma) / 2);
  for (let k = 0; k < s.fxFactor.length; k++) {
    const v = m.fxVolatility[k] as number;
    s.fxFactor[k] = Math.exp(v * normal(g) - (v * v) / 2);
  }
  for (let c = 0; c < C; c++) {
    const z = (m.sqrtRho[c] as number) * factor + (m.sqrtOneMinusRho[c] as number) * normal(g);
    const u = uniform(g);
    s.defaultDay[c] = z < (m.threshold[c] as number) ? m.asOfDay + Math.floor(u * horizonDays) : NEVER;
  }
  const n = m.invCustomer.length;
  for (let i = 0; i < n; i++) {
    const c = m.invCustomer[i] as number;
    const fixed = m.invFixedDay[i] as number;
    const cur = m.invCurrency[i] as number;
    const face = cur < 0 ? (m.invAmount[i] as number) : (m.invAmount[i] as number) * (s.fxFactor[cur] as number);
    const amount = fixed >= 0 ? face * (m.invFixedShare[i] as number) : face;
    const day = fixed >= 0 ? fixed : (m.invDue[i] as number) + drawDelay(m, s, g, i, c);
    if (day >= (s.defaultDay[c] as number)) s.lost[c] = (s.lost[c] as number) + amount;
    else if (day < NEVER) place(m, s, c, day, amount);
  }
  for (let c = 0; c < C; c++) {
    const at = s.defaultDay[c] as number;
    const base = c * W;
    for (let w = 0; w < W; w++) {
      const mid = ((m.starts[w] as number) + (m.starts[w + 1] as number)) / 2;
      if (mid >= at) break;
      const v = (m.sales[base + w] as number) * growth;
      s.net[w] = (s.net[w] as number) + v;
      s.received[c] = (s.received[c] as number) + v;
    }
    const lost = s.lost[c] as number;
    if (at >= NEVER || lost <= 0) continue;
    const insured = m.insured[c] as number;
    place(m, s, c, at + m.indemnityLagDays, lost * insured);
    place(m, s, c, at + m.recoveryLagDays, lost * (1 - insured) * m.recoveryShare);
  }
}

/** What a range of blocks gives: closing cash per path and period, and each block's receipts per customer. */
export interface BlockResults {
  readonly fromPath: number;
  readonly toPath: number;
  /** (toPath − fromPath) × periods closings, path-major. */
  readonly closings: Float64Array;
  /** (blocks in range) × customers: Σ receipts of the block's paths. */
  readonly receivedByBlock: Float64Array;
}

/**
 * Simulates the blocks [fromBlock, toBlock) of a run of `paths` paths: what one worker does.
 *
 * @example simulateBlocks(model, 42, 10_000, 0, 40) // every block of a 10,000-path run
 */
export function simulateBlocks(
  m: MonteCarloModel,
  seed: number,
  paths: number,
  fromBlock: number,
  toBlock: number,
): BlockResults {
  const s = createScratch(m);
  const W = m.periods;
  const C = m.customerIds.length;
  const fromPath = Math.min(paths, fromBlock * BLOCK_PATHS);
  const toPath = Math.min(paths, toBlock * BLOCK_PATHS);
  const closings = new Float64Array((toPath - fromPath) * W);
  const receivedByBlock = new Float64Array((toBlock - fromBlock) * C);
  for (let p = fromPath; p < toPath; p++) {
    simulatePath(m, s, seed, p);
    let cash = m.openingMinor;
    const row = (p - fromPath) * W;
    for (let w = 0; w < W; w++) {
      cash += s.net[w] as number;
      closings[row + w] = cash;
    }
    const block = (Math.floor(p / BLOCK_PATHS) - fromBlock) * C;
    for (let c = 0; c < C; c++)
      receivedByBlock[block + c] = (receivedByBlock[block + c] as number) + (s.received[c] as number);
  }
  return { fromPath, toPath, closings, receivedByBlock };
}
