import { type ReferenceHit, ReferenceIndex } from './invoice-refs.js';
import { bigrams, coreName, nameSimilarity } from './names.js';
import type { CashApplicationSettings } from './settings.js';

/** An incoming payment to match: a bank statement line with money in. */
export interface IncomingPayment {
  readonly id: string;
  readonly amountMinor: number;
  readonly currency: string;
  readonly receivedOn: string;
  readonly payerName: string | null;
  readonly payerAccount: string | null;
  /** Remittance text and references, as one text. */
  readonly text: string;
}

/** An invoice with something still open on it (from the receivables ledger's open items). */
export interface OpenInvoice {
  readonly invoiceId: string;
  readonly number: string;
  readonly customerId: string;
  readonly currency: string;
  readonly openMinor: number;
  readonly issuedOn: string;
  readonly dueOn: string;
}

export interface Payer {
  readonly id: string;
  readonly code: string;
  readonly name: string;
  /** Bank accounts payments from this customer came from before. */
  readonly accounts: readonly string[];
}

/** Why, in words the catalogues hold (`MATCH_REASON_*`), with the values a person checks. */
export interface MatchReason {
  readonly code: string;
  readonly value?: string;
  readonly expected?: string;
  readonly count?: number;
}

export interface MatchAllocation {
  readonly invoiceId: string;
  readonly number: string;
  readonly amountMinor: number;
}

export type MatchDecision = 'apply' | 'review' | 'none';

export interface PaymentMatch {
  readonly paymentId: string;
  readonly customerId: string | null;
  readonly allocations: readonly MatchAllocation[];
  /** What is left open on the last invoice and recorded as a bank charge (0 when none). */
  readonly chargeMinor: number;
  readonly confidence: number;
  readonly decision: MatchDecision;
  readonly reasons: readonly MatchReason[];
}

interface Invoice extends OpenInvoice {
  open: number;
}

interface PayerFound {
  readonly customerId: string;
  readonly weight: number;
  readonly reason: MatchReason;
}

const compactAccount = (a: string) => a.normalize('NFKC').replace(/[\s-]/g, '').toUpperCase();
const byDue = (a: Invoice, b: Invoice) =>
  a.dueOn < b.dueOn
    ? -1
    : a.dueOn > b.dueOn
      ? 1
      : a.issuedOn < b.issuedOn
        ? -1
        : a.issuedOn > b.issuedOn
          ? 1
          : a.number < b.number
            ? -1
            : 1;

/** Evidence weights: what each kind of agreement adds to a match's confidence. */
const W = {
  referenceExact: 0.6,
  referenceFuzzy: 0.35,
  amountExact: 0.3,
  amountCharge: 0.2,
  amountPartial: 0.05,
  amountOver: 0.1,
  payerAccount: 0.35,
  payerName: 0.3,
  payerVariant: 0.25,
  payerFuzzy: 0.15,
  payerConflict: -0.45,
  uniqueAmount: 0.6,
  uniqueCharge: 0.45,
  uniqueCombination: 0.45,
  ambiguous: 0.25,
  oldestFirst: 0.1,
  amountOnly: 0.35,
} as const;

/**
 * Matches incoming payments to open invoices, one after another in the order given, each applied
 * match lowering what is open for the next. Evidence: invoice numbers in the payment's text
 * (exact or one character off), the amount (exact, short by a bank charge within tolerance, a
 * part payment, several invoices together), and the payer (a known account, the name as written or
 * up to company form, full-width characters and branch, or a close spelling). Each kind adds a
 * weight to the confidence; at `autoApplyConfidence` a match is applied, at `reviewConfidence` it
 * is proposed for review. Pure: the same input gives the same matches.
 *
 * @example
 * const m = new CashApplication(invoices, payers, DEFAULT_CASH_APPLICATION_SETTINGS);
 * m.match({ id: 'l1', amountMinor: 1200000, currency: 'CNY', receivedOn: '2026-11-02', payerName: '杭州甲方科技有限责任公司', payerAccount: null, text: 'INV-2026-0101' })
 * // { decision: 'apply', allocations: [{ number: 'INV-2026-0101', amountMinor: 1200000 }], confidence: 0.99, … }
 */
export class CashApplication {
  private readonly invoices: Invoice[];
  private readonly byId = new Map<string, Invoice>();
  private readonly byCustomer = new Map<string, Invoice[]>();
  private readonly byAmount = new Map<string, Invoice[]>();
  private readonly refs: ReferenceIndex<Invoice>;
  private readonly payersByCore = new Map<string, Payer[]>();
  private readonly payersByBigram = new Map<string, Set<Payer>>();
  private readonly payersByAccount = new Map<string, Payer>();
  private readonly payerById = new Map<string, Payer>();
  private readonly cores = new Map<Payer, string>();

