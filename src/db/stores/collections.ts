import type { Db } from '../connection.js';

/** A dispute as stored (migration 0009), in domain field names. */
export interface StoredDispute {
  readonly id: string;
  readonly customerId: string;
  readonly invoiceId: string;
  readonly reason: string;
  readonly amountMinor: number;
  readonly currency: string;
  readonly owner: string;
  readonly openedOn: string;
  readonly resolvedOn: string | null;
  readonly resolution: string | null;
  readonly note: string | null;
  readonly recordedBy: string;
  readonly recordedAt: string;
}

const toDispute = (r: {
  id: string;
  customer_id: string;
  invoice_id: string;
  reason: string;
  amount_minor: number | string;
  currency: string;
  owner: string;
  opened_on: string;
  resolved_on: string | null;
  resolution: string | null;
  note: string | null;
  recorded_by: string;
  recorded_at: string;
}): StoredDispute => ({
  id: r.id,
  customerId: r.customer_id,
  invoiceId: r.invoice_id,
  reason: r.reason,
  amountMinor: Number(r.amount_minor),
  currency: r.currency.trim(),
  owner: r.owner,
  openedOn: r.opened_on,
  resolvedOn: r.resolved_on,
  resolution: r.resolution,
  note: r.note,
  recordedBy: r.recorded_by,
  recordedAt: r.recorded_at,
});

/** The invoice's customer and currency, or null when the organisation has no such invoice. */
export async function findInvoiceForDispute(db: Db, p: { orgId: string; invoiceId: string }) {
  const row = await db.kysely
    .selectFrom('invoices')
    .select(['id', 'customer_id', 'currency', 'number'])
    .where('org_id', '=', p.orgId)
    .where('id', '=', p.invoiceId)
    .executeTakeFirst();
  return row ? { id: row.id, customerId: row.customer_id, currency: row.currency.trim(), number: row.number } : null;
}

export async function insertDispute(db: Db, orgId: string, d: StoredDispute): Promise<void> {
  await db.kysely
    .insertInto('disputes')
    .values({
      org_id: orgId,
      id: d.id,
      customer_id: d.customerId,
      invoice_id: d.invoiceId,
      reason: d.reason,
      amount_minor: d.amountMinor,
      currency: d.currency,
      owner: d.owner,
      opened_on: d.openedOn,
      resolved_on: d.resolvedOn,
      resolution: d.resolution,
      note: d.note,
      recorded_by: d.recordedBy,
      recorded_at: d.recordedAt,
    })
    .execute();
}

export async function resolveDisputeRow(
  db: Db,
  p: { orgId: string; id: string; resolvedOn: string; resolution: string; note: string | null },
): Promise<void> {
  await db.kysely
    .updateTable('disputes')
    .set({ resolved_on: p.resolvedOn, resolution: p.resolution, ...(p.note === null ? {} : { note: p.note }) })
    .where('org_id', '=', p.orgId)
    .where('id', '=', p.id)
    .execute();
}

/** Marks the invoice disputed or not: the ledger's one flag every figure reads. */
export async function setInvoiceDisputed(db: Db, p: { orgId: string; invoiceId: string; isDisputed: boolean }) {
  await db.kysely
    .updateTable('invoices')
    .set({ is_disputed: p.isDisputed ? 1 : 0 })
    .where('org_id', '=', p.orgId)
    .where('id', '=', p.invoiceId)
    .execute();
}

export async function listDisputes(
  db: Db,
  p: { orgId: string; customerId?: string; invoiceId?: string; id?: string },
): Promise<StoredDispute[]> {
  let q = db.kysely.selectFrom('disputes').selectAll().where('org_id', '=', p.orgId);
  if (p.customerId !== undefined) q = q.where('customer_id', '=', p.customerId);
  if (p.invoiceId !== undefined) q = q.where('invoice_id', '=', p.invoiceId);
  if (p.id !== undefined) q = q.where('id', '=', p.id);
  const rows = await q.orderBy('opened_on').orderBy('id').execute();
  return rows.map(toDispute);
}

