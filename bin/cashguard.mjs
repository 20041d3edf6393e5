#!/usr/bin/env node
// Runs the compiled command line (dist/cli.js), compiling it first when dist/ is missing or older
// than its sources (scripts/build.mjs, docs/adr/0014), so `npx cashguard` works right after
// `npm install` and after any change to the sources.
import { buildPrograms, isBuildStale } from '../scripts/build.mjs';

if (isBuildStale()) {
  process.stderr.write('Compiling CashGuard (its sources changed) …\n');
  await buildPrograms({ force: true, quiet: true });
}
await import('../dist/cli.js');
