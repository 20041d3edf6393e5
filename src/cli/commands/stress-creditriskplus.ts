import type { Command } from 'commander';
import {
  creditRiskPlusFromFiles,
  creditRiskPlusSummary,
  formatCreditRiskPlusReport,
} from '../../app/stress/creditriskplus-run.js';
import { fail } from '../../core/shared/index.js';
import { action, globalOptions, localeOf, orThrow } from '../context.js';

interface CreditRiskPlusOptions {
  readonly portfolio: string;
  readonly ratingPd: string;
  readonly sectorVar: string;
  readonly lossUnit: string;
  readonly json?: boolean;
}

/**
 * Adds `creditriskplus` under the `stress` command: the CreditRisk+ loss distribution of a
 * portfolio in the crp.CSFP file layouts (no database), with expected loss, standard deviation
 * and the 95 / 99 / 99.5 / 99.9 % loss quantiles.
 */
export function addCreditRiskPlusCommand(stress: Command): void {
  stress
    .command('creditriskplus')
    .description(
      'CreditRisk+ loss distribution of a portfolio file: expected loss, standard deviation, 95/99/99.5/99.9 % quantiles / CreditRisk+ 损失分布',
    )
    .requiredOption('--portfolio <csv>', 'obligors: CPnumber,CPname,exposure,lgd,maturity,rating,S1,S2,...')
    .requiredOption('--rating-pd <csv>', 'rating scale: RATING,PD[,SD]')
    .requiredOption('--sector-var <csv>', 'sector variances: sector,Var')
    .option('--loss-unit <amount>', 'the loss unit exposures are banded by, in the files’ currency units', '1e6')
    .option('--json', 'print {"expectedLoss", "standardDeviation", "quantiles"} in currency units')
    .action(
      action(async (options: CreditRiskPlusOptions, cmd: Command) => {
        const locale = localeOf(globalOptions(cmd));
        const lossUnit = Number(options.lossUnit);
        if (!(Number.isFinite(lossUnit) && lossUnit > 0))
          orThrow(
            fail('INVALID_ARGUMENT', { field: '--loss-unit', value: options.lossUnit, expected: 'an amount > 0' }),
          );
        const files = { portfolio: options.portfolio, ratingPd: options.ratingPd, sectorVar: options.sectorVar };
        const run = orThrow(await creditRiskPlusFromFiles(files, lossUnit));
        // `stress` has its own --json, and commander hands a flag both know to the parent.
        const json = options.json === true || cmd.optsWithGlobals<{ json?: boolean }>().json === true;
        console.log(json ? JSON.stringify(creditRiskPlusSummary(run.result)) : formatCreditRiskPlusReport(run, locale));
      }),
    );
}
