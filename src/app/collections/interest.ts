import {
  type CnContract,
  type CnDebtorKind,
  type CnEligibility,
  computeCnInterest,
  computeContractInterest,
  computeEuInterest,
  type InterestLaw,
  type LateInterest,
  type LateInterestSettings,
  type ReferenceRate,
} from '../../core/collections/index.js';
import type { CurrencyCode } from '../../core/money/index.js';
import { fail, type Result } from '../../core/shared/index.js';
import { formatMoney, renderTable } from '../../i18n/format.js';
import { type Locale, translate } from '../../i18n/index.js';

/** One late-interest question: the claim, the law, and the rates and contract facts it reads. */
export interface InterestRequest {
  readonly law: InterestLaw;
  readonly amountMinor: number;
  readonly currency: CurrencyCode;
  readonly dueOn: string;
  readonly paidOn: string;
  /** The contract's yearly rate (a fraction), if it agrees one. */
  readonly rate: number | null;
  /** EU: the reference rate(s); China: the 1-year LPR at signing. */
  readonly referenceRate: number | readonly ReferenceRate[] | null;
  /** EU: the creditor's country and an explicit margin (points). */
  readonly country: string | null;
  readonly marginPoints: number | null;
  /** China: the contract facts the 条例 turns on. */
  readonly creditorIsSme: boolean | null;
  readonly debtorKind: CnDebtorKind | null;
  readonly signedOn: string | null;
  readonly deliveredOn: string | null;
}

export type InterestResult = LateInterest & { readonly eligibility?: CnEligibility };

/** Use case 'collections.interest': the late interest of one claim under the law asked for. */
export function computeLateInterest(req: InterestRequest, settings: LateInterestSettings): Result<InterestResult> {
  const claim = { amountMinor: req.amountMinor, currency: req.currency, dueOn: req.dueOn, paidOn: req.paidOn };
  switch (req.law) {
    case 'contract':
      if (req.rate === null) return fail('INTEREST_RATE_REQUIRED', { field: 'rate', law: req.law });
      return computeContractInterest(claim, req.rate, settings.dayBasis);
    case 'eu':
      if (req.referenceRate === null)
        return fail('INTEREST_REFERENCE_RATE_MISSING', { field: 'reference-rate', halfYear: '' });
      return computeEuInterest(
        claim,
        { referenceRate: req.referenceRate, country: req.country, marginPoints: req.marginPoints },
        settings,
      );
    case 'cn': {
      const lpr = typeof req.referenceRate === 'number' ? req.referenceRate : null;
      const contract: CnContract = {
        creditorIsSme: req.creditorIsSme,
        debtorKind: req.debtorKind,
        signedOn: req.signedOn,
        deliveredOn: req.deliveredOn,
        contractRate: req.rate,
        lprAtSigning: lpr,
      };
      return computeCnInterest(claim, contract, settings);
    }
  }
}

const pct = (rate: number, digits: number): string => `${(rate * 100).toFixed(digits)} %`;

function eligibilityLines(e: CnEligibility, locale: Locale): string[] {
  const t = (code: string, p: Record<string, unknown> = {}) => translate(code, p, locale);
  const word = (s: string) => t(`LI_CONDITION_${s.toUpperCase()}`);
  const lines = [
    t('LI_ELIGIBILITY', { verdict: t(e.isEligible ? 'LI_ELIGIBLE' : 'LI_NOT_ELIGIBLE') }),
    t('LI_COND_LINE', { condition: t('LI_COND_SME'), state: word(e.creditorIsSme) }),
    t('LI_COND_LINE', { condition: t('LI_COND_DEBTOR'), state: word(e.debtorIsLargeOrPublic) }),
    t('LI_COND_LINE', { condition: t('LI_COND_SIGNED'), state: word(e.signedAfterEffectiveDate) }),
  ];
  if (e.statutoryDueOn !== null) lines.push(t('LI_STATUTORY_DUE', { date: e.statutoryDueOn }));
  return lines;
}

/** The result as text: the claim, the days, each period's rate and interest, the total and why. */
export function formatLateInterest(r: InterestResult, locale: Locale): string {
  const t = (code: string, p: Record<string, unknown> = {}) => translate(code, p, locale);
  const cur = r.principal.currency;
  const rows = [
    [t('LI_COL_FROM'), t('LI_COL_TO'), t('LI_COL_DAYS'), t('LI_COL_RATE'), t('LI_COL_INTEREST', { currency: cur })],
    ...r.periods.map((p) => [
      p.from,
      p.to,
      String(p.days),
      p.dailyRate !== null
        ? t('LI_RATE_DAILY', { rate: pct(p.dailyRate, 2) })
        : t('LI_RATE_YEARLY', { rate: pct(p.annualRate ?? 0, 2) }),
      formatMoney(p.interestMinor, cur),
    ]),
  ];
  const lines = [
    t('LI_TITLE', {
      law: t(`LI_LAW_${r.law.toUpperCase()}`),
      amount: formatMoney(r.principal.amountMinor, cur),
      due: r.dueOn,
      paid: r.paidOn,
    }),
    t('LI_DAYS', { days: r.days }),
    t(r.basis.code, {
      ...r.basis.data,
      rate: typeof r.basis.data.rate === 'number' ? pct(r.basis.data.rate, 2) : '',
      contractRate: typeof r.basis.data.contractRate === 'number' ? pct(r.basis.data.contractRate, 2) : '',
      lpr: typeof r.basis.data.lpr === 'number' ? pct(r.basis.data.lpr, 2) : '',
      dailyRate: typeof r.basis.data.dailyRate === 'number' ? pct(r.basis.data.dailyRate, 2) : '',
      country: r.basis.data.country ?? t('LI_NO_COUNTRY'),
    }),
  ];
  if (r.eligibility) lines.push(...eligibilityLines(r.eligibility, locale));
  if (r.periods.length > 0) lines.push(renderTable(rows, [2, 4]));
  lines.push(t('LI_INTEREST', { amount: formatMoney(r.interest.amountMinor, cur) }));
  if (r.fixedCompensation)
    lines.push(
      t('LI_FIXED_COMPENSATION', {
        amount: formatMoney(r.fixedCompensation.amountMinor, r.fixedCompensation.currency),
      }),
    );
  return lines.join('\n');
}
