// Writes a Monte Carlo model (src/core/stress/monte-carlo) to the flat little-endian file the C
// reference (montecarlo.c, read_model) reads: magic 'CGMC0001', nine int32 counts, seven float64
// scalars, then the arrays in the order below. dayPeriod (Int16 in the model) is written as int32.
import { writeFileSync } from 'node:fs';
import type { MonteCarloModel } from '../../src/core/stress/index.js';

type Part = Int32Array | Float64Array;

/** Writes `model` with the run's seed and path count to `path`. */
export function dumpMonteCarloModel(path: string, model: MonteCarloModel, seed: number, paths: number): void {
  const m = model;
  const counts = Int32Array.of(
    m.periods,
    m.customerIds.length,
    m.invCustomer.length,
    m.delays.length,
    m.portfolioDelays.length,
    m.currencies.length,
    m.dayPeriod.length,
    seed,
    paths,
  );
  const scalars = Float64Array.of(
    m.asOfDay,
    m.openingMinor,
    m.bufferMinor,
    m.salesVolatility,
    m.recoveryShare,
    m.recoveryLagDays,
    m.indemnityLagDays,
  );
  const parts: Part[] = [
    counts,
    scalars,
    m.starts,
    Int32Array.from(m.dayPeriod),
    m.fixedNet,
    m.threshold,
    m.sqrtRho,
    m.sqrtOneMinusRho,
    m.insured,
    m.ownWeight,
    m.delayOffsets,
    m.delays,
    m.portfolioDelays,
    m.invCustomer,
    m.invDue,
    m.invAmount,
    m.invOverdue,
    m.invFixedDay,
    m.invFixedShare,
    m.invCurrency,
    m.sales,
    m.fxVolatility,
  ];
  const buffers = [
    Buffer.from('CGMC0001', 'ascii'),
    ...parts.map((p) => Buffer.from(p.buffer, p.byteOffset, p.byteLength)),
  ];
  writeFileSync(path, Buffer.concat(buffers));
}
