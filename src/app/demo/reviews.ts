import { DEFAULT_REVIEW_SETTINGS } from '../../core/credit/index.js';
import type { Grade, LegalEvent } from '../../core/model/index.js';
import type { Rng } from '../../core/shared/random.js';
import { addDays, addMonths, fromEpochDay, maxDate, toEpochDay } from '../../core/time/index.js';
import type { CustomerSummary } from './credit-data.js';
import { type DemoOptions, pad } from './options.js';
import type { CustomerProfile } from './profiles.js';
import type { DemoCreditReview, DemoOnboardingCheck } from './types.js';

/** Who reviews: the credit controller and the finance manager, the owner for the largest accounts. */
const REVIEWERS = ['李伟', '王芳', '陈静'] as const;
const REASON_BY_MONTHS: Readonly<Record<number, string>> = {
  12: '年度信用复审',
  6: '半年度信用复审',
  3: '季度信用复审',
  1: '月度信用复审',
};
/** Reviews kept per customer: the last and the one before it. */
const HISTORY = 2;

/** A customer's review history: dates oldest first, the grade given at the last one, who and why. */
export interface ReviewPlan {
  readonly dates: readonly string[];
  readonly last: string;
  readonly grade: Grade;
  readonly gradeBefore: Grade | null;
  readonly reviewer: string;
  readonly reason: string;
}

/** The grade the last review gave, by how the customer pays and what it is known for. */
export function reviewedGrade(p: CustomerProfile): Grade {
  switch (p.role) {
    case 'prompt':
      return 'A';
    case 'late':
    case 'seasonal':
    case 'deteriorating':
      return 'C';
    case 'insolvent':
      return 'D';
    case null:
      break;
    default:
      return 'B';
  }
  if (p.segment === 'habitual_late') return 'D';
  if (p.segment === 'at_risk') return 'E';
  // A builder who pays a little late scores a grade lower (construction is the slowest industry).
  return p.segment === 'slightly_late' && p.customer.industry === 'construction' ? 'C' : 'B';
}

const cadence = (g: Grade) => DEFAULT_REVIEW_SETTINGS.cadenceMonths[g];

/** A review two to nine days after the customer's latest public record, if that is at least ten days old. */
function reviewAfterEvents(id: string, events: readonly LegalEvent[], opts: DemoOptions, r: Rng): string | null {
  const latest = events
    .filter((e) => e.customerId === id && e.occurredOn <= addDays(opts.asOf, -10))
    .map((e) => e.occurredOn)
    .sort()
    .at(-1);
  return latest === undefined ? null : addDays(latest, r.int(2, 9));
}

/**
 * When each customer was last reviewed. By its grade's cadence (DOMAIN 4.2: A/B 12, C 6, D 3, E 1
 * months), the last review falls anywhere in the last cadence period, so next reviews spread over
 * the year and only a handful fall due in any week; a customer onboarded since was reviewed when
 * it was onboarded. The story customers: the insolvent one was last reviewed after the enforcement
 * against it (its limit was frozen at 0 on the bankruptcy filing, the formal review is due), the
 * deteriorating one before its lawsuit, the acceptor before the 票交所 listing.
 */
export function planReviews(
  opts: DemoOptions,
  summaries: readonly CustomerSummary[],
  events: readonly LegalEvent[],
  rng: Rng,
): Map<string, ReviewPlan> {
  const out = new Map<string, ReviewPlan>();
  const eventOn = (customerId: string, type: LegalEvent['type']) =>
    events.find((e) => e.customerId === customerId && e.type === type)?.occurredOn;
  for (const { profile } of summaries) {
    const r = rng.fork(profile.index);
    const id = profile.customer.id;
    const grade = reviewedGrade(profile);
    const months = cadence(grade);
    const since = profile.customer.sinceOn ?? opts.start;
    let last: string;
    let gradeBefore: Grade | null = grade;
    const enforcement = profile.role === 'insolvent' ? eventOn(id, 'enforcement') : undefined;
    if (enforcement !== undefined) {
      last = addDays(enforcement, 5);
      gradeBefore = 'C';
    } else if (profile.role === 'deteriorating') {
      last = addDays(opts.asOf, -r.int(120, 150));
      gradeBefore = 'B';
    } else {
      const from = toEpochDay(addMonths(opts.asOf, -months)) + 1;
      const latest = profile.role === 'acceptor' ? opts.endDay - 21 : opts.endDay - 1;
      last = maxDate(fromEpochDay(r.int(Math.min(from, latest), latest)), since);
      // A public record that appeared since was followed by an event-driven review (DOMAIN 4.2).
      if (profile.role === null) last = maxDate(last, reviewAfterEvents(id, events, opts, r) ?? last);
    }
    const dates = [last];
    for (let k = 1; k < HISTORY; k++) {
      const prev = addMonths(dates[0] as string, -months);
      if (prev < since) break;
      dates.unshift(prev);
    }
    const isOnboarding = last === since;
    out.set(id, {
      dates,
      last,
      grade,
      gradeBefore,
      reviewer: REVIEWERS[profile.index % REVIEWERS.length] as string,
      reason: isOnboarding ? '新客户准入审批' : (REASON_BY_MONTHS[months] ?? '信用复审'),
    });
  }
  return out;
}

