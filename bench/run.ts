// Runs every bench/*.bench.ts (or those named on the command line) and prints one table.
// Benchmarks report figures; they never fail a build.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export interface BenchResult {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  readonly note?: string;
}

const dir = new URL('.', import.meta.url).pathname;
const only = process.argv.slice(2);
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();

const all: BenchResult[] = [];
for (const file of files) {
  process.stdout.write(`\n== ${file}\n`);
  const mod = (await import(pathToFileURL(join(dir, file)).href)) as { run?: () => Promise<BenchResult[]> };
  if (typeof mod.run !== 'function') {
    process.stdout.write('  (no run() export, skipped)\n');
    continue;
  }
  const results = await mod.run();
  for (const r of results) {
    process.stdout.write(
      `  ${r.name.padEnd(58)} ${formatValue(r.value).padStart(14)} ${r.unit}${r.note ? `  (${r.note})` : ''}\n`,
    );
  }
  all.push(...results);
}
process.stdout.write(`\n${all.length} figures from ${files.length} benchmark files\n`);

function formatValue(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  return Math.abs(v) >= 100 ? Math.round(v).toLocaleString('en-US') : v.toFixed(3);
}
