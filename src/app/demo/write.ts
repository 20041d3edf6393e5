import { insertRows } from '../../db/bulk.js';
import { withBackgroundCheckpoint } from '../../db/checkpoint.js';
import type { Db } from '../../db/connection.js';
import { createOrganisation } from '../../db/stores/organisations.js';
import { withTransaction } from '../../db/transaction.js';
import { writeDemoBalanceSheets } from './balance-sheets.js';
import { DEMO_NAME, DEMO_NAME_EN, streamDemoCompany } from './generate.js';
import { DEFAULT_SEED, type DemoOptions, type DemoParams, resolveOptions } from './options.js';
import { ROW_MAPPERS, toRows } from './rows.js';
import type { DemoBatch, DemoRecordKind } from './types.js';

export interface CreateDemoParams {
  readonly asOf: string;
  readonly seed?: number;
  readonly customers?: number;
  readonly invoices?: number;
  /** Default 'demo'. Every generated id is prefixed with `${orgId}:` so demos can share a database. */
  readonly orgId?: string;
  readonly onProgress?: (phase: string, done: number, total: number) => void;
}

export interface CreateDemoResult {
  readonly orgId: string;
  /** Rows written per table, organisation included. */
  readonly counts: Record<string, number>;
}

/** SQLite page cache while writing, in KiB (negative = KiB in SQLite's convention): 256 MiB. */
const SQLITE_CACHE_KIB = -262_144;

const KINDS = Object.keys(ROW_MAPPERS) as DemoRecordKind[];

async function writeBatch(tx: Db, orgId: string, batch: DemoBatch, counts: Record<string, number>): Promise<void> {
  for (const kind of KINDS) {
    const records = batch.records[kind];
    if (!records || records.length === 0) continue;
    const mapped = toRows(kind, orgId, records);
    if (!mapped) continue;
    const [table, rows] = mapped;
    await insertRows(tx, table, rows);
    counts[table] = (counts[table] ?? 0) + rows.length;
  }
}

/**
 * Creates the demo organisation (示例贸易有限公司, CNY, zh-CN) and its three years of history up to
 * `asOf`, in one transaction: nothing is left half-written if anything fails. Records are
 * generated and written batch by batch, so memory stays bounded at any size.
 *
 * @example
 * const { orgId, counts } = await createDemoCompany(db, { asOf: '2026-03-31' });
 */
export async function createDemoCompany(db: Db, params: CreateDemoParams): Promise<CreateDemoResult> {
  const orgId = params.orgId ?? 'demo';
  const demoParams = {
    asOf: params.asOf,
    seed: params.seed ?? DEFAULT_SEED,
    idPrefix: `${orgId}:`,
    ...(params.customers === undefined ? {} : { customers: params.customers }),
    ...(params.invoices === undefined ? {} : { invoices: params.invoices }),
  };
  const opts = resolveOptions(demoParams);
  const counts: Record<string, number> = {};
  // A larger page cache keeps the growing indexes in memory during the one big transaction.
  const previousCache = db.sqlite?.pragma('cache_size', { simple: true });
  db.sqlite?.pragma(`cache_size = ${SQLITE_CACHE_KIB}`);
  try {
    // The copy of the large log into the database file runs on a background thread (docs/adr/0010).
    await withBackgroundCheckpoint(db, async () => {
      await writeAll(db, orgId, demoParams, opts, counts, params.onProgress);
      counts.company_balance_sheets = await writeDemoBalanceSheets(db, { orgId, asOf: params.asOf });
    });
  } finally {
    if (previousCache !== undefined) db.sqlite?.pragma(`cache_size = ${Number(previousCache)}`);
  }
  return { orgId, counts };
}

async function writeAll(
  db: Db,
  orgId: string,
  demoParams: DemoParams,
  opts: DemoOptions,
  counts: Record<string, number>,
  onProgress: CreateDemoParams['onProgress'],
): Promise<void> {
  await withTransaction(db, async (tx) => {
    await createOrganisation(tx, {
      id: orgId,
      name: DEMO_NAME,
      baseCurrency: 'CNY',
      locale: 'zh-CN',
      settings: { demo: { seed: opts.seed, asOf: opts.asOf, nameEn: DEMO_NAME_EN } },
      createdAt: `${opts.asOf}T00:00:00.000Z`,
    });
    counts.organisations = 1;
    for (const batch of streamDemoCompany(demoParams)) {
      await writeBatch(tx, orgId, batch, counts);
      onProgress?.(batch.phase, batch.done, batch.total);
    }
  });
}
