import { levelRank } from './evaluate.js';
import type { Alert, AlertLevel } from './types.js';

/** open → acknowledged → snoozed(until, reason) → resolved; any of the first three may be resolved. */
export const ALERT_STATUSES = ['open', 'acknowledged', 'snoozed', 'resolved'] as const;
export type AlertStatus = (typeof ALERT_STATUSES)[number];

/** Who resolves an alert whose condition cleared. */
export const SYSTEM_ACTOR = 'system';

export type TransitionAction =
  | 'raised'
  | 'escalated'
  | 'deescalated'
  | 'reopened'
  | 'woke'
  | 'unacknowledged'
  | 'auto_resolved'
  | 'acknowledged'
  | 'snoozed'
  | 'assigned'
  | 'resolved';

/** What the lifecycle needs of a stored alert. */
export interface StoredAlertState {
  readonly id: string;
  readonly key: string;
  readonly level: AlertLevel;
  readonly status: AlertStatus;
  readonly snoozedUntil: string | null;
  readonly resolvedBy: string | null;
}

export interface Transition {
  readonly action: TransitionAction;
  readonly from: AlertStatus | null;
  readonly to: AlertStatus;
  readonly level: AlertLevel;
}

/** One write an evaluation makes: a new alert, or a stored one seen again or cleared. */
export type ReconcileStep =
  | { readonly kind: 'insert'; readonly alert: Alert; readonly transition: Transition }
  | {
      readonly kind: 'update';
      readonly id: string;
      readonly alert: Alert;
      readonly status: AlertStatus;
      readonly transitions: readonly Transition[];
    }
  | { readonly kind: 'resolve'; readonly id: string; readonly transition: Transition };

/**
 * What an evaluation as of `asOf` changes in the stored alerts (idempotent: the same alerts
 * fired twice give only 'update' steps without transitions the second time):
 *
 * - a key never seen: a new open alert ('raised');
 * - a key stored: the same alert, its evidence and level refreshed. A higher level is 'escalated'
 *   and opens it again if it was acknowledged or snoozed (someone must look again); a lower one is
 *   'deescalated'. A snooze that has run out ('woke') opens it. An alert the system resolved opens
 *   again ('reopened'); one a person resolved stays resolved unless it escalates;
 * - a stored alert not resolved whose key did not fire: its condition cleared ('auto_resolved').
 *
 * @example
 * reconcileAlerts([], [alert], '2026-12-08') // [{ kind: 'insert', alert, transition: { action: 'raised', … } }]
 */
export function reconcileAlerts(
  stored: readonly StoredAlertState[],
  fired: readonly Alert[],
  asOf: string,
): ReconcileStep[] {
  const byKey = new Map(stored.map((s) => [s.key, s]));
  const firedKeys = new Set(fired.map((a) => a.key));
  const steps: ReconcileStep[] = [];
  for (const alert of fired) {
    const s = byKey.get(alert.key);
    if (!s) {
      steps.push({
        kind: 'insert',
        alert,
        transition: { action: 'raised', from: null, to: 'open', level: alert.level },
      });
      continue;
    }
    const up = levelRank(alert.level) - levelRank(s.level);
    const transitions: Transition[] = [];
    let status = s.status;
    const move = (action: TransitionAction, to: AlertStatus) => {
      transitions.push({ action, from: status, to, level: alert.level });
      status = to;
    };
    if (s.status === 'resolved') {
      if (s.resolvedBy === SYSTEM_ACTOR || up > 0) move('reopened', 'open');
    } else if (up > 0) move('escalated', 'open');
    else if (s.status === 'snoozed' && s.snoozedUntil !== null && s.snoozedUntil < asOf) move('woke', 'open');
    if (up < 0 && status !== 'resolved')
      transitions.push({ action: 'deescalated', from: status, to: status, level: alert.level });
    steps.push({ kind: 'update', id: s.id, alert, status, transitions });
  }
  for (const s of stored) {
    if (s.status === 'resolved' || firedKeys.has(s.key)) continue;
    steps.push({
      kind: 'resolve',
      id: s.id,
      transition: { action: 'auto_resolved', from: s.status, to: 'resolved', level: s.level },
    });
  }
  return steps;
}

/** Actions a person takes on an alert. */
export type AlertAction = 'acknowledge' | 'snooze' | 'assign' | 'resolve';

const ALLOWED: Readonly<Record<AlertAction, readonly AlertStatus[]>> = {
  acknowledge: ['open'],
  snooze: ['open', 'acknowledged', 'snoozed'],
  assign: ['open', 'acknowledged', 'snoozed'],
  resolve: ['open', 'acknowledged', 'snoozed'],
};
const TARGET: Readonly<Record<AlertAction, AlertStatus | null>> = {
  acknowledge: 'acknowledged',
  snooze: 'snoozed',
  assign: null,
  resolve: 'resolved',
};

/**
 * The status an action moves an alert to, or null when the action is not allowed from `status`
 * (a resolved alert takes no action; only an open one can be acknowledged). Assigning keeps the
 * status.
 *
 * @example
 * nextStatus('open', 'snooze') // 'snoozed'
 * nextStatus('resolved', 'acknowledge') // null
 */
export function nextStatus(status: AlertStatus, action: AlertAction): AlertStatus | null {
  if (!ALLOWED[action].includes(status)) return null;
  return TARGET[action] ?? status;
}
