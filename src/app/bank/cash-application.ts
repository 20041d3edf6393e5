import {
  CashApplication,
  type CashApplicationSettings,
  cashApplicationSettings,
  type MatchAllocation,
  type MatchReason,
  type OpenInvoice,
  type PaymentMatch,
  payableCashApplicationSettings,
} from '../../core/cash-application/index.js';
import { validateSettlement } from '../../core/model/index.js';
import { formatMinor, isCurrencyCode } from '../../core/money/index.js';
import { computeOpenBills } from '../../core/position/index.js';
import { computeOpenItems } from '../../core/receivables/index.js';
import { DomainFailure } from '../../core/shared/index.js';
import type { Db } from '../../db/connection.js';
import type { Row } from '../../db/schema.js';
import { listCustomerNames } from '../../db/stores/credit.js';
import { getOrganisation } from '../../db/stores/organisations.js';
import { loadPayablesLedger, loadReceivablesLedger } from '../../db/stores/receivables.js';
import { withTransaction } from '../../db/transaction.js';
import { newId } from '../../import/ids.js';
import { type Clock, systemClock } from '../clock.js';

/** A payment as the report shows it: which line, from whom, how much, to which invoices, and why. */
export interface MatchedPayment {
  /** `receivable`: money in, matched to invoices; `payable`: money out, matched to bills. */
  readonly side: MatchSide;
  readonly lineId: string;
  readonly proposalId: string | null;
  readonly receiptId: string | null;
  /** The payment record an outgoing line became (null for incoming lines). */
  readonly paymentId: string | null;
  /** The bank's reference of the line (else its account and line number): the payment as the bank names it. */
  readonly payment: string;
  readonly bankReference: string | null;
  readonly receivedOn: string;
  readonly amount: string;
  readonly amountMinor: number;
  readonly currency: string;
  /** Who paid (incoming) or was paid (outgoing), as the bank line names them. */
  readonly payer: string | null;
  readonly customerId: string | null;
  readonly supplierId: string | null;
  /** The invoices an incoming line settles (empty for outgoing lines). */
  readonly invoices: ReadonlyArray<{ invoiceId: string; number: string; amount: string; amountMinor: number }>;
  /** The bills an outgoing line settles (empty for incoming lines). */
  readonly bills: ReadonlyArray<{ billId: string; number: string; amount: string; amountMinor: number }>;
  readonly charge: string | null;
  readonly confidence: number;
  readonly reasons: readonly MatchReason[];
}

export type MatchSide = 'receivable' | 'payable';

export interface MatchRunReport {
  readonly asOf: string;
  readonly dryRun: boolean;
  /** Incoming lines looked at (matched to invoices). */
  readonly lines: number;
  /** Outgoing lines looked at (matched to bills). */
  readonly outgoingLines: number;
  readonly applied: readonly MatchedPayment[];
  readonly review: readonly MatchedPayment[];
  readonly unmatched: readonly MatchedPayment[];
}

const show = (minor: number, currency: string) =>
  isCurrencyCode(currency) ? formatMinor(minor, currency) : String(minor);

/** Open invoices as of a date, one row per invoice, from the receivables ledger's open items (the one truth). */
export async function loadOpenInvoices(db: Db, orgId: string, asOf: string): Promise<OpenInvoice[]> {
  const ledger = await loadReceivablesLedger(db, { orgId });
  const byId = new Map<string, OpenInvoice>();
  for (const item of computeOpenItems(ledger, asOf)) {
    const seen = byId.get(item.invoiceId);
    byId.set(item.invoiceId, {
      invoiceId: item.invoiceId,
      number: item.number,
      customerId: item.customerId,
      currency: item.currency,
      openMinor: (seen?.openMinor ?? 0) + item.openMinor,
      issuedOn: item.issuedOn,
      dueOn: seen && seen.dueOn < item.dueOn ? seen.dueOn : item.dueOn,
    });
  }
  return [...byId.values()];
}

/**
 * Open bills as of a date in the matcher's shape (a bill is a document, its supplier the party),
 * from the payables ledger's one definition of what is open (`computeOpenBills`).
 */
