import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import {
  backtestCollectionsFromFile,
  backtestSummary,
  describeBacktestError,
  formatBacktestTable,
  formatPredictionsCsv,
} from '../../app/backtest/collections.js';

interface CollectionsOptions {
  readonly json?: boolean;
  readonly predictions?: string;
}

/** Where the command writes; tests pass their own. */
export interface CommandOutput {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
}

const consoleOutput: CommandOutput = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
};

/**
 * Adds `collections <file>` under the `backtest` command: replays a payment history forward in
 * time and prints MAE, median AE, bias and P10–P90 coverage of the behaviour model and baselines.
 */
export function addBacktestCollectionsCommand(backtest: Command, output: CommandOutput = consoleOutput): void {
  backtest
    .command('collections')
    .description('walk-forward back-test of predicted days to settle on a payment-history CSV')
    .argument('<file>', 'payment history: IBM accounts-receivable layout or the CashGuard layout')
    .option('--json', 'print the report as JSON')
    .option('--predictions <out.csv>', 'write one row per invoice with its predictions')
    .action(async (file: string, options: CollectionsOptions) => {
      process.exitCode = await runBacktestCollections(file, options, output);
    });
}

/** The command body; returns the exit code (0 ok, 1 bad input, 2 cannot write). */
export async function runBacktestCollections(
  file: string,
  options: CollectionsOptions,
  output: CommandOutput = consoleOutput,
): Promise<number> {
  const run = await backtestCollectionsFromFile(file);
  if (!run.ok) {
    output.err(describeBacktestError(run.error));
    return 1;
  }
  if (options.predictions !== undefined) {
    try {
      await writeFile(options.predictions, formatPredictionsCsv(run.value.report), 'utf8');
    } catch (cause) {
      output.err(
        `${options.predictions}: cannot write predictions (${(cause as NodeJS.ErrnoException).code ?? String(cause)})`,
      );
      return 2;
    }
  }
  output.out(options.json ? JSON.stringify(backtestSummary(run.value), null, 2) : formatBacktestTable(run.value));
  return 0;
}
