import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, afterEach, before, test } from 'node:test';
import { Command } from 'commander';
import { openAppDatabase } from '../../app/database.js';
import type { LetterOfCredit } from '../../core/lc/index.js';
import { saveLetterOfCredit } from '../../db/stores/letters-of-credit.js';
import { createOrganisation } from '../../db/stores/organisations.js';
import { addLcCommands } from './lc.js';

/** `cashguard lc list | show | check` on one organisation with one credit, text and JSON. */
let dir: string;
let dbFile: string;

const lc: LetterOfCredit = {
  id: 'LC1',
  number: 'ILC2026-0917',
  customerId: 'c1',
  invoiceId: null,
  amountMinor: 100_000_00,
  currency: 'USD',
  issuedOn: '2026-09-01',
  expiresOn: '2026-10-31',
  latestShipmentOn: '2026-09-20',
  shippedOn: '2026-09-08',
  presentationDays: null,
  isIrrevocable: true,
  availability: 'sight',
  usanceDays: 0,
  issuingBank: { name: 'Banco Exterior', country: 'AR', isSound: false },
  confirmingBank: { name: 'Bank of China', country: 'CN', isSound: true },
  presentedOn: '2026-09-29',
  documentsComply: true,
  status: 'presented',
};

async function runCli(args: readonly string[], lang = 'en') {
  const program = new Command().exitOverride().option('--db <url>').option('--org <id>').option('--lang <locale>');
  addLcCommands(program);
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
    await program.parseAsync(['node', 'cashguard', '--db', dbFile, '--org', 'o1', '--lang', lang, 'lc', ...args]);
  } finally {
    process.stdout.write = stdout;
    process.stderr.write = stderr;
  }
  return { stdout: out.join(''), stderr: err.join(''), exitCode: Number(process.exitCode ?? 0) };
}

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cg-lc-cli-'));
  dbFile = join(dir, 'cashguard.db');
  const db = await openAppDatabase(dbFile);
  try {
    await createOrganisation(db, { id: 'o1', name: 'o1', baseCurrency: 'CNY', createdAt: '2026-01-01T00:00:00Z' });
    const answers = {
      issuing_bank_authenticated: 'pass',
      no_soft_clauses: 'pass',
      realistic_shipment_date: 'pass',
      terms_match_contract: 'pass',
      no_advance_fees: 'pass',
      documents_through_banks: 'flag',
    } as const;
    await saveLetterOfCredit(db, { orgId: 'o1', credit: { lc, answers } });
  } finally {
    await db.close();
  }
});
after(async () => rm(dir, { recursive: true, force: true }));
afterEach(() => {
  process.exitCode = undefined;
});

test('lc list: deadline, expected cash (National Day in the examination) and security, in both languages', async () => {
  const en = await runCli(['list', '--as-of', '2026-09-30']);
  assert.equal(en.exitCode, 0, en.stderr);
  assert.match(en.stdout, /ILC2026-0917 .*present by 2026-09-29 .*cash expected 2026-10-14 .*not secured/);
  const zh = await runCli(['list', '--as-of', '2026-09-30'], 'zh-CN');
  assert.match(zh.stdout, /最迟交单 2026-09-29 .*预计收款 2026-10-14 .*无保障/);
});

test('lc check --json: the checklist with the flag and why the credit does not secure', async () => {
  const r = await runCli(['check', 'LC1', '--json', '--as-of', '2026-09-30']);
  assert.equal(r.exitCode, 0, r.stderr);
  const v = JSON.parse(r.stdout) as {
    isSecured: boolean;
    reasons: string[];
    checklist: { code: string; state: string }[];
  };
  assert.equal(v.isSecured, false);
  assert.deepEqual(v.reasons, ['checklist_flag']);
  assert.equal(v.checklist.find((c) => c.code === 'documents_through_banks')?.state, 'flag');
  const text = await runCli(['show', 'LC1', '--as-of', '2026-09-30']);
  assert.match(text.stdout, /examination ends 2026-10-12/);
  assert.match(text.stdout, /Not secured: the checklist has a red flag\./);
});

test('lc show of an unknown id fails with a clear message', async () => {
  const r = await runCli(['show', 'NOPE', '--as-of', '2026-09-30']);
  assert.notEqual(r.exitCode, 0);
  assert.match(r.stderr, /No letter of credit NOPE/);
});