/** What the worklist reads besides the ledger: promises, plans with instalments, customer terms, done stages. */
export async function loadCollectionsRecords(db: Db, orgId: string) {
  const q = db.kysely;
  const [promises, plans, instalments, terms, actions] = await Promise.all([
    q.selectFrom('promises_to_pay').selectAll().where('org_id', '=', orgId).orderBy('made_on').orderBy('id').execute(),
    q.selectFrom('payment_plans').selectAll().where('org_id', '=', orgId).orderBy('agreed_on').orderBy('id').execute(),
    q.selectFrom('payment_plan_instalments').selectAll().where('org_id', '=', orgId).orderBy('due_on').execute(),
    q.selectFrom('customer_dunning_terms').selectAll().where('org_id', '=', orgId).execute(),
    q
      .selectFrom('dunning_actions')
      .select(['customer_id', 'invoice_id', 'stage', 'done_at'])
      .where('org_id', '=', orgId)
      .where('done_at', 'is not', null)
      .execute(),
  ]);
  return {
    promises: promises.map((r) => ({
      id: r.id,
      customerId: r.customer_id,
      invoiceId: r.invoice_id,
      amountMinor: Number(r.amount_minor),
      currency: r.currency.trim(),
      madeOn: r.made_on,
      promisedOn: r.promised_on,
    })),
    plans: plans.map((r) => ({
      id: r.id,
      customerId: r.customer_id,
      currency: r.currency.trim(),
      totalMinor: Number(r.total_minor),
      agreedOn: r.agreed_on,
      instalments: instalments
        .filter((i) => i.plan_id === r.id)
        .map((i) => ({ dueOn: i.due_on, amountMinor: Number(i.amount_minor) })),
    })),
    terms: terms.map((r) => ({
      customerId: r.customer_id,
      isVip: Number(r.is_vip) === 1,
      pausedUntil: r.paused_until,
      pauseReason: r.pause_reason,
    })),
    doneStages: actions.map((r) => ({
      customerId: r.customer_id,
      invoiceId: r.invoice_id,
      stage: Number(r.stage),
      doneAt: String(r.done_at),
    })),
  };
}

/** The customers' names and e-mail addresses, by id. */
export async function loadCustomerContacts(db: Db, p: { orgId: string; ids: readonly string[] }) {
  if (p.ids.length === 0) return new Map<string, { code: string; name: string; email: string | null }>();
  const rows = await db.kysely
    .selectFrom('customers')
    .select(['id', 'code', 'name', 'email'])
    .where('org_id', '=', p.orgId)
    .where('id', 'in', [...p.ids])
    .execute();
  return new Map(rows.map((r) => [r.id, { code: r.code, name: r.name, email: r.email }]));
}

/** The organisation's bank accounts (for payment instructions), oldest id first. */
export async function loadReceivingAccounts(db: Db, orgId: string) {
  const rows = await db.kysely
    .selectFrom('bank_accounts')
    .select(['id', 'name', 'bank_name', 'account_no', 'currency'])
    .where('org_id', '=', orgId)
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    bankName: r.bank_name,
    accountNo: r.account_no,
    currency: r.currency.trim(),
  }));
}

/** A dunning message's contact-log row per invoice (channel 'email'); done_at null while it is being sent. */
export interface MessageLogRow {
  readonly id: string;
  readonly customerId: string;
  readonly invoiceId: string;
  readonly stage: number;
  readonly action: string;
  readonly plannedOn: string;
  readonly notes: string;
}

/** The (customer, stage, invoice) triples already e-mailed or being e-mailed, as 'customer|stage|invoice'. */
export async function loadEmailedStages(db: Db, orgId: string): Promise<Set<string>> {
  const rows = await db.kysely
    .selectFrom('dunning_actions')
    .select(['customer_id', 'invoice_id', 'stage'])
    .where('org_id', '=', orgId)
    .where('channel', '=', 'email')
    .execute();
  return new Set(rows.map((r) => `${r.customer_id}|${Number(r.stage)}|${r.invoice_id ?? ''}`));
}

export async function insertMessageLog(db: Db, orgId: string, rows: readonly MessageLogRow[]): Promise<void> {
  if (rows.length === 0) return;
  await db.kysely
    .insertInto('dunning_actions')
    .values(
      rows.map((r) => ({
        org_id: orgId,
        id: r.id,
        customer_id: r.customerId,
        invoice_id: r.invoiceId,
        stage: r.stage,
        action: r.action,
        planned_on: r.plannedOn,
        done_at: null,
        channel: 'email',
        promised_on: null,
        notes: r.notes,
      })),
    )
    .execute();
}

