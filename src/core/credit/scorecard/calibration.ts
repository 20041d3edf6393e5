import { DEFAULT_PD_CALIBRATION, type PdCalibration } from './pd.js';

/** One past score and whether the customer defaulted (90+ DPD or insolvency) within 12 months of it. */
export interface ScoreOutcome {
  readonly score: number;
  readonly isDefault: boolean;
}

export interface CalibrationSettings {
  /** DOMAIN 8.4: fit only once there are at least this many defaults. */
  readonly minDefaults: number;
  readonly maxIterations: number;
  readonly tolerance: number;
}

export const DEFAULT_CALIBRATION_SETTINGS: CalibrationSettings = {
  minDefaults: 30,
  maxIterations: 25,
  tolerance: 1e-9,
};

/**
 * Fits PD(S) = 1/(1 + exp(a + b·S)) by maximum likelihood (Newton–Raphson on the two parameters,
 * i.e. a logistic regression of the default flag on −S). With fewer than `minDefaults` defaults,
 * or a fit that does not converge to a finite b > 0 (safer scores must mean smaller PDs), it keeps
 * the DOMAIN defaults and says why: `isIndicative: true`.
 *
 * @example
 * fitPdCalibration(history).isIndicative; // false once history has ≥ 30 defaults
 */
export function fitPdCalibration(
  history: readonly ScoreOutcome[],
  settings: CalibrationSettings = DEFAULT_CALIBRATION_SETTINGS,
): PdCalibration {
  const defaults = history.reduce((n, h) => n + (h.isDefault ? 1 : 0), 0);
  const fallback = (code: string): PdCalibration => ({
    ...DEFAULT_PD_CALIBRATION,
    reason: { code, data: { defaults, needed: settings.minDefaults, observations: history.length } },
  });
  if (defaults < settings.minDefaults) return fallback('CS_CALIBRATION_DEFAULT');
  const fit = newton(history, settings);
  if (fit === null || !(fit.b > 0)) return fallback('CS_CALIBRATION_FIT_FAILED');
  return {
    a: fit.a,
    b: fit.b,
    isIndicative: false,
    reason: { code: 'CS_CALIBRATION_FITTED', data: { defaults, observations: history.length } },
  };
}

/** Newton steps on the log-likelihood of p = 1/(1 + exp(a + bS)); null when it diverges. */
function newton(history: readonly ScoreOutcome[], settings: CalibrationSettings): { a: number; b: number } | null {
  let a = DEFAULT_PD_CALIBRATION.a;
  let b = DEFAULT_PD_CALIBRATION.b;
  for (let it = 0; it < settings.maxIterations; it++) {
    // Gradient and Hessian of the log-likelihood in (a, b); dp/da = −p(1−p), dp/db = −S·p(1−p).
    let ga = 0;
    let gb = 0;
    let haa = 0;
    let hab = 0;
    let hbb = 0;
    for (const h of history) {
      const p = 1 / (1 + Math.exp(a + b * h.score));
      const r = (h.isDefault ? 1 : 0) - p;
      const w = p * (1 - p);
      ga -= r;
      gb -= r * h.score;
      haa += w;
      hab += w * h.score;
      hbb += w * h.score * h.score;
    }
    const det = haa * hbb - hab * hab;
    if (!(Math.abs(det) > 0)) return null;
    const da = (hbb * ga - hab * gb) / det;
    const db = (haa * gb - hab * ga) / det;
    a += da;
    b += db;
    if (!Number.isFinite(a) || !Number.isFinite(b)) return null;
    if (Math.abs(da) + Math.abs(db) < settings.tolerance) break;
  }
  return { a, b };
}