  constructor(
    invoices: readonly OpenInvoice[],
    payers: readonly Payer[],
    private readonly settings: CashApplicationSettings,
  ) {
    this.invoices = invoices.filter((i) => i.openMinor > 0).map((i) => ({ ...i, open: i.openMinor }));
    this.invoices.sort(byDue);
    for (const inv of this.invoices) {
      this.byId.set(inv.invoiceId, inv);
      push(this.byCustomer, inv.customerId, inv);
      push(this.byAmount, `${inv.currency}:${inv.open}`, inv);
    }
    this.refs = new ReferenceIndex(this.invoices, (i) => i.number);
    for (const p of payers) {
      this.payerById.set(p.id, p);
      const core = coreName(p.name);
      this.cores.set(p, core);
      push(this.payersByCore, core, p);
      for (const g of new Set(bigrams(core))) {
        const set = this.payersByBigram.get(g) ?? new Set<Payer>();
        set.add(p);
        this.payersByBigram.set(g, set);
      }
      for (const a of p.accounts) this.payersByAccount.set(compactAccount(a), p);
    }
  }

  /** What is still open on an invoice after the matches applied so far. */
  openOf(invoiceId: string): number | undefined {
    return this.byId.get(invoiceId)?.open;
  }

  private tolerance(openMinor: number): number {
    return Math.min(this.settings.chargeToleranceMinor, Math.floor(openMinor * this.settings.chargeToleranceShare));
  }

  private payerOf(p: IncomingPayment): PayerFound | null {
    if (p.payerAccount) {
      const known = this.payersByAccount.get(compactAccount(p.payerAccount));
      if (known)
        return {
          customerId: known.id,
          weight: W.payerAccount,
          reason: { code: 'MATCH_REASON_PAYER_ACCOUNT', value: p.payerAccount, expected: known.name },
        };
    }
    if (!p.payerName) return null;
    const core = coreName(p.payerName);
    if (core === '') return null;
    const same = this.payersByCore.get(core) ?? [];
    if (same.length === 1) {
      const payer = same[0] as Payer;
      const isVerbatim =
        payer.name.normalize('NFKC').replace(/\s+/g, '') === p.payerName.normalize('NFKC').replace(/\s+/g, '');
      return isVerbatim
        ? {
            customerId: payer.id,
            weight: W.payerName,
            reason: { code: 'MATCH_REASON_PAYER_NAME', value: p.payerName, expected: payer.name },
          }
        : {
            customerId: payer.id,
            weight: W.payerVariant,
            reason: { code: 'MATCH_REASON_PAYER_NAME_VARIANT', value: p.payerName, expected: payer.name },
          };
    }
    if (same.length > 1) return null;
    const candidates = new Set<Payer>();
    for (const g of new Set(bigrams(core))) for (const c of this.payersByBigram.get(g) ?? []) candidates.add(c);
    let best: Payer | null = null;
    let bestScore = 0;
    let second = 0;
    for (const c of candidates) {
      const s = nameSimilarity(core, this.cores.get(c) ?? '');
      if (s > bestScore) {
        second = bestScore;
        bestScore = s;
        best = c;
      } else if (s > second) second = s;
    }
    if (best && bestScore >= this.settings.nameSimilarity && bestScore - second >= 0.1) {
      return {
        customerId: best.id,
        weight: W.payerFuzzy,
        reason: { code: 'MATCH_REASON_PAYER_NAME_VARIANT', value: p.payerName, expected: best.name },
      };
    }
    return null;
  }

  /** Matches one payment; an applied match lowers the open amounts the next payments see. */
  match(p: IncomingPayment): PaymentMatch {
    const m = this.propose(p);
    if (m.decision === 'apply') {
      for (const a of m.allocations) {
        const inv = this.byId.get(a.invoiceId);
        if (inv) inv.open -= a.amountMinor;
      }
      const last = m.allocations.at(-1);
      if (m.chargeMinor > 0 && last) {
        const inv = this.byId.get(last.invoiceId);
        if (inv) inv.open -= m.chargeMinor;
      }
    }
    return m;
  }

  private decide(
    p: IncomingPayment,
    parts: Omit<PaymentMatch, 'paymentId' | 'decision' | 'confidence'>,
    score: number,
    isSure: boolean,
  ): PaymentMatch {
    const confidence = Math.round(Math.max(0, Math.min(0.99, score)) * 100) / 100;
    const decision: MatchDecision =
      parts.allocations.length === 0
        ? 'none'
        : confidence >= this.settings.autoApplyConfidence && isSure
          ? 'apply'
          : confidence >= this.settings.reviewConfidence
            ? 'review'
            : 'none';
    return { paymentId: p.id, decision, confidence, ...parts };
  }

