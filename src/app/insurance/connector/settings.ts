import { z } from 'zod';
import type { Organisation } from '../../../core/model/index.js';
import { fail, ok, type Result } from '../../../core/shared/index.js';

/** The organisation setting that holds the connector: where the insurer is and how to sign in. */
export const CONNECTOR_SETTING = 'insurance.connector';

/** What the API shows instead of a stored secret; sent back unchanged, it keeps the stored one. */
export const SECRET_MASK = '********';
const SECRET_FIELDS = ['apiKey', 'clientSecret'] as const;

/** A secret as typed in: the mask itself is what the API showed, not a key (nothing stored to keep). */
const secret = () =>
  z
    .string()
    .min(1)
    .max(500)
    .refine((v) => v !== SECRET_MASK, 'the key itself (no key is stored yet to keep)');

export const connectorSettingsSchema = z
  .strictObject({
    provider: z.literal('allianz-trade'),
    baseUrl: z.url({ protocol: /^https?$/ }).max(300),
    /** The insurer's identifier of the policy (Allianz Trade: policyId). */
    policyId: z.string().min(1).max(100),
    /** CashGuard's policy number to write the decisions under (default: the policy in force). */
    policyNumber: z.string().min(1).max(100).optional(),
    apiKey: secret().optional(),
    clientId: z.string().min(1).max(200).optional(),
    clientSecret: secret().optional(),
    timeoutMs: z.int().min(1000).max(120_000).optional(),
    retries: z.int().min(0).max(5).optional(),
    /** The insurer's buyer id → the customer code, for buyers whose registration number is not on file. */
    buyers: z
      .record(z.string().min(1).max(100), z.string().min(1).max(100))
      .refine((t) => Object.keys(t).length <= 10_000, 'at most 10000 buyers')
      .optional(),
  })
  .refine((s) => s.apiKey !== undefined || (s.clientId !== undefined && s.clientSecret !== undefined), {
    message: 'an apiKey, or a clientId with a clientSecret',
    path: ['apiKey'],
  });

export type ConnectorSettings = z.infer<typeof connectorSettingsSchema>;

/**
 * The organisation's connector settings, or why not: `INS_CONNECTOR_NOT_SET` when there are none,
 * `INVALID_SETTING` naming the field when they are wrong (never echoing a secret).
 */
export function readConnectorSettings(org: Pick<Organisation, 'settings'>): Result<ConnectorSettings> {
  const raw = org.settings[CONNECTOR_SETTING];
  if (raw === undefined) return fail('INS_CONNECTOR_NOT_SET', { field: `settings.${CONNECTOR_SETTING}` });
  const r = connectorSettingsSchema.safeParse(raw);
  if (r.success) return ok(r.data);
  const issue = r.error.issues[0];
  const path = [CONNECTOR_SETTING, ...(issue?.path ?? []).map(String)];
  const secret = SECRET_FIELDS.some((f) => path.at(-1) === f);
  return fail('INVALID_SETTING', {
    field: `settings.${path.join('.')}`,
    value: secret ? SECRET_MASK : (JSON.stringify(getAt(raw, path.slice(1)))?.slice(0, 200) ?? ''),
    expected: issue?.message ?? '',
  });
}

function getAt(value: unknown, path: readonly string[]): unknown {
  let v = value;
  for (const k of path) v = typeof v === 'object' && v !== null ? (v as Record<string, unknown>)[k] : undefined;
  return v;
}

function connectorOf(settings: Readonly<Record<string, unknown>>): Record<string, unknown> | null {
  const c = settings[CONNECTOR_SETTING];
  return typeof c === 'object' && c !== null && !Array.isArray(c) ? (c as Record<string, unknown>) : null;
}

/** The settings as the API and the audit log show them: the connector's secrets masked. */
export function maskSecrets(settings: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const c = connectorOf(settings);
  if (c === null) return { ...settings };
  const masked = { ...c };
  for (const f of SECRET_FIELDS) if (typeof masked[f] === 'string') masked[f] = SECRET_MASK;
  return { ...settings, [CONNECTOR_SETTING]: masked };
}

/** New settings with each masked secret replaced by the one stored before (a form sends back what it read). */
export function keepSecrets(
  before: Readonly<Record<string, unknown>>,
  next: Readonly<Record<string, unknown>>,
): Record<string, unknown> {
  const c = connectorOf(next);
  if (c === null) return { ...next };
  const old = connectorOf(before) ?? {};
  const kept = { ...c };
  for (const f of SECRET_FIELDS) if (kept[f] === SECRET_MASK && typeof old[f] === 'string') kept[f] = old[f];
  return { ...next, [CONNECTOR_SETTING]: kept };
}
