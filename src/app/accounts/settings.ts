import { z } from 'zod';
import {
  DEFAULT_ALERT_SETTINGS,
  resolveAlertChannels,
  resolveAlertSettings,
  resolveSmtpSettings,
} from '../../core/alerts/index.js';
import { resolveLadderSettings, resolveLateInterestSettings } from '../../core/collections/index.js';
import {
  DEFAULT_LIMIT_SETTINGS,
  DEFAULT_REVIEW_SETTINGS,
  DEFAULT_SCORECARD_SETTINGS,
  resolveRiskStateSettings,
} from '../../core/credit/index.js';
import { LEGAL_EVENT_TYPES, type Organisation } from '../../core/model/index.js';
import { isCurrencyCode } from '../../core/money/index.js';
import { fail, ok, type Result } from '../../core/shared/index.js';
import { isLocalDate } from '../../core/time/index.js';
import { overrideValidDays } from '../credit/index.js';
import { readForecastSettings } from '../forecast/index.js';
import { readFxSettings } from '../fx/index.js';
import { CONNECTOR_SETTING, connectorSettingsSchema } from '../insurance/connector/settings.js';

/**
 * The organisation settings a person may store (`PATCH /api/v1/organisation`), checked whole
 * before they are stored, so no report ever meets a setting it cannot read: every key is a known
 * one, every value has the shape its reader merges over the defaults (a table the reader merges
 * key by key may be given in part; anything else whole), and the readers that check values
 * (forecast, credit risk, hold overrides) accept the result. Keys and values named like inherited
 * properties (`__proto__`, `constructor`) are unknown keys or wrong values like any other.
 */
type Reader = (org: Organisation) => Result<unknown>;

const finite = (min?: number) => (min === undefined ? z.number().finite() : z.number().finite().min(min));
const date = () => z.string().refine(isLocalDate, 'a date YYYY-MM-DD');
const days = () => z.int().min(0).max(36_500);

/**
 * A schema of the same shape as a default value: numbers stay numbers (not negative when the
 * default is not), tables keep their keys, tuples their kinds (the words a tuple holds stay those
 * of the defaults), lists are not empty when the default is not. Objects are whole unless `partial`.
 */
function likeDefault(value: unknown, partial = false): z.ZodType {
  if (typeof value === 'number') return finite(value >= 0 ? 0 : undefined);
  if (typeof value === 'boolean') return z.boolean();
  if (typeof value === 'string') return z.string().max(200);
  if (Array.isArray(value)) {
    const first: unknown = value[0];
    const element = Array.isArray(first)
      ? z.tuple(
          first.map((part, i) =>
            typeof part === 'string'
              ? z.enum([...new Set(value.map((v) => String((v as unknown[])[i])))] as [string, ...string[]])
              : likeDefault(part),
          ) as [z.ZodType, ...z.ZodType[]],
        )
      : likeDefault(first);
    return z
      .array(element)
      .min(value.length > 0 ? 1 : 0)
      .max(1000);
  }
  if (typeof value === 'object' && value !== null) {
    const shape = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, likeDefault(v)]));
    return partial ? z.strictObject(shape).partial() : z.strictObject(shape);
  }
  return z.never();
}

/** A settings group over its defaults: `merged` are the tables its resolver merges key by key. */
function group(defaults: object, merged: readonly string[], own: Readonly<Record<string, z.ZodType>> = {}) {
  return z
    .strictObject(
      Object.fromEntries(
        Object.entries(defaults).map(([k, v]) => [
          k,
          Object.hasOwn(own, k) ? own[k] : likeDefault(v, merged.includes(k)),
        ]),
      ) as Record<string, z.ZodType>,
    )
    .partial();
}

const legalTable = (value: z.ZodType) => z.partialRecord(z.enum(LEGAL_EVENT_TYPES), value);
/** Adjustments by a customer's own words (industry, country): any word, a finite number each. */
const wordTable = () =>
  z.record(z.string().min(1).max(100), finite()).refine((t) => Object.keys(t).length <= 1000, 'at most 1000 entries');

const oneOff = z.strictObject({
  id: z.string().min(1).max(100),
  name: z.string().max(200),
  direction: z.enum(['inflow', 'outflow']),
  currency: z.string().refine(isCurrencyCode, 'an ISO 4217 code such as CNY'),
  amountMinor: z.int(),
  on: date(),
});

