import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, afterEach, before, test } from 'node:test';
import { Command } from 'commander';
import { openAppDatabase } from '../../app/database.js';
import { createDemoCompany } from '../../app/demo/index.js';
import { addAlertsCommands } from './alerts.js';

/** `cashguard alerts [run] [--as-of D] [--json]` and the actions, on a small demo company. */
const asOf = '2026-03-31';
let dir: string;
let dbFile: string;

async function runCli(
  args: readonly string[],
  lang = 'en',
): Promise<{ stdout: string; stderr: string; exitCode: number }> {
  const program = new Command().exitOverride().option('--db <url>').option('--org <id>').option('--lang <locale>');
  addAlertsCommands(program);
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
    await program.parseAsync(['node', 'cashguard', '--db', dbFile, '--lang', lang, ...args, '--as-of', asOf]);
  } finally {
    process.stdout.write = stdout;
    process.stderr.write = stderr;
  }
  return { stdout: out.join(''), stderr: err.join(''), exitCode: Number(process.exitCode ?? 0) };
}

interface JsonAlert {
  id: string;
  level: string;
  rule: string;
  customer: { id: string; code: string; name: string } | null;
  evidence: { data: Record<string, unknown>; links: unknown[] };
  reason: string;
  status: string;
}

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cg-alerts-cli-'));
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

test('alerts run --json: each alert with its level, rule, customer and evidence; a second run raises none', async () => {
  const run = await runCli(['alerts', 'run', '--json']);
  assert.equal(run.exitCode, 0, run.stderr);
  const r = JSON.parse(run.stdout) as { raised: number; alerts: JsonAlert[] };
  assert.ok(r.raised > 0 && r.alerts.length === r.raised);
  for (const a of r.alerts) {
    assert.ok(['info', 'watch', 'warning', 'critical'].includes(a.level));
    assert.ok(a.rule && a.reason && a.evidence.links);
    if (a.customer) assert.match(a.customer.code, /^KH\d+$/);
  }
  const again = JSON.parse((await runCli(['alerts', 'run', '--json'])).stdout) as { raised: number };
  assert.equal(again.raised, 0);
});

test('alerts in Chinese by level; acknowledge by id; an unknown id exits 3 in words', async () => {
  const text = await runCli(['alerts'], 'zh-CN');
  assert.match(text.stdout, /^截至 2026-03-31 的预警：\d+ 条待处理/);
  const [first] = (
    JSON.parse((await runCli(['alerts', '--json', '--level', 'critical,warning'])).stdout) as { alerts: JsonAlert[] }
  ).alerts;
  assert.ok(first && ['critical', 'warning'].includes(first.level));
  const ack = await runCli(['alerts', 'acknowledge', first.id, '--json']);
  assert.equal(ack.exitCode, 0, ack.stderr);
  assert.equal((JSON.parse(ack.stdout) as JsonAlert).status, 'acknowledged');
  const none = await runCli(['alerts', 'resolve', 'no-such-alert']);
  assert.equal(none.exitCode, 3);
  assert.match(none.stderr, /No such alert/);
});
