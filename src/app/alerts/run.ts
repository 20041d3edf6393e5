import { randomUUID } from 'node:crypto';
import {
  type Alert,
  type AlertChannel,
  type AlertLevel,
  reconcileAlerts,
  SYSTEM_ACTOR,
  shouldNotify,
  type Transition,
} from '../../core/alerts/index.js';
import type { Organisation } from '../../core/model/index.js';
import { fail, ok, type Result } from '../../core/shared/index.js';
import { isLocalDate, type LocalDate } from '../../core/time/index.js';
import type { Db } from '../../db/connection.js';
import {
  enqueueNotification,
  insertAlert,
  insertTransition,
  loadAlerts,
  loadUnacknowledgedCritical,
  markEscalated,
  refreshAlert,
  setAlertStatus,
} from '../../db/stores/alerts.js';
import { getOrganisation } from '../../db/stores/organisations.js';
import { withTransaction } from '../../db/transaction.js';
import type { Locale } from '../../i18n/index.js';
import type { Clock } from '../clock.js';
import { alertChannels } from './channels.js';
import { deliverAlertNotifications } from './deliver.js';
import { alertSettings, evaluateOrganisation } from './evaluate.js';
import { wordAlert } from './format.js';

export interface AlertRunResult {
  readonly asOf: LocalDate;
  readonly currency: string;
  /** Every alert the rules fired this run, most serious first. */
  readonly fired: readonly Alert[];
  readonly raised: number;
  readonly updated: number;
  readonly resolved: number;
  /** Fired alerts by level. */
  readonly byLevel: Readonly<Record<AlertLevel, number>>;
}

/**
 * `alerts.run`: evaluates every rule for an organisation as of `asOf`, then in one transaction
 * raises the new alerts, refreshes those still firing (the same de-duplication key is the same
 * alert, never a second one) and resolves those whose condition cleared, writing every change of
 * status or level to the history. Running it twice changes nothing the second time.
 *
 * @example
 * const r = await runAlerts(db, { orgId: 'demo', asOf: '2026-12-08', clock: systemClock });
 * if (r.ok) r.value.raised; // 31
 */
export async function runAlerts(
  db: Db,
  params: { orgId: string; asOf: LocalDate; clock: Clock },
): Promise<Result<AlertRunResult>> {
  if (!isLocalDate(params.asOf))
    return fail('VALIDATION_FAILED', { field: 'asOf', value: params.asOf, expected: 'YYYY-MM-DD' });
  const org = await getOrganisation(db, { orgId: params.orgId });
  if (!org) return fail('ORGANISATION_NOT_FOUND', { orgId: params.orgId });
  const evaluated = await evaluateOrganisation(db, org, params.asOf);
  if (!evaluated.ok) return evaluated;
  const fired = evaluated.value.alerts;
  const channels = await alertChannels(db, org);
  if (!channels.ok) return channels;
  const at = params.clock.now().toISOString();
  const counts = await withTransaction(db, async (tx) => {
    const stored = await loadAlerts(tx, { orgId: org.id });
    const steps = reconcileAlerts(stored, fired, params.asOf);
    let raised = 0;
    let updated = 0;
    let resolved = 0;
    const record = async (alertId: string, t: Transition, alert: Alert | null) => {
      const seq = await insertTransition(tx, {
        orgId: org.id,
        t: { id: randomUUID(), alertId, at, asOf: params.asOf, actor: SYSTEM_ACTOR, note: null, ...t },
      });
      if (alert)
        await notify(tx, org, channels.value, { alertId, seq, alert, change: t.action, at, asOf: params.asOf });
    };
    for (const step of steps) {
      if (step.kind === 'insert') {
        const id = randomUUID();
        await insertAlert(tx, { orgId: org.id, id, alert: step.alert, asOf: params.asOf, at });
        await record(id, step.transition, step.alert);
        raised++;
      } else if (step.kind === 'update') {
        const isChanged = step.transitions.length > 0;
        await refreshAlert(tx, {
          orgId: org.id,
          id: step.id,
          alert: step.alert,
          status: step.status,
          asOf: params.asOf,
          at,
          isChanged,
        });
        for (const t of step.transitions) await record(step.id, t, step.alert);
        updated++;
      } else {
        await setAlertStatus(tx, { orgId: org.id, id: step.id, status: 'resolved', at, actor: SYSTEM_ACTOR });
        await record(step.id, step.transition, null);
        resolved++;
      }
    }
    return { raised, updated, resolved };
  });
  const byLevel: Record<AlertLevel, number> = { info: 0, watch: 0, warning: 0, critical: 0 };
  for (const a of fired) byLevel[a.level]++;
  return ok({ asOf: params.asOf, currency: evaluated.value.currency, fired, ...counts, byLevel });
}