/** The review rows: every date of each plan, the last with its grade change and reason. */
export function buildReviews(opts: DemoOptions, plans: ReadonlyMap<string, ReviewPlan>): DemoCreditReview[] {
  const out: DemoCreditReview[] = [];
  for (const [customerId, plan] of plans) {
    plan.dates.forEach((on, k) => {
      const isLast = k === plan.dates.length - 1;
      const grade = isLast ? plan.grade : (plan.gradeBefore ?? plan.grade);
      out.push({
        id: `${opts.idPrefix}rv-${pad(out.length + 1, 6)}`,
        customerId,
        reviewedOn: on,
        reviewer: plan.reviewer,
        gradeBefore: k === 0 ? null : isLast ? plan.gradeBefore : grade,
        gradeAfter: grade,
        reason: isLast ? plan.reason : (REASON_BY_MONTHS[cadence(grade)] ?? '信用复审'),
        nextDueOn: addMonths(on, cadence(grade)),
      });
    });
  }
  return out;
}

/**
 * Onboarding checks a person recorded. A customer onboarded during the history passed the whole
 * checklist on its first day; a long-standing customer has what was checked at its first review
 * in the books (sanctions, trade references waived for an old customer), and no bank reference.
 * The last review repeated the litigation and enforcement search (the latest search is the one
 * the scorecard reads).
 */
export function buildOnboardingChecks(
  opts: DemoOptions,
  summaries: readonly CustomerSummary[],
  plans: ReadonlyMap<string, ReviewPlan>,
): DemoOnboardingCheck[] {
  const out: DemoOnboardingCheck[] = [];
  for (const { profile } of summaries) {
    const plan = plans.get(profile.customer.id);
    if (!plan) continue;
    const rows = new Map<string, DemoOnboardingCheck>();
    const add = (item: string, status: DemoOnboardingCheck['status'], on: string, note: string | null) =>
      rows.set(`${item}|${on}`, {
        customerId: profile.customer.id,
        item,
        status,
        checkedOn: on,
        checkedBy: plan.reviewer,
        note,
      });
    const since = profile.customer.sinceOn ?? opts.start;
    const isForeign = profile.customer.country !== 'CN';
    if (since >= opts.start) {
      add('litigation_check', 'done', since, '裁判文书网、执行信息公开网查询');
      add('sanctions_check', 'done', since, isForeign ? '联合国及美欧制裁名单查询无记录' : '制裁名单查询无记录');
      add('trade_references', 'done', since, '两家同行供应商推荐');
      add('bank_reference', 'done', since, '开户行资信证明');
      add('credit_report', 'done', since, '企业信用报告');
      const isSmall = profile.customer.sizeClass === 'micro' || profile.customer.sizeClass === 'small';
      add(
        'financial_statements',
        isSmall ? 'waived' : 'done',
        since,
        isSmall ? '小微企业，以征信报告代替' : '近两年年度报表',
      );
    } else {
      const first = plan.dates[0] as string;
      add(
        'sanctions_check',
        isForeign ? 'done' : 'waived',
        first,
        isForeign ? '制裁名单查询无记录' : '境内客户，不涉及制裁名单',
      );
      add('trade_references', 'waived', first, '合作多年的老客户');
    }
    add('litigation_check', 'done', plan.last, '裁判文书网、执行信息公开网查询');
    out.push(...rows.values());
  }
  return out;
}
