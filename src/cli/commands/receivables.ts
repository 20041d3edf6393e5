import type { Command } from 'commander';
import { systemClock } from '../../app/clock.js';
import {
  customerLabels,
  formatAgingTable,
  formatMetrics,
  getAging,
  getCustomerProfile,
  getMetrics,
} from '../../app/receivables/index.js';
import type { AgingBasis, AgingPreset } from '../../core/receivables/index.js';
import { DomainFailure } from '../../core/shared/index.js';
import { action, globalOptions, localeOf, orThrow, requireOrganisation, withDb } from '../context.js';
import { asOfArgument, wholeNumberArgument } from './arguments.js';
import { formatCustomerProfile } from './customer-format.js';

function oneOf(field: string, value: string | undefined, allowed: readonly string[]): void {
  if (value !== undefined && !allowed.includes(value)) {
    throw new DomainFailure({ code: 'INVALID_ARGUMENT', details: { field, value, expected: allowed.join(' | ') } });
  }
}

const print = (json: boolean | undefined, value: unknown, text: () => string) =>
  process.stdout.write(`${json ? JSON.stringify(value, null, 2) : text()}\n`);

/** `cashguard aging`, `cashguard metrics`, `cashguard customer <id>`. */
export function addReceivablesCommands(program: Command): void {
  program
    .command('aging')
    .description('receivables aging as of a date / 应收账款账龄')
    .option('--as-of <date>', 'as of this date (default today)')
    .option('--basis <basis>', 'due (default) or issue')
    .option('--preset <preset>', 'default (1-30 … >365) or 30-60-90')
    .option('--customer <code>', 'one customer (its code or id)')
    .option('--json', 'print JSON')
    .action(
      action(
        async (
          o: { asOf?: string; basis?: string; preset?: string; customer?: string; json?: boolean },
          cmd: Command,
        ) => {
          const opts = globalOptions(cmd);
          const asOf = asOfArgument(o.asOf, () => systemClock.today(), localeOf(opts));
          oneOf('--basis', o.basis, ['due', 'issue']);
          oneOf('--preset', o.preset, ['default', '30-60-90']);
          await withDb(opts, async (db) => {
            const org = await requireOrganisation(db, opts);
            const view = orThrow(
              await getAging(db, {
                orgId: org.id,
                asOf,
                ...(o.basis ? { basis: o.basis as AgingBasis } : {}),
                ...(o.preset ? { preset: o.preset as AgingPreset } : {}),
                ...(o.customer ? { customerId: o.customer } : {}),
              }),
            );
            const labels = o.json ? new Map<string, string>() : await customerLabels(db, org.id);
            print(o.json, view, () => formatAgingTable(view, localeOf(opts), labels));
          });
        },
      ),
    );

  program
    .command('metrics')
    .description('DSO, ADD, CEI, concentration and thresholds / 应收指标')
    .option('--as-of <date>', 'as of this date (default today)')
    .option('--months <n>', 'months of history', '12')
    .option('--json', 'print JSON')
    .action(
      action(async (o: { asOf?: string; months: string; json?: boolean }, cmd: Command) => {
        const opts = globalOptions(cmd);
        const asOf = asOfArgument(o.asOf, () => systemClock.today(), localeOf(opts));
        const months = wholeNumberArgument('--months', o.months, localeOf(opts), 1, 36);
        await withDb(opts, async (db) => {
          const org = await requireOrganisation(db, opts);
          const view = orThrow(await getMetrics(db, { orgId: org.id, asOf, months }));
          print(o.json, view, () => formatMetrics(view, localeOf(opts)));
        });
      }),
    );

  program
    .command('customer <customer>')
    .description('how one customer really pays, and what it owes / 客户付款行为与未收款')
    .option('--as-of <date>', 'as of this date (default today)')
    .option('--json', 'print JSON')
    .action(
      action(async (customer: string, o: { asOf?: string; json?: boolean }, cmd: Command) => {
        const opts = globalOptions(cmd);
        const asOf = asOfArgument(o.asOf, () => systemClock.today(), localeOf(opts));
        await withDb(opts, async (db) => {
          const org = await requireOrganisation(db, opts);
          const profile = orThrow(await getCustomerProfile(db, { orgId: org.id, customer, asOf }));
          print(o.json, profile, () => formatCustomerProfile(profile, localeOf(opts)));
        });
      }),
    );
}
