import {
  CashApplication,
  type CashApplicationSettings,
  cashApplicationSettings,
  type MatchAllocation,
  type MatchReason,
  type OpenInvoice,
  type PaymentMatch,
} from '../../core/cash-application/index.js';
import { validateSettlement } from '../../core/model/index.js';
import { formatMinor, isCurrencyCode } from '../../core/money/index.js';
import { computeOpenItems } from '../../core/receivables/index.js';
import { DomainFailure } from '../../core/shared/index.js';
import type { Db } from '../../db/connection.js';
import type { Row } from '../../db/schema.js';
import { listCustomerNames } from '../../db/stores/credit.js';
import { getOrganisation } from '../../db/stores/organisations.js';
import { loadReceivablesLedger } from '../../db/stores/receivables.js';
import { withTransaction } from '../../db/transaction.js';
import { newId } from '../../import/ids.js';
import { type Clock, systemClock } from '../clock.js';

/** A payment as the report shows it: which line, from whom, how much, to which invoices, and why. */
export interface MatchedPayment {
  readonly lineId: string;
  readonly proposalId: string | null;
  readonly receiptId: string | null;
  /** The bank's reference of the line (else its account and line number): the payment as the bank names it. */
  readonly payment: string;
  readonly bankReference: string | null;
  readonly receivedOn: string;
  readonly amount: string;
  readonly amountMinor: number;
  readonly currency: string;
  readonly payer: string | null;
  readonly customerId: string | null;
  readonly invoices: ReadonlyArray<{ invoiceId: string; number: string; amount: string; amountMinor: number }>;
  readonly charge: string | null;
  readonly confidence: number;
  readonly reasons: readonly MatchReason[];
}

export interface MatchRunReport {
  readonly asOf: string;
  readonly dryRun: boolean;
  readonly lines: number;
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
  ids: { proposalId: string | null; receiptId: string | null },
): MatchedPayment {
  const amount = Number(line.amount_minor);
  return {
    lineId: line.id,
    ...ids,
    payment: line.bank_reference ?? `${line.booked_on} #${line.source_line}`,
    bankReference: line.bank_reference,
    receivedOn: line.booked_on,
    amount: show(amount, line.currency),
    amountMinor: amount,
    currency: line.currency,
    payer: line.counterparty_name,
    customerId: m.customerId,
    invoices: m.allocations.map((a) => ({
      invoiceId: a.invoiceId,
      number: a.number,
      amount: show(a.amountMinor, line.currency),
      amountMinor: a.amountMinor,
    })),
    charge: m.chargeMinor > 0 ? show(m.chargeMinor, line.currency) : null,
    confidence: m.confidence,
    reasons: m.reasons.map((r) => (AMOUNT_REASONS.has(r.code) ? { ...r, ...amounts(r, line.currency) } : r)),
  };
}

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

/**
 * Matches the incoming statement lines not yet matched (booked by `asOf`) to open invoices. Each
 * line becomes a receipt keeping its bank reference; sure matches are applied as receipt
 * allocations (a bank charge as a credit note), the rest wait in the review queue; everything in
 * one transaction. Outgoing lines are never matched to receivables.
 */