/**
 * The alerts run that follows an import (issue 18: alerts on every import): after a commit that
 * wrote or changed rows, every rule is evaluated as of today; a dry run, a refused file or a file
 * that changed nothing runs nothing (null).
 *
 * @example
 * const r = await alertsAfterImport(db, report, { orgId, clock: systemClock });
 */
export async function alertsAfterImport(
  db: Db,
  report: { readonly committed: boolean; readonly inserted: number; readonly updated: number },
  params: { orgId: string; clock: Clock },
): Promise<Result<AlertRunResult> | null> {
  if (!report.committed || report.inserted + report.updated === 0) return null;
  const run = await runAlerts(db, { orgId: params.orgId, asOf: params.clock.today(), clock: params.clock });
  if (run.ok) await deliverAlertNotifications(db, { orgId: params.orgId, clock: params.clock });
  return run;
}

/**
 * Queues the notifications of one change of an alert, one per channel that takes it (raised,
 * escalated or reopened at its level or above), worded in the organisation's language. In the
 * run's transaction: the change and its notifications are written together or not at all.
 */
async function notify(
  tx: Db,
  org: Organisation,
  channels: readonly AlertChannel[],
  n: { alertId: string; seq: number; alert: Alert; change: Transition['action']; at: string; asOf: string },
): Promise<void> {
  const targets = channels.filter((c) =>
    shouldNotify({ action: n.change, level: n.alert.level, rule: n.alert.rule }, c),
  );
  if (targets.length === 0) return;
  const orgLocale: Locale = org.locale === 'en' ? 'en' : 'zh-CN';
  // Each receiver reads it in its own language: a member's subscription says which.
  const payloads = new Map<Locale, string>();
  const payloadIn = (locale: Locale) => {
    let payload = payloads.get(locale);
    if (payload === undefined) {
      payload = JSON.stringify({
        organisation: { id: org.id, name: org.name },
        alertId: n.alertId,
        change: n.change,
        level: n.alert.level,
        rule: n.alert.rule,
        customerId: n.alert.customerId,
        key: n.alert.key,
        reason: wordAlert(n.alert.reason, locale, org.baseCurrency),
        action: wordAlert(n.alert.action, locale, org.baseCurrency),
        evidence: n.alert.evidence,
        asOf: n.asOf,
        at: n.at,
        locale,
      });
      payloads.set(locale, payload);
    }
    return payload;
  };
  for (const c of targets)
    await enqueueNotification(tx, {
      orgId: org.id,
      id: randomUUID(),
      alertId: n.alertId,
      seq: n.seq,
      channel: c.id,
      payload: payloadIn(c.locale ?? orgLocale),
      at: n.at,
    });
}

/**
 * Escalation (issue 18): a critical alert still open, not acknowledged, `escalateAfterHours` after
 * it opened is sent again to the channels as 'unacknowledged', once (until it opens again), and the
 * change is kept in its history. Answers how many.
 *
 * @example
 * await escalateUnacknowledged(db, { orgId: 'demo', clock: systemClock }); // 2
 */
export async function escalateUnacknowledged(db: Db, params: { orgId: string; clock: Clock }): Promise<Result<number>> {
  const org = await getOrganisation(db, { orgId: params.orgId });
  if (!org) return fail('ORGANISATION_NOT_FOUND', { orgId: params.orgId });
  const settings = alertSettings(org);
  if (!settings.ok) return settings;
  const channels = await alertChannels(db, org);
  if (!channels.ok) return channels;
  const now = params.clock.now();
  const at = now.toISOString();
  const openSince = new Date(now.getTime() - settings.value.escalateAfterHours * 3_600_000).toISOString();
  return withTransaction(db, async (tx) => {
    const due = await loadUnacknowledgedCritical(tx, { orgId: org.id, openSince });
    for (const a of due) {
      const t: Transition = { action: 'unacknowledged', from: 'open', to: 'open', level: a.level };
      const seq = await insertTransition(tx, {
        orgId: org.id,
        t: { id: randomUUID(), alertId: a.id, at, asOf: null, actor: SYSTEM_ACTOR, note: null, ...t },
      });
      await markEscalated(tx, { orgId: org.id, id: a.id, at });
      const alert: Alert = {
        rule: a.rule,
        level: a.level,
        customerId: a.customerId,
        key: a.key,
        reason: a.reason,
        action: a.action,
        evidence: a.evidence,
      };
      await notify(tx, org, channels.value, {
        alertId: a.id,
        seq,
        alert,
        change: t.action,
        at,
        asOf: a.lastSeenOn ?? '',
      });
    }
    return ok(due.length);
  });
}