export async function loadOpenBillsToMatch(db: Db, orgId: string, asOf: string): Promise<OpenInvoice[]> {
  const ledger = await loadPayablesLedger(db, { orgId });
  return computeOpenBills(ledger, asOf).map((b) => ({
    invoiceId: b.billId,
    number: b.number,
    customerId: b.supplierId,
    currency: b.currency,
    openMinor: b.openMinor,
    issuedOn: b.issuedOn,
    dueOn: b.dueOn,
  }));
}

async function loadPayees(db: Db, orgId: string) {
  const suppliers = await db.kysely
    .selectFrom('suppliers')
    .select(['id', 'code', 'name'])
    .where('org_id', '=', orgId)
    .orderBy('id')
    .execute();
  return suppliers.map((s) => ({ id: s.id, code: s.code, name: s.name, accounts: [] as string[] }));
}

async function loadPayers(db: Db, orgId: string) {
  const [customers, accounts] = await Promise.all([
    listCustomerNames(db, { orgId }),
    db.kysely
      .selectFrom('customer_bank_accounts')
      .select(['customer_id', 'account_no'])
      .where('org_id', '=', orgId)
      .execute(),
  ]);
  const byCustomer = new Map<string, string[]>();
  for (const a of accounts) byCustomer.set(a.customer_id, [...(byCustomer.get(a.customer_id) ?? []), a.account_no]);
  return customers.map((c) => ({ id: c.id, code: c.code, name: c.name, accounts: byCustomer.get(c.id) ?? [] }));
}

async function settingsOf(db: Db, orgId: string): Promise<CashApplicationSettings> {
  const org = await getOrganisation(db, { orgId });
  return cashApplicationSettings(org?.settings.cashApplication);
}

type Line = Row<'bank_statement_lines'>;

function view(
  line: Line,
  m: Pick<PaymentMatch, 'customerId' | 'allocations' | 'chargeMinor' | 'confidence' | 'reasons'>,
  ids: { proposalId: string | null; receiptId: string | null; paymentId?: string | null },
): MatchedPayment {
  const signed = Number(line.amount_minor);
  const side: MatchSide = signed < 0 ? 'payable' : 'receivable';
  const amount = Math.abs(signed);
  const docs = m.allocations.map((a) => ({
    id: a.invoiceId,
    number: a.number,
    amount: show(a.amountMinor, line.currency),
    amountMinor: a.amountMinor,
  }));
  return {
    side,
    lineId: line.id,
    proposalId: ids.proposalId,
    receiptId: ids.receiptId,
    paymentId: ids.paymentId ?? null,
    payment: line.bank_reference ?? `${line.booked_on} #${line.source_line}`,
    bankReference: line.bank_reference,
    receivedOn: line.booked_on,
    amount: show(amount, line.currency),
    amountMinor: amount,
    currency: line.currency,
    payer: line.counterparty_name,
    customerId: side === 'receivable' ? m.customerId : null,
    supplierId: side === 'payable' ? m.customerId : null,
    invoices: side === 'receivable' ? docs.map(({ id, ...d }) => ({ invoiceId: id, ...d })) : [],
    bills: side === 'payable' ? docs.map(({ id, ...d }) => ({ billId: id, ...d })) : [],
    charge: m.chargeMinor > 0 ? show(m.chargeMinor, line.currency) : null,
    confidence: m.confidence,
    reasons: m.reasons.map((r) => {
      const shown = AMOUNT_REASONS.has(r.code) ? { ...r, ...amounts(r, line.currency) } : r;
      return side === 'payable' ? { ...shown, code: PAYABLE_REASONS[shown.code] ?? shown.code } : shown;
    }),
  };
}

