import { amountFromInput, amountToInput } from './format.js';

/**
 * The organisation settings the settings page edits, between the form's text fields and the
 * organisation's settings JSON (keys read by src/app/forecast/settings.ts). Keys the page does not
 * know are kept as they are when it saves.
 */
export interface SettingsForm {
  readonly name: string;
  readonly locale: 'zh-CN' | 'en';
  readonly weekStart: string;
  readonly fiscalYearStartMonth: string;
  readonly minCashMode: 'amount' | 'months';
  readonly minCashAmount: string;
  readonly minCashMonths: string;
  readonly minCashBasis: 'horizon' | 'trailing90';
  readonly doubtfulOverdueDays: string;
  readonly receiptSlices: string;
  readonly autoDraw: boolean;
  readonly calendar: 'CN' | 'weekends';
}

interface Org {
  readonly name: string;
  readonly locale: 'zh-CN' | 'en';
  readonly weekStart: number;
  readonly fiscalYearStartMonth: number;
  readonly baseCurrency: string;
  readonly settings: Readonly<Record<string, unknown>>;
  /** The version the server gave with it (sent back with a change). */
  readonly version?: string;
}

/** The defaults of src/core/forecast (DEFAULT_FORECAST_SETTINGS) as the form shows them when unset. */
const DEFAULT_MONTHS = '1';
const DEFAULT_DOUBTFUL_DAYS = '90';
const DEFAULT_RECEIPT_SLICES = '5';

export function formFromOrganisation(org: Org): SettingsForm {
  const s = org.settings;
  const minCash = (s['forecast.minCash'] ?? null) as
    | { mode: 'amount'; amountMinor: number }
    | { mode: 'months'; months: number; basis: 'horizon' | 'trailing90' }
    | null;
  const doubtful = s['forecast.doubtfulOverdueDays'];
  const slices = s['forecast.receiptSlices'];
  return {
    name: org.name,
    locale: org.locale,
    weekStart: String(org.weekStart),
    fiscalYearStartMonth: String(org.fiscalYearStartMonth),
    minCashMode: minCash?.mode === 'amount' ? 'amount' : 'months',
    minCashAmount: minCash?.mode === 'amount' ? amountToInput(minCash.amountMinor, org.baseCurrency) : '',
    minCashMonths: minCash?.mode === 'months' ? String(minCash.months) : DEFAULT_MONTHS,
    minCashBasis: minCash?.mode === 'months' ? minCash.basis : 'horizon',
    doubtfulOverdueDays: typeof doubtful === 'number' ? String(doubtful) : DEFAULT_DOUBTFUL_DAYS,
    receiptSlices: typeof slices === 'number' ? String(slices) : DEFAULT_RECEIPT_SLICES,
    autoDraw: s['forecast.autoDraw'] === true,
    calendar: s['forecast.calendar'] === 'weekends' ? 'weekends' : 'CN',
  };
}

/** A field the person must correct, by the form's field name. */
export type SettingsProblem = 'minCashAmount' | 'minCashMonths' | 'doubtfulOverdueDays' | 'receiptSlices';

/**
 * The PATCH body for the form, or the first field that is not valid. Settings keys the page does
 * not edit are carried over unchanged (the API replaces the whole settings object).
 */
export function patchFromForm(
  form: SettingsForm,
  org: Org,
): { ok: true; body: Record<string, unknown> } | { ok: false; field: SettingsProblem } {
  let minCash: Record<string, unknown>;
  if (form.minCashMode === 'amount') {
    const amountMinor = amountFromInput(form.minCashAmount, org.baseCurrency);
    if (amountMinor === null) return { ok: false, field: 'minCashAmount' };
    minCash = { mode: 'amount', amountMinor };
  } else {
    const months = Number(form.minCashMonths);
    if (!form.minCashMonths.trim() || !Number.isFinite(months) || months < 0 || months > 24)
      return { ok: false, field: 'minCashMonths' };
    minCash = { mode: 'months', months, basis: form.minCashBasis };
  }
  const days = Number(form.doubtfulOverdueDays);
  if (!Number.isInteger(days) || days < 1 || days > 3650) return { ok: false, field: 'doubtfulOverdueDays' };
  const slices = Number(form.receiptSlices);
  if (!form.receiptSlices.trim() || !Number.isInteger(slices) || slices < 1 || slices > 20)
    return { ok: false, field: 'receiptSlices' };
  const settings = {
    ...org.settings,
    'forecast.minCash': minCash,
    'forecast.doubtfulOverdueDays': days,
    'forecast.receiptSlices': slices,
    'forecast.autoDraw': form.autoDraw,
    'forecast.calendar': form.calendar,
  };
  return {
    ok: true,
    body: {
      // The version this form was filled from: a change someone saved meanwhile is not overwritten.
      version: org.version,
      name: form.name.trim(),
      locale: form.locale,
      weekStart: Number(form.weekStart),
      fiscalYearStartMonth: Number(form.fiscalYearStartMonth),
      settings,
    },
  };
}

/** The settings an audit entry changed, by key ('name', 'forecast.minCash', ...). */
export function changedKeys(before: unknown, after: unknown): string[] {
  const b = (before ?? {}) as Record<string, unknown>;
  const a = (after ?? {}) as Record<string, unknown>;
  const keys: string[] = [];
  for (const k of new Set([...Object.keys(b), ...Object.keys(a)])) {
    if (k === 'settings') {
      const bs = (b.settings ?? {}) as Record<string, unknown>;
      const as = (a.settings ?? {}) as Record<string, unknown>;
      for (const s of new Set([...Object.keys(bs), ...Object.keys(as)]))
        if (JSON.stringify(bs[s]) !== JSON.stringify(as[s])) keys.push(s);
    } else if (JSON.stringify(b[k]) !== JSON.stringify(a[k])) keys.push(k);
  }
  return keys;
}
