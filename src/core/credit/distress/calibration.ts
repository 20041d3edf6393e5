import { fitLogistic } from './logistic.js';
import { sigmoid } from './metrics.js';
import type { Calibration } from './model.js';

/**
 * Fits the Platt step pd = σ(intercept + slope·margin) on out-of-fold margins and outcomes
 * observed over the 12-month horizon. A tiny ridge keeps the slope finite on separable data.
 *
 * @example
 * fitCalibration(Float64Array.from([-4, -3, 0, 1]), [0, 0, 1, 1]).slope; // > 0
 */
export function fitCalibration(margins: Float64Array, outcomes: ArrayLike<number>): Calibration {
  const fit = fitLogistic([margins], outcomes, 1e-3);
  return { intercept: fit.intercept, slope: fit.weights[0] as number };
}

/** The calibrated probability of default for a margin. */
export function calibrate(calibration: Calibration, margin: number): number {
  return sigmoid(calibration.intercept + calibration.slope * margin);
}
