import type { FxOption } from '../../core/fx/index.js';
import {
  LC_CHECKS,
  LC_STATUSES,
  type LcCheck,
  type LcCheckState,
  type LcStatus,
  type LetterOfCredit,
} from '../../core/lc/index.js';
import type { Db } from '../connection.js';
import type { LettersOfCreditTable } from '../schema.js';

/** A credit as stored: the record and the checklist answers a person gave. */
export interface StoredLetterOfCredit {
  readonly lc: LetterOfCredit;
  readonly answers: Readonly<Partial<Record<LcCheck, LcCheckState>>>;
}

const flag = (b: boolean | null): number | null => (b === null ? null : b ? 1 : 0);
const bool = (n: number | null): boolean | null => (n === null ? null : Number(n) === 1);

function toRow(orgId: string, s: StoredLetterOfCredit): LettersOfCreditTable {
  const { lc } = s;
  return {
    org_id: orgId,
    id: lc.id,
    number: lc.number,
    customer_id: lc.customerId,
    invoice_id: lc.invoiceId,
    amount_minor: lc.amountMinor,
    currency: lc.currency,
    issued_on: lc.issuedOn,
    expires_on: lc.expiresOn,
    latest_shipment_on: lc.latestShipmentOn,
    shipped_on: lc.shippedOn,
    presentation_days: lc.presentationDays,
    is_irrevocable: lc.isIrrevocable ? 1 : 0,
    availability: lc.availability,
    usance_days: lc.usanceDays,
    issuing_bank: lc.issuingBank.name,
    issuing_bank_country: lc.issuingBank.country,
    issuing_bank_sound: flag(lc.issuingBank.isSound),
    confirming_bank: lc.confirmingBank?.name ?? null,
    confirming_bank_country: lc.confirmingBank?.country ?? null,
    confirming_bank_sound: lc.confirmingBank ? flag(lc.confirmingBank.isSound) : null,
    presented_on: lc.presentedOn,
    documents_comply: flag(lc.documentsComply),
    status: lc.status,
    checklist: JSON.stringify(s.answers),
  };
}

function answersOf(json: string): Partial<Record<LcCheck, LcCheckState>> {
  const raw = JSON.parse(json) as Record<string, unknown>;
  const out: Partial<Record<LcCheck, LcCheckState>> = {};
  for (const code of LC_CHECKS) {
    const v = raw[code];
    if (v === 'pass' || v === 'flag' || v === 'unknown') out[code] = v;
  }
  return out;
}

function fromRow(r: LettersOfCreditTable): StoredLetterOfCredit {
  const status = (LC_STATUSES as readonly string[]).includes(r.status) ? (r.status as LcStatus) : 'draft';
  return {
    lc: {
      id: r.id,
      number: r.number,
      customerId: r.customer_id,
      invoiceId: r.invoice_id,
      // PostgreSQL returns bigint as a string.
      amountMinor: Number(r.amount_minor),
      currency: r.currency,
      issuedOn: r.issued_on,
      expiresOn: r.expires_on,
      latestShipmentOn: r.latest_shipment_on,
      shippedOn: r.shipped_on,
      presentationDays: r.presentation_days === null ? null : Number(r.presentation_days),
      isIrrevocable: Number(r.is_irrevocable) === 1,
      availability: r.availability === 'usance' ? 'usance' : 'sight',
      usanceDays: Number(r.usance_days),
      issuingBank: { name: r.issuing_bank, country: r.issuing_bank_country, isSound: bool(r.issuing_bank_sound) },
      confirmingBank:
        r.confirming_bank === null
          ? null
          : { name: r.confirming_bank, country: r.confirming_bank_country, isSound: bool(r.confirming_bank_sound) },
      presentedOn: r.presented_on,
      documentsComply: bool(r.documents_comply),
      status,
    },
    answers: answersOf(r.checklist),
  };
}

/**
 * Adds or replaces a letter of credit of an organisation (keyed by org and id).
 *
 * @example
 * await saveLetterOfCredit(db, { orgId: 'demo', credit: { lc, answers: { irrevocable: 'pass' } } })
 */
export async function saveLetterOfCredit(
  db: Db,
  params: { orgId: string; credit: StoredLetterOfCredit },
): Promise<void> {
  const row = toRow(params.orgId, params.credit);
  await db.kysely.transaction().execute(async (trx) => {
    await trx.deleteFrom('letters_of_credit').where('org_id', '=', params.orgId).where('id', '=', row.id).execute();
    await trx.insertInto('letters_of_credit').values(row).execute();
  });
}

/** The organisation's letters of credit, by expiry then number. */
export async function listLettersOfCredit(
  db: Db,
  params: { orgId: string; customerId?: string },
): Promise<StoredLetterOfCredit[]> {
  let q = db.kysely.selectFrom('letters_of_credit').selectAll().where('org_id', '=', params.orgId);
  if (params.customerId !== undefined) q = q.where('customer_id', '=', params.customerId);
  const rows = await q.orderBy('expires_on').orderBy('number').execute();
  return rows.map(fromRow);
}

/** One letter of credit of the organisation, or null (another organisation's is never found). */
export async function getLetterOfCredit(
  db: Db,
  params: { orgId: string; id: string },
): Promise<StoredLetterOfCredit | null> {
  const row = await db.kysely
    .selectFrom('letters_of_credit')
    .selectAll()
    .where('org_id', '=', params.orgId)
    .where('id', '=', params.id)
    .executeTakeFirst();
  return row ? fromRow(row) : null;
}

/** Deletes one letter of credit of the organisation; whether it existed. */
export async function deleteLetterOfCredit(db: Db, params: { orgId: string; id: string }): Promise<boolean> {
  const r = await db.kysely
    .deleteFrom('letters_of_credit')
    .where('org_id', '=', params.orgId)
    .where('id', '=', params.id)
    .executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

/** Adds a bought FX option. */
export async function insertFxOption(db: Db, params: { orgId: string; option: FxOption }): Promise<void> {
  const o = params.option;
  await db.kysely
    .insertInto('fx_options')
    .values({
      org_id: params.orgId,
      id: o.id,
      trade_on: o.tradeOn,
      expires_on: o.expiresOn,
      type: o.type,
      currency: o.currency,
      notional_minor: o.notionalMinor,
      counter_currency: o.counterCurrency,
      strike: o.strike,
      premium_minor: o.premiumMinor,
      counterparty: o.counterparty,
    })
    .execute();
}

/** The organisation's options expiring on or after `from`, soonest first. */
export async function loadFxOptions(db: Db, params: { orgId: string; from: string }): Promise<FxOption[]> {
  const rows = await db.kysely
    .selectFrom('fx_options')
    .selectAll()
    .where('org_id', '=', params.orgId)
    .where('expires_on', '>=', params.from)
    .orderBy('expires_on')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    tradeOn: r.trade_on,
    expiresOn: r.expires_on,
    type: r.type === 'put' ? 'put' : 'call',
    currency: r.currency,
    notionalMinor: Number(r.notional_minor),
    counterCurrency: r.counter_currency,
    strike: Number(r.strike),
    premiumMinor: Number(r.premium_minor),
    counterparty: r.counterparty,
  }));
}
