import {
  DEFAULT_FORECAST_SETTINGS,
  type ForecastSettings,
  type MonthlySales,
  type OneOffItem,
} from '../../core/forecast/index.js';
import type { Organisation } from '../../core/model/index.js';
import { fail, ok, type Result } from '../../core/shared/index.js';
import {
  type BusinessCalendar,
  CN_PUBLIC_HOLIDAYS,
  createCalendar,
  isLocalDate,
  WEEKENDS_ONLY,
} from '../../core/time/index.js';

/**
 * Forecast settings read from the organisation's settings JSON (DOMAIN: every default is a setting):
 * 'forecast.minCash' ({ mode: 'amount', amountMinor } | { mode: 'months', months, basis }),
 * 'forecast.autoDraw', 'forecast.repayDrawnAtExpiry', 'forecast.discountDayBasis' (360 | 365),
 * 'forecast.doubtfulOverdueDays', 'forecast.receiptSlices' (1–20 equally likely dates an open invoice's
 * receipt is spread over; 1 = its median date), 'forecast.calendar' ('CN' | 'weekends'), 'forecast.holidays' and
 * 'forecast.makeUpWorkdays' (extra dates), 'forecast.salesPlan' ([{ month, amountMinor }]),
 * 'forecast.oneOffs' ([{ id, name, direction, currency, amountMinor, on }]).
 */
export interface OrganisationForecastSettings {
  readonly settings: ForecastSettings;
  readonly calendar: BusinessCalendar;
  readonly salesPlan: readonly MonthlySales[];
  readonly oneOffs: readonly OneOffItem[];
}

const bad = (field: string, value: unknown, expected: string) =>
  fail('FORECAST_INVALID_SETTING', { field, value: JSON.stringify(value), expected });

export function readForecastSettings(org: Organisation): Result<OrganisationForecastSettings> {
  const s = org.settings;
  const get = (key: string) => s[`forecast.${key}`];
  const settings: Record<string, unknown> = { ...DEFAULT_FORECAST_SETTINGS };
  const stored = get('minCash') as
    | ForecastSettings['minCash']
    | { mode: 'months'; months: number; basis: 'horizon' }
    | undefined;
  if (stored !== undefined) {
    // 'horizon' was the name of the 'forecast' basis before the buffer read 13 weeks in both views.
    const minCash =
      stored?.mode === 'months' && stored.basis === 'horizon' ? { ...stored, basis: 'forecast' as const } : stored;
    const isValid =
      (minCash?.mode === 'amount' && Number.isSafeInteger(minCash.amountMinor) && minCash.amountMinor >= 0) ||
      (minCash?.mode === 'months' &&
        typeof minCash.months === 'number' &&
        minCash.months >= 0 &&
        minCash.months <= 24 &&
        (minCash.basis === 'forecast' || minCash.basis === 'trailing90'));
    if (!isValid)
      return bad(
        'forecast.minCash',
        stored,
        "{ mode: 'amount', amountMinor } or { mode: 'months', months, basis: 'forecast' | 'trailing90' }",
      );
    settings.minCash = minCash;
  }
  for (const key of ['autoDraw', 'repayDrawnAtExpiry'] as const) {
    const v = get(key);
    if (v === undefined) continue;
    if (typeof v !== 'boolean') return bad(`forecast.${key}`, v, 'true or false');
    settings[key] = v;
  }
  for (const key of ['discountDayBasis', 'doubtfulOverdueDays'] as const) {
    const v = get(key);
    if (v === undefined) continue;
    if (typeof v !== 'number' || !(v > 0)) return bad(`forecast.${key}`, v, 'a positive number');
    settings[key] = v;
  }
  const slices = get('receiptSlices');
  if (slices !== undefined) {
    if (!Number.isInteger(slices) || (slices as number) < 1 || (slices as number) > 20)
      return bad('forecast.receiptSlices', slices, 'a whole number 1-20');
    settings.receiptSlices = slices;
  }
  const dates = (key: string) =>
    Array.isArray(get(key))
      ? (get(key) as unknown[]).filter((d): d is string => typeof d === 'string' && isLocalDate(d))
      : [];
  const calendar = createCalendar(get('calendar') === 'weekends' ? WEEKENDS_ONLY : CN_PUBLIC_HOLIDAYS, {
    holidays: dates('holidays'),
    makeUpWorkdays: dates('makeUpWorkdays'),
  });
  const plan = Array.isArray(get('salesPlan')) ? (get('salesPlan') as MonthlySales[]) : [];
  if (plan.some((p) => !/^\d{4}-\d{2}$/.test(String(p?.month)) || !Number.isSafeInteger(p?.amountMinor))) {
    return bad('forecast.salesPlan', plan, '[{ month: YYYY-MM, amountMinor }]');
  }
  const oneOffs = Array.isArray(get('oneOffs')) ? (get('oneOffs') as OneOffItem[]) : [];
  if (
    oneOffs.some(
      (o) =>
        !isLocalDate(String(o?.on)) ||
        !Number.isSafeInteger(o?.amountMinor) ||
        !['inflow', 'outflow'].includes(o?.direction),
    )
  ) {
    return bad('forecast.oneOffs', oneOffs, '[{ id, name, direction, currency, amountMinor, on }]');
  }
  return ok({ settings: settings as unknown as ForecastSettings, calendar, salesPlan: plan, oneOffs });
}
