/**
 * Workbook import benchmark: a legitimate XLSX of about 300k invoices (about 8 MB, written here
 * with exceljs's streaming writer, never committed) for the demo company's customers.
 *   1. Over HTTP: the server (`src/server.ts`) on 127.0.0.1, the file uploaded as a dry run, while
 *      a bounded loop asks `/health` (at most 200 requests over at most 60 s): how long the upload
 *      took, the slowest `/health` answer during it, and the server's peak resident memory.
 *   2. The command line: `cashguard import invoices <file>` (a real import) under `/usr/bin/time -v`:
 *      wall time and peak resident memory.
 * Run alone with `node --import tsx bench/import-xlsx.bench.ts`, or through bench/run.ts.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { ensureDemoOwner } from '../src/app/accounts/index.js';
import { fixedClock } from '../src/app/clock.js';
import { openAppDatabase } from '../src/app/database.js';
import { createDemoCompany } from '../src/app/demo/index.js';

export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  note?: string;
}

const ROOT = join(import.meta.dirname, '..');
const DIR = join(ROOT, '.bench-tmp');
const ROWS = Number(process.env.BENCH_XLSX_ROWS ?? 300_000);
const AS_OF = '2026-03-31';
const PASSWORD = 'bench-password-not-secret';
const HEALTH_MAX_REQUESTS = 200;
const HEALTH_MAX_MS = 60_000;

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/**
 * Invoices of the demo's 200 customers, dates as date cells and amounts as numbers, as ERPs
 * export them; five columns, the due date from the customer's terms: about 27 bytes a row.
 */
export async function writeWorkbook(path: string, rows: number): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: path,
    useSharedStrings: process.env.BENCH_XLSX_SHARED === '1',
    useStyles: true,
  });
  const sheet = wb.addWorksheet('发票');
  sheet.columns = [
    { header: '发票号码', key: 'number' },
    { header: '客户编码', key: 'customer' },
    { header: '开票日期', key: 'issued', style: { numFmt: 'yyyy-mm-dd' } },
    { header: '金额', key: 'amount' },
    { header: '币种', key: 'currency' },
  ];
  const day0 = Date.UTC(2024, 0, 1);
  for (let i = 0; i < rows; i++) {
    const issued = new Date(day0 + (i % 800) * 86_400_000);
    const amount = 1000 + ((i * 7919) % 5000) * 10;
    sheet
      .addRow({
        number: `XB${pad(i, 7)}`,
        customer: `KH${pad((i % 200) + 1, 5)}`,
        issued,
        amount,
        currency: 'CNY',
      })
      .commit();
  }
  sheet.commit();
  await wb.commit();
}

/** A database with the demo company and its owner (login with PASSWORD). */
async function prepareDatabase(path: string): Promise<void> {
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
  const db = await openAppDatabase(path);
  try {
    await createDemoCompany(db, { asOf: AS_OF, customers: 200, invoices: 2000, seed: 11 });
    await ensureDemoOwner(db, { orgId: 'demo', clock: fixedClock(`${AS_OF}T04:00:00Z`), password: PASSWORD });
  } finally {
    await db.close();
  }
}

function peakRssKib(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN);
}

async function startServer(dbPath: string, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: dbPath,
      PORT: String(port),
      HOST: '127.0.0.1',
      CASHGUARD_ADMIN_PASSWORD: PASSWORD,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('server did not start in 120 s')), 120_000);
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('CashGuard is running')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
  return child;
}

async function login(base: string): Promise<{ cookie: string; csrf: string }> {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'demo@cashguard.local', password: PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`login: ${res.status} ${await res.text()}`);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  return { cookie, csrf: ((await res.json()) as { csrfToken: string }).csrfToken };
}

/** Asks /health until `done` (at most HEALTH_MAX_REQUESTS, HEALTH_MAX_MS): latencies in ms, failures counted. */
async function healthLoop(base: string, isDone: () => boolean, maxRequests = HEALTH_MAX_REQUESTS) {
  const latencies: number[] = [];
  let failures = 0;
  const started = performance.now();
  for (let i = 0; i < maxRequests && !isDone() && performance.now() - started < HEALTH_MAX_MS; i++) {
    const t = performance.now();
    try {
      const res = await fetch(`${base}/health`, { signal: AbortSignal.timeout(HEALTH_MAX_MS) });
      await res.arrayBuffer();
      if (res.status !== 200) failures++;
    } catch {
      failures++; // timed out or refused: counted, the loop goes on within its bounds
    }
    latencies.push(performance.now() - t);
    await new Promise((r) => setTimeout(r, 100));
  }
  return { latencies, failures };
}

