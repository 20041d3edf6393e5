import type {
  CustomerDelay,
  ForecastInvoice,
  MonthlySales,
  PaymentDateDistribution,
} from '../../core/forecast/index.js';
import { type PaymentBehaviour, predictSettlement } from '../../core/receivables/behaviour/index.js';
import { splitOverInstalments } from '../../core/receivables/index.js';
import { addDays, addMonths, diffDays, type LocalDate } from '../../core/time/index.js';
import type { InvoiceFact } from './ledger-facts.js';

/**
 * Each open invoice with its payment-date distribution (null when there is no history at all),
 * carrying `slices` equally likely dates when `slices` ≥ 2 (the forecast spreads the receipt over them). An
 * invoice payable in instalments becomes one line per open instalment, due on its own date: what
 * was received is spread over the schedule earliest-first (as the aging does), and each part is
 * predicted from that date, so a retention due in a year is not forecast with the first part.
 */
export function forecastInvoices(
  facts: readonly InvoiceFact[],
  model: PaymentBehaviour,
  names: ReadonlyMap<string, string>,
  slices = 1,
): ForecastInvoice[] {
  const hasHistory = model.portfolio.invoices > 0;
  const line = (
    f: InvoiceFact,
    number: string,
    dueOn: LocalDate,
    openMinor: number,
    instalment?: number,
  ): ForecastInvoice => {
    let payment: PaymentDateDistribution | null = null;
    if (hasHistory) {
      const p = predictSettlement(model, { ...f, dueOn, amount: Math.max(1, f.weight) }, slices);
      payment = {
        ...p.settleOn,
        ...(slices > 1 ? { slices: p.settleOnSlices } : {}),
        pUnpaid90: p.probUnpaidLongOverdue,
        basis: p.reasons.basis,
      };
    }
    return {
      id: f.id,
      number,
      customerId: f.customerId,
      customerName: names.get(f.customerId) ?? f.customerId,
      currency: f.currency,
      openMinor,
      issuedOn: f.issuedOn,
      dueOn,
      isDisputed: f.isDisputed,
      payment,
      ...(instalment === undefined ? {} : { instalment }),
    };
  };
  return facts
    .filter((f) => f.openMinor > 0)
    .flatMap((f) => {
      if (f.instalments.length === 0) return [line(f, f.number, f.dueOn, f.openMinor)];
      const amounts = f.instalments.map((part) => part.amountMinor);
      const open = splitOverInstalments(amounts, f.amountMinor, f.amountMinor - f.openMinor);
      return f.instalments.flatMap((part, i) =>
        (open[i] as number) > 0
          ? [line(f, `${f.number} (${i + 1}/${f.instalments.length})`, part.dueOn, open[i] as number, i + 1)]
          : [],
      );
    });
}

/**
 * Sales per month (base currency) over the 24 months before `asOf`, and each customer's share of
 * the trailing 12 months with the delay the model predicts for a new invoice of its usual size.
 */
export function salesInputs(
  facts: readonly InvoiceFact[],
  model: PaymentBehaviour,
  asOf: LocalDate,
  customers: readonly { id: string; name: string; default_terms_days: number }[],
): { history: MonthlySales[]; customers: CustomerDelay[] } {
  const from = addMonths(asOf, -24).slice(0, 7);
  const yearAgo = addMonths(asOf, -12);
  const byMonth = new Map<string, number>();
  const byCustomer = new Map<string, { amount: number; count: number; terms: number }>();
  let total12 = 0;
  for (const f of facts) {
    const month = f.issuedOn.slice(0, 7);
    if (month < from || month >= asOf.slice(0, 7)) continue;
    byMonth.set(month, (byMonth.get(month) ?? 0) + f.baseAmount);
    if (f.issuedOn <= yearAgo) continue;
    const c = byCustomer.get(f.customerId) ?? { amount: 0, count: 0, terms: 0 };
    c.amount += f.baseAmount;
    c.count++;
    c.terms += diffDays(f.issuedOn, f.dueOn);
    byCustomer.set(f.customerId, c);
    total12 += f.baseAmount;
  }
  const history = [...byMonth].sort().map(([month, amountMinor]) => ({ month, amountMinor }));
  const issue = addDays(asOf, 1);
  const delays: CustomerDelay[] = customers.map((c) => {
    const s = byCustomer.get(c.id);
    const terms = s ? Math.round(s.terms / s.count) : c.default_terms_days;
    const share = s && total12 > 0 ? s.amount / total12 : 0;
    if (!s || model.portfolio.invoices === 0)
      return { customerId: c.id, name: c.name, termsDays: terms, delayDays: null, salesShare: share };
    const p = predictSettlement(model, {
      customerId: c.id,
      issuedOn: issue,
      dueOn: addDays(issue, terms),
      amount: Math.max(1, s.amount / s.count),
      isDisputed: false,
      channel: null,
    });
    return { customerId: c.id, name: c.name, termsDays: terms, delayDays: p.delayDays, salesShare: share };
  });
  return { history, customers: delays };
}