/** Marks a message's rows sent (done at `doneAt`), or removes them when the server refused it. */
export async function settleMessageLog(
  db: Db,
  p: { orgId: string; ids: readonly string[]; doneAt: string | null; notes: string },
): Promise<void> {
  if (p.ids.length === 0) return;
  const q = db.kysely;
  if (p.doneAt === null)
    await q
      .deleteFrom('dunning_actions')
      .where('org_id', '=', p.orgId)
      .where('id', 'in', [...p.ids])
      .execute();
  else
    await q
      .updateTable('dunning_actions')
      .set({ done_at: p.doneAt, notes: p.notes })
      .where('org_id', '=', p.orgId)
      .where('id', 'in', [...p.ids])
      .execute();
}

/** Invoices of the organisation by number or id (optionally one customer's), with what a promise or a dispute needs. */
export async function findInvoicesByNumber(
  db: Db,
  p: { orgId: string; customerId?: string; numbers: readonly string[] },
) {
  if (p.numbers.length === 0) return [];
  let q = db.kysely
    .selectFrom('invoices')
    .select(['id', 'customer_id', 'number', 'currency', 'amount_minor', 'due_on'])
    .where('org_id', '=', p.orgId)
    .where((eb) => eb.or([eb('number', 'in', [...p.numbers]), eb('id', 'in', [...p.numbers])]));
  if (p.customerId !== undefined) q = q.where('customer_id', '=', p.customerId);
  const rows = await q.orderBy('due_on').orderBy('number').execute();
  return rows.map((r) => ({
    id: r.id,
    customerId: r.customer_id,
    number: r.number,
    currency: r.currency.trim(),
    amountMinor: Number(r.amount_minor),
    dueOn: r.due_on,
  }));
}

/** The highest ladder stage done for a customer (0 when none is recorded). */
export async function loadLastStageDone(db: Db, p: { orgId: string; customerId: string }): Promise<number> {
  const row = await db.kysely
    .selectFrom('dunning_actions')
    .select((eb) => eb.fn.max('stage').as('stage'))
    .where('org_id', '=', p.orgId)
    .where('customer_id', '=', p.customerId)
    .where('done_at', 'is not', null)
    .executeTakeFirst();
  return row?.stage === null || row?.stage === undefined ? 0 : Number(row.stage);
}

/** Everything the collections records hold about one customer, for its timeline. */
export async function loadCustomerTimelineRows(db: Db, p: { orgId: string; customerId: string }) {
  const q = db.kysely;
  const [actions, promises, disputes, plans, instalments, invoices] = await Promise.all([
    q
      .selectFrom('dunning_actions')
      .selectAll()
      .where('org_id', '=', p.orgId)
      .where('customer_id', '=', p.customerId)
      .execute(),
    q
      .selectFrom('promises_to_pay')
      .selectAll()
      .where('org_id', '=', p.orgId)
      .where('customer_id', '=', p.customerId)
      .execute(),
    listDisputes(db, p),
    q
      .selectFrom('payment_plans')
      .selectAll()
      .where('org_id', '=', p.orgId)
      .where('customer_id', '=', p.customerId)
      .execute(),
    q
      .selectFrom('payment_plan_instalments as i')
      .innerJoin('payment_plans as pl', 'pl.id', 'i.plan_id')
      .select(['i.plan_id', 'i.due_on', 'i.amount_minor', 'pl.currency'])
      .where('i.org_id', '=', p.orgId)
      .where('pl.customer_id', '=', p.customerId)
      .execute(),
    q
      .selectFrom('invoices')
      .select(['id', 'number'])
      .where('org_id', '=', p.orgId)
      .where('customer_id', '=', p.customerId)
      .execute(),
  ]);
  return {
    actions: actions.map((r) => ({
      id: r.id,
      invoiceId: r.invoice_id,
      stage: Number(r.stage),
      action: r.action,
      plannedOn: r.planned_on,
      doneAt: r.done_at,
      channel: r.channel,
      notes: r.notes,
    })),
    promises: promises.map((r) => ({
      id: r.id,
      invoiceId: r.invoice_id,
      amountMinor: Number(r.amount_minor),
      currency: r.currency.trim(),
      madeOn: r.made_on,
      promisedOn: r.promised_on,
      note: r.note,
      recordedBy: r.recorded_by,
    })),
    disputes,
    plans: plans.map((r) => ({
      id: r.id,
      currency: r.currency.trim(),
      totalMinor: Number(r.total_minor),
      agreedOn: r.agreed_on,
      note: r.note,
      recordedBy: r.recorded_by,
    })),
    instalments: instalments.map((r) => ({
      planId: r.plan_id,
      dueOn: r.due_on,
      amountMinor: Number(r.amount_minor),
      currency: r.currency.trim(),
    })),
    invoiceNumbers: new Map(invoices.map((r) => [r.id, r.number])),
  };
}