/** The engine's reasons in the words of the payable side: bills and the supplier paid, not invoices and payers. */
const PAYABLE_REASONS: Readonly<Record<string, string>> = {
  MATCH_REASON_INVOICE_NUMBER: 'MATCH_REASON_BILL_NUMBER',
  MATCH_REASON_INVOICE_NUMBER_FUZZY: 'MATCH_REASON_BILL_NUMBER_FUZZY',
  MATCH_REASON_AMOUNT_EXACT: 'MATCH_REASON_BILL_AMOUNT_EXACT',
  MATCH_REASON_PARTIAL: 'MATCH_REASON_BILL_PARTIAL',
  MATCH_REASON_OVERPAID: 'MATCH_REASON_BILL_OVERPAID',
  MATCH_REASON_PAYER_NAME: 'MATCH_REASON_PAYEE_NAME',
  MATCH_REASON_PAYER_NAME_VARIANT: 'MATCH_REASON_PAYEE_NAME_VARIANT',
  MATCH_REASON_SEVERAL_INVOICES: 'MATCH_REASON_SEVERAL_BILLS',
  MATCH_REASON_OLDEST_FIRST: 'MATCH_REASON_BILL_OLDEST_FIRST',
  MATCH_REASON_AMBIGUOUS: 'MATCH_REASON_BILL_AMBIGUOUS',
};

/** Reasons whose value and expected are amounts in minor units, shown as decimals. */
const AMOUNT_REASONS = new Set(['MATCH_REASON_CHARGE', 'MATCH_REASON_PARTIAL', 'MATCH_REASON_OVERPAID']);
const amounts = (r: MatchReason, currency: string) => ({
  ...(r.value !== undefined && /^-?\d+$/.test(r.value) ? { value: show(Number(r.value), currency) } : {}),
  ...(r.expected !== undefined && /^-?\d+$/.test(r.expected) ? { expected: show(Number(r.expected), currency) } : {}),
});

/** Writes a receipt's allocations (and a bank charge as a credit note on the last invoice) after the one write check. */
async function applyAllocations(
  tx: Db,
  p: {
    orgId: string;
    line: Line;
    receiptId: string;
    customerId: string;
    allocations: readonly MatchAllocation[];
    chargeMinor: number;
    openOf: (id: string) => { open: number; customerId: string; currency: string } | undefined;
  },
): Promise<void> {
  const amount = Number(p.line.amount_minor);
  const drafts = p.allocations.map((a) => {
    const target = p.openOf(a.invoiceId);
    return {
      amountMinor: a.amountMinor,
      target: {
        reference: a.number,
        partyId: target?.customerId ?? '',
        currency: target?.currency ?? '',
        openMinor: target?.open ?? 0,
      },
    };
  });
  const violations = validateSettlement(
    'receipt',
    { amountMinor: amount, currency: p.line.currency, partyId: p.customerId },
    drafts,
  );
  const last = p.allocations.at(-1);
  const lastOpen = last ? (p.openOf(last.invoiceId)?.open ?? 0) : 0;
  if (violations.length > 0 || (p.chargeMinor > 0 && last && last.amountMinor + p.chargeMinor > lastOpen)) {
    const v = violations[0];
    throw new DomainFailure({
      code: v?.code ?? 'ALLOCATION_EXCEEDS_OPEN',
      details: {
        field: v?.field ?? 'charge',
        value: v?.value ?? String(p.chargeMinor),
        ...(v?.expected ? { expected: v.expected } : {}),
      },
    });
  }
  await tx.kysely
    .updateTable('receipts')
    .set({ customer_id: p.customerId })
    .where('org_id', '=', p.orgId)
    .where('id', '=', p.receiptId)
    .execute();
  for (const a of p.allocations) {
    await tx.kysely
      .insertInto('receipt_allocations')
      .values({ org_id: p.orgId, receipt_id: p.receiptId, invoice_id: a.invoiceId, amount_minor: a.amountMinor })
      .execute();
  }
  if (p.chargeMinor > 0 && last) {
    await tx.kysely
      .insertInto('credit_notes')
      .values({
        org_id: p.orgId,
        id: newId(),
        customer_id: p.customerId,
        number: `CHG-${p.line.bank_reference ?? p.line.id}`.slice(0, 64),
        issued_on: p.line.booked_on,
        currency: p.line.currency,
        amount_minor: p.chargeMinor,
        invoice_id: last.invoiceId,
        reason: 'bank charge',
      })
      .execute();
  }
  if (p.line.counterparty_account) {
    await tx.kysely
      .insertInto('customer_bank_accounts')
      .values({
        org_id: p.orgId,
        customer_id: p.customerId,
        account_no: p.line.counterparty_account.replace(/\s+/g, ''),
        first_seen_on: p.line.booked_on,
      })
      .onConflict((oc) => oc.columns(['org_id', 'account_no']).doNothing())
      .execute();
  }
}

