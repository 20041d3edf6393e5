import {
  type CustomerRisk,
  type InvoiceRisk,
  type LadderInvoice,
  type PausedInvoice,
  planDunning,
  rankWorklist,
  type WorklistItem,
} from '../../core/collections/index.js';
import type { Reason } from '../../core/credit/index.js';
import { predictLongOverdue } from '../../core/receivables/behaviour/index.js';
import { ok, type Result } from '../../core/shared/index.js';
import type { LocalDate } from '../../core/time/index.js';
import type { Db } from '../../db/connection.js';
import { loadRiskBook, type RiskBook } from '../credit/index.js';
import { toBase } from '../credit/limits.js';
import { ladderSettings } from './commitments.js';

/** A worklist line: the ranked action with the customer's code and name and the reasons it is where it is. */
export interface WorklistLine extends WorklistItem {
  readonly code: string;
  readonly name: string;
  /** Why this action, in this place: codes with data, worded by the catalogues (COL_*, RS_*). */
  readonly reasons: readonly Reason[];
}

export interface Worklist {
  readonly asOf: LocalDate;
  readonly currency: string;
  readonly items: readonly WorklistLine[];
  readonly paused: readonly (PausedInvoice & { readonly code: string; readonly name: string })[];
}

export { ladderSettings };

const pct = (p: number): string => `${(p * 100).toFixed(1)}%`;

/** Why an action is on the list and in its place, most telling first. */
function reasonsOf(item: WorklistItem, risk: RiskBook, currency: string): Reason[] {
  const oldest = item.invoices.reduce((m, i) => Math.max(m, i.daysPastDue), Number.NEGATIVE_INFINITY);
  const out: Reason[] = [
    {
      code: oldest > 0 ? 'COL_STAGE_LATE' : 'COL_STAGE_EARLY',
      data: {
        stage: item.stage,
        action: item.action,
        since: item.dueSince,
        days: Math.abs(oldest),
        count: item.invoices.length,
      },
    },
    {
      code: 'COL_PRIORITY',
      data: { amountMinor: item.amountAtRiskMinor, currency, pd: pct(item.pd), delay: pct(item.pFurtherDelay) },
    },
  ];
  const state = risk.states.get(item.customerId);
  if (item.isCreditHoldStage) out.push({ code: item.isOnHold ? 'COL_HOLD_IN_FORCE' : 'COL_HOLD_NOT_YET', data: {} });
  if (item.isHandoverStage)
    out.push({
      code: state?.cover && state.cover.cancelledOn === null ? 'COL_HANDOVER_INSURER' : 'COL_HANDOVER_AGENCY',
      data: {},
    });
  if (item.escalatedBy) out.push({ code: `COL_ESCALATED_${item.escalatedBy}`, data: {} });
  if (item.isVip) out.push({ code: 'COL_VIP', data: {} });
  const first = state?.reasons.find((r) => r.code !== 'RS_UNSCORED');
  if (first) out.push(first);
  return out;
}

/**
 * Use case 'collections.worklist': today's dunning actions (the organisation's ladder over the open
 * invoices), ranked by open amount × the customer's PD × the invoice's probability of further delay.
 * The PD, the hold and the status are the customer's one risk state; the delay probability is the
 * payment-behaviour model's (src/core/receivables/behaviour), both read from the risk book.
 *
 * @example
 * const r = await getWorklist(db, { orgId: 'demo', asOf: '2026-12-08' });
 * if (r.ok) r.value.items[0]; // { rank: 1, code: 'KH00006', action: 'handover', reasons: [...] }
 */
export async function getWorklist(db: Db, params: { orgId: string; asOf: LocalDate }): Promise<Result<Worklist>> {
  const risk = await loadRiskBook(db, params);
  if (!risk.ok) return risk;
  const { book, behaviour } = risk.value.scored;
  const ladder = ladderSettings(book.org.settings);
  if (!ladder.ok) return ladder;
  const base = toBase(book, params.asOf);
  const invoicesById = new Map(book.ledger.invoices.map((i) => [i.id, i]));
  const { commitments } = risk.value;
  const lines: LadderInvoice[] = [];
  const invoiceRisk = new Map<string, InvoiceRisk>();
  const hasHistory = behaviour.model.portfolio.invoices > 0;
  for (const item of risk.value.openItems) {
    if (item.openMinor <= 0) continue;
    const id = item.instalment === null ? item.invoiceId : `${item.invoiceId}#${item.instalment}`;
    lines.push({
      ...item,
      invoiceId: id,
      lastStage: commitments.lastStage(item.invoiceId, item.customerId, item.issuedOn),
      promise: commitments.promise(item.invoiceId, item.customerId),
    });
    const inv = invoicesById.get(item.invoiceId);
    const p = hasHistory
      ? predictLongOverdue(behaviour.model, {
          customerId: item.customerId,
          issuedOn: item.issuedOn,
          dueOn: item.dueOn,
          amount: Math.max(1, base(item.openMinor, item.currency) ?? item.openMinor),
          isDisputed: item.isDisputed,
          channel: inv?.channel ?? null,
        })
      : 1;
    invoiceRisk.set(id, { openBaseMinor: base(item.openMinor, item.currency) ?? 0, pFurtherDelay: p });
  }
  const customers = new Map<string, CustomerRisk>();
  for (const [id, s] of risk.value.states)
    customers.set(id, { pd: s.treatment.pd, status: s.status, isOnHold: s.hold.isOnHold });
  const plan = planDunning(lines, commitments.overrides, params.asOf, ladder.value);
  const ranked = rankWorklist(plan.actions, invoiceRisk, customers, risk.value.settings.unscoredPd);
  const names = new Map(book.customers.map((c) => [c.id, c]));
  const named = <T extends { customerId: string }>(x: T) => ({
    ...x,
    code: names.get(x.customerId)?.code ?? x.customerId,
    name: names.get(x.customerId)?.name ?? '',
  });
  return ok({
    asOf: params.asOf,
    currency: book.baseCurrency,
    items: ranked.map((item) => ({ ...named(item), reasons: reasonsOf(item, risk.value, book.baseCurrency) })),
    paused: plan.paused.map(named),
  });
}
