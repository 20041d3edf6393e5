import { SECRET_MASK } from '../../src/app/accounts/secret-settings.js';
import { CHANNEL_KINDS, type ChannelKind } from '../../src/core/alerts/channels.js';
import { type AlertSettings, DEFAULT_ALERT_SETTINGS, resolveAlertSettings } from '../../src/core/alerts/settings.js';
import { ALERT_LEVELS, type AlertLevel } from '../../src/core/alerts/types.js';

/**
 * The alert thresholds and channels the settings page edits, between the form's text fields and
 * the organisation's settings ('alerts' and 'alerts.channels'). The thresholds, their defaults and
 * their bounds are the core's (src/core/alerts/settings.ts); probabilities show as percentages.
 * Only values that differ from the defaults are stored, so a default changed later still applies.
 */
export type ThresholdKey = keyof AlertSettings;

/** The thresholds in the order the page shows them, with how each is typed. */
export const THRESHOLDS: readonly {
  key: ThresholdKey;
  unit: 'days' | 'percent' | 'weeks' | 'months' | 'hours' | 'time';
}[] = [
  { key: 'overdueInfoDays', unit: 'days' },
  { key: 'overdueWatchDays', unit: 'days' },
  { key: 'overdueWarningDays', unit: 'days' },
  { key: 'overdueCriticalDays', unit: 'days' },
  { key: 'ordinaryLatenessProbability', unit: 'percent' },
  { key: 'unusualLatenessProbability', unit: 'percent' },
  { key: 'unusualMinDays', unit: 'days' },
  { key: 'legalEventDays', unit: 'days' },
  { key: 'bufferBreachWeeks', unit: 'weeks' },
  { key: 'runwayMonths', unit: 'months' },
  { key: 'billMaturityDays', unit: 'days' },
  { key: 'escalateAfterHours', unit: 'hours' },
  { key: 'dailyRunAt', unit: 'time' },
];

export { CHANNEL_KINDS, type ChannelKind };
export const LEVELS = ALERT_LEVELS;

/** One channel as the form holds it (recipients as one line of addresses). */
export interface ChannelForm {
  readonly id: string;
  readonly kind: ChannelKind;
  readonly minLevel: AlertLevel;
  readonly url: string;
  /** A new secret typed here ('' keeps the saved one, if there is one). */
  readonly secret: string;
  /** A secret is saved for this channel (the server shows it masked). */
  readonly hasSavedSecret: boolean;
  readonly to: string;
}

export interface AlertSettingsForm {
  readonly thresholds: Readonly<Record<ThresholdKey, string>>;
  readonly channels: readonly ChannelForm[];
}

const SIGNED: ReadonlySet<ChannelKind> = new Set(['dingtalk', 'feishu', 'webhook']);
export const needsSecret = (kind: ChannelKind): boolean => SIGNED.has(kind);

const shownValue = (key: ThresholdKey, unit: string, value: unknown): string =>
  unit === 'percent' && typeof value === 'number' ? String(Math.round(value * 10_000) / 100) : String(value);

export function alertFormFromSettings(settings: Readonly<Record<string, unknown>>): AlertSettingsForm {
  const stored = (typeof settings.alerts === 'object' && settings.alerts !== null ? settings.alerts : {}) as Record<
    string,
    unknown
  >;
  const thresholds = {} as Record<ThresholdKey, string>;
  for (const { key, unit } of THRESHOLDS)
    thresholds[key] = shownValue(key, unit, stored[key] ?? DEFAULT_ALERT_SETTINGS[key]);
  const raw = Array.isArray(settings['alerts.channels'])
    ? (settings['alerts.channels'] as Record<string, unknown>[])
    : [];
  const channels = raw.map((c) => ({
    id: String(c.id ?? ''),
    kind: (CHANNEL_KINDS as readonly string[]).includes(String(c.kind)) ? (c.kind as ChannelKind) : 'webhook',
    minLevel: (LEVELS as readonly string[]).includes(String(c.minLevel))
      ? (c.minLevel as ChannelForm['minLevel'])
      : 'warning',
    url: typeof c.url === 'string' ? c.url : '',
    secret: typeof c.secret === 'string' && c.secret !== SECRET_MASK ? c.secret : '',
    hasSavedSecret: c.secret === SECRET_MASK,
    to: Array.isArray(c.to) ? c.to.join(', ') : '',
  }));
  return { thresholds, channels };
}

