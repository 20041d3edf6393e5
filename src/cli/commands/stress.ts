import type { Command } from 'commander';
import { systemClock } from '../../app/clock.js';
import { runStress, type StressHorizon, type StressReport } from '../../app/stress/index.js';
import { breakingPointText, periodText, shockText } from '../../app/stress/words.js';
import type { ShockOutcome } from '../../core/stress/index.js';
import { formatAmount, renderTable } from '../../i18n/format.js';
import { type Locale, translate } from '../../i18n/index.js';
import { action, globalOptions, localeOf, orThrow, requireOrganisation, withDb } from '../context.js';
import { asOfArgument } from './arguments.js';

interface StressOptions {
  shock?: string[];
  reverse?: boolean;
  asOf?: string;
  json?: boolean;
}

/**
 * `cashguard stress`: the standard shocks on the base forecast over 13 weeks and 6 months, and
 * with `--reverse` the breaking point of each driver. The `stress` group takes further
 * subcommands (other stress models) beside this default action.
 */
export function addStressCommand(stress: Command): void {
  stress
    .option('--shock <name...>', 'standard shocks to run (default: all), e.g. top1_default delay_30')
    .option('--reverse', 'also find the breaking point of each driver / 反向压力测试（临界点）')
    .option('--as-of <date>', 'as-of date YYYY-MM-DD (default: today)')
    .option('--json', 'print the full result as JSON')
    .action(
      action(async (options: StressOptions, cmd: Command) => {
        const opts = globalOptions(cmd);
        const locale = localeOf(opts);
        const asOf = asOfArgument(options.asOf, () => systemClock.today(), locale);
        await withDb(opts, async (db) => {
          const org = await requireOrganisation(db, opts);
          const report = orThrow(
            await runStress(db, {
              orgId: org.id,
              asOf,
              ...(options.shock === undefined ? {} : { shocks: options.shock }),
              reverse: options.reverse === true,
            }),
          );
          process.stdout.write(options.json ? `${JSON.stringify(report, null, 2)}\n` : renderStress(report, locale));
        });
      }),
    );
}

/** The readable report: per horizon, one row per shock, then the breaking points in words. */
export function renderStress(report: StressReport, locale: Locale): string {
  const out = [translate('STRESS_TITLE', { asOf: report.asOf, currency: report.currency }, locale)];
  for (const h of report.horizons) out.push('', ...renderHorizon(report, h, locale));
  return `${out.join('\n')}\n`;
}

function renderHorizon(report: StressReport, h: StressHorizon, locale: Locale): string[] {
  const t = (code: string, d: Record<string, unknown> = {}) => translate(code, d, locale);
  const amount = (v: number) => formatAmount(v, report.currency);
  const when = (p: ShockOutcome['firstBreach']) => (p ? periodText(p, h.granularity, locale) : t('STRESS_NEVER'));
  const row = (name: string, o: ShockOutcome) => [
    name,
    amount(o.minCashMinor),
    periodText(o.minPeriod, h.granularity, locale),
    when(o.firstNegative),
    when(o.firstBreach),
    amount(o.lossMinor),
    amount(o.creditLossMinor),
  ];
  const header = [
    'STRESS_COL_SHOCK',
    'STRESS_COL_MIN_CASH',
    'STRESS_COL_MIN_PERIOD',
    'STRESS_COL_NEGATIVE',
    'STRESS_COL_BREACH',
    'STRESS_COL_LOSS',
    'STRESS_COL_CREDIT_LOSS',
  ].map((c) => t(c));
  const rows = [
    header,
    row(t('STRESS_SHOCK_base'), h.base),
    ...h.shocks.map((s) => row(shockText(s.name, report.currency, locale), s.outcome)),
  ];
  const lines = [
    t(`STRESS_HORIZON_${h.granularity}`, { n: h.periods, buffer: amount(h.bufferMinor) }),
    renderTable(rows, [1, 5, 6]),
  ];
  if (h.breakingPoints) {
    lines.push('', t('STRESS_BREAKING_POINTS'));
    for (const p of h.breakingPoints) lines.push(`  - ${breakingPointText(p, h.granularity, report.currency, locale)}`);
  }
  return lines;
}
