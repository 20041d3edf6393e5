#!/usr/bin/env node
// Compiles the server, the command line and their worker threads from TypeScript into dist/ with
// esbuild (docs/adr/0014), so that a start loads a few JavaScript files instead of transpiling a few
// hundred TypeScript modules. `npm install` runs it (the `prepare` script), `npm start` and
// `bin/cashguard.mjs` run it whenever dist/ is missing or older than any source it is built from;
// `--force` always builds. The tests run the TypeScript sources through tsx and never need it.
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
export const DIST = join(root, 'dist');
const STAMP = '.build-stamp';

/** The programs, by output name: each is a file of dist/ that loads shared chunks beside it. */
export const ENTRIES = {
  cli: 'src/cli/main.ts',
  server: 'src/server.ts',
  'read-worker': 'src/import/read-worker.ts',
  'report-worker': 'src/app/report-worker.ts',
  'mc-worker': 'src/app/stress/mc-worker.ts',
};

/**
 * Packages left to Node to load from node_modules: native code, and packages that read files
 * beside their own code (`__dirname`), which a bundle would move. Every other package is bundled,
 * which saves Node resolving and reading hundreds of files at each start.
 */
const EXTERNAL = [
  'better-sqlite3',
  'pg-native',
  'fastify',
  'fastify-*',
  '@fastify/*',
  'pino',
  'pino-*',
  'thread-stream',
];

/** Everything the bundle is made of besides node_modules: the sources, the lock file and this script. */
const SOURCES = [
  join(root, 'src'),
  join(root, 'package.json'),
  join(root, 'package-lock.json'),
  fileURLToPath(import.meta.url),
];

function newestMtime(path) {
  const info = statSync(path, { throwIfNoEntry: false });
  if (!info) return 0;
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = info.mtimeMs;
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    if (entry.name.startsWith('.') || entry.name.endsWith('.test.ts')) continue;
    const p = join(path, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

/** True when dist/ lacks a finished build or any source changed since it was made. */
export function isBuildStale(outdir = DIST) {
  const built = statSync(join(outdir, STAMP), { throwIfNoEntry: false });
  if (!built) return true;
  return SOURCES.some((p) => newestMtime(p) > built.mtimeMs);
}

/**
 * Source files keep their own `import.meta.url` in the bundle (files they read, such as
 * models/*.json, are found relative to the source, wherever the bundle lives), and a worker
 * started from its TypeScript starter (`./x-entry.mjs`, which registers tsx) is started from its
 * compiled entry (`dist/x.js`) instead.
 */
function sourceUrls(outdir, entries) {
  const compiledWorkers = new Map(
    Object.entries(entries).map(([name, source]) => [join(root, dirname(source), `${name}-entry.mjs`), name]),
  );
  return {
    name: 'source-urls',
    setup(build) {
      build.onLoad({ filter: /[\\/]src[\\/].*\.ts$/ }, (args) => {
        const text = readFileSync(args.path, 'utf8');
        if (!text.includes('import.meta')) return { contents: text, loader: 'ts' };
        if (/import\.meta\.(dirname|filename)/.test(text)) {
          return {
            errors: [{ text: 'use import.meta.url in bundled sources (import.meta.dirname is not rewritten)' }],
          };
        }
        const fromOut = relative(outdir, args.path).split(sep).join('/');
        const workers = [];
        const contents = text
          .replace(/new URL\((['"])(\.\/[\w-]+-entry\.mjs)\1, import\.meta\.url\)/g, (whole, _q, entry) => {
            const name = compiledWorkers.get(join(dirname(args.path), entry));
            if (name === undefined) return whole;
            workers.push(name);
            return `__compiledWorker${workers.length - 1}__`;
          })
          .replace(/import\.meta\.url/g, `new URL(${JSON.stringify(fromOut)}, import.meta.url).href`)
          .replace(
            /__compiledWorker(\d+)__/g,
            (_, i) => `new URL(${JSON.stringify(`./${workers[Number(i)]}.js`)}, import.meta.url)`,
          );
        return { contents, loader: 'ts' };
      });
    },
  };
}

/**
 * Builds `entries` (default: the programs, ENTRIES; a benchmark builds its own) into `outdir`
 * (default dist/): new chunks first, then the entries, then the stamp, each file written under a
 * temporary name and renamed, so a process starting meanwhile loads either the old build or the new
 * one, and two processes building at once write the same files. Files of an older build are removed
 * afterwards.
 */
export async function buildPrograms({ force = false, quiet = false, outdir = DIST, entries = ENTRIES } = {}) {
  if (!force && !isBuildStale(outdir)) {
    if (!quiet) process.stdout.write('Server and command line are up to date (dist).\n');
    return false;
  }
  const started = performance.now();
  const { build } = await import('esbuild');
  const result = await build({
    absWorkingDir: root,
    entryPoints: entries,
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    external: EXTERNAL,
    // Bundled CommonJS packages call require() for Node's own modules.
    banner: {
      js: "import { createRequire as __cgRequire } from 'node:module'; const require = __cgRequire(import.meta.url);",
    },
    plugins: [sourceUrls(outdir, entries)],
    write: false,
    logLevel: 'silent',
    legalComments: 'none',
  });
  mkdirSync(outdir, { recursive: true });
  const entryFiles = new Set(Object.keys(entries).map((name) => join(outdir, `${name}.js`)));
  const outputs = [...result.outputFiles].sort(
    (a, b) => Number(entryFiles.has(a.path)) - Number(entryFiles.has(b.path)),
  );
  for (const file of outputs) writeAtomically(file.path, file.contents);
  writeAtomically(join(outdir, STAMP), `${new Date().toISOString()}\n`);
  const kept = new Set([...outputs.map((f) => f.path), join(outdir, STAMP)]);
  for (const name of readdirSync(outdir)) {
    const p = join(outdir, name);
    if (!kept.has(p) && !name.includes('.tmp-')) rmSync(p, { force: true, recursive: true });
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  if (!quiet) process.stdout.write(`Server and command line compiled into dist in ${seconds} s.\n`);
  return true;
}

function writeAtomically(path, contents) {
  const temporary = `${path}.tmp-${process.pid}`;
  writeFileSync(temporary, contents);
  renameSync(temporary, path);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2);
  try {
    await buildPrograms({ force: args.includes('--force'), quiet: args.includes('--quiet') });
  } catch (error) {
    const detail = error?.errors
      ?.map((e) => `${e.location?.file ?? ''}:${e.location?.line ?? ''} ${e.text}`)
      .join('\n');
    process.stderr.write(`Build failed: ${detail || (error instanceof Error ? error.message : String(error))}\n`);
    process.exit(1);
  }
}
