import assert from 'node:assert/strict';
import { afterEach, test } from 'node:test';
import { Command } from 'commander';
import { addInterestCommand } from './interest.js';

interface Run {
  readonly stdout: string;
  readonly stderr: string;
  readonly exitCode: number | undefined;
}

/** Runs `cashguard --lang <lang> interest <args>`, capturing stdout, stderr and the exit code. */
async function runCli(args: readonly string[], lang = 'en'): Promise<Run> {
  const program = new Command().exitOverride().option('--lang <locale>');
  addInterestCommand(program);
  const out: string[] = [];
  const err: string[] = [];
  const write = process.stdout.write.bind(process.stdout);
  const writeErr = process.stderr.write.bind(process.stderr);
  process.stdout.write = ((chunk: string) => out.push(String(chunk)) > 0) as typeof process.stdout.write;
  process.stderr.write = ((chunk: string) => err.push(String(chunk)) > 0) as typeof process.stderr.write;
  try {
    await program.parseAsync(['node', 'cashguard', '--lang', lang, 'interest', ...args]);
  } finally {
    process.stdout.write = write;
    process.stderr.write = writeErr;
  }
  return { stdout: out.join(''), stderr: err.join(''), exitCode: process.exitCode as number | undefined };
}

afterEach(() => {
  process.exitCode = 0;
});

test('EU: three half-years with their reference rates, the days, the rates and EUR 912.12 + EUR 40', async () => {
  const r = await runCli([
    '--law',
    'eu',
    '--amount',
    '10,000.00',
    '--currency',
    'eur',
    '--due',
    '2023-11-15',
    '--paid',
    '2024/08/10',
    '--reference-rate',
    '2024-07-01=4.25,2023-07-01=4,2024-01-01=4.5%',
    '--json',
  ]);
  assert.equal(r.stderr, '');
  const v = JSON.parse(r.stdout);
  assert.equal(v.days, 269);
  assert.deepEqual(
    v.periods.map((p: { days: number; annualRate: number }) => [p.days, p.annualRate]),
    [
      [46, 0.12],
      [182, 0.125],
      [41, 0.1225],
    ],
  );
  assert.deepEqual(v.interest, { amountMinor: 91212, currency: 'EUR' });
  assert.deepEqual(v.fixedCompensation, { amountMinor: 4000, currency: 'EUR' });
});

test('EU text: the days, each rate and the fixed compensation, in words', async () => {
  const r = await runCli([
    '--law',
    'eu',
    '--amount',
    '10000',
    '--currency',
    'EUR',
    '--due',
    '2023-11-15',
    '--paid',
    '2024-08-10',
    '--reference-rate',
    '4.5',
    '--country',
    'fr',
  ]);
  assert.match(r.stdout, /Interest days: 269/);
  assert.match(r.stdout, /plus 10 points \(creditor country: FR\)/);
  assert.match(r.stdout, /14\.50 % a year/);
  assert.match(r.stdout, /Fixed compensation for recovery costs: 40\.00 EUR/);
});

test('China, in Chinese: 75 days at 万分之五 on ¥200,000 → ¥7,500.00, the conditions and the statutory deadline', async () => {
  const r = await runCli(
    [
      '--law',
      'cn',
      '--amount',
      '200,000.00',
      '--due',
      '2024年12月20日',
      '--paid',
      '2025-03-05',
      '--debtor',
      'large',
      '--sme',
      '--signed',
      '2024-06-01',
      '--delivered',
      '2024-10-21',
    ],
    'zh-CN',
  );
  assert.equal(r.stderr, '');
  assert.match(r.stdout, /计息天数：75/);
  assert.match(r.stdout, /日利率 0\.05 %/);
  assert.match(r.stdout, /逾期利息：7,500\.00 CNY/);
  assert.match(r.stdout, /适用《条例》：是/);
  assert.match(r.stdout, /法定付款期限：2024-12-20/);
});

test('China: an agreed 2 % under the LPR of 3.45 % is raised to it', async () => {
  const r = await runCli([
    '--law',
    'cn',
    '--amount',
    '500000',
    '--due',
    '2025-01-31',
    '--paid',
    '2025-04-02',
    '--rate',
    '2',
    '--reference-rate',
    '3.45',
    '--debtor',
    'large',
    '--sme',
    '--signed',
    '2024-06-01',
    '--json',
  ]);
  const v = JSON.parse(r.stdout);
  assert.equal(v.basis.code, 'LI_BASIS_CN_LPR_FLOOR');
  assert.equal(v.interest.amountMinor, 288288);
});

test('contract: 6 % a year over 30 days on ¥100,000 → ¥493.15', async () => {
  const r = await runCli([
    '--law',
    'contract',
    '--amount',
    '¥100,000',
    '--due',
    '2025-01-31',
    '--paid',
    '2025-03-02',
    '--rate',
    '6',
  ]);
  assert.match(r.stdout, /Interest days: 30/);
  assert.match(r.stdout, /6\.00 % a year/);
  assert.match(r.stdout, /Late interest: 493\.15 CNY/);
});

test('bad input is one line naming the option, exit code 2', async () => {
  const noRate = await runCli(['--law', 'contract', '--amount', '100', '--due', '2025-01-31', '--paid', '2025-03-02']);
  assert.equal(noRate.exitCode, 2);
  assert.match(noRate.stderr, /--rate/);
  const badLaw = await runCli(['--law', 'uk', '--amount', '100', '--due', '2025-01-31', '--paid', '2025-03-02']);
  assert.equal(badLaw.exitCode, 2);
  assert.match(badLaw.stderr, /cn, eu or contract/);
  const badRate = await runCli([
    '--law',
    'eu',
    '--amount',
    '100',
    '--currency',
    'EUR',
    '--due',
    '2025-01-31',
    '--paid',
    '2025-03-02',
    '--reference-rate',
    '4,5',
  ]);
  assert.equal(badRate.exitCode, 2);
  assert.match(badRate.stderr, /--reference-rate/);
  const missingHalf = await runCli([
    '--law',
    'eu',
    '--amount',
    '100',
    '--currency',
    'EUR',
    '--due',
    '2025-01-31',
    '--paid',
    '2025-08-02',
    '--reference-rate',
    '2025-07-01=2.15',
  ]);
  assert.equal(missingHalf.exitCode, 2);
  assert.match(missingHalf.stderr, /2025-01-01/);
});