/** Writes an outgoing line's payment allocations to bills after the one write check (ADR 0013). */
async function applyBillAllocations(
  tx: Db,
  p: {
    orgId: string;
    line: Line;
    paymentId: string;
    supplierId: string;
    allocations: readonly MatchAllocation[];
    openOf: (id: string) => { open: number; customerId: string; currency: string } | undefined;
  },
): Promise<void> {
  const drafts = p.allocations.map((a) => {
    const target = p.openOf(a.invoiceId);
    return {
      amountMinor: a.amountMinor,
      target: {
        reference: a.number,
        partyId: target?.customerId ?? '',
        currency: target?.currency ?? '',
        openMinor: target?.open ?? 0,
      },
    };
  });
  const violations = validateSettlement(
    'payment',
    { amountMinor: Math.abs(Number(p.line.amount_minor)), currency: p.line.currency, partyId: p.supplierId },
    drafts,
  );
  const v = violations[0];
  if (v) {
    throw new DomainFailure({
      code: v.code,
      details: { field: v.field, value: v.value, ...(v.expected ? { expected: v.expected } : {}) },
    });
  }
  await tx.kysely
    .updateTable('payments')
    .set({ supplier_id: p.supplierId })
    .where('org_id', '=', p.orgId)
    .where('id', '=', p.paymentId)
    .execute();
  for (const a of p.allocations) {
    await tx.kysely
      .insertInto('payment_allocations')
      .values({ org_id: p.orgId, payment_id: p.paymentId, bill_id: a.invoiceId, amount_minor: a.amountMinor })
      .execute();
  }
}

/** What differs between matching money in to invoices and money out to bills; the engine is one. */
interface SideOps {
  /** The settlement record a line became, if any. */
  readonly docOf: (line: Line) => string | null;
  readonly createDoc: (tx: Db, orgId: string, line: Line) => Promise<string>;
  readonly apply: (
    tx: Db,
    p: {
      orgId: string;
      line: Line;
      docId: string;
      partyId: string;
      allocations: readonly MatchAllocation[];
      chargeMinor: number;
      openOf: (id: string) => { open: number; customerId: string; currency: string } | undefined;
    },
  ) => Promise<void>;
  readonly party: (partyId: string | null) => { customer_id: string | null; supplier_id: string | null };
  readonly ids: (docId: string | null) => { receiptId: string | null; paymentId: string | null };
  readonly lineDoc: (docId: string) => { receipt_id: string } | { payment_id: string };
}

const RECEIVABLE: SideOps = {
  docOf: (line) => line.receipt_id,
  createDoc: async (tx, orgId, line) => {
    const id = newId();
    await tx.kysely
      .insertInto('receipts')
      .values({
        org_id: orgId,
        id,
        number: `BS-${line.booked_on.replace(/-/g, '')}-${line.id.slice(-12)}`,
        customer_id: null,
        received_on: line.booked_on,
        currency: line.currency,
        amount_minor: Number(line.amount_minor),
        reference: line.bank_reference,
        bank_account_id: line.bank_account_id,
        external_id: line.id,
      })
      .execute();
    return id;
  },
  apply: (tx, p) =>
    applyAllocations(tx, {
      orgId: p.orgId,
      line: p.line,
      receiptId: p.docId,
      customerId: p.partyId,
      allocations: p.allocations,
      chargeMinor: p.chargeMinor,
      openOf: p.openOf,
    }),
  party: (id) => ({ customer_id: id, supplier_id: null }),
  ids: (id) => ({ receiptId: id, paymentId: null }),
  lineDoc: (id) => ({ receipt_id: id }),
};

