import type { Grade } from '../../model/index.js';

/** DOMAIN.md 8.4 upper PD bound of each grade; above the last bound is E. */
export const GRADE_PD_BOUNDS: readonly (readonly [Grade, number])[] = [
  ['A', 0.005],
  ['B', 0.015],
  ['C', 0.03],
  ['D', 0.08],
];

/**
 * The grade of a 12-month PD (A ≤ 0.5 %, B ≤ 1.5 %, C ≤ 3 %, D ≤ 8 %, E above).
 *
 * @example
 * gradeForPd(0.02); // 'C'
 */
export function gradeForPd(pd: number): Grade {
  for (const [grade, bound] of GRADE_PD_BOUNDS) if (pd <= bound) return grade;
  return 'E';
}

/** DOMAIN.md 8.4 default calibration PD(S) = 1 / (1 + exp(a + b·S)). */
const A = -1.74;
const B = 0.078;

/**
 * The 0–100 score (higher = safer) that the DOMAIN 8.4 scorecard curve maps to this PD, so that
 * score and grade agree with the scorecard's scale: S = (ln(1/pd − 1) − a) / b, clipped to 0–100.
 *
 * @example
 * Math.round(scoreForPd(0.005)); // 90
 */
export function scoreForPd(pd: number): number {
  const p = Math.min(Math.max(pd, 1e-9), 1 - 1e-9);
  const s = (Math.log(1 / p - 1) - A) / B;
  return Math.min(100, Math.max(0, s));
}
