import { assert } from '../shared/index.js';
import { evaluateBills, evaluateForecast, evaluateMetrics } from './company-rules.js';
import {
  evaluateBrokenPromises,
  evaluateGradeDrop,
  evaluateHardOverride,
  evaluateInsolvency,
  evaluateLegalEvents,
  evaluateOverLimit,
  evaluateReviewDue,
} from './customer-rules.js';
import { evaluateOverdue } from './overdue.js';
import type { AlertSettings } from './settings.js';
import { ALERT_LEVELS, type Alert, type AlertInput, type AlertLevel } from './types.js';

/** Higher is more serious: critical 3, warning 2, watch 1, info 0. */
export function levelRank(level: AlertLevel): number {
  return ALERT_LEVELS.indexOf(level);
}

/**
 * Runs every rule of the catalogue over one organisation's figures as of `input.asOf` and returns
 * what fires, most serious first (then by key). Each rule reads its figure from where it lives
 * (the customer's risk state, the review calendar, the forecast's own buffer and runway, the
 * metrics thresholds, the behaviour model's delay distribution); nothing is recomputed here.
 * Keys are unique: one condition, one alert.
 *
 * @example
 * evaluateAlerts(input, DEFAULT_ALERT_SETTINGS)
 * // [{ rule: 'insolvency', level: 'critical', key: 'insolvency:C6:2026-11-15', … }, …]
 */
export function evaluateAlerts(input: AlertInput, settings: AlertSettings): Alert[] {
  const out: Alert[] = [];
  const push = (a: Alert | null) => {
    if (a) out.push(a);
  };
  for (const c of input.customers) {
    push(evaluateOverdue(c, input.lateness, input.currency, settings));
    push(evaluateInsolvency(c));
    push(evaluateHardOverride(c));
    out.push(...evaluateLegalEvents(c, input.asOf, settings));
    out.push(...evaluateBrokenPromises(c, input.asOf));
    push(evaluateGradeDrop(c));
    push(evaluateOverLimit(c));
    push(evaluateReviewDue(c));
  }
  out.push(...evaluateForecast(input, settings));
  out.push(...evaluateMetrics(input.findings));
  out.push(...evaluateBills(input, settings));
  const keys = new Set<string>();
  for (const a of out) {
    assert(!keys.has(a.key), `alert key ${a.key} raised twice`);
    keys.add(a.key);
  }
  return out.sort((a, b) => levelRank(b.level) - levelRank(a.level) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
