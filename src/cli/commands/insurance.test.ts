import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, afterEach, before, test } from 'node:test';
import { Command } from 'commander';
import { openAppDatabase } from '../../app/database.js';
import { createDemoCompany } from '../../app/demo/index.js';
import { addInsuranceCommands } from './insurance.js';

/** `cashguard insurance cover | deadlines | value` on the demo company, text and JSON. */
const asOf = '2026-03-31';
let dir: string;
let dbFile: string;

/** Runs `cashguard --db <file> --lang <lang> insurance <args> --as-of 2026-03-31`, capturing output and the exit code. */
async function runCli(args: readonly string[], lang = 'en') {
  const program = new Command().exitOverride().option('--db <url>').option('--org <id>').option('--lang <locale>');
  addInsuranceCommands(program);
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
    await program.parseAsync([
      'node',
      'cashguard',
      '--db',
      dbFile,
      '--lang',
      lang,
      'insurance',
      ...args,
      '--as-of',
      asOf,
    ]);
  } finally {
    process.stdout.write = stdout;
    process.stderr.write = stderr;
  }
  return { stdout: out.join(''), stderr: err.join(''), exitCode: Number(process.exitCode ?? 0) };
}

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cg-insurance-cli-'));
  dbFile = join(dir, 'cashguard.db');
  const db = await openAppDatabase(dbFile);
  try {
    await createDemoCompany(db, { asOf, customers: 20, invoices: 600, seed: 1 });
  } finally {
    await db.close();
  }
});
after(async () => rm(dir, { recursive: true, force: true }));
afterEach(() => {
  process.exitCode = undefined;
});

test('cover --json: one row per open invoice with a boolean covered and its reasons in words', async () => {
  const run = await runCli(['cover', '--json']);
  assert.equal(run.exitCode, 0, run.stderr);
  const rows = JSON.parse(run.stdout) as {
    customerId: string;
    covered: boolean;
    insuredMinor: number;
    openMinor: number;
    reasons: { code: string; text: string }[];
  }[];
  assert.ok(Array.isArray(rows) && rows.length > 0);
  for (const r of rows) {
    assert.equal(typeof r.covered, 'boolean');
    assert.equal(r.covered, r.reasons.length === 0, JSON.stringify(r));
    for (const x of r.reasons) assert.ok(x.text.length > 0 && !x.text.includes('{{'), x.code);
  }
  const insolvent = rows.filter((r) => r.customerId === 'demo:c-0006');
  assert.ok(insolvent.length > 0 && insolvent.every((r) => !r.covered && r.reasons[0]?.code === 'INS_NO_LIMIT'));
});

test('cover, deadlines and value in words, in English and in Chinese', async () => {
  const en = await runCli(['cover']);
  assert.equal(en.exitCode, 0, en.stderr);
  assert.match(en.stdout, /^Insurance cover as of 2026-03-31 under .+ policy /);
  assert.match(en.stdout, /no insurer or discretionary limit for this buyer on the delivery date/);
  const zh = await runCli(['cover'], 'zh-CN');
  assert.match(zh.stdout, /出运日该买方没有信用限额/);
  const deadlines = await runCli(['deadlines', '--all']);
  assert.equal(deadlines.exitCode, 0, deadlines.stderr);
  assert.match(deadlines.stdout, /overdue notification/);
  assert.match(deadlines.stdout, /file the claim/);
  const value = await runCli(['value']);
  assert.match(value.stdout, /Expected loss of the receivables: .+ with the policy, .+ without/);
  assert.match(value.stdout, /Break-even premium: /);
});

test('value --json names the figures in currency units', async () => {
  const run = await runCli(['value', '--json']);
  assert.equal(run.exitCode, 0, run.stderr);
  const v = JSON.parse(run.stdout) as Record<string, unknown>;
  for (const k of [
    'expectedLossWith',
    'expectedLossWithout',
    'lossAt99With',
    'lossAt99Without',
    'premium',
    'breakEven',
  ])
    assert.equal(typeof v[k], 'number', k);
  assert.ok((v.expectedLossWith as number) <= (v.expectedLossWithout as number));
  assert.ok((v.lossAt99With as number) <= (v.lossAt99Without as number));
});
