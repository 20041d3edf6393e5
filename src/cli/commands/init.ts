import { randomUUID } from 'node:crypto';
import type { Command } from 'commander';
import { systemClock } from '../../app/clock.js';
import { DomainFailure } from '../../core/shared/index.js';
import { createOrganisation, listOrganisations } from '../../db/stores/organisations.js';
import { action, globalOptions, localeOf, withDb } from '../context.js';
import { currencyArgument, wholeNumberArgument } from './arguments.js';

export function addInitCommand(program: Command): void {
  program
    .command('init')
    .description('create the database and an empty organisation / 创建数据库和一个空企业')
    .option('--name <name>', 'company name', '我的公司')
    .option('--currency <code>', 'base currency', 'CNY')
    .option('--week-start <day>', 'ISO day weeks start on (1 = Monday, 7 = Sunday)', '1')
    .action(
      action(async (options: { name: string; currency: string; weekStart: string }, cmd: Command) => {
        const opts = globalOptions(cmd);
        const locale = localeOf(opts);
        const currency = currencyArgument('--currency', options.currency, locale);
        const weekStart = wholeNumberArgument('--week-start', options.weekStart, locale, 1, 7);
        await withDb(opts, async (db) => {
          const id = opts.org ?? randomUUID();
          if ((await listOrganisations(db)).some((o) => o.id === id)) {
            throw new DomainFailure({ code: 'ORGANISATION_EXISTS', details: { orgId: id } });
          }
          await createOrganisation(db, {
            id,
            name: options.name,
            baseCurrency: currency,
            weekStart,
            locale,
            createdAt: systemClock.now().toISOString(),
          });
          process.stdout.write(`${id}\n`);
        });
      }),
    );
}
