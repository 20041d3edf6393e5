import type { Command } from 'commander';
import { formatLetterOfCredit, formatLettersOfCredit, getLettersOfCredit } from '../../app/lc/index.js';
import { orThrow } from '../context.js';
import { print, withOrg } from './credit.js';

/**
 * `cashguard lc list | show ID | check ID`: letters of credit securing export receivables, with
 * the UCP 600 presentation deadline, the examination window on the banking calendar, the expected
 * payment date and whether each secures its receivable (DOMAIN 7.7).
 */
export function addLcCommands(program: Command): void {
  const lc = program.command('lc').description('letters of credit / 信用证');
  lc.command('list')
    .description('every credit: deadline, expected cash, secured or not / 信用证列表')
    .option('--as-of <date>', 'as of this date (default today)')
    .option('--json', 'print JSON')
    .action(
      withOrg(async (ctx, db) => {
        const views = orThrow(await getLettersOfCredit(db, { orgId: ctx.orgId, asOf: ctx.asOf }));
        print(ctx.json, views, () => formatLettersOfCredit(views, ctx.locale));
      }),
    );
  for (const name of ['show', 'check'] as const)
    lc.command(`${name} <id>`)
      .description(
        name === 'show'
          ? 'one credit: dates, examination window, timeline / 信用证详情'
          : 'the UCP 600 red-flag checklist and why the credit secures or not / 信用证风险核查',
      )
      .option('--as-of <date>', 'as of this date (default today)')
      .option('--json', 'print JSON')
      .action(
        withOrg(async (ctx, db, id: string) => {
          const [view] = orThrow(await getLettersOfCredit(db, { orgId: ctx.orgId, asOf: ctx.asOf, id }));
          if (!view) return;
          const value =
            name === 'check'
              ? {
                  number: view.lc.number,
                  checklist: view.checklist,
                  isSecured: view.isSecured,
                  reasons: view.unsecuredReasons,
                }
              : view;
          print(ctx.json, value, () => formatLetterOfCredit(view, ctx.locale));
        }),
      );
}
