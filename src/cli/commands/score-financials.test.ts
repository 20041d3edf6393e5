import assert from 'node:assert/strict';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, it } from 'node:test';
import { Command } from 'commander';
import { parse } from 'csv-parse/sync';
import { addScoreFinancialsCommand } from './score-financials.js';

const RAW_HEADER =
  'id,period_end,revenue,ebit,net_income,total_assets,current_assets,current_liabilities,total_liabilities,retained_earnings,equity,inventory,receivables,cash,market_value_equity';
/** A reason a person reads: words, never a code such as EBIT_TA, DISTRESS_… or Attr29. */
const RAW_CODE = /[A-Z][A-Z0-9]*_[A-Z0-9_]+|\b[Aa](?:ttr|TTR)\d+\b|\{\{/;

interface Run {
  readonly stdout: string;
  readonly stderr: string;
  readonly exitCode: number | undefined;
}

/** Runs `cashguard [--lang] score financials <args>`, capturing stdout, stderr and the exit code. */
async function runCli(args: readonly string[], lang = 'en'): Promise<Run> {
  const program = new Command().exitOverride().option('--lang <locale>');
  addScoreFinancialsCommand(program.command('score'));
  const out: string[] = [];
  const err: string[] = [];
  const { log } = console;
  const write = process.stderr.write.bind(process.stderr);
  console.log = (...parts: unknown[]) => out.push(parts.join(' '));
  process.stderr.write = ((chunk: string) => err.push(String(chunk)) > 0) as typeof process.stderr.write;
  try {
    await program.parseAsync(['node', 'cashguard', '--lang', lang, 'score', 'financials', ...args]);
  } finally {
    console.log = log;
    process.stderr.write = write;
  }
  return { stdout: out.join('\n'), stderr: err.join(''), exitCode: process.exitCode as number | undefined };
}

afterEach(() => {
  process.exitCode = undefined;
});

async function tempFile(name: string, text: string): Promise<string> {
  const file = join(await mkdtemp(join(tmpdir(), 'score-financials-')), name);
  await writeFile(file, text);
  return file;
}

async function runToCsv(input: string, name: string): Promise<{ rows: string[][]; stderr: string }> {
  const file = await tempFile(name, input);
  const out = `${file}.predictions.csv`;
  const { stderr } = await runCli([file, '--out', out]);
  return { rows: parse(await readFile(out, 'utf8')), stderr };
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
    assert.doesNotMatch(reasons ?? '', RAW_CODE);
  }
}

const arff = (rows: readonly string[]): string => {
  const attrs = Array.from({ length: 64 }, (_, k) => `@attribute Attr${k + 1} numeric`);
  return ['@relation t', ...attrs, '@attribute class {0,1}', '@data', ...rows].join('\r\n');
};
const arffRow = (v: number) => Array.from({ length: 64 }, (_, k) => (k === 36 ? '?' : String(v * (k + 1)))).join(',');

describe('score financials --out', () => {
  it('scores a raw statement CSV with the statement-items model, in input order', async () => {
    const { rows, stderr } = await runToCsv(
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
    assert.match(rows[1]?.[4] ?? '', /is (low|high): /);
    assert.match(stderr, /distress-items-v2 \(raw statement items layout\)/);
  });

  it('scores ARFF with the ratios model, numbering rows from 1 and reading ? as missing', async () => {
    const { rows, stderr } = await runToCsv(arff([`${arffRow(0.01)},0`, `${arffRow(-0.02)},1`]), 'x.arff');
    checkRows(rows, ['1', '2']);
    assert.match(stderr, /distress-ratios-v2 \(UCI Polish ratios layout\)/);
  });

  it('reads a Polish ratio CSV with an Attr1..Attr64 header with the ratios model', async () => {
    const header = Array.from({ length: 64 }, (_, k) => `Attr${k + 1}`).join(',');
    const { rows, stderr } = await runToCsv(
      [header, Array.from({ length: 64 }, () => '0.1').join(','), Array.from({ length: 64 }, () => '').join(',')].join(
        '\n',
      ),
      'p.csv',
    );
    checkRows(rows, ['1', '2']);
    assert.match(stderr, /distress-ratios-v2/);
  });
});

describe('score financials --json', () => {
  it('prints only JSON on stdout, with the model and the reasons in words and as codes', async () => {
    const file = await tempFile('x.arff', arff([`${arffRow(0.01)},?`]));
    const run = await runCli([file, '--json']);
    const predictions = JSON.parse(run.stdout) as {
      id: string;
      model: string;
      reasons: string[];
      reasonCodes: { code: string }[];
      outcome: number | null;
    }[];
    assert.deepEqual(
      predictions.map((p) => [p.id, p.model, p.outcome]),
      [['1', 'distress-ratios-v2', null]],
    );
    const [p] = predictions;
    assert.equal(p?.reasons.length, p?.reasonCodes.length);
    for (const words of p?.reasons ?? []) assert.doesNotMatch(words, RAW_CODE);
    assert.equal(
      run.stderr,
      'The file gives no outcomes (no class column, or every class is ?): predictions only, no evaluation.\n',
    );
  });
});

describe('score financials: outcomes', () => {
  it("says a file without outcomes gets predictions only (class ?), in the reader's language", async () => {
    const file = await tempFile('unknown.arff', arff([`${arffRow(0.01)},?`, `${arffRow(-0.02)},?`]));
    const en = await runCli([file]);
    assert.equal(en.exitCode, undefined);
    assert.match(en.stdout, /predictions only, no evaluation/);
    assert.doesNotMatch(en.stdout, /AUC/);
    const zh = await runCli([file], 'zh-CN');
    assert.match(zh.stdout, /仅输出预测，不作评估/);
    assert.match(zh.stdout, /编号\s+评分\s+等级\s+违约概率\s+主要原因/);
  });

  it('reports AUC, Brier and calibration by decile when the file gives outcomes', async () => {
    const rows = [
      RAW_HEADER.concat(',class'),
      'a,2024-12-31,5000,600,450,4000,2200,900,1400,1500,2600,500,700,600,,0',
      'b,2024-12-31,1200,-90,-130,1000,300,700,1100,-400,-100,120,100,20,,1',
      'c,2024-12-31,3000,200,150,2500,1200,700,1200,400,1300,300,400,200,,0',
    ];
    const file = await tempFile('labelled.csv', rows.join('\n'));
    const out = `${file}.predictions.csv`;
    const run = await runCli([file, '--out', out]);
    assert.match(run.stdout, /^Wrote 3 predictions to /);
    assert.match(
      run.stdout,
      /Evaluated on 3 companies with a known outcome \(1 defaulted\): AUC 1\.000, Brier score 0\.\d{4}/,
    );
    assert.match(
      run.stdout,
      /Calibration by decile of predicted PD:\ndecile\s+companies\s+mean predicted PD\s+observed default rate/,
    );
  });
});

describe('score financials errors', () => {
  it('prints a translated message and exits 4 on a bad cell', async () => {
    const file = await tempFile('bad.csv', `${RAW_HEADER}\nc1,2024-12-31,1OO,5,3,200,80,40,120,10,80,,,,\n`);
    const en = await runCli([file]);
    assert.equal(en.exitCode, 4);
    assert.equal(en.stderr, `${file}, row 2: revenue "1OO" is not a number (leave the cell empty if unknown).\n`);
    process.exitCode = undefined;
    const zh = await runCli([file], 'zh-CN');
    assert.equal(zh.stderr, `${file} 第 2 行：revenue 的值 "1OO" 不是数字（未知请留空）。\n`);
  });

  it('exits 4 on an outcome that is not 0, 1, ? or empty', async () => {
    const file = await tempFile(
      'badclass.csv',
      `${RAW_HEADER},class\nc1,2024-12-31,100,5,3,200,80,40,120,10,80,,,,,yes\n`,
    );
    const run = await runCli([file]);
    assert.equal(run.exitCode, 4);
    assert.equal(
      run.stderr,
      `${file}, row 2: the outcome class "yes" is not 0, 1, ? or empty (empty or ? means not known).\n`,
    );
  });

  it('exits 5 when the file cannot be read, and 4 on a malformed ARFF row', async () => {
    const missing = await runCli(['/nonexistent/financials.csv']);
    assert.equal(missing.exitCode, 5);
    assert.match(missing.stderr, /^Cannot read the financials file \/nonexistent\/financials\.csv: /);
    process.exitCode = undefined;
    const file = await tempFile('short.arff', arff(['0.1,0.2,0']));
    const short = await runCli([file]);
    assert.equal(short.exitCode, 4);
    assert.match(short.stderr, /line 68: the row has 3 values; expected 65 values\./);
  });
});
