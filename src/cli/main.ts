import { Command } from 'commander';

/** The command groups other commands add subcommands to. */
interface Groups {
  readonly program: Command;
  readonly backtest: Command;
  readonly score: Command;
  readonly stress: Command;
}

/**
 * The command modules in the order `--help` lists them, each with the top-level commands it
 * defines. A command run loads only its own module (and what that imports), so `cashguard status`
 * never loads the importer's parsers or the Excel writer; `--help` and an unknown command load them
 * all. A command missing from `commands` still works: it is found by loading every module.
 */
const PARTS: readonly { readonly commands: readonly string[]; readonly add: (g: Groups) => Promise<void> }[] = [
  { commands: ['init'], add: async (g) => (await import('./commands/init.js')).addInitCommand(g.program) },
  { commands: ['demo'], add: async (g) => (await import('./commands/demo.js')).addDemoCommand(g.program) },
  {
    commands: ['org', 'backup', 'restore'],
    add: async (g) => (await import('./commands/organisations.js')).addOrganisationCommands(g.program),
  },
  {
    commands: ['import', 'export'],
    add: async (g) => (await import('./commands/import-export.js')).addImportExportCommands(g.program),
  },
  { commands: ['status'], add: async (g) => (await import('./commands/status.js')).addStatusCommand(g.program) },
  {
    commands: ['aging', 'metrics', 'customer'],
    add: async (g) => (await import('./commands/receivables.js')).addReceivablesCommands(g.program),
  },
  {
    commands: ['balance-sheet'],
    add: async (g) => (await import('./commands/balance-sheet.js')).addBalanceSheetCommands(g.program),
  },
  { commands: ['fx'], add: async (g) => (await import('./commands/fx.js')).addFxCommand(g.program) },
  { commands: ['forecast'], add: async (g) => (await import('./commands/forecast.js')).addForecastCommand(g.program) },
  {
    commands: ['backtest'],
    add: async (g) => {
      (await import('./commands/backtest-collections.js')).addBacktestCollectionsCommand(g.backtest);
      (await import('./commands/backtest-forecast.js')).addBacktestForecastCommand(g.backtest);
    },
  },
  {
    commands: ['score'],
    add: async (g) => (await import('./commands/score-financials.js')).addScoreFinancialsCommand(g.score),
  },
  {
    commands: ['score', 'check-order', 'limits', 'reviews', 'onboarding'],
    add: async (g) => (await import('./commands/credit.js')).addCreditCommands(g.program, g.score),
  },
  { commands: ['stress'], add: async (g) => (await import('./commands/stress.js')).addStressCommand(g.stress) },
  { commands: ['alerts'], add: async (g) => (await import('./commands/alerts.js')).addAlertsCommands(g.program) },
  {
    commands: ['collections'],
    add: async (g) => (await import('./commands/collections.js')).addCollectionsCommands(g.program),
  },
  { commands: ['interest'], add: async (g) => (await import('./commands/interest.js')).addInterestCommand(g.program) },
  {
    commands: ['review', 'onboarding-check', 'approve-limit'],
    add: async (g) => (await import('./commands/credit-decisions.js')).addCreditDecisionCommands(g.program),
  },
  {
    commands: ['insurance'],
    add: async (g) => {
      (await import('./commands/insurance.js')).addInsuranceCommands(g.program);
      const more = await import('./commands/insurance-connector.js');
      more.addInsuranceConnectorCommands(g.program);
      more.addEligibleCommand(g.program);
    },
  },
  {
    commands: ['stress'],
    add: async (g) => (await import('./commands/stress-creditriskplus.js')).addCreditRiskPlusCommand(g.stress),
  },
  { commands: ['match'], add: async (g) => (await import('./commands/match.js')).addMatchCommand(g.program) },
  { commands: ['worker'], add: async (g) => (await import('./commands/worker.js')).addWorkerCommand(g.program) },
];

/** Global options that take a value, so the command name is found after them. */
const VALUE_OPTIONS = new Set(['--db', '--org', '--lang']);

/** The first word of `args` that is not a global option or its value: the command asked for. */
export function commandName(args: readonly string[]): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (VALUE_OPTIONS.has(arg)) i++;
    else if (!arg.startsWith('-')) return arg;
  }
  return undefined;
}

/**
 * The `cashguard` command line: thin commands over src/app. With `args`, only the modules of the
 * command they name are loaded; without, or for a name no module claims, every command is.
 */
export async function buildProgram(args?: readonly string[]): Promise<Command> {
  const program = new Command('cashguard')
    .description('CashGuard: cash-flow and credit-risk for SMEs / 中小企业现金流与信用风险管理')
    .option('--db <url>', 'SQLite file or postgres:// URL (default: DATABASE_URL or ./data/cashguard.db)')
    .option('--org <id>', 'organisation id (needed when the database holds several)')
    .option('--lang <locale>', 'zh-CN or en (default: from LANG)')
    .showHelpAfterError();
  let backtest: Command | undefined;
  let score: Command | undefined;
  let stress: Command | undefined;
  // Each group is made when the first module adds to it, so `--help` lists it in its place.
  const groups: Groups = {
    program,
    get backtest() {
      backtest ??= program
        .command('backtest')
        .description('back-test the models on a payment history / 用历史数据回测模型');
      return backtest;
    },
    get score() {
      score ??= program.command('score').description('credit scores / 信用评分');
      return score;
    },
    get stress() {
      stress ??= program
        .command('stress')
        .description('stress tests of the cash forecast and the credit book / 现金流与信用损失压力测试');
      return stress;
    },
  };
  const name = args === undefined ? undefined : commandName(args);
  const own = PARTS.filter((p) => name !== undefined && p.commands.includes(name));
  for (const part of own.length > 0 ? own : PARTS) await part.add(groups);
  return program;
}

await (await buildProgram(process.argv.slice(2))).parseAsync(process.argv);
