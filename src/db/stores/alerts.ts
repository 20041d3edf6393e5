import type {
  Alert,
  AlertLevel,
  AlertRule,
  AlertStatus,
  StoredAlertState,
  Transition,
} from '../../core/alerts/index.js';
import type { Db } from '../connection.js';
import type { Row } from '../schema.js';

/** An alert as stored, with its lifecycle. */
export interface StoredAlert extends StoredAlertState {
  readonly rule: AlertRule;
  readonly customerId: string | null;
  readonly reason: Alert['reason'];
  readonly action: Alert['action'];
  readonly evidence: Alert['evidence'];
  readonly snoozeReason: string | null;
  readonly assignee: string | null;
  readonly raisedAt: string;
  readonly acknowledgedAt: string | null;
  readonly firstSeenOn: string | null;
  readonly lastSeenOn: string | null;
  readonly resolvedAt: string | null;
  readonly updatedAt: string | null;
  readonly escalatedAt: string | null;
}

export interface StoredTransition extends Transition {
  readonly id: string;
  readonly alertId: string;
  readonly at: string;
  readonly asOf: string | null;
  readonly actor: string;
  readonly note: string | null;
}

function toStored(r: Row<'alerts'>): StoredAlert {
  const detail = JSON.parse(r.detail) as Pick<Alert, 'reason' | 'action' | 'evidence'>;
  return {
    id: r.id,
    key: r.dedup_key ?? r.id,
    rule: r.code as AlertRule,
    level: r.level as AlertLevel,
    status: (r.status ?? (r.acknowledged_at ? 'acknowledged' : 'open')) as AlertStatus,
    customerId: r.subject_type === 'customer' ? r.subject_id : null,
    reason: detail.reason ?? { code: r.code, data: {} },
    action: detail.action ?? { code: r.code, data: {} },
    evidence: detail.evidence ?? { data: {}, links: [] },
    snoozedUntil: r.snoozed_until,
    snoozeReason: r.snooze_reason,
    assignee: r.assignee,
    raisedAt: r.raised_at,
    acknowledgedAt: r.acknowledged_at,
    firstSeenOn: r.first_seen_on,
    lastSeenOn: r.last_seen_on,
    resolvedAt: r.resolved_at,
    resolvedBy: r.resolved_by,
    updatedAt: r.updated_at,
    escalatedAt: r.escalated_at,
  };
}

const detailOf = (a: Alert) => JSON.stringify({ reason: a.reason, action: a.action, evidence: a.evidence });

export interface AlertFilter {
  readonly status?: readonly AlertStatus[];
  readonly level?: readonly AlertLevel[];
  readonly rule?: readonly AlertRule[];
  readonly customerId?: string;
  readonly assignee?: string;
  readonly limit?: number;
}

/** An organisation's alerts (filtered), newest change first. Alerts written before 0008 have no key and are left out. */
export async function loadAlerts(db: Db, params: { orgId: string } & AlertFilter): Promise<StoredAlert[]> {
  let q = db.kysely
    .selectFrom('alerts')
    .selectAll()
    .where('org_id', '=', params.orgId)
    .where('dedup_key', 'is not', null);
  if (params.status?.length) q = q.where('status', 'in', [...params.status]);
  if (params.level?.length) q = q.where('level', 'in', [...params.level]);
  if (params.rule?.length) q = q.where('code', 'in', [...params.rule]);
  if (params.customerId !== undefined)
    q = q.where('subject_type', '=', 'customer').where('subject_id', '=', params.customerId);
  if (params.assignee !== undefined) q = q.where('assignee', '=', params.assignee);
  const rows = await q
    .orderBy('updated_at', 'desc')
    .orderBy('id')
    .limit(params.limit ?? 10_000)
    .execute();
  return rows.map(toStored);
}

export async function getAlert(db: Db, params: { orgId: string; id: string }): Promise<StoredAlert | null> {
  const row = await db.kysely
    .selectFrom('alerts')
    .selectAll()
    .where('org_id', '=', params.orgId)
    .where('id', '=', params.id)
    .executeTakeFirst();
  return row && row.dedup_key !== null ? toStored(row) : null;
}

export async function insertAlert(
  db: Db,
  params: { orgId: string; id: string; alert: Alert; asOf: string; at: string },
): Promise<void> {
  const a = params.alert;
  await db.kysely
    .insertInto('alerts')
    .values({
      org_id: params.orgId,
      id: params.id,
      code: a.rule,
      level: a.level,
      subject_type: a.customerId === null ? 'organisation' : 'customer',
      subject_id: a.customerId,
      raised_at: params.at,
      detail: detailOf(a),
      acknowledged_at: null,
      dedup_key: a.key,
      status: 'open',
      snoozed_until: null,
      snooze_reason: null,
      assignee: null,
      first_seen_on: params.asOf,
      last_seen_on: params.asOf,
      resolved_at: null,
      resolved_by: null,
      updated_at: params.at,
      escalated_at: null,
    })
    .execute();
}

