import type {
  CreditLimit,
  ExternalRating,
  InsurancePolicy,
  InsuredBuyerLimit,
  LegalEvent,
  LegalEventType,
  SalesOrder,
} from '../../core/model/index.js';
import { DEFAULT_POLICY_TERMS } from '../../core/model/index.js';
import type { Rng } from '../../core/shared/random.js';
import { addDays, addMonths, startOfMonth } from '../../core/time/index.js';
import { type DemoOptions, pad } from './options.js';
import type { CustomerProfile } from './profiles.js';
import type { CustomerStats } from './settlements.js';
import type { DemoCreditLimit } from './types.js';

export interface CustomerSummary {
  readonly profile: CustomerProfile;
  readonly stats: CustomerStats;
}

const round10k = (fen: number) => Math.round(fen / 1_000_000) * 1_000_000;

/** Customers by sales over the last 12 months, largest first (ties by index, so stable). */
export function rankBySales(summaries: readonly CustomerSummary[]): CustomerSummary[] {
  return summaries
    .filter((s) => s.stats.salesCnyLast12m > 0)
    .sort((a, b) => b.stats.salesCnyLast12m - a.stats.salesCnyLast12m || a.profile.index - b.profile.index);
}

/** Manual limits for the larger customers: roughly terms plus a month of sales; zero after insolvency. */
export function buildCreditLimits(opts: DemoOptions, larger: readonly CustomerSummary[], rng: Rng): DemoCreditLimit[] {
  const out: DemoCreditLimit[] = [];
  larger.forEach(({ profile, stats }, i) => {
    const need = round10k((stats.salesCnyLast12m * (profile.customer.defaultTermsDays + 30)) / 365);
    const on = addDays(opts.asOf, -rng.int(15, 330));
    const row = (id: string, limit: number, binding: CreditLimit['binding'], from: string, reason: string) => ({
      id,
      customerId: profile.customer.id,
      currency: 'CNY',
      limitMinor: limit,
      needMinor: need,
      capacityMinor: null,
      insurerCapMinor: null,
      binding,
      effectiveFrom: from,
      approvedBy: 'demo',
      approvedAt: `${from}T02:00:00.000Z`,
      reason,
    });
    out.push(
      row(
        `${opts.idPrefix}lim-${pad(i + 1, 4)}`,
        Math.max(1_000_000, round10k(need * 1.2)),
        'manual',
        on,
        '年度授信复审',
      ),
    );
    if (profile.behaviour === 'insolvent') {
      const from = addDays(opts.asOf, -20);
      out.push(row(`${opts.idPrefix}lim-${pad(i + 1, 4)}-z`, 0, 'override_zero', from, '客户进入破产程序，冻结授信'));
    }
  });
  return out;
}

/** One trade credit insurance policy (default terms) with insurer limits on the ~30 largest buyers. */
export function buildInsurance(opts: DemoOptions, largest: readonly CustomerSummary[], rng: Rng) {
  const isSinosure = rng.bernoulli(0.5);
  const startsOn = startOfMonth(addMonths(opts.asOf, -rng.int(2, 10)));
  const policy: InsurancePolicy = {
    id: `${opts.idPrefix}pol-0001`,
    insurer: isSinosure ? '中国信保' : 'Allianz Trade',
    policyNumber: isSinosure
      ? `SCIC${startsOn.slice(0, 4)}${rng.int(100000, 999999)}`
      : `AT-CN-${rng.int(1000000, 9999999)}`,
    currency: 'CNY',
    startsOn,
    endsOn: addDays(addMonths(startsOn, 12), -1),
    terms: DEFAULT_POLICY_TERMS,
    lossPayee: '中国工商银行深圳分行',
    lossPayeeType: 'loss_payee',
    financedShare: 0.8,
  };
  const limits: InsuredBuyerLimit[] = largest.map(({ profile, stats }) => ({
    policyId: policy.id,
    customerId: profile.customer.id,
    kind: 'insurer_limit',
    currency: 'CNY',
    limitMinor: round10k((stats.salesCnyLast12m * (profile.customer.defaultTermsDays + 15)) / 365),
    effectiveFrom: startsOn,
    cancelledOn: profile.behaviour === 'deteriorating' ? addDays(opts.asOf, -rng.int(8, 25)) : null,
  }));
  return { policy, limits };
}

function courtRef(on: string, kind: string, rng: Rng): string {
  return `(${on.slice(0, 4)})粤03${pad(rng.int(1, 9), 2)}${kind}${rng.int(100, 9999)}号`;
}

