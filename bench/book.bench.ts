// Reports from the database at scale (docs/adr/0015): `cashguard status | aging | metrics |
// forecast` on a demo book of 10k customers and BOOK_BENCH_SIZES invoices (default 100k and 1M),
// each a new process as a person runs it, beside the sqlite3 shell grouping the same invoices by
// customer, timed the same way in the same run (runs interleaved; figures are medians of
// BOOK_BENCH_RUNS, default 3). Targets at 1M: each <= 3x the sqlite3 scan, peak memory <= 500 MB;
// at 100k: each <= 0.8 s. Also timed: the first report after a write of the ledger, which reads the
// tables and stores the book's snapshot. Without the sqlite3 shell the ratios are left out.
import { sql } from 'kysely';
import { buildPrograms } from '../scripts/build.mjs';
import { openDatabase } from '../src/db/connection.js';
import { CLI, demoBook, list, loadNote, median, sqlite3Shell, timeCommand, timeNode } from './processes.js';
import type { BenchResult } from './run.js';

const SIZES = (process.env.BOOK_BENCH_SIZES ?? '100000,1000000').split(',').map(Number);
const RUNS = Number(process.env.BOOK_BENCH_RUNS ?? 3);
const REPORTS = ['status', 'aging', 'metrics', 'forecast'] as const;
const GROUP_BY =
  "SELECT customer_id, count(*), sum(amount_minor) FROM invoices WHERE org_id = 'demo' GROUP BY customer_id";

/** A write of the ledger's tables, as any change to an invoice is: the next report reads the tables again. */
async function touchLedger(path: string): Promise<void> {
  const db = await openDatabase({ url: path });
  try {
    const first = await db.kysely
      .selectFrom('invoices')
      .select('id')
      .where('org_id', '=', 'demo')
      .limit(1)
      .executeTakeFirst();
    if (!first) throw new Error('the demo book has no invoice');
    await db.kysely
      .updateTable('invoices')
      .set({ channel: sql<string | null>`channel` })
      .where('org_id', '=', 'demo')
      .where('id', '=', first.id)
      .execute();
  } finally {
    await db.close();
  }
}

function label(n: number): string {
  return n >= 1_000_000 ? `${n / 1_000_000}M` : `${n / 1000}k`;
}

export async function run(): Promise<BenchResult[]> {
  await buildPrograms({ quiet: true });
  const shell = sqlite3Shell();
  const out: BenchResult[] = [];
  if (!shell)
    process.stdout.write('  (no sqlite3 shell on the PATH: the sqlite3 reference and the ratios are skipped)\n');
  for (const n of SIZES) {
    const size = label(n);
    const db = demoBook(`book-${n}.db`, ['--customers', '10000', '--invoices', String(n)]);
    await touchLedger(db);
    const first = timeNode(CLI, ['--db', db, '--org', 'demo', 'status']);
    const reference: number[] = [];
    const times = new Map<string, number[]>(REPORTS.map((r) => [r, []]));
    const peaks = new Map<string, number[]>(REPORTS.map((r) => [r, []]));
    for (let i = 0; i < RUNS; i++) {
      if (shell) reference.push(timeCommand(shell, [db, GROUP_BY]).seconds);
      for (const report of REPORTS) {
        const r = timeNode(CLI, ['--db', db, '--org', 'demo', report]);
        times.get(report)?.push(r.seconds);
        if (r.peakMb !== null) peaks.get(report)?.push(r.peakMb);
      }
    }
    const ref = shell ? median(reference) : null;
    if (ref !== null) {
      out.push({
        name: `book ${size}: sqlite3 group-by scan of the invoices (reference)`,
        value: ref,
        unit: 's',
        note: `${GROUP_BY}; runs ${list(reference)}; ${loadNote()}`,
      });
    }
    for (const report of REPORTS) {
      const values = times.get(report) ?? [];
      const ratio = ref === null ? 'no sqlite3 reference' : `${(median(values) / ref).toFixed(2)}x sqlite3`;
      const target = n >= 1_000_000 ? 'target <= 3x sqlite3 and <= 500 MB' : n <= 100_000 ? 'target <= 0.8 s' : '';
      out.push({
        name: `book ${size}: cashguard ${report} (new process)`,
        value: median(values),
        unit: 's',
        note: `${ratio}; peak ${Math.max(...(peaks.get(report) ?? [0])).toFixed(0)} MB; ${target}; runs ${list(values)}`,
      });
    }
    out.push({
      name: `book ${size}: cashguard status after a write (reads the tables, stores the snapshot)`,
      value: first.seconds,
      unit: 's',
      note: `${ref === null ? '' : `${(first.seconds / ref).toFixed(2)}x sqlite3; `}peak ${first.peakMb?.toFixed(0)} MB`,
    });
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const r of await run()) process.stdout.write(`${r.name}: ${r.value.toFixed(3)} ${r.unit}  (${r.note})\n`);
}
