import type { Command } from 'commander';
import { loadBalanceSheets, saveBalanceSheets } from '../../db/stores/balance-sheets.js';
import { formatAmount, renderTable } from '../../i18n/format.js';
import { translate } from '../../i18n/index.js';
import { action, globalOptions, localeOf, requireOrganisation, withDb } from '../context.js';
import { amountArgument, monthEndArgument } from './arguments.js';

const ITEMS = [
  'currentAssets',
  'currentLiabilities',
  'cash',
  'shortTermInvestments',
  'receivables',
  'inventory',
  'cogs',
] as const;
type Item = (typeof ITEMS)[number];
const FLAG: Record<Item, string> = {
  currentAssets: '--current-assets',
  currentLiabilities: '--current-liabilities',
  cash: '--cash',
  shortTermInvestments: '--short-term-investments',
  receivables: '--receivables',
  inventory: '--inventory',
  cogs: '--cogs',
};

/** `cashguard balance-sheet set|list`: the company's own month-end figures for the ratios. */
export function addBalanceSheetCommands(program: Command): void {
  const cmd = program
    .command('balance-sheet')
    .description("the company's own month-end balance sheet / 本企业月末资产负债数据");
  const set = cmd
    .command('set <monthEnd>')
    .description('enter or correct one month (amounts in the base currency) / 录入或更正某月数据')
    .requiredOption(`${FLAG.currentAssets} <amount>`, 'current assets (流动资产)')
    .requiredOption(`${FLAG.currentLiabilities} <amount>`, 'current liabilities (流动负债)');
  for (const item of ITEMS.slice(2)) set.option(`${FLAG[item]} <amount>`, item);
  set.action(
    action(async (monthEnd: string, o: Partial<Record<Item, string>>, c: Command) => {
      const opts = globalOptions(c);
      const locale = localeOf(opts);
      const on = monthEndArgument('<monthEnd>', monthEnd, locale);
      await withDb(opts, async (db) => {
        const org = await requireOrganisation(db, opts);
        const currency = org.baseCurrency;
        const amount = (i: Item) => {
          const text = o[i];
          return text === undefined ? 0 : amountArgument(FLAG[i], text, currency, 'zero', locale);
        };
        const figures = Object.fromEntries(ITEMS.map((i) => [i, amount(i)])) as Record<Item, number>;
        await saveBalanceSheets(db, { orgId: org.id, sheets: [{ monthEnd: on, currency, ...figures }] });
        process.stdout.write(`${translate('BALANCE_SHEET_SAVED', { monthEnd: on }, locale)}\n`);
      });
    }),
  );
  cmd
    .command('list')
    .description('list the stored months / 列出已录入的月份')
    .action(
      action(async (_o: unknown, c: Command) => {
        const opts = globalOptions(c);
        await withDb(opts, async (db) => {
          const org = await requireOrganisation(db, opts);
          const sheets = await loadBalanceSheets(db, { orgId: org.id });
          const rows = sheets.map((s) => [s.monthEnd, ...ITEMS.map((i) => formatAmount(s[i], s.currency))]);
          process.stdout.write(`${renderTable([['monthEnd', ...ITEMS], ...rows], [1, 2, 3, 4, 5, 6, 7])}\n`);
        });
      }),
    );
}
