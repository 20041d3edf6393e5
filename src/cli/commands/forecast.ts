import type { Command } from 'commander';
import { systemClock } from '../../app/clock.js';
import { exportForecastXlsx, type ForecastWithSaved, freezeForecast, runForecast } from '../../app/forecast/index.js';
import { assumptionTexts, scenarioTitle } from '../../app/scenarios/index.js';
import { describeOutlook, type ForecastResult, type ScenarioForecast } from '../../core/forecast/index.js';
import { formatAmount, renderTable } from '../../i18n/format.js';
import { type Locale, translate } from '../../i18n/index.js';
import { action, globalOptions, localeOf, orThrow, requireOrganisation, withDb } from '../context.js';
import { asOfArgument, wholeNumberArgument } from './arguments.js';

interface ForecastOptions {
  weekly?: boolean;
  monthly?: boolean;
  weeks?: string;
  months?: string;
  scenario?: string;
  compare?: string;
  asOf?: string;
  json?: boolean;
  xlsx?: string;
  freeze?: boolean;
}

export function addForecastCommand(program: Command): void {
  program
    .command('forecast')
    .description('cash forecast, three scenarios / 现金流预测（乐观·基准·悲观）')
    .option('--weekly', 'weekly grid (default) / 按周')
    .option('--monthly', 'monthly grid / 按月')
    .option('--weeks <n>', 'weeks (1-52, default 13)')
    .option('--months <n>', 'months (3-12, default 6)')
    .option(
      '--scenario <name>',
      'optimistic, base or pessimistic alone; or a saved scenario, shown beside the three (cashguard scenario list)',
    )
    .option('--compare <names>', 'saved scenarios to show beside the three, comma-separated / 对比已保存情景')
    .option('--as-of <date>', 'as-of date YYYY-MM-DD (default: today)')
    .option('--json', 'print the full result as JSON')
    .option('--xlsx <file>', 'write an Excel workbook')
    .option('--freeze', 'freeze this week’s forecast for accuracy tracking / 冻结本周预测')
    .action(
      action(async (options: ForecastOptions, cmd: Command) => {
        const opts = globalOptions(cmd);
        const locale = localeOf(opts);
        const granularity = options.monthly ? 'month' : 'week';
        const raw = granularity === 'month' ? options.months : options.weeks;
        // The grammar here; how many periods a view may have is the forecast's own rule.
        const field = granularity === 'month' ? '--months' : '--weeks';
        const periods = raw === undefined ? undefined : wholeNumberArgument(field, raw, locale);
        const asOf = asOfArgument(options.asOf, () => systemClock.today(), locale);
        const compare = (options.compare ?? '')
          .split(',')
          .map((n) => n.trim())
          .filter((n) => n.length > 0);
        await withDb(opts, async (db) => {
          const org = await requireOrganisation(db, opts);
          const result = orThrow(
            await runForecast(db, {
              orgId: org.id,
              asOf,
              granularity,
              ...(periods === undefined ? {} : { periods }),
              ...(options.scenario === undefined ? {} : { scenario: options.scenario }),
              ...(compare.length === 0 ? {} : { compare }),
            }),
          );
          if (options.freeze && granularity === 'week') {
            const frozen = await freezeForecast(db, org.id, result, systemClock.now().toISOString());
            process.stderr.write(`${translate('FORECAST_FROZEN', { scenarios: frozen.join(', ') || '—' }, locale)}\n`);
          }
          if (options.xlsx) {
            await exportForecastXlsx(result, options.xlsx, locale);
            process.stderr.write(`${translate('FORECAST_XLSX_WRITTEN', { file: options.xlsx }, locale)}\n`);
          }
          process.stdout.write(options.json ? `${JSON.stringify(result, null, 2)}\n` : renderForecast(result, locale));
        });
      }),
    );
}

/**
 * The readable table: one block per scenario, periods down, amounts across; a saved scenario with
 * its assumptions in words; then, with more than one scenario, minimum cash and first breach side by side.
 */
