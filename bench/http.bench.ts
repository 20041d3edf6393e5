// HTTP load: the real server on loopback, authenticated with an API token, driven by autocannon at a
// fixed 500 requests/s for 10 s against the summary and a list endpoint, for a small and a large
// demo organisation. Target: p99 <= 50 ms at 500 req/s.
import { createRequire } from 'node:module';
import { buildServer } from '../src/api/server.js';
import { createApiToken, ensureDemoOwner } from '../src/app/accounts/index.js';
import { fixedClock } from '../src/app/clock.js';
import { createDemoCompany } from '../src/app/demo/index.js';
import { openDatabase } from '../src/db/connection.js';
import { migrateToLatest } from '../src/db/migrate.js';

interface BenchResult {
  name: string;
  value: number;
  unit: string;
  note?: string;
}

interface CannonResult {
  requests: { average: number };
  latency: { p50: number; p99: number };
  non2xx: number;
  errors: number;
}
type Cannon = (opts: Record<string, unknown>) => Promise<CannonResult>;
const autocannon = createRequire(import.meta.url)('autocannon') as Cannon;

const AS_OF = '2026-03-31';
const RATE = Number(process.env.HTTP_BENCH_RATE ?? 500);
const SECONDS = Number(process.env.HTTP_BENCH_SECONDS ?? 10);
const SIZES = [
  { label: 'small', customers: 30, invoices: 1_000 },
  { label: 'large', customers: 2_000, invoices: Number(process.env.HTTP_BENCH_LARGE_INVOICES ?? 100_000) },
];

export async function run(): Promise<BenchResult[]> {
  const clock = fixedClock(`${AS_OF}T04:00:00Z`);
  const db = await openDatabase({ url: ':memory:' });
  await migrateToLatest(db);
  const app = buildServer({ db, clock });
  const out: BenchResult[] = [];
  try {
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    if (!address || typeof address === 'string') throw new Error('no port');
    const base = `http://127.0.0.1:${address.port}`;
    for (const size of SIZES) {
      const started = performance.now();
      await createDemoCompany(db, {
        orgId: size.label,
        customers: size.customers,
        invoices: size.invoices,
        asOf: AS_OF,
        seed: 7,
      });
      await ensureDemoOwner(db, { orgId: size.label, clock });
      const by = { orgId: size.label, actor: 'bench', now: clock.now().toISOString() };
      const { token } = await createApiToken(db, by, { name: 'bench', role: 'viewer' });
      const setup = `${size.customers} customers, ${size.invoices} invoices, set up in ${((performance.now() - started) / 1000).toFixed(1)} s`;
      for (const path of [
        `/api/summary?asOf=${AS_OF}`,
        `/api/v1/reports/aging?asOf=${AS_OF}&customers=100`,
        '/api/v1/invoices?limit=50&sort=-dueOn',
      ]) {
        // The first request computes what later ones read from the report cache: time it on its
        // own, then measure the steady state.
        const coldStarted = performance.now();
        // A keep-alive socket left idle during a long set-up may have been closed: retry once.
        const get = () => fetch(`${base}${path}`, { headers: { authorization: `Bearer ${token}` } });
        const cold = await get().catch(get);
        await cold.arrayBuffer();
        const coldMs = performance.now() - coldStarted;
        const r = await autocannon({
          url: `${base}${path}`,
          connections: 10,
          workers: 1, // the load generator in its own thread, not on the server's event loop
          duration: SECONDS,
          overallRate: RATE,
          headers: { authorization: `Bearer ${token}` },
        });
        const name = `http ${size.label} ${path.split('?')[0]}`;
        const note = `${setup}; ${RATE} req/s offered for ${SECONDS} s; non-2xx ${r.non2xx}, errors ${r.errors}`;
        out.push({ name: `${name} first request (cold)`, value: coldMs, unit: 'ms', note: `status ${cold.status}` });
        out.push({ name: `${name} throughput`, value: r.requests.average, unit: 'req/s', note });
        out.push({ name: `${name} p50`, value: r.latency.p50, unit: 'ms' });
        out.push({ name: `${name} p99`, value: r.latency.p99, unit: 'ms', note: 'target <= 50 ms' });
      }
    }
  } finally {
    await app.close();
    await db.close();
  }
  return out;
}
