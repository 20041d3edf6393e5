import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { Command } from 'commander';
import { SHARED_DATA_MISSING, sharedDataPath } from '../../app/shared-data.js';
import { addCreditRiskPlusCommand } from './stress-creditriskplus.js';

const DIR = sharedDataPath('creditriskplus-csfb-example/');
const skip = DIR === null && SHARED_DATA_MISSING;

interface Run {
  readonly stdout: string;
  readonly stderr: string;
  readonly exitCode: number | undefined;
}

/** Runs `cashguard --lang L stress creditriskplus <args>`, capturing stdout, stderr and the exit code. */
async function runCli(args: readonly string[], lang = 'en'): Promise<Run> {
  const program = new Command().exitOverride().option('--lang <locale>');
  addCreditRiskPlusCommand(program.command('stress'));
  const out: string[] = [];
  const err: string[] = [];
  const { log } = console;
  const write = process.stderr.write.bind(process.stderr);
  console.log = (...parts: unknown[]) => out.push(parts.join(' '));
  process.stderr.write = ((chunk: string) => err.push(String(chunk)) > 0) as typeof process.stderr.write;
  try {
    await program.parseAsync(['node', 'cashguard', '--lang', lang, 'stress', 'creditriskplus', ...args]);
  } finally {
    console.log = log;
    process.stderr.write = write;
  }
  return { stdout: out.join('\n'), stderr: err.join(''), exitCode: process.exitCode as number | undefined };
}

afterEach(() => {
  process.exitCode = undefined;
});

const fileArgs = (dir: string) => [
  '--portfolio',
  join(dir, 'portfolio.csv'),
  '--rating-pd',
  join(dir, 'rating_pd.csv'),
  '--sector-var',
  join(dir, 'pd_sector_var.csv'),
];

test('--json on the CSFB files prints exactly the expected loss, standard deviation and quantiles', {
  skip,
}, async () => {
  const run = await runCli([...fileArgs(DIR as string), '--loss-unit', '1e6', '--json']);
  assert.equal(run.exitCode, undefined);
  assert.equal(
    run.stdout,
    '{"expectedLoss":3799788.73,"standardDeviation":2900070.38,"quantiles":{"0.95":9000000,"0.99":13000000,"0.995":14000000,"0.999":17000000}}',
  );
});

test('the report is in words, in English and in Chinese, with no code or placeholder left', { skip }, async () => {
  const en = await runCli(fileArgs(DIR as string), 'en');
  assert.match(en.stdout, /Expected loss: 3,799,788\.73/);
  assert.match(en.stdout, /Standard deviation of the loss: 2,900,070\.38/);
  assert.match(en.stdout, /99\.9 % loss quantile: 17,000,000\.00 \(in 999 years out of 1,000/);
  assert.match(en.stdout, /25 obligors in 3 sector\(s\), loss unit 1,000,000\.00/);
  const zh = await runCli(fileArgs(DIR as string), 'zh-CN');
  assert.match(zh.stdout, /预期损失：3,799,788\.73/);
  assert.match(zh.stdout, /99\.5% 分位损失：14,000,000\.00/);
  for (const text of [en.stdout, zh.stdout]) assert.doesNotMatch(text, /CRP_|\{\{/);
});

test('a bad file is one line naming the file, the row and the field, with exit code 4', { skip }, async () => {
  const dir = await mkdtemp(join(tmpdir(), 'cg-crp-'));
  try {
    for (const name of ['portfolio.csv', 'rating_pd.csv', 'pd_sector_var.csv'])
      await copyFile(join(DIR as string, name), join(dir, name));
    const portfolio = join(dir, 'portfolio.csv');
    const good = await readFile(portfolio, 'utf8');
    await writeFile(portfolio, good.replace('2,NAME2,1089819,0.60766498', '2,NAME2,1089819,abc'));
    const bad = await runCli(fileArgs(dir));
    assert.equal(bad.exitCode, 4);
    assert.equal(bad.stderr, `${portfolio}, row 3, field lgd: "abc" is not a number.\n`);
    await writeFile(
      portfolio,
      good.replace('3,NAME3,1799710,0.535900442,365,6,0,1,0', '3,NAME3,1799710,0.535900442,365,6,0,1,0.5'),
    );
    const weights = await runCli(fileArgs(dir));
    assert.equal(
      weights.stderr,
      `${portfolio}, row 4 (obligor 3), field sectorWeights: "1.5" is not allowed (expected weights adding up to at most 1).\n`,
    );
    await writeFile(portfolio, good.replace('4,NAME4,1933116,0.590566913,365,7', '4,NAME4,1933116,0.590566913,365,9'));
    const rating = await runCli(fileArgs(dir), 'zh-CN');
    assert.match(rating.stderr, /portfolio\.csv 第 5 行，字段 rating：评级 “9” 不在评级表 .*rating_pd\.csv 中/);
    await writeFile(portfolio, good);
    await writeFile(join(dir, 'pd_sector_var.csv'), 'sector,Var\nS1,0.0267\nS2,-1\nS3,0.0267\n');
    const variance = await runCli(fileArgs(dir));
    assert.match(variance.stderr, /pd_sector_var\.csv, row 3, field Var: "-1" is not allowed/);
    const missing = await runCli([...fileArgs(dir), '--rating-pd', join(dir, 'nope.csv')]);
    assert.equal(missing.exitCode, 5);
    assert.equal(missing.stderr, `File not found: ${join(dir, 'nope.csv')}\n`);
    const unit = await runCli([...fileArgs(DIR as string), '--loss-unit', 'many']);
    assert.equal(unit.exitCode, 2);
    assert.match(unit.stderr, /--loss-unit/);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('`cashguard stress creditriskplus` is found through the command line entry point', { skip }, async () => {
  const main = fileURLToPath(new URL('../main.ts', import.meta.url));
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--import', 'tsx', main, '--lang', 'en', 'stress', 'creditriskplus', ...fileArgs(DIR as string), '--json'],
    { env: { ...process.env, NODE_OPTIONS: '' } },
  );
  assert.deepEqual(Object.keys(JSON.parse(stdout) as object), ['expectedLoss', 'standardDeviation', 'quantiles']);
});
