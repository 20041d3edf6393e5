#!/usr/bin/env node
// Builds the dashboard (web/) into web/dist with Vite when web/dist is missing or older than any
// source it is built from; `--force` always builds. `npm start` runs it first, `npm run build`
// runs it with --force. Prints one line either way; exits non-zero when the build fails.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const web = join(root, 'web');
const stamp = join(web, 'dist', 'index.html');
/** Everything the bundle is made of: the app, its config, and the shared modules it imports. */
const SOURCES = [
  join(web, 'src'),
  join(web, 'index.html'),
  join(web, 'vite.config.ts'),
  join(root, 'src', 'i18n', 'format.ts'),
  join(root, 'src', 'core', 'money'),
  join(root, 'src', 'app', 'accounts', 'roles.ts'),
];

function newestMtime(path) {
  const info = statSync(path, { throwIfNoEntry: false });
  if (!info) return 0;
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = info.mtimeMs;
  for (const name of readdirSync(path)) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    newest = Math.max(newest, newestMtime(join(path, name)));
  }
  return newest;
}

export function isWebBuildStale() {
  const built = statSync(stamp, { throwIfNoEntry: false });
  if (!built) return true;
  return SOURCES.some((p) => newestMtime(p) > built.mtimeMs);
}

export async function buildWeb({ force = false, quiet = false } = {}) {
  if (!force && !isWebBuildStale()) {
    if (!quiet) process.stdout.write('Web app is up to date (web/dist).\n');
    return false;
  }
  const started = performance.now();
  // Always a production bundle: an inherited NODE_ENV (the test runner sets 'test') would give
  // React's development build, twice the size and slower.
  process.env.NODE_ENV = 'production';
  const { build } = await import('vite');
  await build({
    configFile: join(web, 'vite.config.ts'),
    root: web,
    mode: 'production',
    logLevel: quiet ? 'error' : 'warn',
  });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  if (!quiet) process.stdout.write(`Web app built into web/dist in ${seconds} s.\n`);
  return true;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2);
  try {
    await buildWeb({ force: args.includes('--force'), quiet: args.includes('--quiet') });
  } catch (error) {
    process.stderr.write(`Web app build failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
}
