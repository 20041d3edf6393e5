import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { formatDistressDriver } from '../../app/credit/format.js';
import {
  type FinancialsPrediction,
  formatPredictionsCsv,
  loadShippedModels,
  type ScoredFinancials,
  scoreFinancialsFile,
} from '../../app/credit/score-financials.js';
import { fail } from '../../core/shared/index.js';
import { renderTable } from '../../i18n/format.js';
import { type Locale, translate } from '../../i18n/index.js';
import { action, globalOptions, localeOf, orThrow } from '../context.js';

interface FinancialsOptions {
  readonly json?: boolean;
  readonly out?: string;
}

/** The predictions as a table, each top reason in words (the CSV keeps the codes, for programs). */
function formatTable(predictions: readonly FinancialsPrediction[], locale: Locale): string {
  const rows = predictions.map((p) => [
    p.id,
    p.score.toFixed(1),
    p.grade,
    `${(p.pd * 100).toFixed(2)}%`,
    p.reasons.map((r) => formatDistressDriver(r, locale)).join('; '),
  ]);
  const header = ['id', 'score', 'grade', 'pd', 'top reasons'];
  return renderTable([header, ...rows], [1, 3]);
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
    .action(
      action(async (file: string, options: FinancialsOptions, cmd: Command) => {
        const models = orThrow(await loadShippedModels());
        const scored = orThrow(await scoreFinancialsFile(file, models));
        if (options.json === true && options.out === undefined) {
          // Each prediction carries `model`, the version of the model its layout selected.
          console.log(JSON.stringify(scored.predictions, null, 2));
          return;
        }
        process.stderr.write(`${modelNotice(scored, cmd)}\n`);
        if (options.out === undefined) {
          console.log(formatTable(scored.predictions, localeOf(globalOptions(cmd))));
          return;
        }
        await writeOutput(options.out, formatPredictionsCsv(scored.predictions));
        console.log(`wrote ${scored.predictions.length} predictions to ${options.out}`);
      }),
    );
}

/** Which model scored the file, in the user's language (stderr, so stdout stays data). */
function modelNotice(scored: ScoredFinancials, cmd: Command): string {
  const details = { model: scored.model.version, layout: scored.layout, count: scored.predictions.length };
  return translate('FINANCIALS_MODEL_USED', details, localeOf(globalOptions(cmd)));
}

async function writeOutput(file: string, text: string): Promise<void> {
  try {
    await writeFile(file, text);
  } catch (cause) {
    orThrow(fail('OUTPUT_WRITE_FAILED', { file, value: cause instanceof Error ? cause.message : String(cause) }));
  }
}
