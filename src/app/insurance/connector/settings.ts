import { z } from 'zod';
import type { Organisation } from '../../../core/model/index.js';
import { fail, ok, type Result } from '../../../core/shared/index.js';
import { SECRET_MASK } from '../../accounts/secret-settings.js';

/** The organisation setting that holds the connector: where the insurer is and how to sign in. */
export const CONNECTOR_SETTING = 'insurance.connector';

/** The connector's secrets: masked wherever the organisation is shown (src/app/accounts/secret-settings.ts). */
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
