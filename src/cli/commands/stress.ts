import { availableParallelism } from 'node:os';
import type { Command } from 'commander';
import { systemClock } from '../../app/clock.js';
import { runStress, type StressHorizon, type StressReport } from '../../app/stress/index.js';
import { breakingPointText, periodText, shockText } from '../../app/stress/words.js';
import type { MonteCarloSummary, ShockOutcome } from '../../core/stress/index.js';
import { formatAmount, renderTable } from '../../i18n/format.js';
import { type Locale, translate } from '../../i18n/index.js';
import { action, globalOptions, localeOf, orThrow, requireOrganisation, withDb } from '../context.js';
import { asOfArgument, wholeNumberArgument } from './arguments.js';

interface StressOptions {
  shock?: string[];
  reverse?: boolean;
  monteCarlo?: boolean;
  paths?: string;
  seed?: string;
  workers?: string;
  rho?: string;
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
    .option('--monte-carlo', 'also run the Monte Carlo (10,000 paths) / 蒙特卡洛模拟')
    .option('--paths <n>', 'Monte Carlo paths (implies --monte-carlo)')
    .option('--seed <s>', 'Monte Carlo seed (the same seed gives the same result)')
    .option('--workers <n>', 'Monte Carlo worker threads (default 2)')
    .option('--rho <r>', 'asset correlation for every customer (default: Basel R(PD))')
    .option('--as-of <date>', 'as-of date YYYY-MM-DD (default: today)')
    .option('--json', 'print the full result as JSON')
    .action(
      action(async (options: StressOptions, cmd: Command) => {
        const opts = globalOptions(cmd);
        const locale = localeOf(opts);
        const asOf = asOfArgument(options.asOf, () => systemClock.today(), locale);
        const isMonteCarlo = options.monteCarlo === true || options.paths !== undefined;
        const whole = (field: string, text: string | undefined) =>
          text === undefined ? undefined : wholeNumberArgument(field, text, locale);
        const paths = whole('--paths', options.paths);
        const seed = whole('--seed', options.seed);
        const workers = whole('--workers', options.workers) ?? Math.min(2, availableParallelism());
        const rho = options.rho === undefined ? undefined : Number(options.rho);
        await withDb(opts, async (db) => {
          const org = await requireOrganisation(db, opts);
          const report = orThrow(
            await runStress(db, {
              orgId: org.id,
              asOf,
              ...(options.shock === undefined ? {} : { shocks: options.shock }),
              reverse: options.reverse === true,
              ...(isMonteCarlo
                ? {
                    monteCarlo: {
                      workers,
                      ...(paths === undefined ? {} : { paths }),
                      ...(seed === undefined ? {} : { seed }),
                      ...(rho === undefined ? {} : { rho }),
                    },
                  }
                : {}),
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
  if (h.monteCarlo) lines.push('', ...renderMonteCarlo(report, h, h.monteCarlo, locale));
  return lines;
}

const pct = (x: number) => `${(x * 100).toFixed(1)} %`;

function renderMonteCarlo(report: StressReport, h: StressHorizon, mc: MonteCarloSummary, locale: Locale): string[] {
  const t = (code: string, d: Record<string, unknown> = {}) => translate(code, d, locale);
  const amount = (v: number) => formatAmount(v, report.currency);
  const header = [
    'STRESS_MC_COL_PERIOD',
    'STRESS_MC_COL_P_NEGATIVE',
    'STRESS_MC_COL_P_BUFFER',
    'STRESS_MC_COL_Q5',
    'STRESS_MC_COL_Q50',
    'STRESS_MC_COL_Q95',
    'STRESS_MC_COL_ES',
  ].map((c) => t(c));
  const rows = mc.periods.map((p) => [
    `${periodText(p, h.granularity, locale)} (${p.startOn})`,
    pct(p.pNegative),
    pct(p.pBelowBuffer),
    amount(p.quantilesMinor[0] ?? 0),
    amount(p.quantilesMinor[2] ?? 0),
    amount(p.quantilesMinor[4] ?? 0),
    amount(p.expectedShortfallMinor),
  ]);
  const lines = [
    t('STRESS_MC_TITLE', { paths: mc.paths, seed: mc.seed }),
    renderTable([header, ...rows], [1, 2, 3, 4, 5, 6]),
    t('STRESS_MC_LIQUIDITY', {
      pNegative: pct(mc.pMinNegative),
      pBuffer: pct(mc.pMinBelowBuffer),
      minCash: amount(mc.minCash5Minor),
    }),
    t('STRESS_MC_CFAR', { cfar: amount(mc.cfar95Minor), expected: amount(mc.expectedNetFlowMinor) }),
  ];
  if (mc.tailCustomers.length > 0) {
    lines.push(t('STRESS_MC_TAIL'));
    for (const c of mc.tailCustomers) lines.push(`  - ${c.name}: ${amount(c.tailShortfallMinor)} (${pct(c.share)})`);
  }
  return lines;
}
