import type { Command } from 'commander';
import { systemClock } from '../../app/clock.js';
import { formatSyncReport } from '../../app/insurance/connector/format.js';
import { syncInsurerCover } from '../../app/insurance/connector/sync.js';
import { orThrow } from '../context.js';
import { type Common, cliActor, print, withOrg } from './credit.js';

/**
 * `cashguard insurance sync`: the insurer's cover decisions, grades and claims through the
 * organisation's connector (settings `insurance.connector`), the decisions written as buyer limits.
 */
export function addInsuranceConnectorCommands(program: Command): void {
  const insurance =
    program.commands.find((c) => c.name() === 'insurance') ??
    program.command('insurance').description('trade credit insurance / 信用保险');
  insurance
    .command('sync')
    .description(
      "fetch the insurer's cover decisions, grades and claims; write the decisions as buyer limits / 同步保险公司限额",
    )
    .option('--as-of <date>', 'choose the policy in force on this date (default today)')
    .option('--dry-run', 'fetch and compare, write nothing')
    .option('--json', '{"counts", "decisions", "unmatched", "grades", "claims"}')
    .action(
      withOrg<[], Common & { dryRun?: boolean }>(async (ctx, db) => {
        const r = orThrow(
          await syncInsurerCover(db, {
            orgId: ctx.orgId,
            asOf: ctx.asOf,
            dryRun: ctx.options.dryRun === true,
            actor: { orgId: ctx.orgId, actor: cliActor(), now: systemClock.now().toISOString() },
          }),
        );
        print(ctx.json, r, () => formatSyncReport(r, ctx.locale));
      }),
    );
}