export async function runCashApplication(
  db: Db,
  params: { orgId: string; asOf: string; dryRun?: boolean },
): Promise<MatchRunReport> {
  const run = async (tx: Db): Promise<MatchRunReport> => {
    const lines = await tx.kysely
      .selectFrom('bank_statement_lines')
      .selectAll()
      .where('org_id', '=', params.orgId)
      .where('match_status', 'in', ['new', 'unmatched'])
      .where('amount_minor', '>', 0)
      .where('booked_on', '<=', params.asOf)
      .orderBy('booked_on')
      .orderBy('source_line')
      .execute();
    const [invoices, payers, settings] = await Promise.all([
      loadOpenInvoices(tx, params.orgId, params.asOf),
      loadPayers(tx, params.orgId),
      settingsOf(tx, params.orgId),
    ]);
    const engine = new CashApplication(invoices, payers, settings);
    const info = new Map(invoices.map((i) => [i.invoiceId, i]));
    const report: MatchRunReport = {
      asOf: params.asOf,
      dryRun: params.dryRun === true,
      lines: lines.length,
      applied: [],
      review: [],
      unmatched: [],
    };
    for (const line of lines) {
      const before = new Map<string, number>();
      const refs = JSON.parse(line.refs) as string[];
      const m = engine.match({
        id: line.id,
        amountMinor: Number(line.amount_minor),
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
      let receiptId = line.receipt_id;
      let proposalId: string | null = null;
      if (!params.dryRun) {
        if (receiptId === null) {
          receiptId = newId();
          await tx.kysely
            .insertInto('receipts')
            .values({
              org_id: params.orgId,
              id: receiptId,
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
        }
        if (m.decision === 'apply' && m.customerId !== null) {
          await applyAllocations(tx, {
            orgId: params.orgId,
            line,
            receiptId,
            customerId: m.customerId,
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
              customer_id: m.customerId,
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
          .set({ match_status: status, receipt_id: receiptId })
          .where('org_id', '=', params.orgId)
          .where('id', '=', line.id)
          .execute();
      }
      const v = view(line, m, { proposalId, receiptId });
      (m.decision === 'apply'
        ? (report.applied as MatchedPayment[])
        : m.decision === 'review'
          ? (report.review as MatchedPayment[])
          : (report.unmatched as MatchedPayment[])
      ).push(v);
    }
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
        customerId: r.proposal_customer,
        allocations: JSON.parse(r.allocations) as MatchAllocation[],
        chargeMinor: Number(r.charge_minor),
        confidence: Number(r.confidence),
        reasons: JSON.parse(r.reasons) as MatchReason[],
      },
      { proposalId: r.proposal_id, receiptId: r.receipt_id },
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
    const decided = { decided_at: clock.now().toISOString(), decided_by: params.by };
    let allocations = JSON.parse(row.allocations) as MatchAllocation[];
    let charge = Number(row.charge_minor);
    const invoices = await loadOpenInvoices(tx, params.orgId, clock.today());
    const byId = new Map(invoices.map((i) => [i.invoiceId, i]));
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
        {
          customerId: null,
          allocations: [],
          chargeMinor: 0,
          confidence: Number(row.confidence),
          reasons: JSON.parse(row.reasons) as MatchReason[],
        },
        { proposalId: row.proposal_id, receiptId: row.receipt_id },
      );
    }
    if (params.decision === 'split') {
      const byNumber = new Map(invoices.map((i) => [i.number, i]));
      allocations = (params.split ?? []).map((s) => {
        const inv = byNumber.get(s.number);
        if (!inv) throw new DomainFailure({ code: 'MATCH_SPLIT_INVALID', details: { value: s.number } });
        return { invoiceId: inv.invoiceId, number: inv.number, amountMinor: s.amountMinor };
      });
      if (allocations.length === 0) throw new DomainFailure({ code: 'MATCH_SPLIT_INVALID', details: { value: '—' } });
      charge = 0;
    }
    const customers = new Set(allocations.map((a) => byId.get(a.invoiceId)?.customerId));
    const customerId = customers.size === 1 ? [...customers][0] : undefined;
    if (!customerId || row.receipt_id === null)
      throw new DomainFailure({ code: 'MATCH_SPLIT_INVALID', details: { value: 'customer' } });
    await applyAllocations(tx, {
      orgId: params.orgId,
      line: row,
      receiptId: row.receipt_id,
      customerId,
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
      {
        customerId,
        allocations,
        chargeMinor: charge,
        confidence: Number(row.confidence),
        reasons: JSON.parse(row.reasons) as MatchReason[],
      },
      { proposalId: row.proposal_id, receiptId: row.receipt_id },
    );
  });
}
