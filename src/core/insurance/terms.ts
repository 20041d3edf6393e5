import { DEFAULT_POLICY_TERMS, type PolicyTerms } from '../model/index.js';
import { fail, ok, type Result } from '../shared/index.js';

/**
 * Sinosure mode (DOMAIN 1.5 rule 9): the Chinese names a 保单明细表 uses for the terms, mapped to
 * the one field each sets. A policy's terms may be written with either name.
 */
export const SINOSURE_TERM_NAMES: Readonly<Record<string, keyof PolicyTerms>> = Object.freeze(
  Object.assign(Object.create(null) as Record<string, keyof PolicyTerms>, {
    赔偿比例: 'insuredPctCommercial',
    政治风险赔偿比例: 'insuredPctPolitical',
    拒收赔偿比例: 'insuredPctRejection',
    最低理赔额: 'claimThresholdMinor',
    累计最初损失: 'aggregateFirstLossMinor',
    单一买方最初损失: 'perBuyerExcessMinor',
    最长信用期限: 'maxCreditTermsDays',
    最长延长期限: 'maxExtensionDays',
    可能损失通知期限: 'overdueNotifyDays',
    索赔等待期: 'claimWaitingDays',
    索赔期限: 'claimFilingDays',
    最高赔偿限额: 'maxLiabilityMinor',
    费率: 'premiumRate',
    最低保费: 'minPremiumMinor',
    出运申报期限: 'shipmentDeclarationDays',
  }),
);

type Kind = 'share' | 'days' | 'minor' | 'rate' | 'multiple' | 'boolean';

const KINDS: Readonly<Record<keyof PolicyTerms, Kind>> = {
  insuredPctCommercial: 'share',
  insuredPctPolitical: 'share',
  insuredPctRejection: 'share',
  claimThresholdMinor: 'minor',
  aggregateFirstLossMinor: 'minor',
  perBuyerExcessMinor: 'minor',
  maxCreditTermsDays: 'days',
  maxExtensionDays: 'days',
  overdueNotifyDays: 'days',
  adverseInfoNotifyDays: 'days',
  collectionTransferDays: 'days',
  claimWaitingDays: 'days',
  indemnityPaymentDays: 'days',
  claimFilingDays: 'days',
  maxLiabilityMinor: 'minor',
  maxLiabilityPremiumMultiple: 'multiple',
  premiumRate: 'rate',
  minPremiumMinor: 'minor',
  discretionaryLimitMaxMinor: 'minor',
  includeVat: 'boolean',
  renewalNoticeDays: 'days',
  shipmentDeclarationDays: 'days',
};

const NULLABLE = new Set<keyof PolicyTerms>([
  'maxLiabilityMinor',
  'maxLiabilityPremiumMultiple',
  'minPremiumMinor',
  'discretionaryLimitMaxMinor',
]);

const EXPECTED: Readonly<Record<Kind, string>> = {
  share: 'a share from 0 to 1',
  days: 'whole days, 0 or more',
  minor: 'an amount in minor units, 0 or more',
  rate: 'a rate from 0 to 1',
  multiple: 'a number above 0',
  boolean: 'true or false',
};

function isValid(kind: Kind, v: unknown): boolean {
  if (kind === 'boolean') return typeof v === 'boolean';
  if (typeof v !== 'number' || !Number.isFinite(v)) return false;
  if (kind === 'share' || kind === 'rate') return v >= 0 && v <= 1;
  if (kind === 'multiple') return v > 0;
  return Number.isSafeInteger(v) && v >= 0;
}

/**
 * A policy's terms from their stored form (an object of English field names or Sinosure's Chinese
 * ones); a missing field takes its DOMAIN 1.5 default. A bad value is an error naming the field.
 *
 * @example
 * parsePolicyTerms({ 赔偿比例: 0.8, maxCreditTermsDays: 120 }) // ok({ insuredPctCommercial: 0.8, maxCreditTermsDays: 120, ... })
 */
export function parsePolicyTerms(raw: unknown): Result<PolicyTerms> {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw))
    return fail('INS_BAD_TERMS', { field: 'terms', value: String(raw), expected: 'an object of policy terms' });
  const out: Record<string, unknown> = { ...DEFAULT_POLICY_TERMS };
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    const field = SINOSURE_TERM_NAMES[key] ?? (Object.hasOwn(KINDS, key) ? (key as keyof PolicyTerms) : null);
    if (field === null) return fail('INS_UNKNOWN_TERM', { field: key });
    const kind = KINDS[field];
    if (value === null && NULLABLE.has(field)) out[field] = null;
    else if (isValid(kind, value)) out[field] = value;
    else return fail('INS_BAD_TERM', { field: key, value: String(value), expected: EXPECTED[kind] });
  }
  return ok(out as unknown as PolicyTerms);
}
