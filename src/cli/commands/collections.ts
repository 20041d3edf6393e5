import type { Command } from 'commander';
import { systemClock } from '../../app/clock.js';
import { formatSendReport } from '../../app/collections/format-send.js';
import { formatWorklist } from '../../app/collections/format-worklist.js';
import { sendDunningMessages } from '../../app/collections/send.js';
import { getWorklist } from '../../app/collections/worklist.js';
import { orThrow } from '../context.js';
import { wholeNumberArgument } from './arguments.js';
import { type Common, print, withOrg } from './credit.js';

/** `cashguard collections …`: the dunning worklist of the day. */
export function addCollectionsCommands(program: Command): void {
  const collections = program.command('collections').description('dunning and collections / 阶梯式催收');
  collections
    .command('worklist')
    .description("today's collection actions, most urgent expected loss first / 今日催收工作清单")
    .option('--as-of <date>', 'as of this date (default today)')
    .option('--top <n>', 'show the first n actions (default all)')
    .option('--json', 'print JSON')
    .action(
      withOrg<[], Common & { top?: string }>(async (ctx, db) => {
        const top =
          ctx.options.top === undefined ? undefined : wholeNumberArgument('--top', ctx.options.top, ctx.locale, 1);
        const r = orThrow(await getWorklist(db, { orgId: ctx.orgId, asOf: ctx.asOf }));
        const shown = top === undefined ? r : { ...r, items: r.items.slice(0, top) };
        print(ctx.json, shown, () => formatWorklist(shown, ctx.locale));
      }),
    );
  collections
    .command('send')
    .description("e-mail today's due dunning messages, each stage once per customer / 发送今日催收邮件")
    .option('--as-of <date>', 'as of this date (default today)')
    .option('--dry-run', 'show what would be sent; send and record nothing')
    .option('--json', 'print JSON')
    .action(
      withOrg<[], Common & { dryRun?: boolean }>(async (ctx, db) => {
        const r = orThrow(
          await sendDunningMessages(db, {
            orgId: ctx.orgId,
            asOf: ctx.asOf,
            now: () => systemClock.now().toISOString(),
            isDryRun: ctx.options.dryRun === true,
          }),
        );
        print(ctx.json, r, () => formatSendReport(r, ctx.locale));
      }),
    );
}
