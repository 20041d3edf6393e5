import { fail, ok, type Result } from '../shared/index.js';

/**
 * Alert thresholds, every one an organisation setting (key 'alerts'). Defaults: DOMAIN 5.1 (the
 * dunning ladder's alert levels by days past due), 2.5 rule 7 (buffer, cash < 0, runway < 3
 * months), 1.5 (T-7 deadlines), and stated design choices for the lateness probabilities.
 */
export interface AlertSettings {
  /**
   * Days past due from which an unexplained delay is info, watch, warning, critical (ladder stages
   * 2, 3, 4, 6). Below `overdueInfoDays` the dunning reminders handle it and no alert is raised.
   */
  readonly overdueInfoDays: number;
  readonly overdueWatchDays: number;
  readonly overdueWarningDays: number;
  readonly overdueCriticalDays: number;
  /**
   * P(this lateness | the customer's own delays) at or above which the delay is ordinary for that
   * customer: a watch, whatever the ladder says, until `overdueCriticalDays` (design: 0.25).
   */
  readonly ordinaryLatenessProbability: number;
  /**
   * Below this probability, and at least `unusualMinDays` late, the lateness is far outside the
   * customer's pattern: a default signal, critical (design: 0.05, 7 days).
   */
  readonly unusualLatenessProbability: number;
  readonly unusualMinDays: number;
  /** A legal event this recent (days) raises its own alert (design: 90). */
  readonly legalEventDays: number;
  /** Buffer breach alerts look this many weeks ahead (DOMAIN 2.5 rule 7: the 13-week forecast). */
  readonly bufferBreachWeeks: number;
  /** Runway shorter than this many months is critical (DOMAIN 2.5 rule 7: 3). */
  readonly runwayMonths: number;
  /** An acceptance bill we hold maturing within this many days is an info alert (DOMAIN 1.5: T-7). */
  readonly billMaturityDays: number;
  /** A trade credit insurance deadline within this many days is an alert (DOMAIN 1.5 rule 3: T-7). */
  readonly insuranceDeadlineDays: number;
  /** A critical alert still open (not acknowledged) this many hours after it opened is sent again as unacknowledged (design: 4). */
  readonly escalateAfterHours: number;
  /** Time of the daily run in the organisation's time zone, 'HH:MM' (design: 07:00). */
  readonly dailyRunAt: string;
}

export const DEFAULT_ALERT_SETTINGS: AlertSettings = {
  overdueInfoDays: 7,
  overdueWatchDays: 15,
  overdueWarningDays: 30,
  overdueCriticalDays: 60,
  ordinaryLatenessProbability: 0.25,
  unusualLatenessProbability: 0.05,
  unusualMinDays: 7,
  legalEventDays: 90,
  bufferBreachWeeks: 13,
  runwayMonths: 3,
  billMaturityDays: 7,
  insuranceDeadlineDays: 7,
  escalateAfterHours: 4,
  dailyRunAt: '07:00',
};

const PROBABILITIES = new Set(['ordinaryLatenessProbability', 'unusualLatenessProbability']);
const isDays = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 3650;

/**
 * The defaults with an organisation's overrides laid over them; an unknown key or a value out of
 * range is an `INVALID_SETTING` error naming the field (`alerts.runwayMonths`).
 *
 * @example
 * resolveAlertSettings({ runwayMonths: 6 }) // ok({ ...DEFAULT_ALERT_SETTINGS, runwayMonths: 6 })
 */
export function resolveAlertSettings(overrides: Readonly<Record<string, unknown>> = {}): Result<AlertSettings> {
  for (const [key, value] of Object.entries(overrides)) {
    const bad = (expected: string) =>
      fail('INVALID_SETTING', { field: `alerts.${key}`, value: JSON.stringify(value) ?? '', expected });
    if (!Object.hasOwn(DEFAULT_ALERT_SETTINGS, key)) return bad(Object.keys(DEFAULT_ALERT_SETTINGS).join(', '));
    if (PROBABILITIES.has(key)) {
      if (!(typeof value === 'number' && value > 0 && value < 1)) return bad('a probability between 0 and 1');
    } else if (key === 'dailyRunAt') {
      if (!(typeof value === 'string' && /^([01]\d|2[0-3]):[0-5]\d$/.test(value))) return bad('HH:MM');
    } else if (key === 'runwayMonths') {
      if (!(typeof value === 'number' && Number.isFinite(value) && value > 0 && value <= 36)) return bad('1-36 months');
    } else if (!isDays(value)) return bad('a whole number of days or weeks, 0-3650');
  }
  const s = { ...DEFAULT_ALERT_SETTINGS, ...(overrides as Partial<AlertSettings>) };
  const ladder = [s.overdueInfoDays, s.overdueWatchDays, s.overdueWarningDays, s.overdueCriticalDays];
  if (ladder.some((d, i) => i > 0 && d < (ladder[i - 1] as number)))
    return fail('INVALID_SETTING', {
      field: 'alerts.overdueWatchDays',
      value: ladder.join('/'),
      expected: 'info ≤ watch ≤ warning ≤ critical days',
    });
  if (s.unusualLatenessProbability > s.ordinaryLatenessProbability)
    return fail('INVALID_SETTING', {
      field: 'alerts.unusualLatenessProbability',
      value: String(s.unusualLatenessProbability),
      expected: `at most ordinaryLatenessProbability (${s.ordinaryLatenessProbability})`,
    });
  return ok(s);
}
