import type { Command } from 'commander';
import { systemClock } from '../../app/clock.js';
import { createDemoCompany, DEFAULT_SEED, DEMO_NAME } from '../../app/demo/index.js';
import { DomainFailure } from '../../core/shared/index.js';
import { getOrganisation } from '../../db/stores/organisations.js';
import { translate } from '../../i18n/index.js';
import { action, globalOptions, localeOf, withDb } from '../context.js';
import { createProgress } from '../progress.js';
import { asOfArgument, wholeNumberArgument } from './arguments.js';

export function addDemoCommand(program: Command): void {
  program
    .command('demo')
    .description('create the demo company (deterministic, seeded) / 生成示例企业数据')
    .option('--seed <n>', 'random seed', String(DEFAULT_SEED))
    .option('--customers <n>', 'number of customers (default 200)')
    .option('--invoices <n>', 'number of invoices over three years (default 20000)')
    .option('--as-of <date>', 'the demo ends on this date (default today)')
    .option('--org-id <id>', 'organisation id', 'demo')
    .action(
      action(
        async (
          options: { seed: string; customers?: string; invoices?: string; asOf?: string; orgId: string },
          cmd: Command,
        ) => {
          const opts = globalOptions(cmd);
          const locale = localeOf(opts);
          const asOf = asOfArgument(options.asOf, () => systemClock.today(), locale);
          const seed = wholeNumberArgument('--seed', options.seed, locale);
          const count = (field: string, text: string | undefined) =>
            text === undefined ? undefined : wholeNumberArgument(field, text, locale, 1);
          const customers = count('--customers', options.customers);
          const invoices = count('--invoices', options.invoices);
          await withDb(opts, async (db) => {
            if (await getOrganisation(db, { orgId: options.orgId })) {
              throw new DomainFailure({ code: 'ORGANISATION_EXISTS', details: { orgId: options.orgId } });
            }
            const progress = createProgress();
            const started = performance.now();
            try {
              const result = await createDemoCompany(db, {
                asOf,
                seed,
                orgId: options.orgId,
                ...(customers === undefined ? {} : { customers }),
                ...(invoices === undefined ? {} : { invoices }),
                onProgress: progress.update,
              });
              progress.stop();
              const seconds = ((performance.now() - started) / 1000).toFixed(1);
              process.stdout.write(
                `${translate('DEMO_CREATED', { name: DEMO_NAME, orgId: result.orgId, seconds }, localeOf(opts))}\n`,
              );
              for (const [table, n] of Object.entries(result.counts))
                process.stdout.write(`  ${table.padEnd(24)} ${n}\n`);
            } finally {
              progress.stop();
            }
          });
        },
      ),
    );
}
