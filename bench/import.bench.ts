/**
 * Import benchmark: invoices CSV of 100k and 1M rows (plus the 10k customers they reference)
 * into a fresh SQLite file with full validation, against the sqlite3 shell's `.import` of the same
 * file into an equivalent table (REFERENCE_DDL: same columns, primary key, unique key and indexes),
 * and, for continuity with the issue, straight into a bare table of the CSV's columns. Run alone with
 * `node --import tsx bench/import.bench.ts`, or through bench/run.ts.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { lastBackgroundCheckpoint } from '../src/db/checkpoint.js';
import { type Db, openDatabase } from '../src/db/connection.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { createOrganisation } from '../src/db/stores/organisations.js';
import { importCacheKib } from '../src/import/import-cache.js';
import { importFile, startReadWorker } from '../src/import/index.js';

export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  note?: string;
}

const DIR = join(import.meta.dirname, '..', '.bench-tmp');
const SQLITE3 = '/usr/bin/sqlite3';
const CUSTOMERS = 10_000;
const HEADER = 'number,customer_code,issued_on,due_on,amount,tax,currency,status,disputed,external_id';

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function writeCustomers(path: string): void {
  const lines = ['code,name,registration_no,terms_days,currency'];
  for (let i = 0; i < CUSTOMERS; i++) lines.push(`C${pad(i, 5)},客户${i}有限公司,91310000MA${pad(i, 8)},30,CNY`);
  writeFileSync(path, `${lines.join('\n')}\n`);
}

/** Writes the invoices CSV in 50k-row chunks to keep the generator's memory flat. */
function writeInvoices(path: string, rows: number): void {
  writeFileSync(path, `${HEADER}\n`);
  for (let start = 0; start < rows; start += 50_000) {
    const lines: string[] = [];
    for (let i = start; i < Math.min(rows, start + 50_000); i++) {
      const day = 1 + (i % 28);
      const amount = 100 + ((i * 7919) % 9_999_900);
      lines.push(
        `INV${pad(i, 8)},C${pad(i % CUSTOMERS, 5)},2025-07-${pad(day, 2)},2025-08-${pad(day, 2)},${Math.floor(amount / 100)}.${pad(amount % 100, 2)},${Math.floor(amount / 1100)}.00,CNY,open,N,EXT${i}`,
      );
    }
    writeFileSync(path, `${lines.join('\n')}\n`, { flag: 'a' });
  }
}

interface Timing {
  readonly seconds: number;
  /** After the commit: the background thread's copy of the log into the database file (ADR 0010). */
  readonly checkpointSeconds?: number;
  /** User + system CPU seconds: steadier than wall time on a shared machine. */
  readonly cpu: number;
}

/** Waits for the background checkpoint of the import just committed at `committedAt`; the seconds it took after the commit. */
async function awaitCheckpoint(db: Db, committedAt: number): Promise<number> {
  const checkpoint = await lastBackgroundCheckpoint(db);
  if (checkpoint?.error) throw new Error(`background checkpoint failed: ${checkpoint.error}`);
  return checkpoint ? (performance.now() - committedAt) / 1000 : 0;
}

/** A fresh database file made by our migrations, with the bench organisation and its 10k customers. */
async function openBenchDatabase(dbPath: string, customers: string): Promise<Db> {
  for (const ext of ['', '-wal', '-shm']) rmSync(dbPath + ext, { force: true });
  const db = await openDatabase({ url: dbPath });
  await migrateToLatest(db);
  await createOrganisation(db, { id: 'bench', name: 'Bench', baseCurrency: 'CNY', createdAt: '2025-01-01T00:00:00Z' });
  const c = await importFile(db, { orgId: 'bench', kind: 'customers', path: customers, locale: 'en' });
  if (!c.committed) throw new Error(`customers import failed: ${c.problems[0]?.message}`);
  return db;
}

