const K = 1 - Math.exp(-50);

/**
 * Basel II corporate asset correlation (¶272, DOMAIN 3.4):
 * R = 0.12·w + 0.24·(1 − w), w = (1 − e^(−50·PD)) / (1 − e^(−50)).
 *
 * @example baselAssetCorrelation(0.01) // ≈ 0.19278
 */
export function baselAssetCorrelation(pd: number): number {
  const w = (1 - Math.exp(-50 * Math.max(0, Math.min(1, pd)))) / K;
  return 0.12 * w + 0.24 * (1 - w);
}
