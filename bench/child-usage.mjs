// Runs a Node program in this process (`node bench/child-usage.mjs <script> …args`) and, when it
// exits, writes its peak resident memory to stderr on one marked line, for bench/processes.ts.
import { writeSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const [script, ...args] = process.argv.slice(2);
process.argv = [process.argv[0], resolve(script), ...args];
process.on('exit', () => {
  writeSync(2, `\nCASHGUARD_BENCH_USAGE ${JSON.stringify({ maxRSS: process.resourceUsage().maxRSS })}\n`);
});
await import(pathToFileURL(resolve(script)).href);