/** Runs sqlite3 `commands` (a bash line; $0 is the database, $1 the CSV) and times it, CPU from bash's `time`. */
function timeShell(commands: string, dbPath: string, csv: string): Timing {
  const t0 = performance.now();
  // bash's `time` reports the child's CPU seconds on stderr (TIMEFORMAT='%U %S').
  const run = spawnSync('bash', ['-c', `TIMEFORMAT='%U %S'; time ${commands}`, dbPath, csv]);
  const seconds = (performance.now() - t0) / 1000;
  if (run.status !== 0) throw new Error(`sqlite3 failed: ${run.stderr}`);
  const [user, sys] = String(run.stderr).trim().split(/\s+/).slice(-2).map(Number);
  return { seconds, cpu: (user ?? Number.NaN) + (sys ?? Number.NaN) };
}

async function importOurs(
  csv: string,
  customers: string,
  dbPath: string,
): Promise<
  Timing & { rows: number; drySeconds: number; pageSize: number; checkpointSeconds: number; againSeconds: number }
> {
  const db = await openBenchDatabase(dbPath, customers);
  // As the server does at start: large files are then read on the worker while this thread writes.
  startReadWorker();
  try {
    const d0 = performance.now();
    const dry = await importFile(db, { orgId: 'bench', kind: 'invoices', path: csv, locale: 'en', dryRun: true });
    const drySeconds = (performance.now() - d0) / 1000;
    if (dry.problems.length > 0) throw new Error(`invoice dry run failed: ${dry.problems[0]?.message}`);
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    const r = await importFile(db, { orgId: 'bench', kind: 'invoices', path: csv, locale: 'en' });
    const t1 = performance.now();
    const seconds = (t1 - t0) / 1000;
    if (!r.committed) throw new Error(`invoice import failed: ${r.problems[0]?.message}`);
    const checkpointSeconds = await awaitCheckpoint(db, t1);
    // CPU of every thread, the background checkpoint included.
    const c1 = process.cpuUsage(c0);
    const pageSize = Number(db.sqlite?.pragma('page_size', { simple: true }));
    // The same file again, as a dry run: every row looked up among the stored ones and found unchanged.
    const a0 = performance.now();
    const again = await importFile(db, { orgId: 'bench', kind: 'invoices', path: csv, locale: 'en', dryRun: true });
    const againSeconds = (performance.now() - a0) / 1000;
    if (again.unchanged !== r.inserted)
      throw new Error(`re-import found ${again.unchanged} of ${r.inserted} rows unchanged`);
    return {
      seconds,
      cpu: (c1.user + c1.system) / 1e6,
      rows: r.inserted,
      drySeconds,
      pageSize,
      checkpointSeconds,
      againSeconds,
    };
  } finally {
    await db.close();
  }
}

/**
 * A new process's first import, as `cashguard import` runs it: no dry run before it and no read
 * worker started (files under 32 MiB are then read on the importing thread). Timed inside a child
 * process (`COLD_CHILD`), the import alone.
 */
