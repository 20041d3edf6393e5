import type { Command } from 'commander';
import { backtestJson, backtestReceiptsFromFile } from '../../app/forecast/index.js';
import { DEFAULT_FORECAST_SETTINGS } from '../../core/forecast/index.js';
import { renderTable } from '../../i18n/format.js';
import { translate } from '../../i18n/index.js';
import { action, globalOptions, localeOf, orThrow } from '../context.js';
import { wholeNumberArgument } from './arguments.js';

const pct = (x: number | null) => (x === null ? '—' : x.toFixed(3));

/**
 * `cashguard backtest forecast <file> [--slices N] [--json]`: receipts placement WAPE per week
 * ahead, CashGuard (each invoice spread over N likely dates, as the base forecast does) vs due date.
 */
export function addBacktestForecastCommand(backtest: Command): void {
  backtest
    .command('forecast <file>')
    .description('replay a payment history week by week: receipts WAPE per week ahead / 按周回放收款预测')
    .option(
      '--slices <n>',
      `equally likely dates each invoice is spread over, 1-20 (1 = its median date) / 每张发票分摊的可能回款日数 (default ${DEFAULT_FORECAST_SETTINGS.receiptSlices})`,
    )
    .option('--json', 'print { horizons: [{ weeks, wape, wapeDueDate }] }')
    .action(
      action(async (file: string, options: { json?: boolean; slices?: string }, cmd: Command) => {
        const locale = localeOf(globalOptions(cmd));
        const slices =
          options.slices === undefined
            ? DEFAULT_FORECAST_SETTINGS.receiptSlices
            : wholeNumberArgument('--slices', options.slices, locale, 1, 20);
        const result = orThrow(await backtestReceiptsFromFile(file, 13, slices));
        if (options.json) {
          process.stdout.write(`${JSON.stringify(backtestJson(result))}\n`);
          return;
        }
        const t = (code: string, d: Record<string, unknown> = {}) => translate(code, d, locale);
        const rows = result.horizons.map((h) => [String(h.weeks), pct(h.wape), pct(h.wapeDueDate)]);
        const header = [
          t('BACKTEST_FORECAST_COL_WEEKS'),
          t('BACKTEST_FORECAST_COL_MODEL'),
          t('BACKTEST_FORECAST_COL_DUE'),
        ];
        process.stdout.write(
          `${t('BACKTEST_FORECAST_TITLE', { cutoffs: result.cutoffs })}\n${renderTable([header, ...rows], [0, 1, 2])}\n`,
        );
      }),
    );
}
