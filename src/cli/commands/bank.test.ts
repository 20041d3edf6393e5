import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { Command } from 'commander';
import { SHARED_DATA_MISSING, sharedDataPath } from '../../app/shared-data.js';
import { addImportExportCommands } from './import-export.js';
import { addInitCommand } from './init.js';

const SHARED = sharedDataPath('bank-statements/') ?? '';
/** The public fixtures sit in ../shared/data beside the checkout; without them these tests skip. */
const skip = SHARED === '' && SHARED_DATA_MISSING;
let dir: string;
let dbFile: string;

async function runCli(args: readonly string[], lang = 'en') {
  const program = new Command().exitOverride().option('--db <url>').option('--org <id>').option('--lang <locale>');
  addInitCommand(program);
  addImportExportCommands(program);
  const out: string[] = [];
  const err: string[] = [];
  const stdout = process.stdout.write.bind(process.stdout);
  const stderr = process.stderr.write.bind(process.stderr);
  const capture = (into: string[], real: typeof stdout) =>
    ((chunk: unknown, ...rest: never[]) =>
      typeof chunk === 'string' ? into.push(chunk) > 0 : real(chunk as Uint8Array, ...rest)) as typeof stdout;
  process.stdout.write = capture(out, stdout);
  process.stderr.write = capture(err, stderr);
  process.exitCode = 0;
  try {
    await program.parseAsync(['node', 'cashguard', '--db', dbFile, '--lang', lang, ...args]);
  } finally {
    process.stdout.write = stdout;
    process.stderr.write = stderr;
  }
  const exitCode = Number(process.exitCode ?? 0);
  process.exitCode = 0;
  return { stdout: out.join(''), stderr: err.join(''), exitCode };
}

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cg-bank-cli-'));
  dbFile = join(dir, 'cashguard.db');
  assert.equal((await runCli(['init'])).exitCode, 0);
});
after(() => rmSync(dir, { recursive: true, force: true }));

test('import bank-statement reads the format by content whatever the extension; --json per statement', {
  skip,
}, async () => {
  const renamed = join(dir, 'statement.txt');
  copyFileSync(join(SHARED, 'camt-genkgo/camt053.v2.multi.statement.xml'), renamed);
  const run = await runCli(['import', 'bank-statement', renamed, '--json']);
  assert.equal(run.exitCode, 0, run.stderr);
  const report = JSON.parse(run.stdout) as {
    statements: Array<{ account: string; lines: number; opening: string; closing: string }>;
  };
  assert.deepEqual(
    report.statements.map((s) => [s.account, s.lines, s.opening, s.closing]),
    [
      ['NL26VAYB8060476890', 1, '18.15', '27.00'],
      ['NL26VAYB8060476890', 1, '27.00', '20.00'],
    ],
  );
});

test('every MT940 and camt fixture with an account and currency imports; twice writes nothing new', {
  skip,
}, async () => {
  const files = [
    ...['jejik', 'betterplace', 'mBank', 'sberbank'].flatMap((d) =>
      readdirSync(join(SHARED, 'mt940-wolph', d))
        .filter((f) => /\.(sta|txt)$/.test(f))
        .map((f) => join(SHARED, 'mt940-wolph', d, f)),
    ),
    ...readdirSync(join(SHARED, 'camt-genkgo'))
      .filter((f) => f.endsWith('.xml') && !f.includes('wrong'))
      .map((f) => join(SHARED, 'camt-genkgo', f)),
  ];
  let imported = 0;
  for (const file of files) {
    const run = await runCli(['import', 'bank-statement', file, '--json']);
    if (run.exitCode !== 0) {
      // Snippets without an account or a balance are refused with a reason, exit 4.
      assert.equal(run.exitCode, 4, `${file}: ${run.stderr}`);
      assert.match(run.stderr, /names no account|gives no currency|holds no statement|not a bank statement/, file);
      continue;
    }
    imported++;
    const again = JSON.parse((await runCli(['import', 'bank-statement', file, '--json'])).stdout) as {
      statements: Array<{ isNew: boolean; newLines: number }>;
    };
    assert.ok(
      again.statements.every((s) => !s.isNew && s.newLines === 0),
      file,
    );
  }
  assert.ok(imported >= 30, `imported ${imported}`);
});

test('a malformed file exits non-zero naming what is wrong, in either language', { skip }, async () => {
  const broken = join(dir, 'broken.sta');
  writeFileSync(broken, ':20:X\n:25:1\n:28C:1\n:60F:C261201EUR1,\n:62F:Q261201EUR1,\n-\n');
  const en = await runCli(['import', 'bank-statement', broken]);
  assert.equal(en.exitCode, 4);
  assert.match(en.stderr, /line 5, :62F:: "Q261201EUR1," is not a balance/);
  const zh = await runCli(['import', 'bank-statement', join(SHARED, 'camt-genkgo/camt053.v2.wrong.xml')], 'zh-CN');
  assert.equal(zh.exitCode, 4);
  assert.match(zh.stderr, /没有对账单/);
  const missing = await runCli(['import', 'bank-statement', join(dir, 'nope.sta')]);
  assert.equal(missing.exitCode, 5);
});
