import type { Grade } from '../../model/index.js';
import type { ScorecardSettings } from './settings.js';

/**
 * PD(S) = 1 / (1 + exp(a + b·S)) (DOMAIN 8.4). With the defaults a = −1.74, b = 0.078 the sign
 * convention holds as written: S = 90 → 0.51%, S = 60 → 5.0%, S = 40 → 20.1% (b > 0: safer
 * scores give smaller PDs).
 */
export interface PdCalibration {
  readonly a: number;
  readonly b: number;
  /** True for the DOMAIN defaults (too few own defaults to fit). */
  readonly isIndicative: boolean;
  /** CS_CALIBRATION_DEFAULT { defaults, needed } or CS_CALIBRATION_FITTED { defaults, observations }. */
  readonly reason: { readonly code: string; readonly data: Readonly<Record<string, number>> };
}

export const DEFAULT_PD_CALIBRATION: PdCalibration = {
  a: -1.74,
  b: 0.078,
  isIndicative: true,
  reason: { code: 'CS_CALIBRATION_DEFAULT', data: { defaults: 0, needed: 30 } },
};

/**
 * @example
 * pdForScore(60); // 0.0502
 */
export function pdForScore(
  score: number,
  calibration: Pick<PdCalibration, 'a' | 'b'> = DEFAULT_PD_CALIBRATION,
): number {
  return 1 / (1 + Math.exp(calibration.a + calibration.b * score));
}

/** The inverse: the score whose PD is `pd` (used to cap the score of an overridden customer). */
export function scoreForPdWith(
  pd: number,
  calibration: Pick<PdCalibration, 'a' | 'b'> = DEFAULT_PD_CALIBRATION,
): number {
  const p = Math.min(Math.max(pd, 1e-12), 1 - 1e-12);
  return (Math.log(1 / p - 1) - calibration.a) / calibration.b;
}

/**
 * A ≤ 0.5%, B ≤ 1.5%, C ≤ 3%, D ≤ 8%, E above (bounds are settings).
 *
 * @example
 * gradeOfPd(0.02, settings); // 'C'
 */
export function gradeOfPd(pd: number, settings: Pick<ScorecardSettings, 'gradePdBounds'>): Grade {
  for (const [grade, bound] of settings.gradePdBounds) if (pd <= bound) return grade;
  return 'E';
}

const GRADE_ORDER: readonly Grade[] = ['A', 'B', 'C', 'D', 'E'];

/** Steps from `before` to `after`; positive = worse (A → C is 2). */
export function gradeSteps(before: Grade, after: Grade): number {
  return GRADE_ORDER.indexOf(after) - GRADE_ORDER.indexOf(before);
}
