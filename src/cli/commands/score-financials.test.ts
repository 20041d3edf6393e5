import assert from 'node:assert/strict';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { Command } from 'commander';
import { parse } from 'csv-parse/sync';
import { addScoreFinancialsCommand } from './score-financials.js';

const RAW_HEADER =
  'id,period_end,revenue,ebit,net_income,total_assets,current_assets,current_liabilities,total_liabilities,retained_earnings,equity,inventory,receivables,cash,market_value_equity';

async function run(input: string, name: string): Promise<string[][]> {
  const dir = await mkdtemp(join(tmpdir(), 'score-financials-'));
  const file = join(dir, name);
  const out = join(dir, 'predictions.csv');
  await writeFile(file, input);
  const program = new Command().exitOverride();
  addScoreFinancialsCommand(program.command('score'));
  await program.parseAsync(['node', 'cashguard', 'score', 'financials', file, '--out', out]);
  return parse(await readFile(out, 'utf8'));
}

function checkRows(rows: string[][], ids: string[]): void {
  assert.deepEqual(rows[0], ['id', 'score', 'grade', 'pd', 'top_reasons']);
  assert.deepEqual(
    rows.slice(1).map((r) => r[0]),
    ids,
  );
  for (const r of rows.slice(1)) {
    const [, score, grade, pd, reasons] = r;
    assert.ok(Number(score) >= 0 && Number(score) <= 100);
    assert.match(grade ?? '', /^[A-E]$/);
    assert.ok(Number(pd) > 0 && Number(pd) < 1);
    assert.match(
      reasons ?? '',
      /^$|^((LOW|HIGH)_[A-Z_]+\(-?[\d.e+-]+\)|MISSING_[A-Z_]+)(;((LOW|HIGH)_[A-Z_]+\(-?[\d.e+-]+\)|MISSING_[A-Z_]+)){0,2}$/,
    );
  }
}

describe('score financials --out', () => {
  it('writes id,score,grade,pd,top_reasons for a raw statement CSV, in input order', async () => {
    const rows = await run(
      [
        RAW_HEADER,
        'beta,2024-12-31,1200,-90,-130,1000,300,700,1100,-400,-100,120,100,20,',
        'alpha,2024-12-31,5000,600,450,4000,2200,900,1400,1500,2600,500,700,600,',
        'gamma,2024-12-31,800,40,,900,,,500,,400,,,,',
      ].join('\n'),
      'raw.csv',
    );
    checkRows(rows, ['beta', 'alpha', 'gamma']);
    assert.ok(Number(rows[1]?.[3]) > Number(rows[2]?.[3]), 'the loss-making firm has the higher PD');
  });

  it('numbers ARFF rows from 1 and reads ? as missing', async () => {
    const attrs = Array.from({ length: 64 }, (_, k) => `@attribute Attr${k + 1} numeric`);
    const row = (v: number) => Array.from({ length: 64 }, (_, k) => (k === 36 ? '?' : String(v * (k + 1)))).join(',');
    const rows = await run(
      ['@relation t', ...attrs, '@attribute class {0,1}', '@data', `${row(0.01)},0`, `${row(-0.02)},1`].join('\r\n'),
      'x.arff',
    );
    checkRows(rows, ['1', '2']);
  });

  it('reads a Polish ratio CSV with an Attr1..Attr64 header', async () => {
    const header = Array.from({ length: 64 }, (_, k) => `Attr${k + 1}`).join(',');
    const rows = await run(
      [header, Array.from({ length: 64 }, () => '0.1').join(','), Array.from({ length: 64 }, () => '').join(',')].join(
        '\n',
      ),
      'p.csv',
    );
    checkRows(rows, ['1', '2']);
  });
});
