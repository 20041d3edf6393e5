import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { Command } from 'commander';
import { openAppDatabase, resolveDatabaseUrl } from '../../app/database.js';
import { insertRows } from '../../db/bulk.js';
import { addForecastCommand } from './forecast.js';
import { addInitCommand } from './init.js';
import { addScenarioCommand } from './scenario.js';

let dir: string;
let dbFile: string;

async function runCli(args: readonly string[], lang = 'en') {
  const program = new Command().exitOverride().option('--db <url>').option('--org <id>').option('--lang <locale>');
  addInitCommand(program);
  addScenarioCommand(program);
  addForecastCommand(program);
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
    await program.parseAsync(['node', 'cashguard', '--db', dbFile, '--org', 'o1', '--lang', lang, ...args]);
  } finally {
    process.stdout.write = stdout;
    process.stderr.write = stderr;
  }
  const exitCode = Number(process.exitCode ?? 0);
  process.exitCode = 0;
  return { stdout: out.join(''), stderr: err.join(''), exitCode };
}

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cg-scenario-cli-'));
  dbFile = join(dir, 'cashguard.db');
  assert.equal((await runCli(['init'])).exitCode, 0);
  const db = await openAppDatabase(resolveDatabaseUrl(dbFile));
  try {
    await insertRows(db, 'customers', [{ org_id: 'o1', id: 'c1', code: 'C1', name: '华东精工' }]);
    await insertRows(db, 'bank_accounts', [
      { org_id: 'o1', id: 'a1', name: '工行', bank_name: null, account_no: null, currency: 'CNY' },
    ]);
    await insertRows(db, 'bank_balances', [
      { org_id: 'o1', bank_account_id: 'a1', balance_on: '2026-03-03', amount_minor: 300_000_00 },
    ]);
  } finally {
    await db.close();
  }
});
after(() => rmSync(dir, { recursive: true, force: true }));

test('scenario add, list, show, forecast --scenario and delete; a bad file names the field', async () => {
  const file = join(dir, 'winter.json');
  writeFileSync(
    file,
    JSON.stringify({
      name: '寒冬',
      elements: [
        { kind: 'payment_delay', days: 30, customerIds: ['C1'] },
        { kind: 'large_purchase', amountMinor: 120_000_00, on: '2026-03-11' },
      ],
    }),
  );
  const added = await runCli(['scenario', 'add', '--file', file]);
  assert.equal(added.exitCode, 0, added.stderr);
  assert.match(added.stdout, /Scenario "寒冬" saved\./);

  const list = await runCli(['scenario', 'list', '--json']);
  const listed = JSON.parse(list.stdout) as { name: string; assumptions: string[]; version: number }[];
  assert.deepEqual(
    listed.map((s) => [s.name, s.version, s.assumptions]),
    [
      [
        '寒冬',
        1,
        ['华东精工 pay 30 days later than expected.', 'A large purchase of 120,000.00 CNY is paid on 2026-03-11.'],
      ],
    ],
  );
  const shown = await runCli(['scenario', 'show', '寒冬'], 'zh-CN');
  assert.match(shown.stdout, /- 华东精工 比预计晚 30 天付款。/);

  const forecast = await runCli(['forecast', '--as-of', '2026-03-04', '--scenario', '寒冬']);
  assert.equal(forecast.exitCode, 0, forecast.stderr);
  assert.match(forecast.stdout, /Scenario: 寒冬\n- 华东精工 pay 30 days later/);
  assert.doesNotMatch(forecast.stdout, /FORECAST_SCENARIO_/);
  // Side by side: the three at 300,000 all along; the saved one 120,000 lower from week 2.
  assert.match(forecast.stdout, /Scenarios side by side/);
  assert.match(forecast.stdout, /寒冬\s+180,000\.00/);
  assert.match(forecast.stdout, /Base\s+300,000\.00/);

  const unknown = await runCli(['forecast', '--as-of', '2026-03-04', '--scenario', 'nope']);
  assert.equal(unknown.exitCode, 2);
  assert.match(unknown.stderr, /No scenario named "nope" \(built-in and saved: optimistic, base, pessimistic, 寒冬\)/);

  writeFileSync(file, JSON.stringify({ name: 'bad', elements: [{ kind: 'payment_delay', days: -3 }] }));
  const bad = await runCli(['scenario', 'add', '--file', file]);
  assert.equal(bad.exitCode, 4);
  assert.match(bad.stderr, /Scenario field elements\.0\.days = -3 is not valid/);

  const deleted = await runCli(['scenario', 'delete', '寒冬']);
  assert.match(deleted.stdout, /Scenario "寒冬" deleted\./);
  assert.match((await runCli(['scenario', 'list'])).stdout, /No scenario saved yet/);
});
