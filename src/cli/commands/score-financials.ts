import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import {
  type FinancialsPrediction,
  formatPredictionsCsv,
  loadModelFile,
  scoreFinancialsFile,
} from '../../app/credit/score-financials.js';
import type { DomainError } from '../../core/shared/index.js';

interface FinancialsOptions {
  readonly json?: boolean;
  readonly out?: string;
}

function reportError(error: DomainError): void {
  const details = Object.entries(error.details)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${String(v)}`)
    .join(', ');
  console.error(`error ${error.code}${details ? ` (${details})` : ''}`);
  process.exitCode = 1;
}

function formatTable(predictions: readonly FinancialsPrediction[]): string {
  const rows = predictions.map((p) => [
    p.id,
    p.score.toFixed(1),
    p.grade,
    `${(p.pd * 100).toFixed(2)}%`,
    p.reasons.join('; '),
  ]);
  const header = ['id', 'score', 'grade', 'pd', 'top reasons'];
  const widths = header.map((h, j) => Math.max(h.length, ...rows.map((r) => (r[j] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, j) => c.padEnd(widths[j] ?? 0))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)].join('\n');
}

/** Adds `financials <file> [--json] [--out predictions.csv]` under the `score` command. */
export function addScoreFinancialsCommand(score: Command): void {
  score
    .command('financials')
    .description(
      'score a file of company financials (raw statement items CSV, or UCI Polish ARFF/CSV) without storing it',
    )
    .argument('<file>', 'ARFF, Polish Attr1..Attr64 CSV, or CSV with id,period_end,revenue,ebit,... header')
    .option('--json', 'print JSON instead of a table')
    .option('--out <file>', 'write id,score,grade,pd,top_reasons CSV to this file')
    .action(async (file: string, options: FinancialsOptions) => {
      const model = await loadModelFile();
      if (!model.ok) return reportError(model.error);
      const result = await scoreFinancialsFile(file, model.value);
      if (!result.ok) return reportError(result.error);
      if (options.out !== undefined) {
        try {
          await writeFile(options.out, formatPredictionsCsv(result.value));
        } catch (cause) {
          const value = cause instanceof Error ? cause.message : String(cause);
          return reportError({ code: 'OUTPUT_WRITE_FAILED', details: { file: options.out, value } });
        }
        console.log(`wrote ${result.value.length} predictions to ${options.out}`);
      } else if (options.json === true) {
        console.log(JSON.stringify(result.value, null, 2));
      } else {
        console.log(formatTable(result.value));
      }
    });
}