const PAYABLE: SideOps = {
  docOf: (line) => line.payment_id ?? null,
  createDoc: async (tx, orgId, line) => {
    const id = newId();
    await tx.kysely
      .insertInto('payments')
      .values({
        org_id: orgId,
        id,
        number: `BP-${line.booked_on.replace(/-/g, '')}-${line.id.slice(-12)}`,
        supplier_id: null,
        paid_on: line.booked_on,
        currency: line.currency,
        amount_minor: Math.abs(Number(line.amount_minor)),
        reference: line.bank_reference,
        external_id: line.id,
      })
      .execute();
    return id;
  },
  apply: (tx, p) =>
    applyBillAllocations(tx, {
      orgId: p.orgId,
      line: p.line,
      paymentId: p.docId,
      supplierId: p.partyId,
      allocations: p.allocations,
      openOf: p.openOf,
    }),
  party: (id) => ({ customer_id: null, supplier_id: id }),
  ids: (id) => ({ receiptId: null, paymentId: id }),
  lineDoc: (id) => ({ payment_id: id }),
};

/**
 * Runs the engine over one side's lines: each line becomes a receipt (incoming) or a payment
 * (outgoing) keeping its bank reference; sure matches are applied, doubtful ones proposed.
 */
async function matchLines(
  tx: Db,
  params: { orgId: string; asOf: string; dryRun?: boolean },
  lines: readonly Line[],
  documents: readonly OpenInvoice[],
  engine: CashApplication,
  ops: SideOps,
  report: { applied: MatchedPayment[]; review: MatchedPayment[]; unmatched: MatchedPayment[] },
): Promise<void> {
  const info = new Map(documents.map((i) => [i.invoiceId, i]));
  for (const line of lines) {
    const before = new Map<string, number>();
    const refs = JSON.parse(line.refs) as string[];
    const m = engine.match({
      id: line.id,
      amountMinor: Math.abs(Number(line.amount_minor)),
      currency: line.currency,
      receivedOn: line.booked_on,
      payerName: line.counterparty_name,
      payerAccount: line.counterparty_account,
      text: [line.remittance, ...refs].join(' '),
    });
    for (const a of m.allocations)
      before.set(a.invoiceId, (engine.openOf(a.invoiceId) ?? 0) + (m.decision === 'apply' ? a.amountMinor : 0));
    const last = m.allocations.at(-1);
    if (last && m.decision === 'apply' && m.chargeMinor > 0)
      before.set(last.invoiceId, (before.get(last.invoiceId) ?? 0) + m.chargeMinor);
    let docId = ops.docOf(line);
    let proposalId: string | null = null;
    if (!params.dryRun) {
      if (docId === null) docId = await ops.createDoc(tx, params.orgId, line);
      if (m.decision === 'apply' && m.customerId !== null) {
        await ops.apply(tx, {
          orgId: params.orgId,
          line,
          docId,
          partyId: m.customerId,
          allocations: m.allocations,
          chargeMinor: m.chargeMinor,
          openOf: (id) => {
            const i = info.get(id);
            return i ? { open: before.get(id) ?? 0, customerId: i.customerId, currency: i.currency } : undefined;
          },
        });
      } else if (m.decision === 'review') {
        proposalId = newId();
        await tx.kysely
          .insertInto('bank_match_proposals')
          .values({
            org_id: params.orgId,
            id: proposalId,
            line_id: line.id,
            ...ops.party(m.customerId),
            confidence: m.confidence,
            allocations: JSON.stringify(m.allocations),
            charge_minor: m.chargeMinor,
            reasons: JSON.stringify(m.reasons),
            status: 'open',
            proposed_on: params.asOf,
            decided_at: null,
            decided_by: null,
          })
          .execute();
      }
      const status = m.decision === 'apply' ? 'applied' : m.decision === 'review' ? 'review' : 'unmatched';
      await tx.kysely
        .updateTable('bank_statement_lines')
        .set({ match_status: status, ...ops.lineDoc(docId) })
        .where('org_id', '=', params.orgId)
        .where('id', '=', line.id)
        .execute();
    }
    const v = view(line, m, { proposalId, ...ops.ids(docId) });
    (m.decision === 'apply' ? report.applied : m.decision === 'review' ? report.review : report.unmatched).push(v);
  }
}