const SCHEMAS: ReadonlyMap<string, z.ZodType> = new Map<string, z.ZodType>([
  ['demo', z.strictObject({ seed: z.int(), asOf: date(), nameEn: z.string().max(200) }).partial()],
  [
    'forecast.minCash',
    z.union([
      z.strictObject({ mode: z.literal('amount'), amountMinor: z.int().min(0) }),
      z.strictObject({
        mode: z.literal('months'),
        months: finite(0).max(24),
        basis: z.enum(['forecast', 'trailing90', 'horizon']),
      }),
    ]),
  ],
  ['forecast.autoDraw', z.boolean()],
  ['forecast.repayDrawnAtExpiry', z.boolean()],
  ['forecast.discountDayBasis', z.union([z.literal(360), z.literal(365)])],
  ['forecast.doubtfulOverdueDays', z.int().min(1).max(3650)],
  ['forecast.receiptSlices', z.int().min(1).max(20)],
  ['forecast.calendar', z.enum(['CN', 'weekends'])],
  ['forecast.holidays', z.array(date()).max(1000)],
  ['forecast.makeUpWorkdays', z.array(date()).max(1000)],
  [
    'forecast.salesPlan',
    z.array(z.strictObject({ month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/), amountMinor: z.int() })).max(600),
  ],
  ['forecast.oneOffs', z.array(oneOff).max(1000)],
  [
    'credit.scorecard',
    group(DEFAULT_SCORECARD_SETTINGS, ['weights'], {
      legalDeductions: legalTable(finite(0)),
      overrideEvents: legalTable(days()),
      industryAdjustments: wordTable(),
      countryAdjustments: wordTable(),
      minPillars: z.int().min(1).max(5),
      driverCount: z.int().min(0).max(20),
    }),
  ],
  ['credit.limits', group(DEFAULT_LIMIT_SETTINGS, ['capacity'])],
  ['credit.reviews', group(DEFAULT_REVIEW_SETTINGS, [])],
  ['credit.risk', z.record(z.string(), z.unknown())],
  ['credit.holds', z.strictObject({ overrideValidDays: z.unknown() }).partial()],
  ['alerts', group(DEFAULT_ALERT_SETTINGS, [])],
  // Checked by their readers below (each entry's fields depend on its kind).
  ['alerts.channels', z.array(z.unknown()).max(20)],
  ['alerts.smtp', z.record(z.string(), z.unknown())],
  ['collections.ladder', z.record(z.string(), z.unknown())],
  ['collections.interest', z.record(z.string(), z.unknown())],
  [
    'fx.exposureLimits',
    z
      .record(z.string().refine(isCurrencyCode, 'an ISO 4217 code such as USD'), z.int().min(0))
      .refine((t) => Object.keys(t).length <= 200, 'at most 200 currencies'),
  ],
  ['fx.shockPct', finite(0).max(100)],
  [CONNECTOR_SETTING, connectorSettingsSchema],
]);

/** The readers that check values themselves, on the organisation as it would be. */
const READERS: readonly Reader[] = [
  (org) => readForecastSettings(org),
  (org) => readFxSettings(org),
  (org) => {
    const risk = org.settings['credit.risk'];
    return resolveRiskStateSettings(typeof risk === 'object' && risk !== null ? (risk as Record<string, unknown>) : {});
  },
  (org) => {
    const alerts = org.settings.alerts;
    return resolveAlertSettings(
      typeof alerts === 'object' && alerts !== null ? (alerts as Record<string, unknown>) : {},
    );
  },
  (org) => resolveAlertChannels(org.settings['alerts.channels']),
  (org) => resolveSmtpSettings(org.settings['alerts.smtp']),
  // The hold-override reader reads the organisation of a credit book and nothing else.
  (org) => overrideValidDays({ org } as Parameters<typeof overrideValidDays>[0]),
  (org) => resolveLadderSettings(section(org, 'collections.ladder')),
  (org) => resolveLateInterestSettings(section(org, 'collections.interest')),
];

/** One settings section as an object ({} when absent). */
function section(org: Organisation, key: string): Record<string, unknown> {
  const v = org.settings[key];
  return typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : {};
}

/** Names every plain object answers to (`__proto__`, `constructor`, `toString` …): no setting has one. */
const INHERITED: ReadonlySet<string> = new Set(Object.getOwnPropertyNames(Object.prototype));

/** The path of the first key in `value`, at any depth, named like an inherited property; else null. */
function inheritedKey(value: unknown, path: string): string | null {
  if (typeof value !== 'object' || value === null) return null;
  for (const [k, v] of Object.entries(value)) {
    const at = `${path}.${k}`;
    if (!Array.isArray(value) && INHERITED.has(k)) return at;
    const deeper = inheritedKey(v, at);
    if (deeper !== null) return deeper;
  }
  return null;
}

/**
 * The settings object to store, or why not: `UNKNOWN_FIELD` for a key no reader has, `INVALID_SETTING`
 * naming the setting (`settings.credit.reviews.cadenceMonths`) for a value of the wrong shape, or
 * the reader's own refusal.
 *
 * @example
 * checkSettings(org, { 'credit.holds': { overrideValidDays: 3 } }) // ok({ 'credit.holds': { overrideValidDays: 3 } })
 * checkSettings(org, { constructor: 1 }) // fail UNKNOWN_FIELD settings.constructor
 */
export function checkSettings(
  org: Organisation,
  settings: Readonly<Record<string, unknown>>,
): Result<Record<string, unknown>> {
  for (const [key, value] of Object.entries(settings)) {
    const schema = SCHEMAS.get(key);
    if (schema === undefined) return fail('UNKNOWN_FIELD', { field: `settings.${key}` });
    // Checked before the schema: a record schema lets a key named `__proto__` through unseen.
    const inherited = inheritedKey(value, `settings.${key}`);
    if (inherited !== null)
      return fail('INVALID_SETTING', {
        field: inherited,
        value: inherited.split('.').at(-1) ?? '',
        expected: 'a name of its own',
      });
    const r = schema.safeParse(value);
    if (!r.success) {
      const issue = r.error.issues[0];
      const path = [key, ...(issue?.path ?? []).map(String)].join('.');
      return fail('INVALID_SETTING', {
        field: `settings.${path}`,
        value: JSON.stringify(value)?.slice(0, 200) ?? '',
        expected: issue?.message ?? '',
      });
    }
  }
  const candidate: Organisation = { ...org, settings: { ...settings } };
  for (const read of READERS) {
    const r = read(candidate);
    if (!r.ok) return r;
  }
  return ok({ ...settings });
}
