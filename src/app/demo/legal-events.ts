import type { LegalEvent, LegalEventType } from '../../core/model/index.js';
import type { Rng } from '../../core/shared/random.js';
import { addDays, addMonths } from '../../core/time/index.js';
import type { CustomerSummary } from './credit-data.js';
import { type DemoOptions, pad } from './options.js';

function courtRef(on: string, kind: string, rng: Rng): string {
  return `(${on.slice(0, 4)})粤03${pad(rng.int(1, 9), 2)}${kind}${rng.int(100, 9999)}号`;
}

/** The month a 票交所 list published on `on` covers (the month before): '2026年11月'. */
function listMonth(on: string): string {
  const month = addMonths(on, -1);
  return `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月`;
}

/**
 * Public-record events: the insolvent buyer's path to bankruptcy (sued, enforced, listed as a
 * dishonest debtor, restricted, then the one insolvency filing), the deteriorating buyer's lawsuit
 * and enforcement, the acceptor of a 商承 we hold on the 票交所 acceptor-overdue list, and a few
 * ordinary records (one abnormal-operations entry, one penalty, three settled lawsuits).
 */
export function buildLegalEvents(opts: DemoOptions, summaries: readonly CustomerSummary[], rng: Rng): LegalEvent[] {
  const out: LegalEvent[] = [];
  const add = (
    customerId: string,
    type: LegalEventType,
    back: number,
    ref: string,
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
      source: ref === '票交所' ? `上海票据交易所 承兑人逾期名单（${listMonth(on)}）` : courtRef(on, ref, rng),
      description,
      resolvedOn: resolved,
    });
  };
  for (const { profile } of summaries) {
    const id = profile.customer.id;
    if (profile.role === 'insolvent') {
      add(id, 'lawsuit_defendant', 210, '民初', 86_000_000, '买卖合同纠纷（被告）');
      add(id, 'enforcement', 125, '执', 86_000_000, '被执行人');
      add(id, 'dishonest_debtor', 62, '执', 86_000_000, '失信被执行人：有履行能力而拒不履行');
      add(id, 'consumption_restriction', 58, '执', null, '限制高消费');
      add(id, 'insolvency', rng.int(20, 35), '破申', null, '破产清算申请已受理');
    } else if (profile.role === 'deteriorating') {
      add(id, 'lawsuit_defendant', 95, '民初', 42_000_000, '买卖合同纠纷（被告）');
      add(id, 'enforcement', 40, '执', 42_000_000, '被执行人');
    } else if (profile.role === 'acceptor') {
      add(id, 'acceptor_overdue', rng.int(6, 20), '票交所', null, '承兑人逾期：6个月内3笔商票到期未付');
    }
  }
  const others = summaries.filter((s) => s.profile.role === null);
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