/**
 * Matches the statement lines not yet matched (booked by `asOf`): incoming lines to open invoices
 * and outgoing lines to open bills, with one engine. Each incoming line becomes a receipt and each
 * outgoing line a payment, keeping its bank reference; sure matches are applied as receipt or
 * payment allocations (a bank charge on a receipt as a credit note), the rest wait in the review
 * queue; everything in one transaction. Outgoing lines never settle receivables.
 */
export async function runCashApplication(
  db: Db,
  params: { orgId: string; asOf: string; dryRun?: boolean },
): Promise<MatchRunReport> {
  const run = async (tx: Db): Promise<MatchRunReport> => {
    const pending = (sign: '>' | '<', statuses: string[]) =>
      tx.kysely
        .selectFrom('bank_statement_lines')
        .selectAll()
        .where('org_id', '=', params.orgId)
        .where('match_status', 'in', statuses)
        .where('amount_minor', sign, 0)
        .where('booked_on', '<=', params.asOf)
        .orderBy('booked_on')
        .orderBy('source_line')
        .execute();
    // An outgoing line is stored as 'outgoing' until it has been looked at against the bills.
    const [incoming, outgoing, invoices, bills, payers, payees, settings] = await Promise.all([
      pending('>', ['new', 'unmatched']),
      pending('<', ['outgoing', 'unmatched']),
      loadOpenInvoices(tx, params.orgId, params.asOf),
      loadOpenBillsToMatch(tx, params.orgId, params.asOf),
      loadPayers(tx, params.orgId),
      loadPayees(tx, params.orgId),
      settingsOf(tx, params.orgId),
    ]);
    const report = {
      asOf: params.asOf,
      dryRun: params.dryRun === true,
      lines: incoming.length,
      outgoingLines: outgoing.length,
      applied: [] as MatchedPayment[],
      review: [] as MatchedPayment[],
      unmatched: [] as MatchedPayment[],
    };
    await matchLines(
      tx,
      params,
      incoming,
      invoices,
      new CashApplication(invoices, payers, settings),
      RECEIVABLE,
      report,
    );
    const billEngine = new CashApplication(bills, payees, payableCashApplicationSettings(settings));
    await matchLines(tx, params, outgoing, bills, billEngine, PAYABLE, report);
    return report;
  };
  return params.dryRun ? run(db) : withTransaction(db, run);
}

/** The review queue: open proposals with their payment and invoices. */
export async function listReviewQueue(db: Db, params: { orgId: string }): Promise<MatchedPayment[]> {
  const rows = await db.kysely
    .selectFrom('bank_match_proposals as p')
    .innerJoin('bank_statement_lines as l', 'l.id', 'p.line_id')
    .selectAll('l')
    .select([
      'p.id as proposal_id',
      'p.customer_id as proposal_customer',
      'p.supplier_id as proposal_supplier',
      'p.allocations',
      'p.charge_minor',
      'p.confidence',
      'p.reasons',
    ])
    .where('p.org_id', '=', params.orgId)
    .where('p.status', '=', 'open')
    .orderBy('l.booked_on')
    .execute();
  return rows.map((r) =>
    view(
      r,
      {
        customerId: r.proposal_customer ?? r.proposal_supplier,
        allocations: JSON.parse(r.allocations) as MatchAllocation[],
        chargeMinor: Number(r.charge_minor),
        confidence: Number(r.confidence),
        reasons: JSON.parse(r.reasons) as MatchReason[],
      },
      { proposalId: r.proposal_id, receiptId: r.receipt_id, paymentId: r.payment_id },
    ),
  );
}

/**
 * Decides a proposal of the review queue: accept it as proposed, accept it with other allocations
 * (a split: invoice numbers and amounts), or reject it (the line stays unmatched and is not
 * proposed again). An accepted one is written like an applied match, after the same checks.
 */
