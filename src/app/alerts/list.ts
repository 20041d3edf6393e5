import { type AlertLevel, type AlertStatus, levelRank } from '../../core/alerts/index.js';
import type { Db } from '../../db/connection.js';
import { type AlertFilter, loadAlerts, type StoredAlert } from '../../db/stores/alerts.js';
import { getOrganisation } from '../../db/stores/organisations.js';
import { type Locale, translate } from '../../i18n/index.js';
import { wordAlert } from './format.js';

/** An alert as people read it: the stored alert with its reason and action in words. */
export interface AlertView extends StoredAlert {
  readonly reasonText: string;
  readonly actionText: string;
}

export function viewOf(a: StoredAlert, locale: Locale, currency: string): AlertView {
  return { ...a, reasonText: wordAlert(a.reason, locale, currency), actionText: wordAlert(a.action, locale, currency) };
}

const ACTIVE: readonly AlertStatus[] = ['open', 'acknowledged', 'snoozed'];

/**
 * An organisation's alerts, most serious first, then the latest change: by default those not
 * resolved; filters by status, level, rule, customer and assignee.
 *
 * @example
 * const r = await listAlerts(db, { orgId: 'demo', locale: 'en', status: ['open'] });
 */
export async function listAlerts(
  db: Db,
  params: { orgId: string; locale: Locale } & AlertFilter,
): Promise<{ currency: string; alerts: AlertView[] }> {
  const org = await getOrganisation(db, { orgId: params.orgId });
  const currency = org?.baseCurrency ?? 'CNY';
  const rows = await loadAlerts(db, { ...params, status: params.status ?? ACTIVE });
  const alerts = rows
    .sort(
      (a, b) =>
        levelRank(b.level) - levelRank(a.level) ||
        ((b.updatedAt ?? '') < (a.updatedAt ?? '') ? -1 : (b.updatedAt ?? '') > (a.updatedAt ?? '') ? 1 : 0),
    )
    .map((a) => viewOf(a, params.locale, currency));
  return { currency, alerts };
}

/** Alerts as text for the command line: a heading with counts by level, then one row each. */
export function formatAlerts(asOf: string, alerts: readonly AlertView[], locale: Locale): string {
  const t = (code: string, d: Record<string, unknown> = {}) => translate(code, d, locale);
  const count = (l: AlertLevel) => alerts.filter((a) => a.level === l && a.status !== 'resolved').length;
  const open = alerts.filter((a) => a.status !== 'resolved').length;
  const heading = t('ALERT_CLI_HEADING', {
    asOf,
    open,
    critical: count('critical'),
    warning: count('warning'),
    watch: count('watch'),
    info: count('info'),
  });
  if (alerts.length === 0) return `${heading}\n${t('ALERT_CLI_NONE')}`;
  const blocks = alerts.map(
    (a) =>
      `[${t(`ALERT_LEVEL_${a.level}`)} · ${t(`ALERT_STATUS_${a.status}`)}] ${t(`ALERT_RULE_${a.rule}`)}  ${a.id}\n` +
      `  ${a.reasonText}\n  → ${a.actionText}`,
  );
  return [heading, '', ...blocks].join('\n');
}