/** A field to correct: a threshold's key, or a channel's field ('channel.1.url'). */
export type AlertSettingsProblem = ThresholdKey | `channel.${number}.${'id' | 'url' | 'secret' | 'to'}`;

/**
 * The organisation's settings with the form's alerts laid in, or the first field to correct. The
 * thresholds are checked by the core's own rule (the order of the overdue ladder included); the
 * server checks the whole again.
 */
export function settingsFromAlertForm(
  form: AlertSettingsForm,
  settings: Readonly<Record<string, unknown>>,
): { ok: true; settings: Record<string, unknown> } | { ok: false; field: AlertSettingsProblem } {
  // Keys of 'alerts' this page does not show are kept as they are.
  const stored = (typeof settings.alerts === 'object' && settings.alerts !== null ? settings.alerts : {}) as Record<
    string,
    unknown
  >;
  const shown = new Set<string>(THRESHOLDS.map((t) => t.key));
  const kept = Object.fromEntries(Object.entries(stored).filter(([k]) => !shown.has(k)));
  const overrides: Record<string, unknown> = {};
  for (const { key, unit } of THRESHOLDS) {
    const text = form.thresholds[key].trim();
    let value: unknown;
    if (unit === 'time') value = text;
    else {
      const n = Number(text);
      if (text === '' || !Number.isFinite(n)) return { ok: false, field: key };
      value = unit === 'percent' ? n / 100 : n;
    }
    const single = resolveAlertSettings({ [key]: value });
    if (!single.ok) return { ok: false, field: key };
    if (value !== DEFAULT_ALERT_SETTINGS[key]) overrides[key] = value;
  }
  const whole = resolveAlertSettings(overrides);
  if (!whole.ok) return { ok: false, field: 'overdueWatchDays' };
  const channels: Record<string, unknown>[] = [];
  const ids = new Set<string>();
  for (const [i, c] of form.channels.entries()) {
    const id = c.id.trim();
    if (id === '' || id.length > 50 || ids.has(id)) return { ok: false, field: `channel.${i}.id` };
    ids.add(id);
    const channel: Record<string, unknown> = { id, kind: c.kind, minLevel: c.minLevel };
    if (c.kind === 'email') {
      const to = c.to
        .split(/[,，;；\s]+/)
        .map((a) => a.trim())
        .filter((a) => a.length > 0);
      if (to.length === 0 || !to.every((a) => /^[^\s@]+@[^\s@]+$/.test(a)))
        return { ok: false, field: `channel.${i}.to` };
      channel.to = to;
    } else {
      if (!/^https?:\/\/\S+$/.test(c.url.trim())) return { ok: false, field: `channel.${i}.url` };
      channel.url = c.url.trim();
    }
    // A secret left empty keeps the saved one: the mask tells the server so.
    const secret = c.secret.trim() !== '' ? c.secret.trim() : c.hasSavedSecret ? SECRET_MASK : '';
    if (needsSecret(c.kind) && secret === '') return { ok: false, field: `channel.${i}.secret` };
    if (secret !== '') channel.secret = secret;
    channels.push(channel);
  }
  const next: Record<string, unknown> = { ...settings, 'alerts.channels': channels };
  if (Object.keys(overrides).length + Object.keys(kept).length > 0) next.alerts = { ...kept, ...overrides };
  else delete next.alerts;
  return { ok: true, settings: next };
}
