import type { HoldInput, HoldOpenItem } from '../../core/credit/index.js';
import type { OpenItem } from '../../core/receivables/index.js';
import type { LocalDate } from '../../core/time/index.js';
import type { CustomerLimitView } from './limits.js';
import type { CreditBook } from './load-book.js';
import { insuredOn } from './prepare.js';
import type { CustomerCreditScore } from './score-customers.js';

/**
 * The hold check's input for one customer and an order of `orderMinor` (base currency; 0 for the
 * customer's standing status): its exposure and approved limit, its open invoices (each insured
 * when delivered under an insurer limit in force then: run-off after a cancellation; `customerItems`
 * are this customer's open items), the insurer
 * cancellation, grade and scorecard overrides. One builder for the order check and the risk state.
 */
export function holdInputFor(
  book: CreditBook,
  view: CustomerLimitView,
  score: CustomerCreditScore,
  customerItems: readonly OpenItem[],
  asOf: LocalDate,
  orderMinor: number,
): HoldInput {
  const rows = book.insured.get(view.customerId) ?? [];
  const coverOn = (on: string) =>
    rows.filter((l) => l.effectiveFrom <= on && (l.cancelledOn === null || l.cancelledOn > on)).at(-1);
  const items: HoldOpenItem[] = customerItems
    .filter((i) => i.openMinor > 0)
    .map((i) => ({
      invoiceId: i.invoiceId,
      number: i.number,
      dueOn: i.dueOn,
      openMinor: i.openMinor,
      maxExtensionDays: coverOn(i.issuedOn)?.maxExtensionDays ?? null,
    }));
  return {
    customerId: view.customerId,
    currency: book.baseCurrency,
    orderMinor,
    exposureMinor: view.exposure.totalMinor,
    approvedLimitMinor: view.current?.limitMinor ?? null,
    openItems: items,
    insurerLimitCancelledOn: insuredOn(book, view.customerId, asOf).cancelledOn,
    grade: score.grade,
    overrides: score.overrides,
  };
}
