import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, afterEach, before, test } from 'node:test';
import { Command } from 'commander';
import { openAppDatabase } from '../../app/database.js';
import { createDemoCompany } from '../../app/demo/index.js';
import { fixture, healthyAnswer, RecordedInsurer } from '../../app/insurance/connector/test-support.js';
import { addInsuranceCommands } from './insurance.js';
import { addEligibleCommand, addInsuranceConnectorCommands } from './insurance-connector.js';

/** `cashguard insurance sync | eligible` on the demo company against a recorded insurer. */
const asOf = '2026-03-31';
let dir: string;
let dbFile: string;
const insurer = new RecordedInsurer();

async function runCli(args: readonly string[], lang = 'en') {
  process.exitCode = undefined;
  const program = new Command().exitOverride().option('--db <url>').option('--org <id>').option('--lang <locale>');
  addInsuranceCommands(program);
  addInsuranceConnectorCommands(program);
  addEligibleCommand(program);
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

async function setConnector(value: unknown): Promise<void> {
  const db = await openAppDatabase(dbFile);
  try {
    const settings = value === undefined ? {} : { 'insurance.connector': value };
    await db.kysely
      .updateTable('organisations')
      .set({ settings: JSON.stringify(settings) })
      .execute();
  } finally {
    await db.close();
  }
}

before(async () => {
  await insurer.start();
  dir = await mkdtemp(join(tmpdir(), 'cg-insurance-connector-cli-'));
  dbFile = join(dir, 'cashguard.db');
  const db = await openAppDatabase(dbFile);
  try {
    await createDemoCompany(db, { asOf, customers: 20, invoices: 600, seed: 1 });
  } finally {
    await db.close();
  }
});
after(async () => {
  await insurer.stop();
  await rm(dir, { recursive: true, force: true });
});
afterEach(() => {
  process.exitCode = undefined;
  insurer.answer = healthyAnswer;
});

const connector = () => ({
  provider: 'allianz-trade',
  baseUrl: insurer.url,
  policyId: 'POL-500123',
  apiKey: 'AK-cli-secret',
  retries: 0,
  buyers: { 'AT-1001': 'KH00002', 'AT-2002': 'KH00003', 'AT-3003': 'KH00004', 'AT-4004': 'KH00006' },
});

test('sync: not set up exits 2 naming the setting; --dry-run --json counts; a second run changes nothing', async () => {
  await setConnector(undefined);
  const none = await runCli(['sync']);
  assert.equal(none.exitCode, 2);
  assert.match(none.stderr, /settings\.insurance\.connector/);

  await setConnector(connector());
  const dry = await runCli(['sync', '--dry-run', '--json']);
  assert.equal(dry.exitCode, 0, dry.stderr);
  const d = JSON.parse(dry.stdout) as { dryRun: boolean; counts: unknown; unmatched: unknown[] };
  assert.equal(d.dryRun, true);
  assert.deepEqual(d.counts, { inserted: 4, updated: 0, unchanged: 0 });
  assert.equal(d.unmatched.length, 1);

  const zh = await runCli(['sync'], 'zh-CN');
  assert.equal(zh.exitCode, 0, zh.stderr);
  assert.match(zh.stdout, /新增 4 条、变更 0 条、未变 0 条限额决定/);
  assert.match(zh.stdout, /KH00004\s+除外/);
  const again = await runCli(['sync', '--json']);
  assert.deepEqual((JSON.parse(again.stdout) as { counts: unknown }).counts, { inserted: 0, updated: 0, unchanged: 4 });
  assert.ok(!again.stdout.includes('AK-cli-secret'));
});

test('sync: a refused key exits 5 with the reason, never the key', async () => {
  await setConnector(connector());
  insurer.answer = () => ({ status: 401, body: fixture('error-401.json') });
  const run = await runCli(['sync']);
  assert.equal(run.exitCode, 5);
  assert.match(run.stderr, /refused the credentials \(token, HTTP 401\).*INVALID_API_KEY/);
  assert.ok(!run.stderr.includes('AK-cli-secret'));
});

test('eligible --xlsx FILE --json: the workbook holds the JSON invoices; totals per currency add up', async () => {
  const file = join(dir, 'eligible.xlsx');
  const run = await runCli(['eligible', '--xlsx', file, '--json']);
  assert.equal(run.exitCode, 0, run.stderr);
  const r = JSON.parse(run.stdout) as {
    eligible: { number: string; currency: string; insuredMinor: number }[];
    excluded: { reasons: string[]; reasonTexts: string[] }[];
    totals: { currency: string; count: number; insuredMinor: number }[];
  };
  assert.ok(r.eligible.length > 0);
  for (const t of r.totals) {
    const own = r.eligible.filter((l) => l.currency === t.currency);
    assert.equal(t.count, own.length);
    assert.equal(
      t.insuredMinor,
      own.reduce((s, l) => s + l.insuredMinor, 0),
    );
  }
  for (const x of r.excluded) assert.equal(x.reasonTexts.length, x.reasons.length);
  const { Workbook } = (await import('exceljs')).default;
  const wb = new Workbook();
  await wb.xlsx.load((await readFile(file)) as unknown as ArrayBuffer);
  const numbers: unknown[] = [];
  wb.worksheets[0]?.eachRow((row, n) => {
    if (n > 1) numbers.push(row.getCell(3).value);
  });
  assert.deepEqual(
    numbers,
    r.eligible.map((l) => l.number),
  );
  const text = await runCli(['eligible', '--xlsx', file]);
  assert.match(text.stdout, new RegExp(`Written .*eligible\\.xlsx: ${r.eligible.length} eligible invoices`));
});
