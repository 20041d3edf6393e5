/**
 * Area under the ROC curve of `scores` (higher = more likely positive), ties counted as half.
 *
 * @example
 * computeAuc([0.1, 0.9], [0, 1]); // 1
 */
export function computeAuc(scores: ArrayLike<number>, labels: ArrayLike<number>): number {
  const order = Array.from({ length: scores.length }, (_, i) => i).sort(
    (a, b) => (scores[a] as number) - (scores[b] as number),
  );
  let positives = 0;
  let rankSum = 0;
  let i = 0;
  while (i < order.length) {
    let j = i;
    const value = scores[order[i] as number] as number;
    while (j + 1 < order.length && scores[order[j + 1] as number] === value) j += 1;
    const midRank = (i + j) / 2 + 1;
    for (let t = i; t <= j; t += 1) {
      if (labels[order[t] as number] === 1) {
        positives += 1;
        rankSum += midRank;
      }
    }
    i = j + 1;
  }
  const negatives = order.length - positives;
  if (positives === 0 || negatives === 0) return Number.NaN;
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

/**
 * AUC of scores some of which could not be computed (NaN): those take the median of the others,
 * so they count as saying nothing (neither safe nor risky). NaN when no score is known.
 *
 * @example
 * computeAucMissingNeutral([Number.NaN, 0.1, 0.5, 0.9], [1, 0, 0, 1]); // 0.875 (the NaN reads as 0.5)
 */
export function computeAucMissingNeutral(scores: ArrayLike<number>, labels: ArrayLike<number>): number {
  const known = Array.from(scores).filter((v) => !Number.isNaN(v));
  if (known.length === 0) return Number.NaN;
  known.sort((a, b) => a - b);
  const median = known[known.length >> 1] as number;
  return computeAuc(
    Array.from(scores, (v) => (Number.isNaN(v) ? median : v)),
    labels,
  );
}

/** Mean squared error of probabilities against 0/1 outcomes. */
export function computeBrier(probabilities: ArrayLike<number>, labels: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < probabilities.length; i += 1) {
    const d = (probabilities[i] as number) - (labels[i] as number);
    sum += d * d;
  }
  return sum / probabilities.length;
}

/** Logistic function, safe for large |x|. */
export function sigmoid(x: number): number {
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  const e = Math.exp(x);
  return e / (1 + e);
}

/** One group of a calibration table: companies, mean predicted PD, observed default rate. */
export interface CalibrationBin {
  readonly count: number;
  readonly defaults: number;
  readonly meanPd: number;
  readonly observedRate: number;
}

/**
 * Calibration by quantile of predicted PD (deciles by default): companies sorted by PD and cut
 * into `groups` groups of (nearly) equal size, lowest PD first; each with its mean PD and the
 * observed default rate. A well-calibrated model has the two close in every group.
 *
 * @example
 * calibrationTable([0.1, 0.9], [0, 1], 2); // [{ count: 1, defaults: 0, meanPd: 0.1, observedRate: 0 }, { count: 1, defaults: 1, ... }]
 */
export function calibrationTable(pds: ArrayLike<number>, labels: ArrayLike<number>, groups = 10): CalibrationBin[] {
  const order = Array.from({ length: pds.length }, (_, i) => i).sort((a, b) => (pds[a] as number) - (pds[b] as number));
  const out: CalibrationBin[] = [];
  for (let g = 0; g < groups; g += 1) {
    const rows = order.slice(Math.floor((g * order.length) / groups), Math.floor(((g + 1) * order.length) / groups));
    if (rows.length === 0) continue;
    let pd = 0;
    let defaults = 0;
    for (const i of rows) {
      pd += pds[i] as number;
      defaults += labels[i] as number;
    }
    out.push({ count: rows.length, defaults, meanPd: pd / rows.length, observedRate: defaults / rows.length });
  }
  return out;
}
