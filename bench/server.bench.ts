// A server that never stalls (docs/adr/0016): the compiled server (`node dist/server.js`, as
// `npm start` runs it) on the 1M-invoice demo book (SERVER_BENCH_INVOICES) with a small second
// organisation. While the book's first forecast computes, /health and the small organisation's
// summary are asked every 20 ms (at most SERVER_BENCH_SECONDS, default 60 s); their latencies are
// the figures (target p99 <= 50 ms), with the small organisation's first, uncached summary (it must
// not wait for the large book's report) and the forecast's own time.
import { type ChildProcess, spawn } from 'node:child_process';
import { buildPrograms } from '../scripts/build.mjs';
import { createApiToken } from '../src/app/accounts/index.js';
import { createDemoCompany } from '../src/app/demo/index.js';
import { openDatabase } from '../src/db/connection.js';
import { demoBook, freePort, loadNote, ROOT } from './processes.js';
import type { BenchResult } from './run.js';

const INVOICES = Number(process.env.SERVER_BENCH_INVOICES ?? 1_000_000);
const SECONDS = Number(process.env.SERVER_BENCH_SECONDS ?? 60);
const AS_OF = '2026-11-25';

/** Tokens for the large book ('demo') and a small organisation, added to the book's file once. */
async function prepare(path: string): Promise<{ big: string; small: string }> {
  const db = await openDatabase({ url: path });
  try {
    const small = await db.kysely.selectFrom('organisations').select('id').where('id', '=', 'small').executeTakeFirst();
    if (!small) await createDemoCompany(db, { orgId: 'small', customers: 20, invoices: 600, asOf: AS_OF, seed: 3 });
    const token = async (orgId: string) =>
      (
        await createApiToken(
          db,
          { orgId, actor: 'bench', now: new Date().toISOString() },
          { name: 'bench', role: 'viewer' },
        )
      ).token;
    return { big: await token('demo'), small: await token('small') };
  } finally {
    await db.close();
  }
}

async function startServer(path: string, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['dist/server.js'], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: path, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const up = await fetch(`http://127.0.0.1:${port}/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) return child;
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill();
  throw new Error('the server did not answer /health within 30 s');
}

async function timed(url: string, token?: string): Promise<{ ms: number; status: number }> {
  const started = performance.now();
  const res = await fetch(url, token ? { headers: { authorization: `Bearer ${token}` } } : {});
  await res.arrayBuffer();
  return { ms: performance.now() - started, status: res.status };
}

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

export async function run(): Promise<BenchResult[]> {
  await buildPrograms({ quiet: true });
  const path = demoBook(`book-${INVOICES}.db`, ['--customers', '10000', '--invoices', String(INVOICES)]);
  const tokens = await prepare(path);
  const port = await freePort();
  const server = await startServer(path, port);
  const base = `http://127.0.0.1:${port}`;
  try {
    let done = false;
    const started = performance.now();
    const report = timed(`${base}/api/v1/reports/forecast?asOf=${AS_OF}`, tokens.big).finally(() => {
      done = true;
    });
    const smallFirst = await timed(`${base}/api/summary?asOf=${AS_OF}`, tokens.small);
    const health: number[] = [];
    const summary: number[] = [];
    const until = Date.now() + SECONDS * 1000;
    while (!done && Date.now() < until && health.length < 3_000) {
      const [h, s] = await Promise.all([
        timed(`${base}/health`),
        timed(`${base}/api/summary?asOf=${AS_OF}`, tokens.small),
      ]);
      health.push(h.ms);
      summary.push(s.ms);
      await new Promise((r) => setTimeout(r, 20));
    }
    const forecast = await report;
    const forecastSeconds = (performance.now() - started) / 1000;
    const during = `${health.length} pairs asked while the ${INVOICES / 1e6}M-invoice forecast computed; ${loadNote()}`;
    return [
      {
        name: `server: 1M book's first forecast (status ${forecast.status})`,
        value: forecastSeconds,
        unit: 's',
        note: 'on a report worker, the stored snapshot read by a worker that had not read the book yet',
      },
      { name: 'server: /health p50 during it', value: percentile(health, 50), unit: 'ms', note: during },
      {
        name: 'server: /health p99 during it',
        value: percentile(health, 99),
        unit: 'ms',
        note: `target <= 50 ms; max ${Math.max(...health).toFixed(1)} ms`,
      },
      { name: "server: small organisation's summary p50 during it", value: percentile(summary, 50), unit: 'ms' },
      {
        name: "server: small organisation's summary p99 during it",
        value: percentile(summary, 99),
        unit: 'ms',
        note: `target <= 50 ms; max ${Math.max(...summary).toFixed(1)} ms (from the report cache after the first)`,
      },
      {
        name: "server: small organisation's first summary during it",
        value: smallFirst.ms,
        unit: 'ms',
        note: `status ${smallFirst.status}; computed on the other report worker, not queued behind the large book`,
      },
    ];
  } finally {
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const r of await run()) process.stdout.write(`${r.name}: ${r.value.toFixed(3)} ${r.unit}  (${r.note ?? ''})\n`);
}