  private propose(p: IncomingPayment): PaymentMatch {
    const payer = this.payerOf(p);
    const hits = this.refs
      .find(p.text, (i) => i.number)
      .filter((h) => h.item.open > 0 && h.item.currency === p.currency);
    if (hits.length > 0) return this.byReference(p, hits, payer);
    if (payer) return this.byPayer(p, payer);
    const same = (this.byAmount.get(`${p.currency}:${p.amountMinor}`) ?? []).filter((i) => i.open === p.amountMinor);
    if (same.length === 1) {
      const inv = same[0] as Invoice;
      return this.decide(
        p,
        {
          customerId: inv.customerId,
          allocations: [{ invoiceId: inv.invoiceId, number: inv.number, amountMinor: inv.open }],
          chargeMinor: 0,
          reasons: [{ code: 'MATCH_REASON_AMOUNT_EXACT' }],
        },
        W.amountOnly,
        false,
      );
    }
    return this.decide(p, { customerId: null, allocations: [], chargeMinor: 0, reasons: [] }, 0, false);
  }

  private byReference(p: IncomingPayment, hits: ReferenceHit<Invoice>[], payer: PayerFound | null): PaymentMatch {
    // Numbers of the payer's invoices win over numbers that happen to be another customer's.
    const own = payer ? hits.filter((h) => h.item.customerId === payer.customerId) : [];
    const chosen = (own.length > 0 ? own : hits).map((h) => h.item).sort(byDue);
    const customers = new Set(chosen.map((i) => i.customerId));
    const reasons: MatchReason[] = hits
      .filter((h) => chosen.includes(h.item))
      .map((h) =>
        h.isExact
          ? { code: 'MATCH_REASON_INVOICE_NUMBER', value: h.item.number }
          : { code: 'MATCH_REASON_INVOICE_NUMBER_FUZZY', value: h.found, expected: h.item.number },
      );
    let score = hits.some((h) => h.isExact && chosen.includes(h.item)) ? W.referenceExact : W.referenceFuzzy;
    if (chosen.length > 1) reasons.push({ code: 'MATCH_REASON_SEVERAL_INVOICES', count: chosen.length });
    const customerId = customers.size === 1 ? (chosen[0] as Invoice).customerId : null;
    if (payer) {
      if (payer.customerId === customerId) {
        score += payer.weight;
        reasons.push(payer.reason);
      } else score += W.payerConflict;
    }
    let open = chosen.reduce((s, i) => s + i.open, 0);
    // Paid more than the invoices named: the rest is often for invoices the payer left unnamed.
    // When exactly one of the payer's other open invoices, or one combination of them, makes up
    // the rest, they are part of the match.
    if (open < p.amountMinor && customerId !== null) {
      const others = (this.byCustomer.get(customerId) ?? []).filter(
        (i) => i.open > 0 && i.currency === p.currency && !chosen.includes(i),
      );
      const rest = p.amountMinor - open;
      const single = others.filter((i) => i.open === rest);
      const sets =
        single.length > 0
          ? single.map((i) => [i])
          : combinations(others.slice(0, 20), rest, Math.max(1, this.settings.maxCombinedInvoices - 1), 1);
      if (sets.length === 1) {
        const extra = sets[0] as Invoice[];
        chosen.push(...extra);
        chosen.sort(byDue);
        open += rest;
        reasons.push({ code: 'MATCH_REASON_SEVERAL_INVOICES', count: chosen.length });
      }
    }
    const diff = open - p.amountMinor;
    let allocations: MatchAllocation[];
    let charge = 0;
    const money = (n: number) => String(n);
    if (diff === 0) {
      allocations = chosen.map((i) => ({ invoiceId: i.invoiceId, number: i.number, amountMinor: i.open }));
      score += W.amountExact;
      reasons.push({ code: 'MATCH_REASON_AMOUNT_EXACT' });
    } else if (diff > 0 && diff <= this.tolerance(open)) {
      charge = diff;
      allocations = chosen.map((i, n) => ({
        invoiceId: i.invoiceId,
        number: i.number,
        amountMinor: n === chosen.length - 1 ? i.open - diff : i.open,
      }));
      score += W.amountCharge;
      reasons.push({ code: 'MATCH_REASON_CHARGE', value: money(diff), expected: money(this.tolerance(open)) });
    } else if (diff > 0) {
      allocations = oldestFirst(chosen, p.amountMinor);
      score += W.amountPartial;
      reasons.push({ code: 'MATCH_REASON_PARTIAL', value: money(p.amountMinor), expected: money(open) });
    } else {
      allocations = chosen.map((i) => ({ invoiceId: i.invoiceId, number: i.number, amountMinor: i.open }));
      score += W.amountOver;
      reasons.push({ code: 'MATCH_REASON_OVERPAID', value: money(-diff) });
    }
    return this.decide(
      p,
      { customerId, allocations: allocations.filter((a) => a.amountMinor > 0), chargeMinor: charge, reasons },
      score,
      // An overpayment is applied only by a person: it usually means an invoice the text does not name.
      customerId !== null && diff >= 0,
    );
  }