export async function decideProposal(
  db: Db,
  params: {
    orgId: string;
    proposalId: string;
    decision: 'accept' | 'reject' | 'split';
    split?: ReadonlyArray<{ number: string; amountMinor: number }>;
    by: string;
    clock?: Clock;
  },
): Promise<MatchedPayment> {
  const clock = params.clock ?? systemClock;
  return withTransaction(db, async (tx) => {
    const row = await tx.kysely
      .selectFrom('bank_match_proposals as p')
      .innerJoin('bank_statement_lines as l', 'l.id', 'p.line_id')
      .selectAll('l')
      .select([
        'p.id as proposal_id',
        'p.customer_id as proposal_customer',
        'p.supplier_id as proposal_supplier',
        'p.allocations',
        'p.charge_minor',
        'p.confidence',
        'p.reasons',
      ])
      .where('p.org_id', '=', params.orgId)
      .where('p.id', '=', params.proposalId)
      .where('p.status', '=', 'open')
      .executeTakeFirst();
    if (!row) throw new DomainFailure({ code: 'MATCH_PROPOSAL_NOT_FOUND', details: { value: params.proposalId } });
    const isPayable = Number(row.amount_minor) < 0;
    const ops = isPayable ? PAYABLE : RECEIVABLE;
    const decided = { decided_at: clock.now().toISOString(), decided_by: params.by };
    const reasons = JSON.parse(row.reasons) as MatchReason[];
    const ids = { proposalId: row.proposal_id, ...ops.ids(ops.docOf(row)) };
    let allocations = JSON.parse(row.allocations) as MatchAllocation[];
    let charge = Number(row.charge_minor);
    const documents = isPayable
      ? await loadOpenBillsToMatch(tx, params.orgId, clock.today())
      : await loadOpenInvoices(tx, params.orgId, clock.today());
    const byId = new Map(documents.map((i) => [i.invoiceId, i]));
    if (params.decision === 'reject') {
      await tx.kysely
        .updateTable('bank_match_proposals')
        .set({ status: 'rejected', ...decided })
        .where('id', '=', row.proposal_id)
        .execute();
      await tx.kysely
        .updateTable('bank_statement_lines')
        .set({ match_status: 'rejected' })
        .where('id', '=', row.id)
        .execute();
      return view(
        row,
        { customerId: null, allocations: [], chargeMinor: 0, confidence: Number(row.confidence), reasons },
        ids,
      );
    }
    if (params.decision === 'split') {
      const byNumber = new Map(documents.map((i) => [i.number, i]));
      allocations = (params.split ?? []).map((s) => {
        const inv = byNumber.get(s.number);
        if (!inv) throw new DomainFailure({ code: 'MATCH_SPLIT_INVALID', details: { value: s.number } });
        return { invoiceId: inv.invoiceId, number: inv.number, amountMinor: s.amountMinor };
      });
      if (allocations.length === 0) throw new DomainFailure({ code: 'MATCH_SPLIT_INVALID', details: { value: '—' } });
      charge = 0;
    }
    const parties = new Set(allocations.map((a) => byId.get(a.invoiceId)?.customerId));
    const partyId = parties.size === 1 ? [...parties][0] : undefined;
    const docId = ops.docOf(row);
    if (!partyId || docId === null)
      throw new DomainFailure({ code: 'MATCH_SPLIT_INVALID', details: { value: isPayable ? 'supplier' : 'customer' } });
    await ops.apply(tx, {
      orgId: params.orgId,
      line: row,
      docId,
      partyId,
      allocations,
      chargeMinor: charge,
      openOf: (id) => {
        const i = byId.get(id);
        return i ? { open: i.openMinor, customerId: i.customerId, currency: i.currency } : undefined;
      },
    });
    await tx.kysely
      .updateTable('bank_match_proposals')
      .set({ status: params.decision === 'split' ? 'split' : 'accepted', ...decided })
      .where('id', '=', row.proposal_id)
      .execute();
    await tx.kysely
      .updateTable('bank_statement_lines')
      .set({ match_status: 'applied' })
      .where('id', '=', row.id)
      .execute();
    return view(
      row,
      { customerId: partyId, allocations, chargeMinor: charge, confidence: Number(row.confidence), reasons },
      ids,
    );
  });
}
