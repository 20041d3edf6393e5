import type { Command } from 'commander';
import {
  type ApprovedLimit,
  approveLimit,
  type RecordedOnboardingCheck,
  type RecordedReview,
  recordOnboardingCheck,
  recordReview,
} from '../../app/credit/index.js';
import { ONBOARDING_ITEMS, type RecordedCheck } from '../../core/credit/index.js';
import { DomainFailure } from '../../core/shared/index.js';
import { formatMoney } from '../../i18n/format.js';
import { type Locale, translate } from '../../i18n/index.js';
import { orThrow } from '../context.js';
import { amountArgument } from './arguments.js';
import { type Common, cliActor, print, withOrg } from './credit.js';

/**
 * The credit decisions a person records from the command line: `review`, `onboarding-check` and
 * `approve-limit`. `--as-of` is the day of the decision (default today); who decided defaults to
 * the operating-system user ('cli:wang.li').
 */
const STATUSES: readonly RecordedCheck['status'][] = ['done', 'failed', 'waived'];

function invalid(field: string, value: string, expected: string): DomainFailure {
  return new DomainFailure({ code: 'INVALID_ARGUMENT', details: { field, value, expected } });
}

/** `--reason`, required and not blank; `expected` is a message code saying what it should hold. */
function requireReason(reason: string | undefined, expected: string, locale: Locale): string {
  if (reason === undefined || reason.trim() === '')
    throw invalid('--reason', reason ?? '', translate(expected, {}, locale));
  return reason;
}

const customerLabel = (r: { code: string; name: string }) => `${r.code} ${r.name}`;

function formatReview(r: RecordedReview, locale: Locale): string {
  return translate(
    'CR_RECORDED',
    { ...r, customer: customerLabel(r), before: r.gradeBefore ?? '—', after: r.gradeAfter ?? '—' },
    locale,
  );
}

function formatCheck(r: RecordedOnboardingCheck, locale: Locale): string {
  const item = translate(`CO_ITEM_${r.item}`, {}, locale);
  const status = translate(`CO_STATUS_${r.status}`, {}, locale);
  const line = translate('CO_RECORDED', { ...r, customer: customerLabel(r), item, status }, locale);
  return r.note === null ? line : `${line}\n  ${r.note}`;
}

function formatApproved(r: ApprovedLimit, locale: Locale): string {
  return translate(
    'CL_APPROVED',
    {
      customer: customerLabel(r),
      limit: formatMoney(r.limitMinor, r.currency),
      binding: translate(`CL_BINDING_${r.binding.toUpperCase()}`, {}, locale),
      recommended: formatMoney(r.recommendation.recommendedMinor, r.currency),
      effectiveFrom: r.effectiveFrom,
      actor: r.approvedBy,
    },
    locale,
  );
}

const common = (c: Command) =>
  c.option('--as-of <date>', 'the day of the decision (default today)').option('--json', 'print JSON');

export function addCreditDecisionCommands(program: Command): void {
  common(
    program
      .command('review <customer>')
      .description('record a completed credit review; shows the next review date / 记录信用复审')
      .option('--reason <text>', 'what the review found or decided (required)')
      .option('--reviewer <name>', 'who reviewed (default: cli:<your user name>)'),
  ).action(
    withOrg<[string], Common & { reason?: string; reviewer?: string }>(async (ctx, db, customer) => {
      const reason = requireReason(ctx.options.reason, 'CLI_EXPECT_REVIEW_REASON', ctx.locale);
      const reviewer = ctx.options.reviewer ?? cliActor();
      const r = orThrow(
        await recordReview(db, { orgId: ctx.orgId, customerId: customer, asOf: ctx.asOf, reviewer, reason }),
      );
      print(ctx.json, r, () => formatReview(r, ctx.locale));
    }),
  );
  common(
    program
      .command('onboarding-check <customer> <item> <status>')
      .description(
        `record an onboarding item (${ONBOARDING_ITEMS.join(', ')}) as done, failed or waived / 记录准入检查`,
      )
      .option('--note <text>', 'what was seen (reference, bank, source)')
      .option('--by <name>', 'who checked (default: cli:<your user name>)'),
  ).action(
    withOrg<[string, string, string], Common & { note?: string; by?: string }>(
      async (ctx, db, customer, item, status) => {
        if (!(ONBOARDING_ITEMS as readonly string[]).includes(item))
          throw invalid('<item>', item, ONBOARDING_ITEMS.join(' | '));
        if (!(STATUSES as readonly string[]).includes(status)) throw invalid('<status>', status, STATUSES.join(' | '));
        const r = orThrow(
          await recordOnboardingCheck(db, {
            orgId: ctx.orgId,
            customerId: customer,
            item,
            status: status as RecordedCheck['status'],
            checkedOn: ctx.asOf,
            checkedBy: ctx.options.by ?? cliActor(),
            note: ctx.options.note,
          }),
        );
        print(ctx.json, r, () => formatCheck(r, ctx.locale));
      },
    ),
  );
  common(
    program
      .command('approve-limit <customer> <amount>')
      .description('approve a credit limit in the base currency, effective --as-of / 批准信用额度')
      .option('--reason <text>', 'why this limit (required)')
      .option('--actor <name>', 'who approves (default: cli:<your user name>)'),
  ).action(
    withOrg<[string, string], Common & { reason?: string; actor?: string }>(async (ctx, db, customer, amount) => {
      const limitMinor = amountArgument('<amount>', amount, ctx.baseCurrency, 'zero', ctx.locale);
      const reason = requireReason(ctx.options.reason, 'CLI_EXPECT_LIMIT_REASON', ctx.locale);
      const r = orThrow(
        await approveLimit(db, {
          orgId: ctx.orgId,
          customerId: customer,
          limitMinor,
          reason,
          actor: ctx.options.actor ?? cliActor(),
          asOf: ctx.asOf,
        }),
      );
      print(ctx.json, r, () => formatApproved(r, ctx.locale));
    }),
  );
}
