import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, afterEach, before, test } from 'node:test';
import { Command } from 'commander';
import { openAppDatabase } from '../../app/database.js';
import { createDemoCompany } from '../../app/demo/index.js';
import { addInsuranceCommands } from './insurance.js';

/** `cashguard insurance claim file | list | show | update` on the demo company, text and JSON. */
const asOf = '2026-03-31';
let dir: string;
let dbFile: string;

/** Runs `cashguard --db <file> --lang <lang> insurance <args>`, capturing output and the exit code. */
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
    await program.parseAsync(['node', 'cashguard', '--db', dbFile, '--lang', lang, 'insurance', ...args]);
  } finally {
    process.stdout.write = stdout;
    process.stderr.write = stderr;
  }
  return { stdout: out.join(''), stderr: err.join(''), exitCode: Number(process.exitCode ?? 0) };
}

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cg-insurance-claims-cli-'));
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

interface ClaimJson {
  number: string;
  status: string;
  amountClaimedMinor: number;
  indemnity: { indemnityMinor: number };
  recoverySplit: { toInsurerMinor: number; toInsuredMinor: number };
  missingDocuments: string[];
  expectedIndemnityOn: string | null;
}

test('claim file → filed → documents complete → partially approved → paid → recovery, with figures to the fen', async () => {
  // KH00008 owes 40,266.42 on invoice …273 with a limit of 10,000.00: the insured debt claimed is 10,000.00.
  const filed = await runCli([
    'claim',
    'file',
    'KH00008',
    '10,000.00',
    '--invoice',
    '26442000000000000273',
    '--on',
    '2026-03-31',
    '--json',
  ]);
  assert.equal(filed.exitCode, 0, filed.stderr);
  const c = JSON.parse(filed.stdout) as ClaimJson;
  assert.equal(c.status, 'draft');
  assert.equal(c.amountClaimedMinor, 10_000_00);
  assert.equal(c.indemnity.indemnityMinor, 9_000_00); // 10,000 × 90 %
  assert.equal(c.missingDocuments.length, 6);
  const step = async (args: string[]) => {
    const r = await runCli(['claim', 'update', c.number, ...args, '--json']);
    assert.equal(r.exitCode, 0, r.stderr);
    return JSON.parse(r.stdout) as ClaimJson;
  };
  assert.equal((await step(['--status', 'filed', '--on', '2026-03-31'])).expectedIndemnityOn, '2026-04-30');
  const refused = await runCli([
    'claim',
    'update',
    c.number,
    '--status',
    'documents_complete',
    '--as-of',
    '2026-04-02',
  ]);
  assert.notEqual(refused.exitCode, 0);
  assert.match(refused.stderr, /6 documents are still missing/);
  process.exitCode = undefined;
  const docs = 'claim_form,overdue_notice,invoice,delivery_proof,statement_of_account,collection_record';
  const complete = await step(['--received', docs, '--status', 'documents_complete', '--on', '2026-04-02']);
  assert.deepEqual(complete.missingDocuments, []);
  await step(['--status', 'partially_approved', '--approved', '8000', '--on', '2026-04-20']);
  await step(['--status', 'paid', '--on', '2026-05-15']);
  const recovered = await step(['--recovery', '3000', '--as-of', '2026-05-20']);
  // 3,000 × 8,000 paid ÷ 10,000 claimed = 2,400.00 to the insurer, 600.00 kept.
  assert.deepEqual(recovered.recoverySplit, { toInsurerMinor: 2_400_00, toInsuredMinor: 600_00 });
  const show = await runCli(['claim', 'show', c.number, '--as-of', '2026-05-20']);
  assert.match(show.stdout, /Recovered after payment 3,000.00 CNY: 2,400.00 CNY to the insurer, 600.00 CNY kept/);
  assert.match(show.stdout, /2026-04-20 {2}partially approved/);
  const zh = await runCli(['claim', 'list', '--as-of', '2026-05-20'], 'zh-CN');
  assert.match(zh.stdout, /索赔（1 笔）/);
  assert.match(zh.stdout, /已赔付/);
});

test('a bad claim is refused naming the field; an unknown buyer names the customer', async () => {
  const bad = await runCli(['claim', 'file', 'KH00008', '100', '--on', '31/03/2026']);
  assert.notEqual(bad.exitCode, 0);
  assert.match(bad.stderr, /claimOn/);
  process.exitCode = undefined;
  const unknown = await runCli(['claim', 'file', 'NOPE', '100', '--on', '2026-03-31']);
  assert.notEqual(unknown.exitCode, 0);
  assert.match(unknown.stderr, /NOPE/);
});
