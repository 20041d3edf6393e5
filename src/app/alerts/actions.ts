import { randomUUID } from 'node:crypto';
import { type AlertAction, nextStatus } from '../../core/alerts/index.js';
import { fail, ok, type Result } from '../../core/shared/index.js';
import { isLocalDate } from '../../core/time/index.js';
import type { Db } from '../../db/connection.js';
import {
  getAlert,
  insertTransition,
  loadTransitions,
  type StoredAlert,
  type StoredTransition,
  setAlertStatus,
} from '../../db/stores/alerts.js';
import { withTransaction } from '../../db/transaction.js';
import type { Clock } from '../clock.js';

export interface AlertActionParams {
  readonly orgId: string;
  readonly id: string;
  readonly action: AlertAction;
  /** Who acts (a user id, or 'cli:name'): kept in the history. */
  readonly actor: string;
  readonly clock: Clock;
  /** Snooze: the last day it stays quiet, and why (both required). */
  readonly until?: string;
  readonly reason?: string;
  /** Assign: who takes it (null to leave it unassigned). */
  readonly assignee?: string | null;
  /** Any action: a note for the history. */
  readonly note?: string;
}

const MAX_TEXT = 500;

function checkParams(p: AlertActionParams, today: string): Result<null> {
  if (p.action === 'snooze') {
    if (p.until === undefined || !isLocalDate(p.until) || p.until < today)
      return fail('VALIDATION_FAILED', {
        field: 'until',
        value: p.until ?? '',
        expected: `a date YYYY-MM-DD from ${today}`,
      });
    if (!p.reason?.trim() || p.reason.length > MAX_TEXT)
      return fail('VALIDATION_FAILED', {
        field: 'reason',
        value: p.reason ?? '',
        expected: 'why it is snoozed (1-500 characters)',
      });
  }
  if (p.action === 'assign' && p.assignee !== null && (!p.assignee?.trim() || p.assignee.length > 200))
    return fail('VALIDATION_FAILED', {
      field: 'assignee',
      value: p.assignee ?? '',
      expected: 'who takes it (1-200 characters), or null',
    });
  if (p.note !== undefined && p.note.length > MAX_TEXT)
    return fail('VALIDATION_FAILED', { field: 'note', value: p.note.slice(0, 50), expected: 'at most 500 characters' });
  return ok(null);
}

/**
 * A person acts on an alert: acknowledge (open only), snooze until a date with a reason, assign,
 * or resolve. The status change and its history entry are one transaction; an action the status
 * does not allow is `ALERT_TRANSITION_INVALID`, an alert of another organisation `ALERT_NOT_FOUND`.
 *
 * @example
 * await actOnAlert(db, { orgId, id, action: 'snooze', until: '2026-12-15', reason: 'promised to pay Friday', actor, clock });
 */
export async function actOnAlert(db: Db, p: AlertActionParams): Promise<Result<StoredAlert>> {
  const checked = checkParams(p, p.clock.today());
  if (!checked.ok) return checked;
  return withTransaction(db, async (tx) => {
    const alert = await getAlert(tx, { orgId: p.orgId, id: p.id });
    if (!alert) return fail('ALERT_NOT_FOUND', {});
    const to = nextStatus(alert.status, p.action);
    if (to === null) return fail('ALERT_TRANSITION_INVALID', { status: alert.status, action: p.action });
    const at = p.clock.now().toISOString();
    await setAlertStatus(tx, {
      orgId: p.orgId,
      id: p.id,
      status: to,
      at,
      actor: p.actor,
      ...(p.action === 'snooze' ? { snooze: { until: p.until as string, reason: p.reason as string } } : {}),
      ...(p.action === 'assign' ? { assignee: p.assignee ?? null } : {}),
    });
    const note =
      p.action === 'snooze' ? `${p.until}: ${p.reason}` : p.action === 'assign' ? (p.assignee ?? null) : null;
    await insertTransition(tx, {
      orgId: p.orgId,
      t: {
        id: randomUUID(),
        alertId: p.id,
        at,
        asOf: null,
        action:
          p.action === 'acknowledge'
            ? 'acknowledged'
            : p.action === 'snooze'
              ? 'snoozed'
              : p.action === 'assign'
                ? 'assigned'
                : 'resolved',
        from: alert.status,
        to,
        level: alert.level,
        actor: p.actor,
        note: [note, p.note].filter(Boolean).join(' · ') || null,
      },
    });
    const after = await getAlert(tx, { orgId: p.orgId, id: p.id });
    return after ? ok(after) : fail('ALERT_NOT_FOUND', {});
  });
}

/** One alert with its history, oldest change first. */
export async function getAlertDetail(
  db: Db,
  params: { orgId: string; id: string },
): Promise<Result<StoredAlert & { history: StoredTransition[] }>> {
  const alert = await getAlert(db, params);
  if (!alert) return fail('ALERT_NOT_FOUND', {});
  return ok({ ...alert, history: await loadTransitions(db, { orgId: params.orgId, alertId: params.id }) });
}
