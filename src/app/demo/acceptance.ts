import type { AcceptanceBill } from '../../core/model/index.js';
import type { Rng } from '../../core/shared/random.js';
import { addDays, addMonths, minDate } from '../../core/time/index.js';
import type { CustomerSummary } from './credit-data.js';
import { type DemoOptions, pad } from './options.js';

/** Bank codes (first digits of the 新一代票据 number) of the accepting banks. */
const BANKS: readonly (readonly [string, string])[] = [
  ['中国工商银行', '102'],
  ['招商银行', '308'],
  ['兴业银行', '309'],
  ['中国建设银行', '105'],
  ['浦发银行', '310'],
];

/** A 30-digit bill number: 5 (银票) or 6 (商票), bank code, issue date, sequence. */
function billNumber(kind: 'bank' | 'commercial', bankCode: string, issuedOn: string, seq: number, rng: Rng): string {
  const branch = pad(rng.int(0, 999_999_999), 9);
  return `${kind === 'bank' ? '5' : '6'}${bankCode}${branch}${issuedOn.replaceAll('-', '')}${pad(seq, 9)}`;
}

/**
 * Bills received from customers and still held: four 银承 (one planned for discounting, one that
 * came by endorsement), one 商承 accepted by the largest domestic customer, and one 商承 accepted
 * by the acceptor customer, who has since appeared on the 票交所 acceptor-overdue list
 * (`legal-events.ts`). Tenors stay within 6 months; every bill matures after asOf.
 */
export function buildAcceptanceBills(
  opts: DemoOptions,
  larger: readonly CustomerSummary[],
  acceptor: CustomerSummary | undefined,
  rng: Rng,
): AcceptanceBill[] {
  const domestic = larger.filter((s) => s.profile.currency === 'CNY' && s.profile.role !== 'insolvent');
  if (domestic.length === 0) return [];
  const out: AcceptanceBill[] = [];
  const holders: [CustomerSummary, 'bank' | 'commercial'][] = [];
  for (let i = 0; i < 5; i++)
    holders.push(i === 4 ? [domestic[0] as CustomerSummary, 'commercial'] : [rng.pick(domestic), 'bank']);
  if (acceptor) holders.push([acceptor, 'commercial']);
  holders.forEach(([holder, kind], i) => {
    const isCommercial = kind === 'commercial';
    const isAcceptorInTrouble = holder === acceptor;
    // Issued at most 150 days ago with a tenor of at least 170 days: every bill matures after asOf.
    const issuedOn = addDays(opts.asOf, -rng.int(20, 150));
    const maturesOn = minDate(addMonths(issuedOn, 6), addDays(issuedOn, rng.int(170, 200)));
    const [bank, code] = isCommercial ? ['', '000'] : rng.pick(BANKS);
    const name = holder.profile.customer.name;
    const isEndorsed = i === 1;
    // The troubled acceptor's bill paid about six weeks of its purchases.
    const face = isAcceptorInTrouble
      ? Math.max(1_000_000, Math.round((holder.stats.salesCnyLast12m * 1.5) / 12 / 1_000_000) * 1_000_000)
      : rng.int(20, 150) * 1_000_000;
    out.push({
      id: `${opts.idPrefix}ab-${pad(i + 1, 3)}`,
      number: billNumber(kind, code, issuedOn, i + 1, rng),
      kind,
      direction: 'receivable',
      currency: 'CNY',
      faceMinor: face,
      issuedOn,
      maturesOn,
      acceptorName: isCommercial ? name : `${bank}深圳分行`,
      acceptorCustomerId: isCommercial ? holder.profile.customer.id : null,
      drawerName: isEndorsed ? '东莞华瑞精密五金有限公司' : name,
      customerId: holder.profile.customer.id,
      endorsements: isEndorsed ? [{ on: addDays(issuedOn, 6), from: '东莞华瑞精密五金有限公司', to: name }] : [],
      status: 'held',
      discountedOn: null,
      discountRate: i === 0 ? 0.0135 : null,
      plannedDiscountOn: i === 0 ? addDays(opts.asOf, rng.int(5, 20)) : null,
      isWithRecourse: true,
    });
  });
  return out;
}