function importCold(csv: string, customers: string, dbPath: string): Timing {
  const run = spawnSync(process.execPath, ['--import', 'tsx', import.meta.filename], {
    env: { ...process.env, COLD_CHILD: JSON.stringify({ csv, customers, dbPath }) },
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`cold import failed: ${run.stderr}`);
  return JSON.parse(run.stdout.trim().split('\n').at(-1) as string) as Timing;
}

async function coldChild(job: { csv: string; customers: string; dbPath: string }): Promise<Timing> {
  const db = await openBenchDatabase(job.dbPath, job.customers);
  try {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    const r = await importFile(db, { orgId: 'bench', kind: 'invoices', path: job.csv, locale: 'en' });
    const t1 = performance.now();
    if (!r.committed) throw new Error(`invoice import failed: ${r.problems[0]?.message}`);
    const checkpointSeconds = await awaitCheckpoint(db, t1);
    const c1 = process.cpuUsage(c0);
    return { seconds: (t1 - t0) / 1000, cpu: (c1.user + c1.system) / 1e6, checkpointSeconds };
  } finally {
    await db.close();
  }
}

/** The CSV's columns as text, for sqlite3's `.import` (it converts nothing). */
const STAGING_DDL =
  'CREATE TEMP TABLE staging (number TEXT, customer_code TEXT, issued_on TEXT, due_on TEXT, amount TEXT, tax TEXT, currency TEXT, status TEXT, disputed TEXT, external_id TEXT);';

/**
 * The reference table: the columns, primary key, unique key and indexes of `invoices` (migration
 * 0001), with the file's customer code where ours stores the resolved customer id.
 */
export const REFERENCE_DDL =
  "CREATE TABLE invoices (org_id TEXT NOT NULL, id TEXT PRIMARY KEY, customer_code TEXT NOT NULL, number TEXT NOT NULL, issued_on TEXT NOT NULL, due_on TEXT NOT NULL, currency CHAR(3) NOT NULL, amount_minor TEXT NOT NULL, tax_minor TEXT NOT NULL DEFAULT 0, status TEXT NOT NULL DEFAULT 'open', is_disputed TEXT NOT NULL DEFAULT 0, external_id TEXT, instalments TEXT NOT NULL DEFAULT '[]', channel TEXT, CONSTRAINT invoices_org_number UNIQUE (org_id, number));" +
  'CREATE INDEX invoices_org_customer ON invoices (org_id, customer_code); CREATE INDEX invoices_org_due ON invoices (org_id, due_on);';

/** 36-character ids in insertion order, shaped like our UUIDv7 ones, made by printf from the staging rowid. */
const REFERENCE_FILL =
  "INSERT INTO invoices (org_id, id, customer_code, number, issued_on, due_on, currency, amount_minor, tax_minor, status, is_disputed, external_id) SELECT 'bench', printf('%08x-%04x-7000-8000-%012x', unixepoch(), 0, rowid), customer_code, number, issued_on, due_on, currency, amount, tax, status, disputed, external_id FROM staging ORDER BY rowid;";

/** The issue's original reference: `.import` straight into a table of the CSV's columns. */
const BARE_DDL =
  'CREATE TABLE invoices (number TEXT NOT NULL, customer_code TEXT NOT NULL, issued_on TEXT NOT NULL, due_on TEXT NOT NULL, amount TEXT NOT NULL, tax TEXT NOT NULL, currency TEXT NOT NULL, status TEXT NOT NULL, disputed TEXT NOT NULL, external_id TEXT);' +
  'CREATE UNIQUE INDEX invoices_number ON invoices(number); CREATE INDEX invoices_customer ON invoices(customer_code); CREATE INDEX invoices_due ON invoices(due_on);';

function importSqlite3(csv: string, dbPath: string, equivalent: boolean): Timing {
  for (const ext of ['', '-journal']) rmSync(dbPath + ext, { force: true });
  const setup = spawnSync(SQLITE3, [dbPath, equivalent ? REFERENCE_DDL : BARE_DDL]);
  if (setup.status !== 0) throw new Error(`sqlite3 setup failed: ${setup.stderr}`);
  const commands = equivalent
    ? `${SQLITE3} "$0" "${STAGING_DDL}" ".import --csv --skip 1 $1 staging" "${REFERENCE_FILL}"`
    : `${SQLITE3} "$0" ".import --csv --skip 1 $1 invoices"`;
  return timeShell(commands, dbPath, csv);
}

/**
 * The same write done by the sqlite3 shell into our own schema (migrations, foreign keys on, the
 * same page size, journal mode, synchronous setting and page cache as our import): the customer
 * codes resolved to ids by a join, amounts converted, ids made by printf. It validates nothing
 * and reports no problem; it shows what SQLite itself needs for the rows we write. Informative:
 * the target is on the equivalent-table reference above.
 */
const SAME_SCHEMA_FILL =
  "INSERT INTO invoices (org_id, id, customer_id, number, issued_on, due_on, currency, amount_minor, tax_minor, status, is_disputed, external_id) SELECT 'bench', printf('%08x-%04x-7000-8000-%012x', unixepoch(), 0, s.rowid), c.id, s.number, s.issued_on, s.due_on, s.currency, CAST(round(s.amount * 100) AS INTEGER), CAST(round(s.tax * 100) AS INTEGER), s.status, s.disputed = 'Y', s.external_id FROM staging s JOIN customers c ON c.org_id = 'bench' AND c.code = s.customer_code ORDER BY s.rowid;";

async function importSqlite3SameSchema(csv: string, customers: string, dbPath: string, rows: number): Promise<Timing> {
  await (await openBenchDatabase(dbPath, customers)).close();
  const pragmas = `"PRAGMA foreign_keys = ON" "PRAGMA synchronous = NORMAL" "PRAGMA cache_size = -${importCacheKib(rows)}"`;
  return timeShell(
    `${SQLITE3} "$0" ${pragmas} "${STAGING_DDL}" ".import --csv --skip 1 $1 staging" "${SAME_SCHEMA_FILL}"`,
    dbPath,
    csv,
  );
}

async function benchSize(rows: number, customers: string): Promise<BenchResult[]> {
  const label = rows >= 1_000_000 ? `${rows / 1_000_000}M` : `${rows / 1000}k`;
  const csv = join(DIR, `invoices-${label}.csv`);
  if (!existsSync(csv)) writeInvoices(csv, rows);
  const ours = await importOurs(csv, customers, join(DIR, `import-${label}.db`));
  const cold = importCold(csv, customers, join(DIR, `import-cold-${label}.db`));
  const coldCheckpoint = (cold.checkpointSeconds ?? 0).toFixed(2);
  const mb = statSync(csv).size / 1e6;
  const out: BenchResult[] = [
    {
      name: `import.invoices.${label}.rows_per_s`,
      value: Math.round(ours.rows / ours.seconds),
      unit: 'rows/s',
      note: `${ours.seconds.toFixed(2)} s wall, ${ours.cpu.toFixed(2)} s CPU for ${ours.rows} rows (${mb.toFixed(0)} MB CSV), validated, SQLite file with ${ours.pageSize / 1024} KiB pages (the sqlite3 reference keeps its default); after a dry run, with the read worker started as the server starts it; timed to the commit, after which the background thread copied the log into the database file in ${ours.checkpointSeconds.toFixed(2)} s more (ADR 0010)`,
    },
    {
      name: `import.invoices.${label}.cold_rows_per_s`,
      value: Math.round(rows / cold.seconds),
      unit: 'rows/s',
      note: `a new process's first import (the CLI's case: no dry run, no worker started beforehand): ${cold.seconds.toFixed(2)} s wall to the commit (the CLI then waits ${coldCheckpoint} s more for the background checkpoint before it exits), ${cold.cpu.toFixed(2)} s CPU`,
    },
    {
      name: `import.invoices.${label}.reimport_rows_per_s`,
      value: Math.round(rows / ours.againSeconds),
      unit: 'rows/s',
      note: `the same file again as a dry run over the ${ours.rows} stored rows (each looked up, all unchanged): ${ours.againSeconds.toFixed(2)} s`,
    },
    {
      name: `import.invoices.${label}.validate_rows_per_s`,
      value: Math.round(rows / ours.drySeconds),
      unit: 'rows/s',
      note: `dry run: read, decode, parse and validate only, ${ours.drySeconds.toFixed(2)} s`,
    },
  ];
  if (!existsSync(SQLITE3)) {
    out.push({
      name: `import.invoices.${label}.vs_sqlite3`,
      value: Number.NaN,
      unit: 'ratio',
      note: `${SQLITE3} not found: comparison skipped`,
    });
    return out;
  }
  const theirs = importSqlite3(csv, join(DIR, `sqlite3-${label}.db`), true);
  const bare = importSqlite3(csv, join(DIR, `sqlite3-bare-${label}.db`), false);
  const same = await importSqlite3SameSchema(csv, customers, join(DIR, `sqlite3-same-${label}.db`), rows);
  out.push({
    name: `import.invoices.${label}.sqlite3_rows_per_s`,
    value: Math.round(rows / theirs.seconds),
    unit: 'rows/s',
    note:
      `sqlite3 .import --csv into a staging table + INSERT…SELECT into a table with invoices' columns, TEXT id PK, ` +
      `UNIQUE (org_id, number), indexes (org_id, customer_code), (org_id, due_on): ${theirs.seconds.toFixed(2)} s wall, ` +
      `${theirs.cpu.toFixed(2)} s CPU. It converts, validates and resolves nothing and checks no foreign key; ` +
      'ours parses dates and amounts, resolves customer codes to ids and checks both foreign keys',
  });
  out.push({
    name: `import.invoices.${label}.vs_sqlite3`,
    value: Number((ours.seconds / theirs.seconds).toFixed(2)),
    unit: 'ratio',
    note: 'ours / sqlite3 (equivalent table) wall time; target <= 2',
  });
  out.push({
    name: `import.invoices.${label}.vs_sqlite3_to_checkpoint`,
    value: Number(((ours.seconds + ours.checkpointSeconds) / theirs.seconds).toFixed(2)),
    unit: 'ratio',
    note: 'as vs_sqlite3, timed to the end of the background copy of the log into the database file instead of the commit',
  });
  out.push({
    name: `import.invoices.${label}.vs_sqlite3_cold`,
    value: Number((cold.seconds / theirs.seconds).toFixed(2)),
    unit: 'ratio',
    note: `a new process's first import / sqlite3 wall time; CPU ratio ${(cold.cpu / theirs.cpu).toFixed(2)}`,
  });
  out.push({
    name: `import.invoices.${label}.vs_sqlite3_cpu`,
    value: Number((ours.cpu / theirs.cpu).toFixed(2)),
    unit: 'ratio',
    note: `ours ${ours.cpu.toFixed(2)} s / sqlite3 ${theirs.cpu.toFixed(2)} s CPU`,
  });
  out.push({
    name: `import.invoices.${label}.vs_sqlite3_bare`,
    value: Number((ours.seconds / bare.seconds).toFixed(2)),
    unit: 'ratio',
    note:
      `against .import straight into a table of the CSV's 10 text columns (no id, no org_id; unique number, ` +
      `indexes customer_code, due_on): ${bare.seconds.toFixed(2)} s wall, ${bare.cpu.toFixed(2)} s CPU, ` +
      `CPU ratio ${(ours.cpu / bare.cpu).toFixed(2)}`,
  });
  out.push({
    name: `import.invoices.${label}.vs_sqlite3_same_schema`,
    value: Number((ours.seconds / same.seconds).toFixed(2)),
    unit: 'ratio',
    note:
      `informative: sqlite3 doing the same write into our schema (foreign keys on, codes joined to customer ids, ` +
      `no validation): ${same.seconds.toFixed(2)} s wall, ${same.cpu.toFixed(2)} s CPU, CPU ratio ${(ours.cpu / same.cpu).toFixed(2)}`,
  });
  out.push({
    name: `import.invoices.${label}.peak_rss`,
    value: Math.round(process.resourceUsage().maxRSS / 1024),
    unit: 'MB',
    note: 'process high-water mark after this size (includes the smaller sizes before it)',
  });
  return out;
}

export async function run(): Promise<BenchResult[]> {
  mkdirSync(DIR, { recursive: true });
  const customers = join(DIR, 'customers-10k.csv');
  writeCustomers(customers);
  const sizes = (process.env.IMPORT_BENCH_ROWS ?? '100000,1000000').split(',').map(Number);
  const results: BenchResult[] = [];
  for (const n of sizes) results.push(...(await benchSize(n, customers)));
  return results;
}

if (process.env.COLD_CHILD) {
  console.log(JSON.stringify(await coldChild(JSON.parse(process.env.COLD_CHILD))));
} else if (import.meta.url === `file://${process.argv[1]}`) {
  for (const r of await run()) console.log(`${r.name}\t${r.value} ${r.unit}${r.note ? `\t${r.note}` : ''}`);
}
