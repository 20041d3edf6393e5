import type { Command } from 'commander';
import { systemClock } from '../../app/clock.js';
import { formatFxReport, getFxReport } from '../../app/fx/index.js';
import { action, globalOptions, localeOf, orThrow, requireOrganisation, withDb } from '../context.js';
import { asOfArgument, percentArgument } from './arguments.js';

/**
 * `cashguard fx`: currency exposure per currency now and week by week, the revaluation at today's
 * rate, the effect of a ± move, and the hedge needed against the organisation's limits.
 */
export function addFxCommand(program: Command): void {
  program
    .command('fx')
    .description(
      'currency exposure now and by week, revaluation, ± shock and the hedge needed / 汇率敞口、重估、汇率冲击与所需套期保值',
    )
    .option('--as-of <date>', 'as of this date (YYYY-MM-DD); default today')
    .option('--shock <percent>', 'the ± move per currency in per cent (default: the setting fx.shockPct, else 10)')
    .option('--json', 'print JSON')
    .action(
      action(async (options: { asOf?: string; shock?: string; json?: boolean }, cmd: Command) => {
        const opts = globalOptions(cmd);
        const locale = localeOf(opts);
        const asOf = asOfArgument(options.asOf, () => systemClock.today(), locale);
        const shockPct = options.shock === undefined ? undefined : percentArgument('--shock', options.shock, locale);
        await withDb(opts, async (db) => {
          const organisation = await requireOrganisation(db, opts);
          const report = orThrow(
            await getFxReport(db, {
              orgId: organisation.id,
              asOf,
              ...(shockPct === undefined ? {} : { shockPct }),
            }),
          );
          const text = options.json ? JSON.stringify(report, null, 2) : formatFxReport(report, locale);
          process.stdout.write(`${text}\n`);
        });
      }),
    );
}
