import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import {
  formatFinancialsNotes,
  formatPredictionsCsv,
  formatPredictionsTable,
  predictionsJson,
} from '../../app/credit/format-financials.js';
import { loadShippedModels } from '../../app/credit/model-file.js';
import { scoreFinancialsFile } from '../../app/credit/score-financials.js';
import { fail } from '../../core/shared/index.js';
import { translate } from '../../i18n/index.js';
import { action, globalOptions, localeOf, orThrow } from '../context.js';

interface FinancialsOptions {
  readonly json?: boolean;
  readonly out?: string;
}

/** Adds `financials <file> [--json] [--out predictions.csv]` under the `score` command. */
export function addScoreFinancialsCommand(score: Command): void {
  score
    .command('financials')
    .description(
      'score a file of company financials (raw statement items CSV, or UCI Polish ARFF/CSV) without storing it; outcomes in the file (class, ? = not known) are optional and, when given, evaluated',
    )
    .argument('<file>', 'ARFF, Polish Attr1..Attr64 CSV, or CSV with id,period_end,revenue,ebit,... header')
    .option('--json', 'print JSON instead of a table (notes and evaluation go to stderr)')
    .option('--out <file>', 'write id,score,grade,pd,top_reasons CSV to this file')
    .action(
      action(async (file: string, options: FinancialsOptions, cmd: Command) => {
        const locale = localeOf(globalOptions(cmd));
        const models = orThrow(await loadShippedModels());
        const scored = orThrow(await scoreFinancialsFile(file, models));
        const notes = formatFinancialsNotes(scored, locale);
        const [modelLine, ...evaluation] = notes;
        if (options.json === true && options.out === undefined) {
          // stdout stays JSON; each prediction carries `model`, the version of the model that scored it.
          console.log(JSON.stringify(predictionsJson(scored.predictions, locale), null, 2));
          process.stderr.write(`${evaluation.join('\n')}\n`);
          return;
        }
        process.stderr.write(`${modelLine}\n`);
        if (options.out === undefined) console.log(formatPredictionsTable(scored.predictions, locale));
        else {
          await writeOutput(options.out, formatPredictionsCsv(scored.predictions, locale));
          console.log(translate('FINANCIALS_WROTE', { count: scored.predictions.length, file: options.out }, locale));
        }
        console.log(`\n${evaluation.join('\n')}`);
      }),
    );
}

async function writeOutput(file: string, text: string): Promise<void> {
  try {
    await writeFile(file, text);
  } catch (cause) {
    orThrow(fail('OUTPUT_WRITE_FAILED', { file, value: cause instanceof Error ? cause.message : String(cause) }));
  }
}
