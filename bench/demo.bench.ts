import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDemoCompany } from '../src/app/demo/index.js';
import { openDatabase } from '../src/db/connection.js';
import { migrateToLatest } from '../src/db/migrate.js';

export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  note?: string;
}

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const TMP = join(ROOT, '.bench-tmp');
const AS_OF = '2026-03-31';

function removeDatabase(path: string): void {
  for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
}

/** Generates and writes one demo company into a fresh SQLite file; reports time, rows/s and peak heap. */
async function measure(label: string, customers?: number, invoices?: number): Promise<BenchResult[]> {
  mkdirSync(TMP, { recursive: true });
  const path = join(TMP, `demo-${label}.db`);
  removeDatabase(path);
  const db = await openDatabase({ url: path });
  try {
    await migrateToLatest(db);
    let peakHeap = process.memoryUsage().heapUsed;
    const started = performance.now();
    const { counts } = await createDemoCompany(db, {
      asOf: AS_OF,
      ...(customers === undefined ? {} : { customers }),
      ...(invoices === undefined ? {} : { invoices }),
      onProgress: () => {
        peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
      },
    });
    const seconds = (performance.now() - started) / 1000;
    const rows = Object.values(counts).reduce((a, b) => a + b, 0);
    const note = `${counts.customers} customers, ${counts.invoices} invoices, ${rows} rows`;
    return [
      { name: `demo.${label}.seconds`, value: round(seconds), unit: 's', note },
      { name: `demo.${label}.rows_per_second`, value: Math.round(rows / seconds), unit: 'rows/s', note },
      {
        name: `demo.${label}.peak_heap`,
        value: Math.round(peakHeap / 1e6),
        unit: 'MB',
        note: 'sampled after each batch',
      },
    ];
  } finally {
    await db.close();
    removeDatabase(path);
  }
}

const round = (x: number) => Math.round(x * 100) / 100;

/** The default demo (200 customers, ~20k invoices) and a large one (10k customers, 1M invoices). */
export async function run(): Promise<BenchResult[]> {
  return [...(await measure('default')), ...(await measure('10k-1m', 10_000, 1_000_000))];
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  for (const r of await run()) console.log(`${r.name}\t${r.value} ${r.unit}${r.note ? `\t(${r.note})` : ''}`);
}
