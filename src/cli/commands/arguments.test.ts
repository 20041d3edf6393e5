import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, afterEach, before, describe, it } from 'node:test';
import { Command } from 'commander';
import { openAppDatabase } from '../../app/database.js';
import { createOrganisation } from '../../db/stores/organisations.js';
import { addBalanceSheetCommands } from './balance-sheet.js';
import { addCreditCommands } from './credit.js';
import { addCreditDecisionCommands } from './credit-decisions.js';
import { addDemoCommand } from './demo.js';
import { addForecastCommand } from './forecast.js';
import { addInitCommand } from './init.js';
import { addReceivablesCommands } from './receivables.js';
import { addStatusCommand } from './status.js';

/** Every amount, date and count the command line reads goes through the importer's grammars. */
let dir: string;
let dbFile: string;

interface Run {
  readonly stdout: string;
  readonly stderr: string;
  readonly exitCode: number;
}

async function runCli(args: readonly string[], lang = 'en'): Promise<Run> {
  const program = new Command().exitOverride().option('--db <url>').option('--org <id>').option('--lang <locale>');
  addInitCommand(program);
  addDemoCommand(program);
  addStatusCommand(program);
  addReceivablesCommands(program);
  addBalanceSheetCommands(program);
  addForecastCommand(program);
  addCreditCommands(program, program.command('score'));
  addCreditDecisionCommands(program);
  const out: string[] = [];
  const err: string[] = [];
  const stdout = process.stdout.write.bind(process.stdout);
  const stderr = process.stderr.write.bind(process.stderr);
  const capture = (into: string[], real: typeof stdout) =>
    ((chunk: unknown, ...rest: never[]) =>
      typeof chunk === 'string' ? into.push(chunk) > 0 : real(chunk as Uint8Array, ...rest)) as typeof stdout;
  process.stdout.write = capture(out, stdout);
  process.stderr.write = capture(err, stderr);
  try {
    await program.parseAsync(['node', 'cashguard', '--db', dbFile, '--lang', lang, ...args]);
  } finally {
    process.stdout.write = stdout;
    process.stderr.write = stderr;
  }
  return { stdout: out.join(''), stderr: err.join(''), exitCode: Number(process.exitCode ?? 0) };
}

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cg-cli-arguments-'));
  dbFile = join(dir, 'cashguard.db');
  const db = await openAppDatabase(dbFile);
  try {
    await createOrganisation(db, { id: 'org', name: 'Probe', baseCurrency: 'CNY', createdAt: '2026-01-01T00:00:00Z' });
  } finally {
    await db.close();
  }
});
after(async () => rm(dir, { recursive: true, force: true }));
afterEach(() => {
  process.exitCode = undefined;
});

/** Each refused value with the option it was given to. */
const REFUSED: readonly (readonly [string, readonly string[]])[] = [
  ['<amount>', ['approve-limit', 'KH1', '1,2,3', '--reason', 'x']],
  ['<amount>', ['approve-limit', 'KH1', '-5', '--reason', 'x']],
  ['<amount>', ['approve-limit', 'KH1', '1.234', '--reason', 'x']],
  ['<amount>', ['check-order', 'KH1', '1,2,3']],
  ['<amount>', ['check-order', 'KH1', '(-5)']],
  ['<amount>', ['check-order', 'KH1', '$100']],
  ['<amount>', ['check-order', 'KH1', '1e5']],
  ['<amount>', ['check-order', 'KH1', '0']],
  ['--currency', ['check-order', 'KH1', '100', '--currency', 'XYZ']],
  [
    '--current-assets',
    ['balance-sheet', 'set', '2026-10-31', '--current-assets', '1,2,3', '--current-liabilities', '5'],
  ],
  [
    '--cash',
    ['balance-sheet', 'set', '2026-10-31', '--current-assets', '1', '--current-liabilities', '5', '--cash', '€5'],
  ],
  ['<monthEnd>', ['balance-sheet', 'set', '2026-10-30', '--current-assets', '1', '--current-liabilities', '5']],
  ['--as-of', ['limits', '--as-of', '2026-02-28T25:00:00']],
  ['--as-of', ['reviews', '--as-of', '-1']],
  ['--as-of', ['status', '--as-of', '45900']],
  ['--as-of', ['aging', '--as-of', '2026-02-30']],
  ['--as-of', ['forecast', '--as-of', '03/04/2026']],
  ['--as-of', ['review', 'KH1', '--reason', 'x', '--as-of', '1899-12-31']],
  ['--months', ['metrics', '--months', 'abc']],
  ['--months', ['metrics', '--months', '1e1']],
  ['--weeks', ['forecast', '--weeks', '1e1']],
  ['--weeks', ['forecast', '--weeks', '']],
  ['--months', ['forecast', '--monthly', '--months', '0x6']],
  ['--week-start', ['init', '--week-start', '0x1']],
  ['--customers', ['demo', '--customers', '1e3']],
  ['--seed', ['demo', '--seed', '12.5']],
];

describe('command-line values', () => {
  for (const [field, args] of REFUSED) {
    it(`${args.join(' ')}: exit 2 naming ${field}`, async () => {
      const run = await runCli(args);
      assert.equal(run.exitCode, 2, run.stderr || run.stdout);
      assert.match(run.stderr, new RegExp(`for ${field.replace(/[<>]/g, '.')}: expected `));
    });
  }

  it('says what is wrong in the user language', async () => {
    const en = await runCli(['approve-limit', 'KH1', '1,2,3', '--reason', 'x']);
    assert.equal(
      en.stderr,
      'Invalid value "1,2,3" for <amount>: expected an amount whose digits are grouped by three, e.g. 1,234,567.89.\n',
    );
    process.exitCode = undefined;
    const zh = await runCli(['approve-limit', 'KH1', '1,2,3', '--reason', 'x'], 'zh-CN');
    assert.equal(zh.exitCode, 2);
    assert.equal(zh.stderr, '<amount> 的值 "1,2,3" 无效：应为 千位分隔每三位一组的金额，例如 1,234,567.89。\n');
    process.exitCode = undefined;
    const date = await runCli(['status', '--as-of', '2026-02-28T25:00:00'], 'zh-CN');
    assert.equal(
      date.stderr,
      '--as-of 的值 "2026-02-28T25:00:00" 无效：应为 日期；如带时间，须为有效时刻（2026-11-30 09:00）。\n',
    );
  });

  it('reads the forms the importer reads: ¥1,234,567.89, 1 000.00, 2026年10月31日', async () => {
    const set = await runCli([
      'balance-sheet',
      'set',
      '2026年10月31日',
      '--current-assets',
      '¥1,234,567.89',
      '--current-liabilities',
      '1 000.00',
      '--cash',
      '５００',
    ]);
    assert.equal(set.exitCode, 0, set.stderr);
    assert.equal(set.stdout, 'Balance sheet for 2026-10-31 saved.\n');
    const list = await runCli(['balance-sheet', 'list']);
    assert.match(list.stdout, /2026-10-31\s+1,234,567\.89\s+1,000\.00\s+500\.00/);
  });
});