async function overHttp(dbPath: string, file: string): Promise<BenchResult[]> {
  const port = 18_000 + (process.pid % 1000);
  const base = `http://127.0.0.1:${port}`;
  const server = await startServer(dbPath, port);
  try {
    const auth = await login(base);
    const idle = (await healthLoop(base, () => false, 20)).latencies;
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(readFileSync(file))]), 'invoices.xlsx');
    let done = false;
    const t0 = performance.now();
    const uploading = fetch(`${base}/api/v1/imports?kind=invoices&dryRun=true`, {
      method: 'POST',
      body: form,
      headers: { cookie: auth.cookie, 'x-csrf-token': auth.csrf },
    }).then(async (res) => {
      const report = (await res.json()) as { rowsRead?: number; problems?: unknown[]; committed?: boolean };
      return { status: res.status, report };
    });
    const health = healthLoop(base, () => done);
    const answer = await uploading.finally(() => {
      done = true;
    });
    const uploadMs = performance.now() - t0;
    const { latencies, failures } = await health;
    const rss = peakRssKib(server.pid as number);
    const rows = answer.report.rowsRead ?? 0;
    const problems = answer.report.problems?.length ?? -1;
    return [
      {
        name: 'HTTP dry-run upload of the workbook',
        value: uploadMs / 1000,
        unit: 's',
        note: `status ${answer.status}, ${rows} rows, ${problems} problems`,
      },
      {
        name: 'HTTP /health, slowest answer during the upload',
        value: Math.max(...latencies),
        unit: 'ms',
        note: `${latencies.length} requests, ${failures} failed`,
      },
      { name: 'HTTP /health, median answer during the upload', value: median(latencies), unit: 'ms' },
      {
        name: 'HTTP /health, slowest answer when idle',
        value: Math.max(...idle),
        unit: 'ms',
        note: `${idle.length} requests`,
      },
      { name: 'HTTP server peak RSS (whole run)', value: rss / 1024, unit: 'MiB' },
    ];
  } finally {
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
  }
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? Number.NaN;
}

function onCommandLine(dbPath: string, file: string): BenchResult[] {
  const r = spawnSync(
    '/usr/bin/time',
    [
      '-v',
      process.execPath,
      '--import',
      'tsx',
      'src/cli/main.ts',
      '--db',
      dbPath,
      '--org',
      'demo',
      '--lang',
      'en',
      'import',
      'invoices',
      file,
    ],
    { cwd: ROOT, encoding: 'utf8', env: { ...process.env, DATABASE_URL: '' } },
  );
  const elapsed = /Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)/.exec(r.stderr);
  const seconds = elapsed ? Number(elapsed[1] ?? 0) * 3600 + Number(elapsed[2]) * 60 + Number(elapsed[3]) : Number.NaN;
  const rssKib = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr)?.[1] ?? Number.NaN);
  const outcome = r.stdout.trim().split('\n').at(-1) ?? '';
  return [
    {
      name: 'CLI import of the workbook (real, committed)',
      value: seconds,
      unit: 's',
      note: `exit ${r.status}: ${outcome.slice(0, 90)}`,
    },
    { name: 'CLI import peak RSS', value: rssKib / 1024, unit: 'MiB' },
  ];
}

export async function run(): Promise<BenchResult[]> {
  if (!existsSync('/usr/bin/time')) return [{ name: 'xlsx import (needs /usr/bin/time)', value: Number.NaN, unit: '' }];
  mkdirSync(DIR, { recursive: true });
  const file = join(DIR, `invoices-${ROWS}.xlsx`);
  const t = performance.now();
  if (!existsSync(file)) await writeWorkbook(file, ROWS);
  const written = (performance.now() - t) / 1000;
  const dbPath = join(DIR, 'import-xlsx.db');
  await prepareDatabase(dbPath);
  const results: BenchResult[] = [
    {
      name: `workbook: ${ROWS} invoice rows`,
      value: statSync(file).size / 1024 / 1024,
      unit: 'MiB',
      note: `written in ${written.toFixed(1)} s`,
    },
  ];
  results.push(...(await overHttp(dbPath, file)));
  results.push(...onCommandLine(dbPath, file));
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${dbPath}${suffix}`, { force: true });
  return results;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const r of await run()) process.stdout.write(`${r.name}: ${r.value} ${r.unit}${r.note ? ` (${r.note})` : ''}\n`);
}
