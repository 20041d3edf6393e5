import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { systemClock } from '../../app/clock.js';
import { formatSyncReport } from '../../app/insurance/connector/format.js';
import { syncInsurerCover } from '../../app/insurance/connector/sync.js';
import { eligiblePack, eligibleWorkbook, formatEligibleReport } from '../../app/insurance/eligible-pack.js';
import { fail } from '../../core/shared/index.js';
import { translate } from '../../i18n/index.js';
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

/**
 * `cashguard insurance eligible`: the insured receivables a bank would take as collateral, as an
 * Excel pack (`--xlsx FILE`), JSON or a summary.
 */
export function addEligibleCommand(program: Command): void {
  const insurance =
    program.commands.find((c) => c.name() === 'insurance') ??
    program.command('insurance').description('trade credit insurance / 信用保险');
  insurance
    .command('eligible')
    .description('insured receivables eligible as collateral for financing, with the loss payee / 可融资应收账款')
    .option('--as-of <date>', 'as of this date (default today)')
    .option('--xlsx <file>', 'write the pack as an Excel workbook (invoices and a summary sheet)')
    .option(
      '--json',
      '{"eligible", "excluded" (with "reasons"), "totals" per currency, "policy"}; amounts in minor units',
    )
    .action(
      withOrg<[], Common & { xlsx?: string }>(async (ctx, db) => {
        const r = orThrow(await eligiblePack(db, { orgId: ctx.orgId, asOf: ctx.asOf }));
        const file = ctx.options.xlsx;
        if (file !== undefined) {
          try {
            await writeFile(file, await eligibleWorkbook(r, ctx.locale));
          } catch (cause) {
            orThrow(
              fail('OUTPUT_WRITE_FAILED', { file, value: cause instanceof Error ? cause.message : String(cause) }),
            );
          }
        }
        const excluded = r.excluded.map((x) => ({
          ...x,
          reasonTexts: x.reasons.map((code) => translate(code, {}, ctx.locale)),
        }));
        print(ctx.json, { ...r, excluded }, () =>
          [
            formatEligibleReport(r, ctx.locale),
            ...(file === undefined
              ? []
              : [translate('INS_ELIGIBLE_WRITTEN', { file, count: r.eligible.length }, ctx.locale)]),
          ].join('\n'),
        );
      }),
    );
}
