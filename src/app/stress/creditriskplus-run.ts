import { roundWith } from '../../core/money/index.js';
import { type DomainError, fail, ok, type Result } from '../../core/shared/index.js';
import { CREDITRISKPLUS_LEVELS, type CreditRiskPlusResult, creditRiskPlus } from '../../core/stress/creditriskplus.js';
import { formatAmount } from '../../i18n/format.js';
import { type Locale, translate } from '../../i18n/index.js';
import {
  type CreditRiskPlusFileInput,
  type CreditRiskPlusFiles,
  readCreditRiskPlusFiles,
} from './creditriskplus-files.js';

/** A CreditRisk+ run on the three files. */
export interface CreditRiskPlusFileRun {
  readonly result: CreditRiskPlusResult;
  readonly sectors: number;
  readonly files: CreditRiskPlusFiles;
}

/** `--json`: amounts in currency units, to the cent. */
export interface CreditRiskPlusSummary {
  readonly expectedLoss: number;
  readonly standardDeviation: number;
  readonly quantiles: Readonly<Record<string, number>>;
}

/** The core's errors located in the files: an obligor's number becomes its portfolio row. */
function locate(error: DomainError, files: CreditRiskPlusFiles, read: CreditRiskPlusFileInput): DomainError {
  const { details } = error;
  if (error.code === 'CRP_INVALID_OBLIGOR' && typeof details.row === 'number') {
    const row = read.rows[details.row - 1] ?? details.row;
    const column = typeof details.sector === 'number' ? read.sectorNames[details.sector - 1] : undefined;
    return {
      code: error.code,
      details: { ...details, file: files.portfolio, row, field: column ?? String(details.field) },
    };
  }
  if (error.code === 'CRP_INVALID_SETTING' && typeof details.sector === 'number') {
    const row = read.sectorRows[details.sector - 1] ?? details.sector;
    return { code: 'CRP_BAD_VALUE', details: { ...details, file: files.sectorVar, row, field: 'Var' } };
  }
  if (error.code === 'CRP_INVALID_SETTING' && details.field === 'lossUnit')
    return { code: error.code, details: { ...details, field: '--loss-unit' } };
  return error;
}

/**
 * Reads the portfolio, rating-scale and sector-variance files (crp.CSFP layouts) and runs
 * CreditRisk+ with the loss unit, reporting the 95 / 99 / 99.5 / 99.9 % quantiles.
 */
export async function creditRiskPlusFromFiles(
  files: CreditRiskPlusFiles,
  lossUnit: number,
): Promise<Result<CreditRiskPlusFileRun>> {
  const read = await readCreditRiskPlusFiles(files, lossUnit);
  if (!read.ok) return read;
  const run = creditRiskPlus(read.value.input, { levels: CREDITRISKPLUS_LEVELS });
  if (!run.ok) {
    const located = locate(run.error, files, read.value);
    return fail(located.code, located.details);
  }
  return ok({ result: run.value, sectors: read.value.input.sectorVariances.length, files });
}

/** A statistic in currency units rounded half-even to the cent: the one rounding of this report. */
export function toCents(x: number): number {
  return roundWith(x * 100, 'halfEven') / 100;
}

/** The `--json` object: `{"expectedLoss", "standardDeviation", "quantiles": {"0.95", ...}}`. */
export function creditRiskPlusSummary(result: CreditRiskPlusResult): CreditRiskPlusSummary {
  const quantiles: Record<string, number> = {};
  for (const q of result.quantiles) quantiles[String(q.level)] = toCents(q.loss);
  return {
    expectedLoss: toCents(result.expectedLoss),
    standardDeviation: toCents(result.standardDeviation),
    quantiles,
  };
}

/** Currency units with grouped digits and two decimals (the files name no currency). */
function amount(x: number): string {
  return formatAmount(roundWith(x * 100, 'halfEven'), 'CNY');
}

function percent(level: number): string {
  return `${roundWith(level * 1000, 'halfEven') / 10}`;
}

/** The report in words, in the reader's language. */
export function formatCreditRiskPlusReport(run: CreditRiskPlusFileRun, locale: Locale): string {
  const r = run.result;
  const t = (code: string, details: Record<string, unknown>) => translate(code, details, locale);
  const lines = [
    t('CRP_REPORT_TITLE', {
      obligors: r.obligors,
      sectors: run.sectors,
      lossUnit: amount(r.lossUnit),
      file: run.files.portfolio,
    }),
    t('CRP_REPORT_EXPECTED_LOSS', { value: amount(r.expectedLoss) }),
    t('CRP_REPORT_STANDARD_DEVIATION', { value: amount(r.standardDeviation) }),
  ];
  for (const q of r.quantiles) {
    lines.push(
      t('CRP_REPORT_QUANTILE', {
        level: percent(q.level),
        value: amount(q.loss),
        years: roundWith(q.level * 1000, 'halfEven'),
      }),
    );
  }
  return lines.join('\n');
}
