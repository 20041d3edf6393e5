import type { Command } from 'commander';
import {
  describeCoverReason,
  formatCoverReport,
  formatDeadlineReport,
  formatValueReport,
  insuranceCover,
  insuranceDeadlineReport,
  insuranceValue,
  valueSummary,
} from '../../app/insurance/index.js';
import { orThrow } from '../context.js';
import { type Common, print, withOrg } from './credit.js';
import { addInsuranceClaimCommands } from './insurance-claims.js';

/**
 * `cashguard insurance cover | deadlines | value`: trade credit insurance on the organisation's
 * book under the policy in force (src/app/insurance).
 */
export function addInsuranceCommands(program: Command): void {
  const insurance = program.command('insurance').description('trade credit insurance / 信用保险');
  insurance
    .command('cover')
    .description('each open invoice: insured or not, and why; each buyer: limit, own risk, use / 承保情况')
    .option('--as-of <date>', 'as of this date (default today)')
    .option('--json', 'one row per open invoice with "covered" (true/false) and its "reasons"')
    .action(
      withOrg(async (ctx, db) => {
        const r = orThrow(await insuranceCover(db, { orgId: ctx.orgId, asOf: ctx.asOf }));
        const rows = r.invoices.map((i) => ({
          ...i,
          currency: r.currency,
          reasons: i.reasons.map((x) => ({ ...x, text: describeCoverReason(x, r.currency, ctx.locale) })),
        }));
        print(ctx.json, rows, () => formatCoverReport(r, ctx.locale));
      }),
    );
  insurance
    .command('deadlines')
    .description('policy deadlines of insured invoices: notification, stop deliveries, collection, claim / 保单期限')
    .option('--as-of <date>', 'as of this date (default today)')
    .option('--all', 'also list deadlines more than 30 days away')
    .option('--json', 'every deadline with its date, days left and level')
    .action(
      withOrg<[], Common & { all?: boolean }>(async (ctx, db) => {
        const r = orThrow(await insuranceDeadlineReport(db, { orgId: ctx.orgId, asOf: ctx.asOf }));
        print(ctx.json, r, () => formatDeadlineReport(r, ctx.locale, ctx.options.all === true));
      }),
    );
  insurance
    .command('value')
    .description('expected and 99 % loss with and without the policy, premium, break-even / 保单价值')
    .option('--as-of <date>', 'as of this date (default today)')
    .option(
      '--json',
      '{"expectedLossWith", "expectedLossWithout", "lossAt99With", "lossAt99Without", "premium", "breakEven"} in currency units',
    )
    .action(
      withOrg(async (ctx, db) => {
        const r = orThrow(await insuranceValue(db, { orgId: ctx.orgId, asOf: ctx.asOf }));
        print(ctx.json, valueSummary(r), () => formatValueReport(r, ctx.locale));
      }),
    );
  addInsuranceClaimCommands(insurance);
}
