import { Command } from 'commander';
import { addBacktestCollectionsCommand } from './commands/backtest-collections.js';
import { addBacktestForecastCommand } from './commands/backtest-forecast.js';
import { addBalanceSheetCommands } from './commands/balance-sheet.js';
import { addCreditCommands } from './commands/credit.js';
import { addCreditDecisionCommands } from './commands/credit-decisions.js';
import { addDemoCommand } from './commands/demo.js';
import { addForecastCommand } from './commands/forecast.js';
import { addImportExportCommands } from './commands/import-export.js';
import { addInitCommand } from './commands/init.js';
import { addReceivablesCommands } from './commands/receivables.js';
import { addScoreFinancialsCommand } from './commands/score-financials.js';
import { addStatusCommand } from './commands/status.js';

/** The `cashguard` command line: thin commands over src/app. */
export function buildProgram(): Command {
  const program = new Command('cashguard')
    .description('CashGuard: cash-flow and credit-risk for SMEs / 中小企业现金流与信用风险管理')
    .option('--db <url>', 'SQLite file or postgres:// URL (default: DATABASE_URL or ./data/cashguard.db)')
    .option('--org <id>', 'organisation id (needed when the database holds several)')
    .option('--lang <locale>', 'zh-CN or en (default: from LANG)')
    .showHelpAfterError();
  addInitCommand(program);
  addDemoCommand(program);
  addImportExportCommands(program);
  addStatusCommand(program);
  addReceivablesCommands(program);
  addBalanceSheetCommands(program);
  addForecastCommand(program);
  const backtest = program
    .command('backtest')
    .description('back-test the models on a payment history / 用历史数据回测模型');
  addBacktestCollectionsCommand(backtest);
  addBacktestForecastCommand(backtest);
  const score = program.command('score').description('credit scores / 信用评分');
  addScoreFinancialsCommand(score);
  addCreditCommands(program, score);
  addCreditDecisionCommands(program);
  return program;
}

await buildProgram().parseAsync(process.argv);