/** Public-record events: the insolvent buyer's path to bankruptcy, trouble at the deteriorating one, noise. */
export function buildLegalEvents(opts: DemoOptions, summaries: readonly CustomerSummary[], rng: Rng): LegalEvent[] {
  const out: LegalEvent[] = [];
  const add = (
    customerId: string,
    type: LegalEventType,
    back: number,
    kind: string,
    amount: number | null,
    description: string,
    resolved: string | null = null,
  ) => {
    const on = addDays(opts.asOf, -back);
    out.push({
      id: `${opts.idPrefix}le-${pad(out.length + 1, 4)}`,
      customerId,
      type,
      occurredOn: on,
      amountMinor: amount,
      currency: amount === null ? null : 'CNY',
      source: courtRef(on, kind, rng),
      description,
      resolvedOn: resolved,
    });
  };
  for (const { profile } of summaries) {
    const id = profile.customer.id;
    if (profile.behaviour === 'insolvent') {
      add(id, 'lawsuit_defendant', 210, '民初', 86_000_000, '买卖合同纠纷（被告）');
      add(id, 'enforcement', 125, '执', 86_000_000, '被执行人');
      add(id, 'dishonest_debtor', 62, '执', 86_000_000, '失信被执行人：有履行能力而拒不履行');
      add(id, 'consumption_restriction', 58, '执', null, '限制高消费');
      add(id, 'insolvency', rng.int(20, 35), '破申', null, '破产清算申请已受理');
    } else if (profile.behaviour === 'deteriorating') {
      add(id, 'lawsuit_defendant', 95, '民初', 42_000_000, '买卖合同纠纷（被告）');
      add(id, 'enforcement', 40, '执', 42_000_000, '被执行人');
    }
  }
  const others = summaries.filter((s) => s.profile.index >= 9);
  if (others.length === 0) return out;
  add(
    rng.pick(others).profile.customer.id,
    'abnormal_operations',
    rng.int(30, 200),
    '异',
    null,
    '经营异常：未按时公示年报',
  );
  add(
    rng.pick(others).profile.customer.id,
    'administrative_penalty',
    rng.int(60, 400),
    '罚',
    5_000_000,
    '行政处罚：环保',
  );
  for (let i = 0; i < 3; i++) {
    const back = rng.int(120, 900);
    add(
      rng.pick(others).profile.customer.id,
      'lawsuit_defendant',
      back,
      '民初',
      rng.int(5, 80) * 1_000_000,
      '合同纠纷（已结案）',
      addDays(opts.asOf, -back + rng.int(30, 110)),
    );
  }
  return out;
}

/** Agency ratings for some of the larger buyers; the deteriorating one shows a downgrade. */
export function buildRatings(opts: DemoOptions, larger: readonly CustomerSummary[], rng: Rng): ExternalRating[] {
  const out: ExternalRating[] = [];
  for (const { profile } of larger) {
    const id = profile.customer.id;
    const b = profile.behaviour;
    if (b === 'deteriorating') {
      out.push({ customerId: id, agency: 'creditsafe', value: '64', ratedOn: addDays(opts.asOf, -300) });
      out.push({ customerId: id, agency: 'creditsafe', value: '27', ratedOn: addDays(opts.asOf, -12) });
      continue;
    }
    if (b !== 'insolvent' && !rng.bernoulli(0.55)) continue;
    const score =
      b === 'insolvent' ? rng.int(3, 12) : b === 'late' || b === 'very_late' ? rng.int(30, 55) : rng.int(55, 95);
    out.push({
      customerId: id,
      agency: 'creditsafe',
      value: String(score),
      ratedOn: addDays(opts.asOf, -rng.int(5, 150)),
    });
    if (b === 'prompt' || b === 'late') {
      out.push({
        customerId: id,
        agency: 'dnb_paydex',
        value: String(b === 'prompt' ? 80 : rng.int(40, 60)),
        ratedOn: addDays(opts.asOf, -rng.int(5, 150)),
      });
    }
  }
  return out;
}

/** A few orders entered in the last two weeks and not yet invoiced. */
export function buildSalesOrders(opts: DemoOptions, larger: readonly CustomerSummary[], rng: Rng): SalesOrder[] {
  const candidates = larger.filter((s) => s.profile.behaviour !== 'insolvent');
  const out: SalesOrder[] = [];
  const n = Math.min(candidates.length, 12);
  for (let i = 0; i < n; i++) {
    const { profile, stats } = i < 2 ? (candidates[i] as CustomerSummary) : rng.pick(candidates);
    const on = addDays(opts.asOf, -rng.int(0, 14));
    const cny = Math.max(800_000, (stats.salesCnyLast12m / 40) * rng.uniform(0.5, 1.5));
    const amount =
      profile.currency === 'CNY' ? Math.round(cny / 10_000) * 10_000 : Math.round(cny / 7 / 10_000) * 10_000;
    out.push({
      id: `${opts.idPrefix}so-${pad(i + 1, 4)}`,
      customerId: profile.customer.id,
      number: `SO${on.replaceAll('-', '')}${pad(i + 1, 3)}`,
      orderedOn: on,
      currency: profile.currency,
      amountMinor: amount,
      status: i === n - 1 ? 'shipped' : 'open',
    });
  }
  const det = larger.find((s) => s.profile.behaviour === 'deteriorating');
  if (det) {
    const on = addDays(opts.asOf, -3);
    out.push({
      id: `${opts.idPrefix}so-${pad(n + 1, 4)}`,
      customerId: det.profile.customer.id,
      number: `SO${on.replaceAll('-', '')}${pad(n + 1, 3)}`,
      orderedOn: on,
      currency: 'CNY',
      amountMinor: round10k(det.stats.salesCnyLast12m / 8),
      status: 'open',
    });
  }
  return out;
}
