import type { SourceRef } from '../../core/forecast/index.js';
import { hasMessage, type Locale, translate } from '../../i18n/index.js';

const HISTORY = /^(.*)_(CUSTOMER_HISTORY|PORTFOLIO_HISTORY)$/;

/** The words of a receipt spread over its likely dates: its share in this period, or its middle date. */
export function spreadReasonCode(data: Readonly<Record<string, unknown>>): string | null {
  if (typeof data.parts !== 'number' || data.parts < 2) return null;
  if (typeof data.partPct === 'number') return data.period === 'month' ? 'SPREAD_MONTH' : 'SPREAD_WEEK';
  return 'SPREAD_PARTS';
}

/**
 * Why a forecast item is where it is, in words: the reason's head, whose payment history it read,
 * how a receipt spread over several likely dates falls in this period, and the credit-risk
 * adjustment when one was taken (DOMAIN 2.5 rule 10).
 *
 * @example
 * forecastReasonText({ reason: 'INSOLVENCY_RECOVERY', reasonData: { since: '2026-11-15', on: '2028-05-08', share: 20 } }, 'zh-CN')
 * // '破产程序中（2026-11-15）：预计 2028-05-08 收回 20 %'
 */
export function forecastReasonText(ref: Pick<SourceRef, 'reason' | 'reasonData'>, locale: Locale): string {
  const data: Record<string, string | number> = { ...ref.reasonData };
  if (typeof data.status === 'string') data.status = translate(`RS_STATUS_${data.status}`, {}, locale);
  const t = (code: string) => translate(`FORECAST_REASON_${code}`, data, locale);
  const parts: string[] = [];
  const match = HISTORY.exec(ref.reason);
  if (hasMessage(`FORECAST_REASON_${ref.reason}`)) parts.push(t(ref.reason));
  else if (match && hasMessage(`FORECAST_REASON_${match[1]}`)) parts.push(t(match[1] as string), t(match[2] as string));
  else parts.push(t(ref.reason));
  const spread = spreadReasonCode(data);
  if (spread !== null) parts.push(t(spread));
  if (typeof data.expectedPct === 'number') parts.push(t('RISK'));
  return parts.join(' · ');
}

/** A forecast line in words ('invoices' → '客户发票回款'). */
export function forecastLineText(key: string, locale: Locale): string {
  return hasMessage(`FORECAST_LINE_${key}`) ? translate(`FORECAST_LINE_${key}`, {}, locale) : key;
}