export function renderForecast(result: ForecastWithSaved | ForecastResult, locale: Locale): string {
  const t = (code: string, details: Record<string, unknown> = {}) => translate(code, details, locale);
  const out = [
    t('FORECAST_TITLE', { asOf: result.asOf, currency: result.currency, openingOn: result.opening.on ?? '—' }),
  ];
  if (result.missingRates.length > 0)
    out.push(t('FORECAST_MISSING_RATES', { currencies: result.missingRates.join(', ') }));
  const saved = 'saved' in result ? result.saved : [];
  for (const s of result.scenarios) {
    out.push('', t('FORECAST_SCENARIO', { name: scenarioTitle(s.scenario, locale) }));
    const info = saved.find((x) => x.name === s.scenario);
    if (info) out.push(...assumptionTexts(info.assumptions, result.currency, locale).map((a) => `- ${a}`));
    out.push(scenarioTable(result, s, t));
  }
  if (result.scenarios.length > 1) out.push('', t('SCENARIO_COMPARE_TITLE'), comparisonTable(result, locale));
  return `${out.join('\n')}\n`;
}

/** Each scenario's minimum closing cash and first period below minimum cash, side by side. */
function comparisonTable(result: ForecastResult, locale: Locale): string {
  const t = (code: string) => translate(code, {}, locale);
  const unit = t(result.granularity === 'week' ? 'FORECAST_PERIOD_WEEK' : 'FORECAST_PERIOD_MONTH');
  const rows = result.scenarios.map((s) => {
    const min = Math.min(...s.periods.map((p) => p.closingMinor));
    const breach = s.firstBreach
      ? `${unit} ${s.firstBreach.index + 1} (${s.firstBreach.endOn})`
      : t('SCENARIO_NO_BREACH');
    return [scenarioTitle(s.scenario, locale), formatAmount(min, result.currency), breach];
  });
  const header = [t('SCENARIO_COL_NAME'), t('SCENARIO_COL_MIN_CASH'), t('SCENARIO_COL_FIRST_BREACH')];
  return renderTable([header, ...rows], [1]);
}

function scenarioTable(
  result: ForecastResult,
  s: ScenarioForecast,
  t: (code: string, d?: Record<string, unknown>) => string,
): string {
  const amount = (v: number) => formatAmount(v, result.currency);
  const header = [
    'FORECAST_COL_PERIOD',
    'FORECAST_COL_OPENING',
    'FORECAST_COL_RECEIPTS',
    'FORECAST_COL_DISBURSEMENTS',
    'FORECAST_COL_CLOSING',
    'FORECAST_COL_BUFFER',
    'FORECAST_COL_HEADROOM',
  ].map((c) => t(c));
  const rows = s.periods.map((p) => [
    `${p.startOn}${p.isBelowBuffer ? ' *' : ''}`,
    amount(p.openingMinor),
    amount(p.receiptsMinor),
    amount(p.disbursementsMinor),
    amount(p.closingMinor),
    amount(p.bufferMinor),
    amount(p.headroomMinor),
  ]);
  const o = describeOutlook(result, s);
  const unit = t(result.granularity === 'week' ? 'FORECAST_PERIOD_WEEK' : 'FORECAST_PERIOD_MONTH');
  const breach =
    o.breach.kind === 'now'
      ? t('FORECAST_BREACH_NOW', { opening: amount(o.breach.openingMinor), buffer: amount(o.breach.bufferMinor) })
      : o.breach.kind === 'period'
        ? t('FORECAST_BREACH_PERIOD', { n: o.breach.index + 1, unit, endOn: o.breach.endOn })
        : t('FORECAST_NO_BREACH');
  const runway = t(o.runway.kind === 'within' ? 'FORECAST_RUNWAY_WITHIN' : 'FORECAST_RUNWAY_BEYOND', {
    weeks: o.runway.weeks,
    credit: amount(o.runway.creditMinor),
  });
  const notes = [`* ${t('FORECAST_BELOW_BUFFER')}`, breach, runway];
  if (s.riskAdjustmentMinor > 0) notes.push(t('FORECAST_RISK_ADJUSTMENT', { amount: amount(s.riskAdjustmentMinor) }));
  return `${renderTable([header, ...rows], [1, 2, 3, 4, 5, 6])}\n${notes.join('\n')}`;
}
