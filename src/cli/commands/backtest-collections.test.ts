import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { Command } from 'commander';
import { addBacktestCollectionsCommand, runBacktestCollections } from './backtest-collections.js';

const CSV = [
  'invoiceNumber,customerId,issuedOn,dueOn,amount,currency,settledOn,disputed,channel',
  '007,C1,2025-01-02,2025-02-01,100,CNY,2025-02-05,no,paper',
  '008,C2,2025-01-10,2025-02-09,50,CNY,2025-02-09,no,electronic',
  '"00,9",C1,2025-03-01,2025-03-31,80,CNY,2025-04-02,yes,electronic',
  '010,C1,2025-03-02,2025-04-01,80,CNY,,no,electronic',
].join('\n');

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, output: { out: (t: string) => out.push(t), err: (t: string) => err.push(t) } };
}

test('--predictions writes one row per settled invoice, in input order, invoice numbers verbatim', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'cg-backtest-'));
  try {
    const file = join(dir, 'history.csv');
    const predictions = join(dir, 'predictions.csv');
    await writeFile(file, CSV);
    const io = capture();
    const program = new Command().exitOverride();
    addBacktestCollectionsCommand(program.command('backtest'), io.output);
    await program.parseAsync(['node', 'cli', 'backtest', 'collections', file, '--predictions', predictions]);
    assert.equal(process.exitCode, 0);
    const lines = (await readFile(predictions, 'utf8')).trimEnd().split('\n');
    assert.equal(lines[0], 'invoiceNumber,customerId,predictedDaysToSettle,p10,p90,actualDaysToSettle');
    assert.equal(lines.length, 4);
    assert.deepEqual(
      lines.slice(1).map((l) => [l.split(',')[0], l.split(',').at(-1)]),
      [
        ['007', '34'],
        ['008', '30'],
        ['"00', '32'],
      ],
    );
    assert.ok(lines[3]?.startsWith('"00,9",C1,'));
    for (const line of lines.slice(1, 3)) assert.equal(line.split(',').length, 6);
    assert.match(io.out.join('\n'), /behaviour-model\s+\d+\.\d\d/);
    assert.match(io.out.join('\n'), /customer-mean-so-far/);
  } finally {
    process.exitCode = 0;
    await rm(dir, { recursive: true, force: true });
  }
});

test('--json prints the methods; a missing file is one line naming it, exit code 1', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'cg-backtest-'));
  try {
    const file = join(dir, 'history.csv');
    await writeFile(file, CSV);
    const io = capture();
    assert.equal(await runBacktestCollections(file, { json: true }, io.output), 0);
    const json = JSON.parse(io.out.join('\n')) as { methods: { method: string }[]; skippedOpenRows: number };
    assert.deepEqual(
      json.methods.map((m) => m.method),
      ['behaviour-model', 'due-date', 'customer-mean-so-far'],
    );
    assert.equal(json.skippedOpenRows, 1);
    const missing = capture();
    assert.equal(await runBacktestCollections(join(dir, 'nope.csv'), {}, missing.output), 1);
    assert.deepEqual(missing.err, [`${join(dir, 'nope.csv')}: file not found`]);
    await writeFile(file, CSV.replace('2025-03-01', '2025-02-30'));
    const bad = capture();
    assert.equal(await runBacktestCollections(file, {}, bad.output), 1);
    assert.deepEqual(bad.err, [`${file}, row 4, field issuedOn: bad date '2025-02-30' (expected YYYY-MM-DD)`]);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
