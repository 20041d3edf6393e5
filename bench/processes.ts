// Shared by the benchmarks that time what a person waits for: a new process, timed from its spawn
// to its exit, with its peak memory, beside a reference timed the same way in the same run.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const BENCH_DIR = join(ROOT, '.bench-tmp');
export const CLI = join(ROOT, 'bin', 'cashguard.mjs');
const USAGE = join(ROOT, 'bench', 'child-usage.mjs');
const MARK = 'CASHGUARD_BENCH_USAGE ';

export interface Run {
  /** Wall time from spawn to exit. */
  readonly seconds: number;
  /** Peak resident memory of the process (Node programs only). */
  readonly peakMb: number | null;
}

/** Runs `node <script> …args` in a new process (output discarded) and times it. */
export function timeNode(script: string, args: readonly string[], env: NodeJS.ProcessEnv = process.env): Run {
  const started = performance.now();
  const run = spawnSync(process.execPath, [USAGE, script, ...args], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'ignore', 'pipe'],
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const seconds = (performance.now() - started) / 1000;
  if (run.status !== 0) throw new Error(`node ${script} ${args.join(' ')} failed (${run.status}): ${run.stderr}`);
  const line = run.stderr.split('\n').find((l) => l.startsWith(MARK));
  const peakKb = line ? (JSON.parse(line.slice(MARK.length)) as { maxRSS: number }).maxRSS : null;
  return { seconds, peakMb: peakKb === null ? null : peakKb / 1024 };
}

/** Runs a command (output discarded) and times it. */
export function timeCommand(command: string, args: readonly string[]): Run {
  const started = performance.now();
  const run = spawnSync(command, args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  const seconds = (performance.now() - started) / 1000;
  if (run.status !== 0) throw new Error(`${command} failed (${run.status}): ${run.stderr}`);
  return { seconds, peakMb: null };
}

/** The sqlite3 shell when it is on the PATH (Debian: apt-get install sqlite3), else null. */
export function sqlite3Shell(): string | null {
  const probe = spawnSync('sqlite3', ['-version'], { encoding: 'utf8' });
  return probe.status === 0 ? 'sqlite3' : null;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

export function list(values: readonly number[], digits = 2): string {
  return values.map((v) => v.toFixed(digits)).join(', ');
}

/** Runs the CLI on `db` (a file of .bench-tmp), creating it with the demo company first when it is missing. */
export function demoBook(name: string, demoArgs: readonly string[]): string {
  mkdirSync(BENCH_DIR, { recursive: true });
  const path = join(BENCH_DIR, name);
  if (!existsSync(path)) {
    process.stdout.write(`  (creating ${name}: cashguard demo ${demoArgs.join(' ')} …)\n`);
    timeNode(CLI, ['--db', path, 'demo', ...demoArgs]);
  }
  return path;
}

/** A free loopback port. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        address && typeof address === 'object' ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/** A description of the machine's load, printed with figures measured on it. */
export function loadNote(): string {
  const spawn = spawnSync('cat', ['/proc/loadavg'], { encoding: 'utf8' });
  const load = spawn.status === 0 ? spawn.stdout.trim().split(' ').slice(0, 3).join(' ') : 'unknown';
  return `load average ${load}`;
}
