// Start-up of the command line (docs/adr/0014): `cashguard --help` and `cashguard status` on the
// default demo company (about 20k invoices), each a new process through bin/cashguard.mjs as a
// person runs it, beside `node -e 0` timed the same way in the same run. Targets: --help <= 0.3 s,
// status <= 0.6 s. Runs STARTUP_BENCH_RUNS times (default 5), interleaved; figures are medians.
import { buildPrograms } from '../scripts/build.mjs';
import { CLI, demoBook, list, loadNote, median, timeCommand, timeNode } from './processes.js';
import type { BenchResult } from './run.js';

const RUNS = Number(process.env.STARTUP_BENCH_RUNS ?? 5);

export async function run(): Promise<BenchResult[]> {
  await buildPrograms({ quiet: true });
  const db = demoBook('startup-demo.db', []);
  timeNode(CLI, ['--db', db, 'status']); // stores the book's snapshot, as the first report after the demo does
  const node: number[] = [];
  const help: number[] = [];
  const status: number[] = [];
  const statusMb: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    node.push(timeCommand(process.execPath, ['-e', '0']).seconds);
    help.push(timeNode(CLI, ['--help']).seconds);
    const s = timeNode(CLI, ['--db', db, 'status']);
    status.push(s.seconds);
    if (s.peakMb !== null) statusMb.push(s.peakMb);
  }
  const reference = median(node);
  const ratio = (values: number[]) => (median(values) / reference).toFixed(1);
  return [
    {
      name: 'startup: node -e 0 (reference)',
      value: reference,
      unit: 's',
      note: `${RUNS} runs: ${list(node)}; ${loadNote()}`,
    },
    {
      name: 'startup: cashguard --help',
      value: median(help),
      unit: 's',
      note: `${ratio(help)}x node -e 0; target <= 0.3 s; runs ${list(help)}`,
    },
    {
      name: 'startup: cashguard status, default demo (20k invoices)',
      value: median(status),
      unit: 's',
      note: `${ratio(status)}x node -e 0; target <= 0.6 s; peak ${Math.max(...statusMb).toFixed(0)} MB; runs ${list(status)}`,
    },
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const r of await run()) process.stdout.write(`${r.name}: ${r.value.toFixed(3)} ${r.unit}  (${r.note})\n`);
}