  private byPayer(p: IncomingPayment, payer: PayerFound): PaymentMatch {
    const mine = (this.byCustomer.get(payer.customerId) ?? []).filter((i) => i.open > 0 && i.currency === p.currency);
    const base = { customerId: payer.customerId, chargeMinor: 0 };
    const full = (list: Invoice[]) =>
      list.map((i) => ({ invoiceId: i.invoiceId, number: i.number, amountMinor: i.open }));
    const exact = mine.filter((i) => i.open === p.amountMinor);
    if (exact.length >= 1) {
      const isUnique = exact.length === 1;
      const reasons = [
        payer.reason,
        { code: 'MATCH_REASON_AMOUNT_EXACT' },
        ...(isUnique ? [] : [{ code: 'MATCH_REASON_AMBIGUOUS' }]),
      ];
      return this.decide(
        p,
        { ...base, allocations: full([exact[0] as Invoice]), reasons },
        payer.weight + (isUnique ? W.uniqueAmount : W.ambiguous),
        isUnique,
      );
    }
    const charged = mine.filter((i) => i.open > p.amountMinor && i.open - p.amountMinor <= this.tolerance(i.open));
    if (charged.length >= 1) {
      const inv = charged[0] as Invoice;
      const diff = inv.open - p.amountMinor;
      const isUnique = charged.length === 1;
      const reasons = [
        payer.reason,
        { code: 'MATCH_REASON_CHARGE', value: String(diff), expected: String(this.tolerance(inv.open)) },
        ...(isUnique ? [] : [{ code: 'MATCH_REASON_AMBIGUOUS' }]),
      ];
      return this.decide(
        p,
        {
          ...base,
          chargeMinor: diff,
          allocations: [{ invoiceId: inv.invoiceId, number: inv.number, amountMinor: p.amountMinor }],
          reasons,
        },
        payer.weight + (isUnique ? W.uniqueCharge : W.ambiguous),
        isUnique,
      );
    }
    const combos = combinations(mine.slice(0, 20), p.amountMinor, this.settings.maxCombinedInvoices);
    if (combos.length >= 1) {
      const isUnique = combos.length === 1;
      const set = combos[0] as Invoice[];
      const reasons = [
        payer.reason,
        { code: 'MATCH_REASON_SEVERAL_INVOICES', count: set.length },
        { code: 'MATCH_REASON_AMOUNT_EXACT' },
        ...(isUnique ? [] : [{ code: 'MATCH_REASON_AMBIGUOUS' }]),
      ];
      return this.decide(
        p,
        { ...base, allocations: full(set), reasons },
        payer.weight + (isUnique ? W.uniqueCombination : W.ambiguous),
        isUnique,
      );
    }
    if (mine.length === 0) return this.decide(p, { ...base, allocations: [], reasons: [payer.reason] }, 0, false);
    return this.decide(
      p,
      {
        ...base,
        allocations: oldestFirst(mine, p.amountMinor),
        reasons: [payer.reason, { code: 'MATCH_REASON_OLDEST_FIRST' }],
      },
      payer.weight + W.oldestFirst,
      false,
    );
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Exactly what was paid, to the oldest invoices first. */
function oldestFirst(invoices: readonly Invoice[], amount: number): MatchAllocation[] {
  let left = amount;
  const out: MatchAllocation[] = [];
  for (const i of invoices) {
    if (left <= 0) break;
    const take = Math.min(left, i.open);
    out.push({ invoiceId: i.invoiceId, number: i.number, amountMinor: take });
    left -= take;
  }
  return out;
}

/** Sets of 2..max invoices whose open amounts add up to `amount` (at most two found: one is unique). */
function combinations(invoices: readonly Invoice[], amount: number, max: number, min = 2): Invoice[][] {
  const found: Invoice[][] = [];
  const pick: Invoice[] = [];
  const walk = (start: number, left: number) => {
    if (found.length >= 2) return;
    if (left === 0 && pick.length >= min) {
      found.push([...pick]);
      return;
    }
    if (pick.length >= max || left <= 0) return;
    for (let i = start; i < invoices.length; i++) {
      const inv = invoices[i] as Invoice;
      if (inv.open > left) continue;
      pick.push(inv);
      walk(i + 1, left - inv.open);
      pick.pop();
      if (found.length >= 2) return;
    }
  };
  walk(0, amount);
  return found;
}