/** The alert seen again on `asOf`: evidence, level and status refreshed. */
export async function refreshAlert(
  db: Db,
  params: {
    orgId: string;
    id: string;
    alert: Alert;
    status: AlertStatus;
    asOf: string;
    at: string;
    isChanged: boolean;
  },
): Promise<void> {
  const a = params.alert;
  await db.kysely
    .updateTable('alerts')
    .set({
      code: a.rule,
      level: a.level,
      detail: detailOf(a),
      status: params.status,
      last_seen_on: params.asOf,
      ...(params.status === 'open'
        ? { snoozed_until: null, snooze_reason: null, resolved_at: null, resolved_by: null }
        : {}),
      // Opened again (reopened, escalated, woke): a critical one left open may be sent again later.
      ...(params.status === 'open' && params.isChanged ? { escalated_at: null } : {}),
      ...(params.isChanged ? { updated_at: params.at } : {}),
    })
    .where('org_id', '=', params.orgId)
    .where('id', '=', params.id)
    .execute();
}

/** A status change made by a person or by the system (acknowledge, snooze, assign, resolve). */
export async function setAlertStatus(
  db: Db,
  params: {
    orgId: string;
    id: string;
    status: AlertStatus;
    at: string;
    actor: string;
    snooze?: { until: string; reason: string };
    assignee?: string | null;
  },
): Promise<void> {
  await db.kysely
    .updateTable('alerts')
    .set({
      status: params.status,
      updated_at: params.at,
      ...(params.status === 'acknowledged' ? { acknowledged_at: params.at } : {}),
      ...(params.status === 'resolved' ? { resolved_at: params.at, resolved_by: params.actor } : {}),
      ...(params.snooze ? { snoozed_until: params.snooze.until, snooze_reason: params.snooze.reason } : {}),
      ...(params.assignee !== undefined ? { assignee: params.assignee } : {}),
    })
    .where('org_id', '=', params.orgId)
    .where('id', '=', params.id)
    .execute();
}

/** Writes one change of an alert and answers its ordinal in the alert's history. */
export async function insertTransition(
  db: Db,
  params: { orgId: string; t: Omit<StoredTransition, 'alertId'> & { alertId: string } },
): Promise<number> {
  const t = params.t;
  const last = await db.kysely
    .selectFrom('alert_transitions')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .where('org_id', '=', params.orgId)
    .where('alert_id', '=', t.alertId)
    .executeTakeFirst();
  const seq = Number(last?.seq ?? 0) + 1;
  await db.kysely
    .insertInto('alert_transitions')
    .values({
      org_id: params.orgId,
      id: t.id,
      alert_id: t.alertId,
      seq,
      at: t.at,
      as_of: t.asOf,
      action: t.action,
      from_status: t.from,
      to_status: t.to,
      level: t.level,
      actor: t.actor,
      note: t.note,
    })
    .execute();
  return seq;
}

/** An alert's history, in the order it happened. The caller holds the transaction that writes it. */
export async function loadTransitions(db: Db, params: { orgId: string; alertId: string }): Promise<StoredTransition[]> {
  const rows = await db.kysely
    .selectFrom('alert_transitions')
    .selectAll()
    .where('org_id', '=', params.orgId)
    .where('alert_id', '=', params.alertId)
    .orderBy('seq')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    alertId: r.alert_id,
    at: r.at,
    asOf: r.as_of,
    action: r.action as StoredTransition['action'],
    from: r.from_status as AlertStatus | null,
    to: r.to_status as AlertStatus,
    level: r.level as AlertLevel,
    actor: r.actor,
    note: r.note,
  }));
}

/** A notification waiting to be sent, or sent. */
export interface OutboxRow {
  readonly id: string;
  readonly alertId: string;
  readonly seq: number;
  readonly channel: string;
  readonly payload: string;
  readonly status: 'pending' | 'sending' | 'sent' | 'failed';
  readonly attempts: number;
  readonly nextAttemptAt: string;
  readonly sentAt: string | null;
  readonly lastError: string | null;
}

