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
  /** Per invoice: how many own-history and portfolio delays are left from there. */
  readonly ownCount: Int32Array;
  readonly poolCount: Int32Array;
  /** Per invoice: due day − as-of day (the index into `dayPeriod` before the delay is added). */
  readonly dueOffset: Int32Array;
  /** Per period: its middle day (new sales stop from the first period whose middle is past a default). */
  readonly middle: Float64Array;
  /** This path's factor on each foreign currency's rate. */
  readonly fxFactor: Float64Array;
  /** The path generator's state (xoroshiro128+, the words in pure-rand's order s01, s00, s11, s10). */
  readonly rng: Int32Array;
}

/**
 * The per-run tables of a model: each invoice's bootstrap ranges and due offset, the periods'
 * middles, and the work arrays every path reuses.
 */
export function createScratch(m: MonteCarloModel): Scratch {
  const C = m.customerIds.length;
  const n = m.invCustomer.length;
  const ownFrom = new Int32Array(n);
  const poolFrom = new Int32Array(n);
  const ownCount = new Int32Array(n);
  const poolCount = new Int32Array(n);
  const dueOffset = new Int32Array(n);
  const poolEnd = m.portfolioDelays.length;
  for (let i = 0; i < n; i++) {
    const c = m.invCustomer[i] as number;
    const od = m.invOverdue[i] as number;
    const ownEnd = m.delayOffsets[c + 1] as number;
    ownFrom[i] = lowerBound(m.delays, m.delayOffsets[c] as number, ownEnd, od);
    poolFrom[i] = lowerBound(m.portfolioDelays, 0, poolEnd, od);
    ownCount[i] = ownEnd - (ownFrom[i] as number);
    poolCount[i] = poolEnd - (poolFrom[i] as number);
    dueOffset[i] = (m.invDue[i] as number) - m.asOfDay;
  }
  const middle = new Float64Array(m.periods);
  for (let w = 0; w < m.periods; w++) middle[w] = ((m.starts[w] as number) + (m.starts[w + 1] as number)) / 2;
  return {
    net: new Float64Array(m.periods),
    defaultDay: new Float64Array(C),
    lost: new Float64Array(C),
    received: new Float64Array(C),
    ownFrom,
    poolFrom,
    ownCount,
    poolCount,
    dueOffset,
    middle,
    fxFactor: new Float64Array(m.currencies.length),
    rng: new Int32Array(4),
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

/** Seeds `rng` with the stream of `pathGenerator(seed, path)`. */
export function seedPath(rng: Int32Array, seed: number, path: number): void {
  const state = pathGenerator(seed, path).getState();
  for (let k = 0; k < 4; k++) rng[k] = state[k] as number;
}

/**
 * The next uniform in [0, 1) of the path's stream, from one 32-bit draw (enough resolution for
 * indices, days and normal tails to 6.6σ): pure-rand's xoroshiro128+ step written out on `rng`,
 * the same numbers as its `next()`, with no generator object in the hot loop.
 */
export function nextUniform(rng: Int32Array): number {
  const s01 = rng[0] as number;
  const s00 = rng[1] as number;
  const s11 = rng[2] as number;
  const s10 = rng[3] as number;
  const out = (s00 + s10) | 0;
  const a0 = s10 ^ s00;
  const a1 = s11 ^ s01;
  rng[1] = (s00 << 24) ^ (s01 >>> 8) ^ a0 ^ (a0 << 16);
  rng[0] = (s01 << 24) ^ (s00 >>> 8) ^ a1 ^ ((a1 << 16) | (a0 >>> 16));
  rng[3] = (a1 << 5) ^ (a0 >>> 27);
  rng[2] = (a0 << 5) ^ (a1 >>> 27);
  return (out >>> 0) * SCALE32;
}

/** A standard normal draw (Box–Muller's cosine branch, two uniforms). */
function nextNormal(rng: Int32Array): number {
  const u1 = nextUniform(rng);
  return Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(TWO_PI * nextUniform(rng));
}

/**
 * Draws each customer's default day for this path (NEVER when it does not default). The draw is
 * z = √ρ·F + √(1−ρ)·ε < threshold, with ε = √(−2 ln(1 − u₁))·cos(2π u₂); when cos is surely
 * positive (u₂ in the first or last quarter) and √ρ·F alone is at or above the threshold, z cannot
 * fall below it, so the logarithm and cosine are skipped: the same decision, the same draws.
 */
function drawDefaults(m: MonteCarloModel, s: Scratch, factor: number, horizonDays: number): void {
  const rng = s.rng;
  const { threshold, sqrtRho, sqrtOneMinusRho } = m;
  const defaultDay = s.defaultDay;
  const C = defaultDay.length;
  for (let c = 0; c < C; c++) {
    const u1 = nextUniform(rng);
    const u2 = nextUniform(rng);
    const u = nextUniform(rng);
    const t = threshold[c] as number;
    const common = (sqrtRho[c] as number) * factor;
    let isDefault = false;
    if (!((u2 < 0.25 || u2 > 0.75) && common >= t)) {
      const eps = Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(TWO_PI * u2);
      isDefault = common + (sqrtOneMinusRho[c] as number) * eps < t;
    }
    defaultDay[c] = isDefault ? m.asOfDay + Math.floor(u * horizonDays) : NEVER;
  }
}

/**
 * The open invoices of one path: each one's delay bootstrapped (own history with probability
 * n/(n + k), else the portfolio's, conditional on it being unpaid today), its receipt placed in
 * its period or counted lost when its customer defaulted first. One uniform per simulated invoice.
 */
function drawInvoices(m: MonteCarloModel, s: Scratch): void {
  const rng = s.rng;
  const { invCustomer, invFixedDay, invFixedShare, invCurrency, invAmount, invOverdue, ownWeight, dayPeriod } = m;
  const { delays, portfolioDelays } = m;
  const { net, received, lost, defaultDay, fxFactor, ownFrom, ownCount, poolFrom, poolCount, dueOffset } = s;
  const hasPool = portfolioDelays.length > 0;
  const days = dayPeriod.length;
  const asOfDay = m.asOfDay;
  const n = invCustomer.length;
  for (let i = 0; i < n; i++) {
    const c = invCustomer[i] as number;
    const fixed = invFixedDay[i] as number;
    const cur = invCurrency[i] as number;
    const face = cur < 0 ? (invAmount[i] as number) : (invAmount[i] as number) * (fxFactor[cur] as number);
    let amount = face;
    // The receipt's day as an offset from the as-of day; NEVER or more when never paid.
    let offset: number;
    if (fixed >= 0) {
      amount = face * (invFixedShare[i] as number);
      offset = fixed - asOfDay;
    } else {
      const w = ownWeight[c] as number;
      const u = nextUniform(rng);
      const own = ownCount[i] as number;
      let delay: number;
      if (u < w && own > 0) delay = delays[(ownFrom[i] as number) + Math.floor((u / w) * own)] as number;
      else if (!hasPool) delay = invOverdue[i] as number;
      else {
        const pool = poolCount[i] as number;
        const v = u < w ? u / w : (u - w) / (1 - w);
        delay = pool > 0 ? (portfolioDelays[(poolFrom[i] as number) + Math.floor(v * pool)] as number) : NEVER;
      }
      offset = (dueOffset[i] as number) + delay;
    }
    if (offset + asOfDay >= (defaultDay[c] as number)) lost[c] = (lost[c] as number) + amount;
    else if (offset + asOfDay < NEVER) {
      const p = offset < 0 ? 0 : offset < days ? (dayPeriod[offset] as number) : -1;
      if (p >= 0) {
        net[p] = (net[p] as number) + amount;
        received[c] = (received[c] as number) + amount;
      }
    }
  }
}

/**
 * One path (DOMAIN 3.3): a common factor and one shock per customer decide defaults (one-factor
 * Gaussian copula, DOMAIN 3.4) and their day; each open invoice's delay is bootstrapped and a
 * foreign one moves with its currency's lognormal draw; new sales move with one growth draw and
 * stop at a default. Leaves the net flow per period in `s.net` and each customer's receipts in
 * `s.received`. Nothing allocated per path: the hot loops read typed arrays only and the
 * generator's state lives in `s.rng`.
 */
export function simulatePath(m: MonteCarloModel, s: Scratch, seed: number, path: number): void {
  seedPath(s.rng, seed, path);
  const rng = s.rng;
  const W = m.periods;
  const C = m.customerIds.length;
  const horizonDays = (m.starts[W] as number) - m.asOfDay;
  s.net.set(m.fixedNet);
  s.received.fill(0);
  s.lost.fill(0);
  const factor = nextNormal(rng);
  const sigma = m.salesVolatility;
  const growth = Math.exp(sigma * nextNormal(rng) - (sigma * sigma) / 2);
  for (let k = 0; k < s.fxFactor.length; k++) {
    const v = m.fxVolatility[k] as number;
    s.fxFactor[k] = Math.exp(v * nextNormal(rng) - (v * v) / 2);
  }
  drawDefaults(m, s, factor, horizonDays);
  drawInvoices(m, s);
  const { net, received, lost, defaultDay, middle } = s;
  const sales = m.sales;
  for (let c = 0; c < C; c++) {
    const at = defaultDay[c] as number;
    const base = c * W;
    for (let w = 0; w < W; w++) {
      if ((middle[w] as number) >= at) break;
      const v = (sales[base + w] as number) * growth;
      net[w] = (net[w] as number) + v;
      received[c] = (received[c] as number) + v;
    }
    const lostHere = lost[c] as number;
    if (at >= NEVER || lostHere <= 0) continue;
    const insured = m.insured[c] as number;
    place(m, s, c, at + m.indemnityLagDays, lostHere * insured);
    place(m, s, c, at + m.recoveryLagDays, lostHere * (1 - insured) * m.recoveryShare);
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
