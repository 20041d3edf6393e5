import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, afterEach, before, describe, it } from 'node:test';
import { Command } from 'commander';
import { openAppDatabase } from '../../app/database.js';
import { createDemoCompany } from '../../app/demo/index.js';
import { addCreditCommands } from './credit.js';
import { addCreditDecisionCommands } from './credit-decisions.js';

/** `cashguard review | onboarding-check | approve-limit` and an overridden `check-order`, on the demo company. */
const asOf = '2026-03-31';
let dir: string;
let dbFile: string;

interface Run {
  readonly stdout: string;
  readonly stderr: string;
  readonly exitCode: number;
}

/** Runs `cashguard --db <file> --lang <lang> <args> --as-of 2026-03-31`, capturing output and the exit code. */
async function runCli(args: readonly string[], lang = 'en'): Promise<Run> {
  const program = new Command().exitOverride().option('--db <url>').option('--org <id>').option('--lang <locale>');
  addCreditCommands(program, program.command('score'));
  addCreditDecisionCommands(program);
  const out: string[] = [];
  const err: string[] = [];
  const stdout = process.stdout.write.bind(process.stdout);
  const stderr = process.stderr.write.bind(process.stderr);
  // The commands write strings; the test runner's own messages (Buffers) pass through.
  const capture = (into: string[], real: typeof stdout) =>
    ((chunk: unknown, ...rest: never[]) =>
      typeof chunk === 'string' ? into.push(chunk) > 0 : real(chunk as Uint8Array, ...rest)) as typeof stdout;
  process.stdout.write = capture(out, stdout);
  process.stderr.write = capture(err, stderr);
  try {
    await program.parseAsync(['node', 'cashguard', '--db', dbFile, '--lang', lang, ...args, '--as-of', asOf]);
  } finally {
    process.stdout.write = stdout;
    process.stderr.write = stderr;
  }
  return { stdout: out.join(''), stderr: err.join(''), exitCode: Number(process.exitCode ?? 0) };
}

async function json<T>(args: readonly string[]): Promise<T> {
  const run = await runCli([...args, '--json']);
  assert.equal(run.exitCode, 0, run.stderr);
  return JSON.parse(run.stdout) as T;
}

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cg-credit-cli-'));
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

describe('review', () => {
  it('records the review by customer code; `reviews` then shows it and the next due date', async () => {
    const run = await runCli(['review', 'KH00002', '--reason', 'annual review']);
    assert.equal(run.exitCode, 0, run.stderr);
    const m =
      /^Credit review of KH00002 .+ recorded on 2026-03-31 by cli:.+ next review due (\d{4}-\d\d-\d\d)\.\n$/.exec(
        run.stdout,
      );
    assert.ok(m, run.stdout);
    const { reviews } = await json<{ reviews: { customerId: string; lastReviewedOn: string; nextDueOn: string }[] }>([
      'reviews',
    ]);
    const row = reviews.find((r) => r.customerId === 'demo:c-0002');
    assert.deepEqual([row?.lastReviewedOn, row?.nextDueOn], [asOf, m[1]]);
  });

  it('speaks Chinese with --lang zh-CN and names the reviewer given', async () => {
    const run = await runCli(['review', 'demo:c-0004', '--reason', '逾期后复审', '--reviewer', '李伟'], 'zh-CN');
    assert.equal(run.exitCode, 0, run.stderr);
    assert.match(run.stdout, /^已记录 KH00004 .+ 的信用复审：2026-03-31，复审人 李伟，/);
  });

  it('without --reason exits 2 naming it; an unknown customer exits 3; nothing is recorded', async () => {
    type Row = { customerId: string; lastReviewedOn: string | null };
    const lastOf = async () =>
      (await json<{ reviews: Row[] }>(['reviews'])).reviews.find((r) => r.customerId === 'demo:c-0003')?.lastReviewedOn;
    const before = await lastOf();
    assert.ok(before && before < asOf, 'the demo reviewed it before');
    const missing = await runCli(['review', 'KH00003']);
    assert.equal(missing.exitCode, 2);
    assert.match(missing.stderr, /for --reason/);
    process.exitCode = undefined;
    const zh = await runCli(['review', 'KH00003', '--reason', ' '], 'zh-CN');
    assert.deepEqual([zh.exitCode, /--reason 的值/.test(zh.stderr)], [2, true], zh.stderr);
    process.exitCode = undefined;
    const unknown = await runCli(['review', 'nope', '--reason', 'x']);
    assert.equal(unknown.exitCode, 3);
    assert.equal(unknown.stderr, 'No customer with id or code "nope".\n');
    process.exitCode = undefined;
    assert.equal(await lastOf(), before);
  });
});