/** Queues a notification; the same alert, change and channel a second time is ignored (answers false). */
export async function enqueueNotification(
  db: Db,
  params: { orgId: string; id: string; alertId: string; seq: number; channel: string; payload: string; at: string },
): Promise<boolean> {
  const r = await db.kysely
    .insertInto('alert_outbox')
    .values({
      org_id: params.orgId,
      id: params.id,
      alert_id: params.alertId,
      seq: params.seq,
      channel: params.channel,
      payload: params.payload,
      status: 'pending',
      attempts: 0,
      next_attempt_at: params.at,
      sent_at: null,
      last_error: null,
      created_at: params.at,
    })
    .onConflict((oc) => oc.columns(['org_id', 'alert_id', 'seq', 'channel']).doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** Notifications due to be sent at `now`, oldest first. */
export async function loadDueNotifications(
  db: Db,
  params: { orgId: string; now: string; limit?: number },
): Promise<OutboxRow[]> {
  const rows = await db.kysely
    .selectFrom('alert_outbox')
    .selectAll()
    .where('org_id', '=', params.orgId)
    .where('status', '=', 'pending')
    .where('next_attempt_at', '<=', params.now)
    .orderBy('created_at')
    .orderBy('id')
    .limit(params.limit ?? 500)
    .execute();
  return rows.map(toOutbox);
}

export async function loadOutbox(db: Db, params: { orgId: string }): Promise<OutboxRow[]> {
  const rows = await db.kysely
    .selectFrom('alert_outbox')
    .selectAll()
    .where('org_id', '=', params.orgId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map(toOutbox);
}

function toOutbox(r: Row<'alert_outbox'>): OutboxRow {
  return {
    id: r.id,
    alertId: r.alert_id,
    seq: Number(r.seq),
    channel: r.channel,
    payload: r.payload,
    status: r.status as OutboxRow['status'],
    attempts: Number(r.attempts),
    nextAttemptAt: r.next_attempt_at,
    sentAt: r.sent_at,
    lastError: r.last_error,
  };
}

/**
 * Claims a pending notification for sending (pending → sending, one more attempt), so no other
 * sender and no later run sends it too. Answers false when someone else has it.
 */
export async function claimNotification(db: Db, params: { orgId: string; id: string; at: string }): Promise<boolean> {
  const r = await db.kysely
    .updateTable('alert_outbox')
    .set((eb) => ({ status: 'sending', attempts: eb('attempts', '+', 1), next_attempt_at: params.at }))
    .where('org_id', '=', params.orgId)
    .where('id', '=', params.id)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** The outcome of a claimed send: sent, or failed with the next attempt's time (null: given up). */
export async function finishNotification(
  db: Db,
  params: { orgId: string; id: string; at: string; error: string | null; nextAttemptAt: string | null },
): Promise<void> {
  await db.kysely
    .updateTable('alert_outbox')
    .set(
      params.error === null
        ? { status: 'sent', sent_at: params.at, last_error: null }
        : {
            status: params.nextAttemptAt === null ? 'failed' : 'pending',
            next_attempt_at: params.nextAttemptAt ?? params.at,
            last_error: params.error.slice(0, 500),
          },
    )
    .where('org_id', '=', params.orgId)
    .where('id', '=', params.id)
    .where('status', '=', 'sending')
    .execute();
}

/**
 * Sends claimed before `before` and never confirmed (the process stopped during the send): marked
 * failed, not sent again, since the receiver may have it already. Answers how many.
 */
export async function abandonUnconfirmed(db: Db, params: { orgId: string; before: string }): Promise<number> {
  const r = await db.kysely
    .updateTable('alert_outbox')
    .set({ status: 'failed', last_error: 'stopped during the send: not sent again (the receiver may have it)' })
    .where('org_id', '=', params.orgId)
    .where('status', '=', 'sending')
    .where('next_attempt_at', '<', params.before)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** Critical alerts still open (not acknowledged) since before `openSince`, not yet sent again. */
export async function loadUnacknowledgedCritical(
  db: Db,
  params: { orgId: string; openSince: string },
): Promise<StoredAlert[]> {
  const rows = await db.kysely
    .selectFrom('alerts')
    .selectAll()
    .where('org_id', '=', params.orgId)
    .where('dedup_key', 'is not', null)
    .where('level', '=', 'critical')
    .where('status', '=', 'open')
    .where('escalated_at', 'is', null)
    .where('updated_at', '<', params.openSince)
    .execute();
  return rows.map(toStored);
}

export async function markEscalated(db: Db, params: { orgId: string; id: string; at: string }): Promise<void> {
  await db.kysely
    .updateTable('alerts')
    .set({ escalated_at: params.at })
    .where('org_id', '=', params.orgId)
    .where('id', '=', params.id)
    .execute();
}