describe('onboarding-check', () => {
  const statusOf = async (customer: string, item: string) => {
    const o = await json<{ lines: { item: string; status: string }[] }>(['onboarding', customer]);
    return o.lines.find((l) => l.item === item)?.status;
  };

  it('records an item; `onboarding` then shows its status', async () => {
    assert.equal(await statusOf('KH00003', 'bank_reference'), 'missing');
    const run = await runCli(['onboarding-check', 'KH00003', 'bank_reference', 'done', '--note', 'ICBC letter']);
    assert.equal(run.exitCode, 0, run.stderr);
    assert.match(
      run.stdout,
      /^KH00003 .+: Bank reference recorded as done on 2026-03-31 by cli:.+\.\n {2}ICBC letter\n$/,
    );
    assert.equal(await statusOf('KH00003', 'bank_reference'), 'done');
    const zh = await runCli(['onboarding-check', 'KH00003', 'trade_references', 'failed', '--by', '王芳'], 'zh-CN');
    assert.match(zh.stdout, /同业推荐 已记录为“未通过”（2026-03-31，王芳）/);
    assert.equal(await statusOf('KH00003', 'trade_references'), 'failed');
  });

  it('an unknown item or status exits 2 naming the argument; an unknown customer exits 3', async () => {
    const item = await runCli(['onboarding-check', 'KH00007', 'horoscope', 'done']);
    assert.equal(item.exitCode, 2);
    assert.match(item.stderr, /for <item>: expected registration \| financial_statements/);
    process.exitCode = undefined;
    const status = await runCli(['onboarding-check', 'KH00007', 'bank_reference', 'maybe']);
    assert.equal(status.exitCode, 2);
    assert.match(status.stderr, /"maybe" for <status>: expected done \| failed \| waived/);
    process.exitCode = undefined;
    const unknown = await runCli(['onboarding-check', 'nope', 'bank_reference', 'done']);
    assert.equal(unknown.exitCode, 3);
    process.exitCode = undefined;
    assert.equal(await statusOf('KH00007', 'bank_reference'), 'missing');
  });
});

describe('approve-limit', () => {
  const limitOf = async (customerId: string) => {
    type Current = { limitMinor: number; binding: string; effectiveFrom: string; approvedBy: string };
    const r = await json<{ customers: { customerId: string; current: Current | null }[] }>(['limits']);
    return r.customers.find((c) => c.customerId === customerId)?.current;
  };

  it('approves a limit in the base currency; `limits` then shows it as current', async () => {
    const run = await runCli([
      'approve-limit',
      'KH00008',
      '250,000.00',
      '--reason',
      'annual review',
      '--actor',
      'li.wei',
    ]);
    assert.equal(run.exitCode, 0, run.stderr);
    assert.match(
      run.stdout,
      /^Credit limit of KH00008 .+ approved: 250,000\.00 CNY \(manual; recommended .+ CNY\), effective 2026-03-31, by li\.wei\.\n$/,
    );
    const current = await limitOf('demo:c-0008');
    assert.deepEqual(
      [current?.limitMinor, current?.binding, current?.effectiveFrom, current?.approvedBy],
      [25_000_000, 'manual', asOf, 'li.wei'],
    );
    const zero = await runCli(['approve-limit', 'KH00009', '0', '--reason', '款到发货'], 'zh-CN');
    assert.match(zero.stdout, /^已批准 KH00009 .+ 的信用额度 0\.00 CNY/);
    assert.equal((await limitOf('demo:c-0009'))?.limitMinor, 0);
  });

  it('a bad amount or no --reason exits 2; an unknown customer exits 3', async () => {
    const before = await limitOf('demo:c-0010');
    for (const [amount, expected] of [
      ['-5', 'an amount in CNY of 0 or more'],
      ['lots', 'an amount in CNY, e.g.'],
      ['1.234', 'an amount in CNY with at most 2 decimals'],
      ['1,2,3', 'an amount whose digits are grouped by three'],
    ]) {
      const run = await runCli(['approve-limit', 'KH00010', amount as string, '--reason', 'x']);
      assert.equal(run.exitCode, 2, amount);
      assert.ok(run.stderr.includes(`for <amount>: expected ${expected}`), run.stderr);
      process.exitCode = undefined;
    }
    const noReason = await runCli(['approve-limit', 'KH00010', '100'], 'zh-CN');
    assert.equal(noReason.exitCode, 2);
    assert.equal(noReason.stderr, '--reason 的值 "" 无效：应为 批准理由，例如 --reason "年度复审"。\n');
    process.exitCode = undefined;
    const unknown = await runCli(['approve-limit', 'nope', '100', '--reason', 'x']);
    assert.equal(unknown.exitCode, 3);
    process.exitCode = undefined;
    assert.deepEqual(await limitOf('demo:c-0010'), before, 'nothing was approved');
  });
});

describe('check-order --override', () => {
  it('remembers the override for that order: a re-check allows it (exit 0), another order is held (exit 6)', async () => {
    const order = ['check-order', 'KH00003', '10000', '--order-ref', 'SO-1'];
    assert.equal((await runCli(order)).exitCode, 6);
    process.exitCode = undefined;
    const done = await runCli([...order, '--override', '--role', 'credit_controller', '--reason', 'paid 50% upfront']);
    assert.equal(done.exitCode, 0, done.stderr);
    const again = await runCli(order);
    assert.equal(again.exitCode, 0, again.stdout);
    assert.match(
      again.stdout,
      /^ALLOW: .+\nhold overridden by cli:.+ \("paid 50% upfront"\), valid to the end of 2026-03-31/,
    );
    const other = await runCli(['check-order', 'KH00003', '10000', '--order-ref', 'SO-2']);
    assert.equal(other.exitCode, 6);
    assert.match(other.stdout, /^HOLD: /);
  });
});
